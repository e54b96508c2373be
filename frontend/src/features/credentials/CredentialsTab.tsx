import { Alert, App, Button, Flex } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import { useApiData } from '../../api/use-api-data';
import type { ApiToken, TokenListQuery } from '../../api/types';
import { RevealTokenDialog, type RevealedSecret } from './RevealTokenDialog';
import { RotateTokenDialog } from './RotateTokenDialog';
import { TokenDetailDrawer } from './TokenDetailDrawer';
import { TokenFormModal, type TokenFormTarget } from './TokenFormModal';
import { STATS_PERIOD_DAYS, TokenStatsCards } from './TokenStatsCards';
import { DEFAULT_SORT, TokenTable } from './TokenTable';
import { TokenToolbar } from './TokenToolbar';
import { useTokenActions } from './use-token-actions';

export const INITIAL_TOKEN_QUERY: TokenListQuery = { page: 1, limit: 10, ...DEFAULT_SORT };

interface CredentialsTabProps {
  openTokenId: string | null;
  onOpenToken: (id: string) => void;
  onCloseToken: () => void;
}

export function CredentialsTab({ openTokenId, onOpenToken, onCloseToken }: CredentialsTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState<TokenListQuery>(INITIAL_TOKEN_QUERY);
  const [formTarget, setFormTarget] = useState<TokenFormTarget | null>(null);
  // The plaintext lives only here, only until the person confirms they copied it.
  const [revealedSecret, setRevealedSecret] = useState<RevealedSecret | null>(null);
  const [changeCount, setChangeCount] = useState(0);

  const loadTokens = useCallback(() => tesseraApi.listTokens(query), [query]);
  const loadStats = useCallback(() => tesseraApi.getTokenStats(STATS_PERIOD_DAYS), []);
  const tokens = useApiData(loadTokens, `${JSON.stringify(query)}:${changeCount}`);
  const stats = useApiData(loadStats, String(changeCount));

  const refresh = useCallback(() => setChangeCount((count) => count + 1), []);
  const [rotating, setRotating] = useState<ApiToken | null>(null);
  const confirmAction = useTokenActions(refresh, setRevealedSecret, setRotating);

  return (
    <Flex vertical gap={16}>
      <TokenStatsCards stats={stats.data} loading={stats.loading} />
      {(tokens.data?.expiringSoonCount ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('credentials.expiry.soonBanner', { count: tokens.data?.expiringSoonCount })}
        />
      )}
      <TokenToolbar
        search={query.search ?? ''}
        status={query.status}
        applicationId={query.applicationId}
        onApplicationChange={(applicationId) => setQuery({ ...query, page: 1, applicationId })}
        onSearch={(search) => setQuery({ ...query, page: 1, search: search || undefined })}
        onStatusChange={(status) => setQuery({ ...query, page: 1, status })}
        onCreate={() => setFormTarget({ kind: 'create' })}
      />
      {tokens.error !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(tokens.error, t)}
          action={<Button onClick={tokens.reload}>{t('common.retry')}</Button>}
        />
      )}
      <TokenTable
        page={tokens.data}
        loading={tokens.loading}
        query={query}
        onQueryChange={setQuery}
        onOpen={(token: ApiToken) => onOpenToken(token.id)}
        onEdit={(token: ApiToken) => setFormTarget({ kind: 'edit', token })}
        onConfirmedAction={confirmAction}
        onCreate={() => setFormTarget({ kind: 'create' })}
      />
      {formTarget && (
        <TokenFormModal
          target={formTarget}
          onCancel={() => setFormTarget(null)}
          onCreated={(created) => {
            setFormTarget(null);
            setRevealedSecret({ tokenName: created.name, token: created.token, regenerated: false });
            void message.success(t('credentials.form.created', { name: created.name }));
            refresh();
          }}
          onUpdated={() => {
            setFormTarget(null);
            refresh();
          }}
        />
      )}
      {rotating && (
        <RotateTokenDialog
          token={rotating}
          onCancel={() => setRotating(null)}
          onRotated={(rotated) => {
            setRotating(null);
            setRevealedSecret({ tokenName: rotated.name, token: rotated.token, regenerated: true, graceUntil: rotated.graceUntil });
            void message.success(t('security.rotate.done', { name: rotated.name }));
            refresh();
          }}
        />
      )}
      {revealedSecret && <RevealTokenDialog secret={revealedSecret} onAcknowledge={() => setRevealedSecret(null)} />}
      {openTokenId && <TokenDetailDrawer tokenId={openTokenId} refreshKey={changeCount} onClose={onCloseToken} />}
    </Flex>
  );
}
