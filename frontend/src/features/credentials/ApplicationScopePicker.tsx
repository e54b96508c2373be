import { Checkbox, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../api/types';

interface ApplicationScopePickerProps {
  application: Application | undefined;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** The scopes of an application's catalogue, each with its description (in the panel's language) and what it implies. */
export function ApplicationScopePicker({ application, value = [], onChange }: ApplicationScopePickerProps) {
  const { t } = useTranslation();
  if (!application || application.scopes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credentials.application.noScopes')} />;
  return (
    <Flex vertical gap={8} role="group" aria-label={t('credentials.application.scopesOf', { name: application.name })}>
      {application.scopes.map((entry) => (
        <Checkbox
          key={entry.scope}
          checked={value.includes(entry.scope)}
          onChange={(event) => onChange?.(event.target.checked ? [...value, entry.scope] : value.filter((scope) => scope !== entry.scope))}
        >
          <Typography.Text className="tessera-mono" strong>
            {entry.scope}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {entry.description}
            {entry.implies.length > 0 && ` · ${t('credentials.application.implies', { scopes: entry.implies.join(', ') })}`}
          </Typography.Text>
        </Checkbox>
      ))}
    </Flex>
  );
}
