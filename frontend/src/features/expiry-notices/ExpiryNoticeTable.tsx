import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExpiryNotice, ExpiryNoticeStatus, ServiceKeyNotice } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';

const STATUS_COLORS: Record<ExpiryNoticeStatus, string> = {
  PENDING: 'processing',
  DELIVERED: 'success',
  FAILED: 'error',
  CANCELLED: 'default',
};

/** What every delivery shows, whether it was about a token or a service key. */
type Delivery = Pick<ExpiryNotice, 'id' | 'status' | 'attempts' | 'lastStatus' | 'lastError' | 'nextAttemptAt'>;

function ResultCell({ notice }: { notice: Delivery }) {
  const { t } = useTranslation();
  if (notice.status === 'DELIVERED') return <Typography.Text>{t('profile.expiryWebhook.result.delivered', { status: notice.lastStatus })}</Typography.Text>;
  return (
    <div>
      {notice.lastError && <Typography.Text type="secondary">{notice.lastError}</Typography.Text>}
      {notice.status === 'PENDING' && notice.attempts > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('profile.expiryWebhook.result.nextAttempt', { when: dayjs(notice.nextAttemptAt).fromNow() })}
        </Typography.Text>
      )}
    </div>
  );
}

function NameAndPreview({ name, preview, detail }: { name: string; preview: string; detail?: string }) {
  return (
    <div>
      <Typography.Text>{name}</Typography.Text>
      <Typography.Text type="secondary" code style={{ display: 'block', width: 'fit-content' }}>
        {preview}
      </Typography.Text>
      {detail && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {detail}
        </Typography.Text>
      )}
    </div>
  );
}

/** The columns after what a notice is about: how its delivery went. */
function DeliveryTable<T extends Delivery>({ subjectColumns, notices, emptyText }: { subjectColumns: TableColumnsType<T>; notices: T[]; emptyText?: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<T> = [
    ...subjectColumns,
    {
      key: 'status',
      title: t('profile.expiryWebhook.columns.status'),
      width: 150,
      render: (_, notice) => (
        <div>
          <Tag color={STATUS_COLORS[notice.status]}>{t(`profile.expiryWebhook.status.${notice.status}`)}</Tag>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('profile.expiryWebhook.attempts', { count: notice.attempts })}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'result', title: t('profile.expiryWebhook.columns.result'), render: (_, notice) => <ResultCell notice={notice} /> },
  ];
  return <Table<T> rowKey="id" size="small" columns={columns} dataSource={notices} pagination={false} scroll={{ x: 640 }} locale={emptyText ? { emptyText } : undefined} />;
}

/** The most recent notices of the user's expiry webhook about their tokens, newest first. */
export function ExpiryNoticeTable({ notices }: { notices: ExpiryNotice[] }) {
  const { t } = useTranslation();
  const subjectColumns: TableColumnsType<ExpiryNotice> = [
    {
      key: 'token',
      title: t('profile.expiryWebhook.columns.token'),
      render: (_, notice) => <NameAndPreview name={notice.tokenName} preview={notice.tokenPreview} />,
    },
    {
      key: 'expiresAt',
      title: t('profile.expiryWebhook.columns.expiresAt'),
      width: 150,
      render: (_, notice) =>
        notice.expiresAt ? (
          <RelativeTime at={notice.expiresAt} />
        ) : notice.event === 'token.leaked' ? (
          <Tag color="error">{t('credentials.leak.webhookEvent')}</Tag>
        ) : notice.event === 'token.idle_revoked' ? (
          <Tag>{t('profile.expiryWebhook.idleRevokedEvent')}</Tag>
        ) : (
          <Tag>{notice.event}</Tag>
        ),
    },
  ];
  return <DeliveryTable subjectColumns={subjectColumns} notices={notices} emptyText={t('profile.expiryWebhook.noNotices')} />;
}

/** An administrator's notices about service keys (`service_key.leaked`), newest first. */
export function ServiceKeyNoticeTable({ notices }: { notices: ServiceKeyNotice[] }) {
  const { t } = useTranslation();
  const subjectColumns: TableColumnsType<ServiceKeyNotice> = [
    {
      key: 'serviceKey',
      title: t('profile.expiryWebhook.columns.serviceKey'),
      render: (_, notice) => (
        <NameAndPreview name={notice.serviceKeyName} preview={notice.keyPreview} detail={t('profile.expiryWebhook.ofApplication', { name: notice.applicationName })} />
      ),
    },
    {
      key: 'event',
      title: t('profile.expiryWebhook.columns.event'),
      width: 150,
      render: (_, notice) => (notice.event === 'service_key.leaked' ? <Tag color="error">{t('credentials.leak.webhookEvent')}</Tag> : <Tag>{notice.event}</Tag>),
    },
  ];
  return <DeliveryTable subjectColumns={subjectColumns} notices={notices} />;
}
