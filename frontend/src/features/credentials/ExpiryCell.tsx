import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime';

/** A token ending within this many days is shown in the warning colour. */
export const EXPIRY_WARNING_DAYS = 7;

export function ExpiryCell({ expiresAt, expiringSoon = false }: { expiresAt: string | null; expiringSoon?: boolean }) {
  const { t } = useTranslation();
  if (!expiresAt) return <Typography.Text type="secondary">{t('credentials.expiry.noExpiry')}</Typography.Text>;

  const moment = dayjs(expiresAt);
  const now = dayjs();
  const type = moment.isBefore(now) ? 'danger' : moment.diff(now, 'day', true) <= EXPIRY_WARNING_DAYS ? 'warning' : undefined;
  return (
    // Wraps to a second line in a narrow column without the tag looking indented.
    <Flex wrap gap={4} align="center">
      <RelativeTime at={expiresAt} type={type} />
      {expiringSoon && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          {t('credentials.expiry.soon')}
        </Tag>
      )}
    </Flex>
  );
}
