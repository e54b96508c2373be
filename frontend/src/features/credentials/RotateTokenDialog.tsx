import { TOKEN_RULES } from '@tessera/backend/contract';
import { Alert, Flex, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { ApiToken, ApiTokenWithSecret } from '../../api/types';

/** The grace periods the panel offers; the API takes any number of seconds up to 7 days. */
export const GRACE_CHOICES = [
  { seconds: 0, label: 'security.rotate.grace.none' },
  { seconds: 3600, label: 'security.rotate.grace.hour' },
  { seconds: 86_400, label: 'security.rotate.grace.day' },
  { seconds: TOKEN_RULES.maxGracePeriodSeconds, label: 'security.rotate.grace.week' },
] as const;

interface RotateTokenDialogProps {
  token: ApiToken;
  onCancel: () => void;
  onRotated: (rotated: ApiTokenWithSecret) => void;
}

/** Asks how long the current secret keeps working, then rotates; the new secret goes to the reveal dialog. */
export function RotateTokenDialog({ token, onCancel, onRotated }: RotateTokenDialogProps) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number>(3600);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rotate = async () => {
    setBusy(true);
    setError(null);
    try {
      onRotated(await tesseraApi.rotateToken(token.id, grace));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('security.rotate.title', { name: token.name })}
      okText={t('security.rotate.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void rotate()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('security.rotate.intro')}</Typography.Text>
        <Typography.Text strong id="rotate-grace-label">
          {t('security.rotate.graceLabel')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="rotate-grace-label"
          value={grace}
          onChange={(event) => setGrace(event.target.value as number)}
          options={GRACE_CHOICES.map((choice) => ({ value: choice.seconds, label: t(choice.label) }))}
        />
        {grace === 0 && <Alert type="warning" showIcon title={t('security.rotate.noGraceWarning')} />}
        {error !== null && <Alert type="error" showIcon title={describeError(error, t)} />}
      </Flex>
    </Modal>
  );
}
