import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { GraceCountdown } from './GraceCountdown';

export interface RevealedSecret {
  tokenName: string;
  token: string;
  regenerated: boolean;
  /** After a rotation with a grace period: until when the old secret keeps working. */
  graceUntil?: string | null;
}

interface RevealTokenDialogProps {
  secret: RevealedSecret;
  /** The parent must drop the secret here: this dialog is the only place it ever lives. */
  onAcknowledge: () => void;
}

/** A rotation with a grace period is not a plain regenerate: the old secret still works a while. */
function titleKeyOf(secret: RevealedSecret): string {
  if (!secret.regenerated) return 'credentials.reveal.createdTitle';
  return secret.graceUntil ? 'security.rotate.revealTitle' : 'credentials.reveal.regeneratedTitle';
}

export function RevealTokenDialog({ secret, onAcknowledge }: RevealTokenDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.token);
      setCopied(true);
      void message.success(t('credentials.reveal.copied'));
    } catch {
      void message.error(t('credentials.reveal.copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t(titleKeyOf(secret))}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onAcknowledge}>
          {t('credentials.reveal.acknowledge')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('credentials.reveal.intro', { name: secret.tokenName })}</Typography.Text>
        <code className="tessera-mono tessera-secret" data-testid="revealed-token">
          {secret.token}
        </code>
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()} style={{ alignSelf: 'flex-start' }}>
          {copied ? t('credentials.reveal.copied') : t('credentials.reveal.copy')}
        </Button>
        <Alert type="warning" showIcon title={t('credentials.reveal.warningTitle')} description={t('credentials.reveal.warning')} />
        {secret.graceUntil && Date.parse(secret.graceUntil) > Date.now() && (
          <Alert
            type="info"
            showIcon
            title={t('security.rotate.oldSecretUntil', { time: dayjs(secret.graceUntil).format('LLL') })}
            description={<GraceCountdown graceUntil={secret.graceUntil} />}
          />
        )}
      </Flex>
    </Modal>
  );
}
