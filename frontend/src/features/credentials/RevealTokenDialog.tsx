import { CheckOutlined, CodeOutlined, CopyOutlined } from '@ant-design/icons';
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

type CopyKind = 'token' | 'export' | 'curl';

/** The shell line and the first call a person makes with the new token. */
export function usageExamples(token: string, origin: string): { export: string; curl: string } {
  return {
    export: `export TESSERA_TOKEN=${token}`,
    curl: `curl -H "Authorization: Bearer $TESSERA_TOKEN" ${origin}/api/users/me`,
  };
}

export function RevealTokenDialog({ secret, onAcknowledge }: RevealTokenDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState<CopyKind | null>(null);
  // Closing without having copied anything asks once; the second press closes.
  const [warned, setWarned] = useState(false);
  const examples = usageExamples(secret.token, window.location.origin);

  const copy = async (kind: CopyKind) => {
    try {
      await navigator.clipboard.writeText(kind === 'token' ? secret.token : examples[kind]);
      setCopied(kind);
      setWarned(false);
      void message.success(t('credentials.reveal.copied'));
    } catch {
      void message.error(t('credentials.reveal.copyFailed'));
    }
  };

  const close = () => {
    if (copied === null && !warned) {
      setWarned(true);
      return;
    }
    onAcknowledge();
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
        <Button type="primary" danger={warned} onClick={close}>
          {warned ? t('panel.reveal.closeAnyway') : t('credentials.reveal.acknowledge')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('credentials.reveal.intro', { name: secret.tokenName })}</Typography.Text>
        <code className="tessera-mono tessera-secret" data-testid="revealed-token">
          {secret.token}
        </code>
        <Button icon={copied === 'token' ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy('token')} style={{ alignSelf: 'flex-start' }}>
          {copied === 'token' ? t('credentials.reveal.copied') : t('credentials.reveal.copy')}
        </Button>
        <Typography.Text strong>{t('panel.reveal.useIt')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button icon={copied === 'export' ? <CheckOutlined /> : <CodeOutlined />} onClick={() => void copy('export')}>
            {t('panel.reveal.copyExport')}
          </Button>
          <Button icon={copied === 'curl' ? <CheckOutlined /> : <CodeOutlined />} onClick={() => void copy('curl')}>
            {t('panel.reveal.copyCurl')}
          </Button>
        </Flex>
        <code className="tessera-mono tessera-secret" data-testid="curl-example" style={{ userSelect: 'text' }}>
          {examples.curl}
        </code>
        {warned && <Alert type="error" showIcon role="alert" title={t('panel.reveal.notCopied')} />}
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
