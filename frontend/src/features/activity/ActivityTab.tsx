import type { AuditEventType } from '@tessera/backend/contract';
import { Alert, Button, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { AuditEvent, Page } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration } from '../../components/durations';

const TYPE_LABELS: Record<AuditEventType, string> = {
  'token.created': 'security.activity.types.created',
  'token.updated': 'security.activity.types.updated',
  'token.rotated': 'security.activity.types.rotated',
  'token.revoked': 'security.activity.types.revoked',
  'token.deleted': 'security.activity.types.deleted',
  'token.restored': 'security.activity.types.restored',
  'token.ip_refused': 'security.activity.types.ipRefused',
  'token.rotated_secret_reused': 'security.activity.types.rotatedSecretReused',
  'token.idle_revoked': 'security.activity.types.idleRevoked',
  'token.leak_revoked': 'security.activity.types.leakRevoked',
  'admin.token_revoked': 'security.activity.types.adminTokenRevoked',
  'admin.user_disabled': 'security.activity.types.adminUserDisabled',
  'admin.user_enabled': 'security.activity.types.adminUserEnabled',
  'admin.role_changed': 'security.activity.types.adminRoleChanged',
  'admin.policy_changed': 'security.activity.types.adminPolicyChanged',
  'admin.invite_created': 'security.activity.types.adminInviteCreated',
  'admin.invite_deleted': 'security.activity.types.adminInviteDeleted',
  'application.created': 'security.activity.types.applicationCreated',
  'application.updated': 'security.activity.types.applicationUpdated',
  'application.deleted': 'security.activity.types.applicationDeleted',
  'service_key.created': 'security.activity.types.serviceKeyCreated',
  'service_key.revoked': 'security.activity.types.serviceKeyRevoked',
  'service_key.leak_revoked': 'security.activity.types.serviceKeyLeakRevoked',
  'token.scopes_removed': 'security.activity.types.scopesRemoved',
};

const ACTOR_LABELS: Record<string, string> = {
  session: 'security.activity.actor.session',
  admin: 'security.activity.actor.admin',
  system: 'security.activity.actor.system',
  reporter: 'security.activity.actor.reporter',
};

const WARNING_TYPES: readonly AuditEventType[] = [
  'token.ip_refused',
  'token.rotated_secret_reused',
  'token.revoked',
  'token.idle_revoked',
  'token.leak_revoked',
  'service_key.leak_revoked',
  'admin.token_revoked',
  'admin.user_disabled',
];


/**
 * A secret replacement in plain words: "Secret regenerated", "Secret rotated, the old one worked
 * 1 more day", never "Rotated rotate".
 */
export function rotationSentence(details: AuditEvent['details'], t: (key: string, values?: Record<string, string>) => string, language: string): string | null {
  const grace = typeof details.gracePeriodSeconds === 'number' ? details.gracePeriodSeconds : 0;
  if (details.via === 'regenerate') return t('panel.activity.regenerated');
  const self = details.via === 'self';
  if (grace === 0) return t(self ? 'panel.activity.selfRotatedNoGrace' : 'panel.activity.rotatedNoGrace');
  return t(self ? 'panel.activity.selfRotatedWithGrace' : 'panel.activity.rotatedWithGrace', { duration: formatDuration(grace, language) });
}

function EventCell({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const name = event.tokenName ?? (typeof event.details.name === 'string' ? event.details.name : null);
  const sentence = event.type === 'token.rotated' ? rotationSentence(event.details, t, i18n.resolvedLanguage ?? 'en-US') : null;
  return (
    <div>
      <Tag color={WARNING_TYPES.includes(event.type) ? 'error' : 'processing'}>{t(TYPE_LABELS[event.type] ?? 'security.activity.types.other')}</Tag>
      {sentence && <Typography.Text type="secondary">{sentence}</Typography.Text>}
      {name && <Typography.Text style={{ display: 'block' }}>{name}</Typography.Text>}
    </div>
  );
}

/**
 * Which secret a token's event used: the one it presented (an old secret within a rotation's grace
 * is not the new one). Events recorded before that was kept name only the token's current secret.
 */
function SecretUsed({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const used = event.actorSecretPreview;
  const preview = used ?? event.actorTokenPreview;
  if (!preview) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block' }}>
      {t(used ? 'panel.activity.secretUsed' : 'panel.activity.currentSecret')}{' '}
      <Typography.Text className="tessera-mono" type="secondary">
        {preview}
      </Typography.Text>
    </Typography.Text>
  );
}

/** The audit log of the user's tokens (`/settings/activity`), newest first. */
export function ActivityTab() {
  const { t } = useTranslation();
  const [query, setQuery] = useState({ page: 1, limit: 20 });
  const load = useCallback(() => tesseraApi.listAuditEvents(query), [query]);
  const events = useApiData<Page<AuditEvent>>(load, `${query.page}:${query.limit}`);
  // A phone gets no sideways-scrolling table: the address column goes, the rest wraps.
  const wide = Boolean(Grid.useBreakpoint().md);

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'when',
      title: t('security.activity.columns.when'),
      width: 160,
      render: (_, event) => <RelativeTime at={event.createdAt} />,
    },
    { key: 'event', title: t('security.activity.columns.event'), render: (_, event) => <EventCell event={event} /> },
    {
      key: 'actor',
      title: t('security.activity.columns.actor'),
      render: (_, event) =>
        event.actorKind !== 'token' ? (
          t(ACTOR_LABELS[event.actorKind] ?? 'security.activity.actor.session')
        ) : (
          <span>
            {t('security.activity.actor.token')} <SecretUsed event={event} />
          </span>
        ),
    },
    {
      key: 'ip',
      title: t('security.activity.columns.ip'),
      hidden: !wide,
      render: (_, event) => <Typography.Text className="tessera-mono">{event.ip ?? '—'}</Typography.Text>,
    },
  ];

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('security.activity.intro')}</Typography.Paragraph>
      {events.error !== null && !events.loading && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeError(events.error, t)}
          action={<Button onClick={events.reload}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.data ?? []}
        loading={events.loading}
        locale={{ emptyText: t('security.activity.empty') }}
        scroll={wide ? { x: 640 } : undefined}
        pagination={{
          current: query.page,
          pageSize: query.limit,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setQuery((current) => ({ ...current, page })),
        }}
      />
    </div>
  );
}
