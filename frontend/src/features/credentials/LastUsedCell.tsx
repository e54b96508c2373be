import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime';

export function LastUsedCell({ lastUsedAt, lastUsedIp }: { lastUsedAt: string | null; lastUsedIp: string | null }) {
  const { t } = useTranslation();
  if (!lastUsedAt) return <Typography.Text type="secondary">{t('credentials.lastUsed.never')}</Typography.Text>;
  return (
    <div>
      <RelativeTime at={lastUsedAt} />
      {lastUsedIp && (
        <Typography.Text type="secondary" className="tessera-mono" style={{ display: 'block', fontSize: 12 }}>
          {lastUsedIp}
        </Typography.Text>
      )}
    </div>
  );
}
