import { SCOPE_GROUPS, SPECIAL_SCOPES, type ScopeGroup, type SpecialScope } from '@tessera/backend/contract';
import { Checkbox, Flex, Radio, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyScopeSelection, type ScopeChoice, type ScopeSelection } from './token-form-model';

const GROUP_LABEL_KEYS: Record<ScopeGroup, { name: string; explanation: string }> = {
  account: { name: 'credentials.scopes.account.name', explanation: 'credentials.scopes.account.explanation' },
  tokens: { name: 'credentials.scopes.tokens.name', explanation: 'credentials.scopes.tokens.explanation' },
  usage: { name: 'credentials.scopes.usage.name', explanation: 'credentials.scopes.usage.explanation' },
};

const SPECIAL_LABEL_KEYS: Record<SpecialScope, { name: string; explanation: string }> = {
  'tokens:rotate-self': { name: 'security.scopes.rotateSelf.name', explanation: 'security.scopes.rotateSelf.explanation' },
};

interface ScopePickerProps {
  value?: ScopeSelection;
  onChange?: (value: ScopeSelection) => void;
}

/**
 * One none/read/write choice per scope group; groups come from the shared contract. Each group is
 * its own radio group (its own `name`, named by its visible label), so arrow keys stay inside it
 * and reaching one group never changes another.
 */
export function ScopePicker({ value = emptyScopeSelection(), onChange }: ScopePickerProps) {
  const { t } = useTranslation();
  const idPrefix = `scope-${useId().replace(/[^\w-]/g, '')}`;
  const choices: { value: ScopeChoice; label: string }[] = [
    { value: 'none', label: t('credentials.scopes.level.none') },
    { value: 'read', label: t('credentials.scopes.level.read') },
    { value: 'write', label: t('credentials.scopes.level.write') },
  ];

  return (
    <Flex vertical gap={12}>
      {SCOPE_GROUPS.map((group) => (
        <Flex key={group} justify="space-between" align="center" gap={12} wrap>
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Typography.Text strong id={`${idPrefix}-${group}-label`}>
              {t(GROUP_LABEL_KEYS[group].name)}
            </Typography.Text>
            <Typography.Text type="secondary" id={`${idPrefix}-${group}-help`} style={{ display: 'block', fontSize: 12 }}>
              {t(GROUP_LABEL_KEYS[group].explanation)}
            </Typography.Text>
          </div>
          <Radio.Group
            role="radiogroup"
            name={`${idPrefix}-${group}`}
            aria-labelledby={`${idPrefix}-${group}-label`}
            aria-describedby={`${idPrefix}-${group}-help`}
            optionType="button"
            buttonStyle="solid"
            size="small"
            options={choices}
            value={value[group]}
            onChange={(event) => onChange?.({ ...value, [group]: event.target.value as ScopeChoice })}
          />
        </Flex>
      ))}
      {SPECIAL_SCOPES.map((scope) => {
        const checked = value.special?.includes(scope) ?? false;
        return (
          <Checkbox
            key={scope}
            checked={checked}
            onChange={(event) =>
              onChange?.({
                ...value,
                special: event.target.checked ? [...(value.special ?? []), scope] : (value.special ?? []).filter((item) => item !== scope),
              })
            }
          >
            <Typography.Text strong>{t(SPECIAL_LABEL_KEYS[scope].name)}</Typography.Text>{' '}
            <Typography.Text className="tessera-mono" type="secondary" style={{ fontSize: 12 }}>
              {scope}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(SPECIAL_LABEL_KEYS[scope].explanation)}
            </Typography.Text>
          </Checkbox>
        );
      })}
    </Flex>
  );
}
