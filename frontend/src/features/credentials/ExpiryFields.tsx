import { Alert, DatePicker, Form, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TokenPolicy } from '../../api/types';
import {
  customExpiryMoment,
  expiresAtFor,
  isFutureExpiry,
  latestExpiryDay,
  presetsAllowed,
  type ExpiryPreset,
  type TokenFormValues,
} from './token-form-model';

const PRESET_LABEL_KEYS: Record<ExpiryPreset, string> = {
  keep: 'credentials.expiry.keep',
  '7d': 'credentials.expiry.days7',
  '30d': 'credentials.expiry.days30',
  '60d': 'credentials.expiry.days60',
  '90d': 'credentials.expiry.days90',
  '1y': 'credentials.expiry.year1',
  custom: 'credentials.expiry.custom',
  never: 'credentials.expiry.never',
};

/** Expiry presets, a date picker for "custom", and a warning for "no expiry". */
export function ExpiryFields({ currentExpiresAt, policy }: { currentExpiresAt: string | null; policy: TokenPolicy }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TokenFormValues>();
  const preset = Form.useWatch('expiryPreset', form);
  const customDate = Form.useWatch('customExpiry', form) as dayjs.Dayjs | null | undefined;
  const presets = presetsAllowed(policy, currentExpiresAt);
  const latest = latestExpiryDay(policy);
  const policyLine = t(policy.allowNoExpiry ? 'credentials.expiry.policyMax' : 'credentials.expiry.policyRequired', {
    days: policy.maxTokenLifetimeDays,
  });
  const computed = preset && preset !== 'custom' && preset !== 'never' ? expiresAtFor({ expiryPreset: preset }) : undefined;
  const custom = preset === 'custom' && customDate && customDate.isAfter(dayjs(), 'day') ? customExpiryMoment(customDate).toISOString() : undefined;
  const shownDate = preset === 'keep' ? currentExpiresAt : (computed ?? custom);

  return (
    <>
      <Form.Item
        name="expiryPreset"
        label={t('credentials.form.expiry')}
        extra={
          <>
            {shownDate && <div data-testid="expiry-will">{t('credentials.expiry.willExpire', { date: dayjs(shownDate).format('LLL') })}</div>}
            {/* "No expiry" is allowed here, so a maximum lifetime would be beside the point. */}
            {preset !== 'never' && <div>{policyLine}</div>}
          </>
        }
      >
        <Radio.Group
          optionType="button"
          size="small"
          options={presets.map((value) => ({ value, label: t(PRESET_LABEL_KEYS[value]) }))}
        />
      </Form.Item>
      {preset === 'custom' && (
        <Form.Item
          name="customExpiry"
          label={t('credentials.form.customExpiry')}
          rules={[
            {
              validator: (_, value: dayjs.Dayjs | null | undefined) => {
                if (!value) return Promise.reject(new Error(t('credentials.form.validation.expiryRequired')));
                if (!isFutureExpiry(value)) return Promise.reject(new Error(t('credentials.form.validation.expiryInPast')));
                // Today would end within hours, often before the script it is made for first runs.
                if (!value.isAfter(dayjs(), 'day')) return Promise.reject(new Error(t('panel.expiry.todayRefused')));
                return value.isAfter(latest, 'day')
                  ? Promise.reject(new Error(t('credentials.form.validation.expiryTooFar', { days: policy.maxTokenLifetimeDays })))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%', maxWidth: 260 }}
            disabledDate={(date) => !date.isAfter(dayjs(), 'day') || date.isAfter(latest, 'day')}
            placeholder={t('credentials.form.customExpiryPlaceholder')}
          />
        </Form.Item>
      )}
      {preset === 'never' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('credentials.expiry.neverWarningTitle')}
          description={<Typography.Text>{t('credentials.expiry.neverWarning')}</Typography.Text>}
        />
      )}
    </>
  );
}
