import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TokenLeak } from '../../api/types';
import { LeakSource } from './LeakSource';

/** In the token's detail: why it was revoked, where it was found and when. */
export function LeakDetails({ leak }: { leak: TokenLeak }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="leak-details">
      <Typography.Text type="danger">{t('credentials.leak.detailText')}</Typography.Text>
      <Typography.Text>
        {t('credentials.leak.detailSource')}{' '}
        <LeakSource source={leak.source} url={leak.url} />
      </Typography.Text>
      <Typography.Text type="secondary">{t('credentials.leak.detailReported', { when: dayjs(leak.reportedAt).format('LLL') })}</Typography.Text>
    </Flex>
  );
}
