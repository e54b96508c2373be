import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMIT_FIELDS, LIMIT_MAXIMUM, isValidLimit, type LimitField } from './token-form-model';

const LIMIT_LABEL_KEYS: Record<LimitField, { label: string; help: string }> = {
  requestLimit: { label: 'credentials.form.requestLimit', help: 'credentials.form.requestLimitHelp' },
  quotaLimit: { label: 'credentials.form.quotaLimit', help: 'credentials.form.quotaLimitHelp' },
  rateLimit: { label: 'credentials.form.rateLimit', help: 'credentials.form.rateLimitHelp' },
};

/** Three optional limits; empty means unlimited. */
export function LimitFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      {LIMIT_FIELDS.map((field) => (
        <Col key={field} xs={24} md={8}>
          <Form.Item
            name={field}
            label={t(LIMIT_LABEL_KEYS[field].label)}
            tooltip={t(LIMIT_LABEL_KEYS[field].help)}
            rules={[
              {
                validator: (_, value: number | null | undefined) =>
                  isValidLimit(value, field)
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t('credentials.form.validation.limitInvalid', { max: LIMIT_MAXIMUM[field].toLocaleString() })),
                      ),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} placeholder={t('credentials.usage.unlimited')} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
