import { POLICY_LIMITS, SIGNUP_MODES } from '@tessera/backend/contract';
import { Alert, App, Button, Form, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { fieldErrorsFrom } from '../../api/field-errors';
import { tesseraApi } from '../../api/tessera-api';
import type { AdminPolicy } from '../../api/types';

type NumberField = keyof typeof POLICY_LIMITS;

/** The runtime policy form, with the limits the server accepts (from the shared contract). */
export function AdminPolicyTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdminPolicy>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // The form takes no input until the policy has loaded: a late answer would overwrite what was typed.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    tesseraApi.admin.getPolicy().then((policy) => {
      form.setFieldsValue(policy);
      setLoaded(true);
    }, setFailure);
  }, [form]);

  const rangeRule = (field: NumberField, required: boolean) => ({
    required,
    type: 'number' as const,
    min: POLICY_LIMITS[field].min,
    max: POLICY_LIMITS[field].max,
    message: t('administration.policy.range', POLICY_LIMITS[field]),
  });

  const save = async (values: AdminPolicy) => {
    setSaving(true);
    setFailure(null);
    try {
      form.setFieldsValue(await tesseraApi.admin.putPolicy({ ...values, idleRevokeDays: values.idleRevokeDays ?? null }));
      void message.success(t('administration.policy.saved'));
    } catch (error) {
      const { fields, unplaced } = fieldErrorsFrom(error, t, (key) => i18n.exists(key), (field) => field);
      form.setFields(fields.map(({ name, errors }) => ({ name: name as keyof AdminPolicy, errors })));
      if (unplaced) setFailure(error);
    }
    setSaving(false);
  };

  const numberItem = (field: NumberField, required = true, extra?: string) => (
    <Form.Item name={field} label={t(`administration.policy.${field}`)} rules={[rangeRule(field, required)]} extra={extra}>
      <InputNumber style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('administration.policy.intro')}</Typography.Paragraph>
      {failure !== null && <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 16 }} />}
      <Form<AdminPolicy> form={form} layout="vertical" onFinish={save} disabled={saving || !loaded} requiredMark={false}>
        {numberItem('maxTokenLifetimeDays')}
        <Form.Item name="allowNoExpiry" label={t('administration.policy.allowNoExpiry')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {numberItem('maxTokensPerUser')}
        {numberItem('expiryNoticeDays')}
        {numberItem('idleRevokeDays', false, t('administration.policy.idleRevokeHint'))}
        <Form.Item name="signupMode" label={t('administration.policy.signupMode')} rules={[{ required: true }]}>
          <Select style={{ width: 240 }} options={SIGNUP_MODES.map((mode) => ({ value: mode, label: t(`administration.policy.signupModes.${mode}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>{t('administration.policy.save')}</Button>
      </Form>
    </div>
  );
}
