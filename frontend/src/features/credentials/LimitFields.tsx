import { Alert, Col, Form, InputNumber, Row } from 'antd';
import { changedLimitsBelowUsage } from './token-limits';
import { useTranslation } from 'react-i18next';
import { LIMIT_FIELDS, LIMIT_MAXIMUM, isValidLimit, type LimitField, type TokenFormValues } from './token-form-model';

const LIMIT_LABEL_KEYS: Record<LimitField, { label: string; help: string }> = {
  requestLimit: { label: 'credentials.form.requestLimit', help: 'credentials.form.requestLimitHelp' },
  quotaLimit: { label: 'credentials.form.quotaLimit', help: 'credentials.form.quotaLimitHelp' },
  rateLimit: { label: 'credentials.form.rateLimit', help: 'credentials.form.rateLimitHelp' },
};

/**
 * Three optional limits; empty means unlimited. Editing, a limit at or below what the token has
 * already used is warned about before saving (the token would be refused at once).
 */
export function LimitFields({ usage }: { usage?: { requestCount: number; quotaUsed: number; requestLimit: number | null; quotaLimit: number | null } }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TokenFormValues>();
  const requestLimit = Form.useWatch('requestLimit', form) as number | null | undefined;
  const quotaLimit = Form.useWatch('quotaLimit', form) as number | null | undefined;
  const below = usage ? changedLimitsBelowUsage(usage, { requestLimit, quotaLimit }) : [];
  return (
    <>
    {below.length > 0 && usage && (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        title={t('panel.limitBelowUsage.title')}
        description={below
          .map((limit) => t(`panel.limitBelowUsage.${limit}`, { used: (limit === 'requests' ? usage.requestCount : usage.quotaUsed).toLocaleString() }))
          .join(' ')}
      />
    )}
    {/* Bottom-aligned, so a label that wraps to two lines never pushes its input out of line. */}
    <Row gutter={12} align="bottom">
      {LIMIT_FIELDS.map((field) => (
        <Col key={field} xs={24} md={8}>
          <Form.Item
            name={field}
            label={t(LIMIT_LABEL_KEYS[field].label)}
            tooltip={t(LIMIT_LABEL_KEYS[field].help)}
            rules={[
              {
                validator: (_, value: number | null | undefined) =>
                  isValidLimit(value, field)
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t('credentials.form.validation.limitInvalid', { max: LIMIT_MAXIMUM[field].toLocaleString() })),
                      ),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} placeholder={t('credentials.usage.unlimited')} />
          </Form.Item>
        </Col>
      ))}
    </Row>
    </>
  );
}
