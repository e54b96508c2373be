import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime';

export function ExpiryCell({ expiresAt, expiringSoon = false }: { expiresAt: string | null; expiringSoon?: boolean }) {
  const { t } = useTranslation();
  if (!expiresAt) return <Typography.Text type="secondary">{t('credentials.expiry.noExpiry')}</Typography.Text>;

  // "Soon" is the server's call (`expiringSoon`, from its EXPIRY_NOTICE_DAYS), never a window of the panel's own.
  const type = dayjs(expiresAt).isBefore(dayjs()) ? 'danger' : expiringSoon ? 'warning' : undefined;
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
