import { TOKEN_RULES } from '@tessera/backend/contract';
import { Alert, Flex, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { ApiToken, ApiTokenWithSecret } from '../../api/types';
import { createFormDefaults, expiresAtFor, presetsAllowed, type ExpiryPreset } from './token-form-model';
import { usePolicy } from './use-policy';

/** The grace periods the panel offers, 0 to 7 days; the API takes any number of seconds up to 7 days. */
export const GRACE_CHOICES = [
  { seconds: 0, label: 'security.rotate.grace.none' },
  { seconds: 3600, label: 'security.rotate.grace.hour' },
  { seconds: 86_400, label: 'security.rotate.grace.day' },
  { seconds: 3 * 86_400, label: 'panel.replace.grace3Days' },
  { seconds: TOKEN_RULES.maxGracePeriodSeconds, label: 'security.rotate.grace.week' },
] as const;

const EXPIRY_LABEL_KEYS: Partial<Record<ExpiryPreset, string>> = {
  keep: 'panel.replace.keepExpiry',
  '7d': 'credentials.expiry.days7',
  '30d': 'credentials.expiry.days30',
  '60d': 'credentials.expiry.days60',
  '90d': 'credentials.expiry.days90',
  '1y': 'credentials.expiry.year1',
  never: 'credentials.expiry.never',
};

interface RotateTokenDialogProps {
  token: ApiToken;
  /** Regenerate is the same flow with no grace chosen at first. */
  mode?: 'rotate' | 'regenerate';
  onCancel: () => void;
  onRotated: (rotated: ApiTokenWithSecret, gracePeriodSeconds: number) => void;
}

/**
 * The one flow that replaces a token's secret: how long the current secret keeps working (none =
 * regenerate) and, optionally, a new expiry. The new secret goes to the reveal dialog.
 */
export function RotateTokenDialog({ token, mode = 'rotate', onCancel, onRotated }: RotateTokenDialogProps) {
  const { t } = useTranslation();
  const policy = usePolicy();
  // An expired token may be brought back only with a new expiry, and with no grace: a grace period
  // would make its expired secret work again.
  const expired = token.state === 'expired';
  const [grace, setGrace] = useState<number>(mode === 'regenerate' || expired ? 0 : 3600);
  const [expiry, setExpiry] = useState<ExpiryPreset>(expired ? createFormDefaults().expiryPreset : token.expiresAt ? 'keep' : 'never');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const expiryChoices = presetsAllowed(policy, token.expiresAt).filter((preset) => preset in EXPIRY_LABEL_KEYS && !(expired && preset === 'keep'));

  const replace = async () => {
    setBusy(true);
    setError(null);
    const unchanged = expiry === 'keep' || (expiry === 'never' && token.expiresAt === null);
    const expiresAt = unchanged ? undefined : expiresAtFor({ expiryPreset: expiry });
    try {
      const rotated = grace === 0 ? await tesseraApi.regenerateToken(token.id, expiresAt) : await tesseraApi.rotateToken(token.id, grace, expiresAt);
      onRotated(rotated, grace);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      // The title stays while the grace choice changes, so the dialog keeps its accessible name.
      title={mode === 'regenerate' ? t('credentials.confirm.regenerateTitle', { name: token.name }) : t('security.rotate.title', { name: token.name })}
      okText={grace === 0 ? t('credentials.actions.regenerate') : t('security.rotate.submit')}
      okButtonProps={{ loading: busy, danger: grace === 0, disabled: expired && expiry === 'keep' }}
      cancelText={t('common.cancel')}
      onOk={() => void replace()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>{expired ? t('panel.replace.expiredIntro') : grace === 0 ? t('panel.replace.regenerateIntro') : t('security.rotate.intro')}</Typography.Text>
        {!expired && (
          <>
            <Typography.Text strong id="rotate-grace-label">
              {t('security.rotate.graceLabel')}
            </Typography.Text>
            <Radio.Group
              aria-labelledby="rotate-grace-label"
              name="rotate-grace"
              value={grace}
              onChange={(event) => setGrace(event.target.value as number)}
              options={GRACE_CHOICES.map((choice) => ({ value: choice.seconds, label: t(choice.label) }))}
            />
            {grace === 0 && <Alert type="warning" showIcon title={t('credentials.confirm.regenerateContent')} />}
          </>
        )}
        <Typography.Text strong id="rotate-expiry-label">
          {t('panel.replace.expiryLabel')}
        </Typography.Text>
        <Select<ExpiryPreset>
          aria-labelledby="rotate-expiry-label"
          value={expiry}
          onChange={setExpiry}
          style={{ maxWidth: 320 }}
          options={expiryChoices.map((preset) => ({
            value: preset,
            label:
              preset === 'keep' && token.expiresAt
                ? t('panel.replace.keepExpiryOn', { date: dayjs(token.expiresAt).format('lll') })
                : t(EXPIRY_LABEL_KEYS[preset] ?? preset),
          }))}
        />
        {error !== null && <Alert type="error" showIcon role="alert" title={describeError(error, t)} />}
      </Flex>
    </Modal>
  );
}
