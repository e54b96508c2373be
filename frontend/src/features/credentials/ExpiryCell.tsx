import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The exact date and time (not only in a tooltip), with "in a month" beside it. */
export function ExpiryCell({ expiresAt, expiringSoon = false }: { expiresAt: string | null; expiringSoon?: boolean }) {
  const { t } = useTranslation();
  if (!expiresAt) return <Typography.Text type="secondary">{t('credentials.expiry.noExpiry')}</Typography.Text>;

  const moment = dayjs(expiresAt);
  // "Soon" is the server's call (`expiringSoon`, from its EXPIRY_NOTICE_DAYS), never a window of the panel's own.
  const type = moment.isBefore(dayjs()) ? 'danger' : expiringSoon ? 'warning' : undefined;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Typography.Text type={type}>
        <time dateTime={moment.toISOString()} data-testid="expiry-exact">
          {moment.format('lll')}
        </time>
      </Typography.Text>
      <Flex wrap gap={4} align="center">
        <Typography.Text type={type ?? 'secondary'} style={{ fontSize: 12 }}>
          {moment.fromNow()}
        </Typography.Text>
        {expiringSoon && (
          <Tag color="warning" style={{ marginInlineEnd: 0 }}>
            {t('credentials.expiry.soon')}
          </Tag>
        )}
      </Flex>
    </Flex>
  );
}
