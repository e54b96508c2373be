import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExpiryNotice, ExpiryNoticeStatus } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';

const STATUS_COLORS: Record<ExpiryNoticeStatus, string> = {
  PENDING: 'processing',
  DELIVERED: 'success',
  FAILED: 'error',
  CANCELLED: 'default',
};

function ResultCell({ notice }: { notice: ExpiryNotice }) {
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

/** The most recent notices of the user's expiry webhook, newest first. */
export function ExpiryNoticeTable({ notices }: { notices: ExpiryNotice[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ExpiryNotice> = [
    {
      key: 'token',
      title: t('profile.expiryWebhook.columns.token'),
      render: (_, notice) => (
        <div>
          <Typography.Text>{notice.tokenName}</Typography.Text>
          <Typography.Text type="secondary" code style={{ display: 'block', width: 'fit-content' }}>
            {notice.tokenPreview}
          </Typography.Text>
        </div>
      ),
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
  return (
    <Table<ExpiryNotice>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={notices}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('profile.expiryWebhook.noNotices') }}
    />
  );
}
