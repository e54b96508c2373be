import { Alert, Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { tesseraApi } from '../../api/tessera-api';
import { useDismissibleList } from '../../api/use-dismissible';
import { LeakSource } from './LeakSource';

interface LeakBannerProps {
  /** Bumped by the parent after an action, so a newly leaked token shows up. */
  refreshKey: number;
  onOpenToken: (id: string) => void;
}

/** Above the token list: one alert per leaked token until its owner dismisses it. */
export function LeakBanner({ refreshKey, onOpenToken }: LeakBannerProps) {
  const { t } = useTranslation();
  const load = useCallback(() => tesseraApi.listTokenLeaks(), []);
  const leaks = useDismissibleList(load, tesseraApi.dismissTokenLeak, t('credentials.leak.dismissed'), String(refreshKey));

  if (leaks.items.length === 0) return null;
  return (
    <Flex vertical gap={8} role="region" aria-label={t('credentials.leak.detailLabel')}>
      {leaks.items.map((leak) => (
        <Alert
          key={leak.tokenId}
          type="error"
          showIcon
          data-testid={`leak-banner-${leak.tokenId}`}
          title={t('credentials.leak.bannerTitle', { name: leak.tokenName })}
          description={
            <Flex vertical gap={2}>
              <Typography.Text>
                {t('credentials.leak.bannerWhere')}{' '}
                <LeakSource source={leak.source} url={leak.url} />
              </Typography.Text>
              <Typography.Text type="secondary">
                <Typography.Text code>{leak.tokenPreview}</Typography.Text>{' '}
                {t('credentials.leak.bannerWhen', { when: dayjs(leak.reportedAt).format('LLL') })}
              </Typography.Text>
            </Flex>
          }
          action={
            <Flex vertical gap={4}>
              <Button size="small" onClick={() => onOpenToken(leak.tokenId)}>
                {t('credentials.leak.open')}
              </Button>
              <Button size="small" type="text" loading={leaks.busy === leak.tokenId} onClick={() => void leaks.dismiss(leak.tokenId)}>
                {t('credentials.leak.dismiss')}
              </Button>
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}
