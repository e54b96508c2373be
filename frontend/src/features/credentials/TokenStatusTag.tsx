import type { TokenState } from '@tessera/backend/contract';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';
import { exhaustedLimits } from './token-limits';

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
    <Tag color={look.color} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(look.labelKey)}
    </Tag>
  );
}

/** The state, and "Limit reached" for an active token whose request limit or quota is used up. */
export function TokenStateTags({ token }: { token: Pick<ApiToken, 'state' | 'requestCount' | 'requestLimit' | 'quotaUsed' | 'quotaLimit'> }) {
  const { t } = useTranslation();
  const exhausted = token.state === 'active' ? exhaustedLimits(token) : [];
  return (
    <Flex wrap gap={4}>
      <TokenStatusTag state={token.state} />
      {exhausted.length > 0 && (
        <Tag color="error" data-state="limit-reached" style={{ marginInlineEnd: 0 }} title={exhausted.map((limit) => t(`panel.limitReached.${limit}`)).join(' ')}>
          {t('panel.limitReached.tag')}
        </Tag>
      )}
    </Flex>
  );
}
