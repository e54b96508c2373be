import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function UsageLine({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const { t } = useTranslation();
  const amount = limit === null ? t('credentials.usage.ofUnlimited', { used: used.toLocaleString() }) : `${used.toLocaleString()} / ${limit.toLocaleString()}`;
  const percent = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('credentials.usage.line', { label, amount })}
      </Typography.Text>
      {limit !== null && (
        <Progress
          percent={percent}
          size="small"
          showInfo={false}
          status={percent >= 100 ? 'exception' : 'normal'}
          aria-label={t('credentials.usage.line', { label, amount })}
        />
      )}
    </div>
  );
}

/** Requests and quota used, each against its limit (or "unlimited"). */
export function UsageCell(props: { requestCount: number; requestLimit: number | null; quotaUsed: number; quotaLimit: number | null }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 140 }}>
      <UsageLine label={t('credentials.usage.requests')} used={props.requestCount} limit={props.requestLimit} />
      <UsageLine label={t('credentials.usage.quota')} used={props.quotaUsed} limit={props.quotaLimit} />
    </div>
  );
}
