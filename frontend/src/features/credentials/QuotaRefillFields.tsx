import { QUOTA_REFILL_INTERVALS, type QuotaRefillInterval } from '@tessera/backend/contract';
import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TokenFormValues } from './token-form-model';

/** A refilling quota: `amount` units again at each UTC day / week / month boundary; at most the quota. */
export function QuotaRefillFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TokenFormValues>();
  const quotaLimit = Form.useWatch('quotaLimit', form);
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          name="quotaRefillAmount"
          label={t('credentials.form.refillAmount')}
          tooltip={t('credentials.form.refillHelp')}
          dependencies={['quotaLimit', 'quotaRefillInterval']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null | undefined) => {
                if (value === null || value === undefined) {
                  return getFieldValue('quotaRefillInterval') ? Promise.reject(new Error(t('credentials.form.validation.refillAmountRequired'))) : Promise.resolve();
                }
                const limit = getFieldValue('quotaLimit') as number | null | undefined;
                if (typeof limit !== 'number') return Promise.reject(new Error(t('credentials.form.validation.refillNeedsQuota')));
                if (!Number.isInteger(value) || value < 1 || value > limit) return Promise.reject(new Error(t('credentials.form.validation.refillTooLarge', { max: limit })));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber style={{ width: '100%' }} placeholder={t('credentials.form.refillNever')} disabled={typeof quotaLimit !== 'number'} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="quotaRefillInterval"
          label={t('credentials.form.refillInterval')}
          dependencies={['quotaRefillAmount']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: QuotaRefillInterval | null | undefined) =>
                typeof getFieldValue('quotaRefillAmount') === 'number' && !value
                  ? Promise.reject(new Error(t('credentials.form.validation.refillIntervalRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select<QuotaRefillInterval>
            aria-label={t('credentials.form.refillInterval')}
            allowClear
            disabled={typeof quotaLimit !== 'number'}
            placeholder={t('credentials.form.refillNever')}
            options={QUOTA_REFILL_INTERVALS.map((interval) => ({ value: interval, label: t(`credentials.refill.${interval}`) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
