import { Alert, Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { tesseraApi } from '../../api/tessera-api';
import { useDismissibleList } from '../../api/use-dismissible';
import { LeakSource } from '../credentials/LeakSource';

/**
 * Above the Administration tabs: one alert per service key the server revoked because it was found
 * in public, naming the key, its application and where it was found, until an admin dismisses it
 * (for every admin: see docs/secret-scanning.md).
 */
export function ServiceKeyLeakBanner({ onOpenApplication }: { onOpenApplication: (applicationId: string) => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => tesseraApi.admin.listServiceKeyLeaks(), []);
  const leaks = useDismissibleList(load, tesseraApi.admin.dismissServiceKeyLeak, t('administration.serviceKeyLeak.dismissed'));

  if (leaks.items.length === 0) return null;
  return (
    <Flex vertical gap={8} role="region" aria-label={t('administration.serviceKeyLeak.regionLabel')} style={{ marginBottom: 16 }}>
      {leaks.items.map((leak) => (
        <Alert
          key={leak.serviceKeyId}
          type="error"
          showIcon
          data-testid={`service-key-leak-${leak.serviceKeyId}`}
          title={t('administration.serviceKeyLeak.bannerTitle', { name: leak.name, application: leak.application.name })}
          description={
            <Flex vertical gap={2}>
              <Typography.Text>
                {t('administration.serviceKeyLeak.bannerWhere')} <LeakSource source={leak.source} url={leak.url} />
              </Typography.Text>
              <Typography.Text type="secondary">
                <Typography.Text code>{leak.keyPreview}</Typography.Text> {t('administration.serviceKeyLeak.bannerWhen', { when: dayjs(leak.reportedAt).format('LLL') })}
              </Typography.Text>
            </Flex>
          }
          action={
            <Flex vertical gap={4}>
              <Button size="small" onClick={() => onOpenApplication(leak.application.id)}>
                {t('administration.serviceKeyLeak.open')}
              </Button>
              <Button size="small" type="text" loading={leaks.busy === leak.serviceKeyId} onClick={() => void leaks.dismiss(leak.serviceKeyId)}>
                {t('administration.serviceKeyLeak.dismiss')}
              </Button>
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}
