import type { TokenState } from '@tessera/backend/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_LOOK: Record<TokenState, { color: string; labelKey: string }> = {
  active: { color: 'success', labelKey: 'credentials.state.active' },
  expired: { color: 'warning', labelKey: 'credentials.state.expired' },
  revoked: { color: 'error', labelKey: 'credentials.state.revoked' },
  deleted: { color: 'default', labelKey: 'credentials.state.deleted' },
};

export function TokenStatusTag({ state }: { state: TokenState }) {
  const { t } = useTranslation();
  const look = STATE_LOOK[state];
  return (
    <Tag color={look.color} data-state={state}>
      {t(look.labelKey)}
    </Tag>
  );
}
