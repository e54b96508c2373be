import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export function LastUsedCell({ lastUsedAt, lastUsedIp }: { lastUsedAt: string | null; lastUsedIp: string | null }) {
  const { t } = useTranslation();
  if (!lastUsedAt) return <Typography.Text type="secondary">{t('credentials.lastUsed.never')}</Typography.Text>;
  const moment = dayjs(lastUsedAt);
  return (
    <div>
      <Tooltip title={moment.format('LLL')}>
        <Typography.Text>{moment.fromNow()}</Typography.Text>
      </Tooltip>
      {lastUsedIp && (
        <Typography.Text type="secondary" className="tessera-mono" style={{ display: 'block', fontSize: 12 }}>
          {lastUsedIp}
        </Typography.Text>
      )}
    </div>
  );
}
