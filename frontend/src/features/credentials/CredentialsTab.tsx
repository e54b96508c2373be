import { Alert, App, Button, Flex } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import { useApiData } from '../../api/use-api-data';
import type { ApiToken, TokenListQuery } from '../../api/types';
import { LeakBanner } from './LeakBanner';
import { RevealTokenDialog, type RevealedSecret } from './RevealTokenDialog';
import { RotateTokenDialog } from './RotateTokenDialog';
import { TokenDetailDrawer } from './TokenDetailDrawer';
import { TokenFormModal, type TokenFormTarget } from './TokenFormModal';
import { STATS_PERIOD_DAYS, TokenStatsCards } from './TokenStatsCards';
import { TokenTable } from './TokenTable';
import { paramsFromQuery, prefillFromParams, prefillFromToken, queryFromParams } from './token-list-url';
import { usePolicy } from './use-policy';
import { TokenToolbar } from './TokenToolbar';
import { useTokenActions } from './use-token-actions';
import { useFocusReturn } from '../../components/use-focus-return';


interface CredentialsTabProps {
  openTokenId: string | null;
  onOpenToken: (id: string) => void;
  onCloseToken: () => void;
}

export function CredentialsTab({ openTokenId, onOpenToken, onCloseToken }: CredentialsTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const setQuery = (next: TokenListQuery) => setParams(paramsFromQuery(next));
  const policy = usePolicy();
  // `/settings/credentials/new?name=…&scopes=…` opens the create form, pre-filled.
  const creatingFromUrl = openTokenId === 'new';
  const [formTarget, setFormTarget] = useState<TokenFormTarget | null>(() =>
    creatingFromUrl ? { kind: 'create', prefill: prefillFromParams(params) } : null,
  );
  // The plaintext lives only here, only until the person confirms they copied it.
  const [revealedSecret, setRevealedSecret] = useState<RevealedSecret | null>(null);
  const [changeCount, setChangeCount] = useState(0);

  const loadTokens = useCallback(() => tesseraApi.listTokens(query), [query]);
  const loadStats = useCallback(() => tesseraApi.getTokenStats(STATS_PERIOD_DAYS), []);
  const tokens = useApiData(loadTokens, `${JSON.stringify(query)}:${changeCount}`);
  const stats = useApiData(loadStats, String(changeCount));

  const refresh = useCallback(() => setChangeCount((count) => count + 1), []);
  const [rotating, setRotating] = useState<{ token: ApiToken; mode: 'rotate' | 'regenerate' } | null>(null);
  const duplicate = (token: ApiToken) => setFormTarget({ kind: 'create', prefill: prefillFromToken(token, t('panel.duplicate.suffix')) });
  const closeForm = () => {
    setFormTarget(null);
    if (creatingFromUrl) onCloseToken();
  };
  const confirmAction = useTokenActions(refresh, (token, mode) => setRotating({ token, mode }));
  // Create → reveal and rotate → reveal count as one dialog: focus goes back to what opened the first.
  useFocusReturn(Boolean(formTarget || rotating || revealedSecret));
  // Closing the detail drawer gives focus back to what opened it; opened by a mouse on the name or
  // by a link, that is the row's own "Details" button.
  const drawerOpen = Boolean(openTokenId && !creatingFromUrl);
  const drawerToken = useRef<string | null>(null);
  if (drawerOpen) drawerToken.current = openTokenId;
  useFocusReturn(drawerOpen, () =>
    drawerToken.current ? document.querySelector<HTMLElement>(`[data-token-opener="${CSS.escape(drawerToken.current)}"]`) : null,
  );

  return (
    <Flex vertical gap={16}>
      <TokenStatsCards stats={stats.data} loading={stats.loading} error={stats.error} onRetry={stats.reload} />
      {(tokens.data?.expiringSoonCount ?? 0) > 0 && !query.expiringWithinDays && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('credentials.expiry.soonBanner', { count: tokens.data?.expiringSoonCount })}
          action={
            <Button onClick={() => setQuery({ ...query, page: 1, status: undefined, expiringWithinDays: policy.expiryNoticeDays })}>
              {t('panel.expiring.show')}
            </Button>
          }
        />
      )}
      {query.expiringWithinDays && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('panel.expiring.filtered', { days: query.expiringWithinDays })}
          action={<Button onClick={() => setQuery({ ...query, page: 1, expiringWithinDays: undefined })}>{t('panel.expiring.showAll')}</Button>}
        />
      )}
      <LeakBanner refreshKey={changeCount} onOpenToken={onOpenToken} />
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
          role="alert"
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
        onConfirmedAction={(action, token) => (action === 'duplicate' ? duplicate(token) : confirmAction(action, token))}
        onCreate={() => setFormTarget({ kind: 'create' })}
      />
      {formTarget && (
        <TokenFormModal
          target={formTarget}
          onCancel={closeForm}
          onCreated={(created) => {
            closeForm();
            setRevealedSecret({ tokenName: created.name, token: created.token, regenerated: false });
            void message.success(t('credentials.form.created', { name: created.name }));
            refresh();
          }}
          onUpdated={() => {
            closeForm();
            refresh();
          }}
        />
      )}
      {rotating && (
        <RotateTokenDialog
          token={rotating.token}
          mode={rotating.mode}
          onCancel={() => setRotating(null)}
          onRotated={(rotated, grace) => {
            setRotating(null);
            setRevealedSecret({ tokenName: rotated.name, token: rotated.token, regenerated: true, graceUntil: grace > 0 ? rotated.graceUntil : null });
            void message.success(grace > 0 ? t('security.rotate.done', { name: rotated.name }) : t('credentials.confirm.regenerateDone', { name: rotated.name }));
            refresh();
          }}
        />
      )}
      {revealedSecret && <RevealTokenDialog secret={revealedSecret} onAcknowledge={() => setRevealedSecret(null)} />}
      {drawerOpen && openTokenId && (
        <TokenDetailDrawer
          tokenId={openTokenId}
          refreshKey={changeCount}
          onClose={onCloseToken}
          onEdit={(token: ApiToken) => setFormTarget({ kind: 'edit', token })}
          onConfirmedAction={(action, token) => (action === 'duplicate' ? duplicate(token) : confirmAction(action, token))}
        />
      )}
    </Flex>
  );
}
