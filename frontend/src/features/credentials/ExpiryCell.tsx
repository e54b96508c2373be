import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A token ending within this many days is shown in the warning colour. */
export const EXPIRY_WARNING_DAYS = 7;

/** The exact date and time (not only in a tooltip), with "in a month" beside it. */
export function ExpiryCell({ expiresAt, expiringSoon = false }: { expiresAt: string | null; expiringSoon?: boolean }) {
  const { t } = useTranslation();
  if (!expiresAt) return <Typography.Text type="secondary">{t('credentials.expiry.noExpiry')}</Typography.Text>;

  const moment = dayjs(expiresAt);
  const now = dayjs();
  const type = moment.isBefore(now) ? 'danger' : moment.diff(now, 'day', true) <= EXPIRY_WARNING_DAYS ? 'warning' : undefined;
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
