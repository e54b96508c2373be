import { TOKEN_RULES } from '@tessera/backend/contract';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { allowedIpsProblem } from './token-form-model';

/** Optional IP allowlist: one IP or CIDR range (v4 or v6) per line, checked like the API checks it. */
export function AllowedIpsField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="allowedIps"
      label={t('credentials.form.allowedIps')}
      extra={t('credentials.form.allowedIpsHelp', { max: TOKEN_RULES.maxAllowedIps })}
      rules={[
        {
          validator: (_, value: string | undefined) => {
            const problem = allowedIpsProblem(value);
            if (!problem) return Promise.resolve();
            const text =
              problem.kind === 'tooMany'
                ? t('credentials.form.validation.allowedIpsTooMany', { max: problem.max })
                : t('credentials.form.validation.allowedIpsInvalid', {
                    count: problem.entries.length,
                    entries: problem.entries.slice(0, 3).join(', '),
                  });
            return Promise.reject(new Error(text));
          },
        },
      ]}
    >
      <Input.TextArea
        rows={3}
        className="tessera-mono"
        placeholder={t('credentials.form.allowedIpsPlaceholder')}
        spellCheck={false}
        autoComplete="off"
      />
    </Form.Item>
  );
}
