import { ERROR_CODES } from '@tessera/backend/contract';
import { App, Button, Flex, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../api/api-error';
import { fieldErrorsFrom, topLevelField } from '../../api/field-errors';
import { tesseraApi } from '../../api/tessera-api';
import type { ExpiryWebhook } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { usePolicy } from '../credentials/use-policy';
import { ExpiryNoticeTable, ServiceKeyNoticeTable } from './ExpiryNoticeTable';

/** null when no webhook is set (the API answers 404). */
async function loadWebhook(): Promise<ExpiryWebhook | null> {
  try {
    return await tesseraApi.getExpiryWebhook();
  } catch (error) {
    if (error instanceof ApiError && error.code === ERROR_CODES.NOT_FOUND) return null;
    throw error;
  }
}

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/** The user's expiry webhook in the Profile tab: URL, signing secret, test, and recent notices. */
export function ExpiryWebhookSection() {
  const { t, i18n } = useTranslation();
  const serviceKeysHeading = useId();
  const { message } = App.useApp();
  const policy = usePolicy();
  const [form] = Form.useForm<{ url: string }>();
  const load = useCallback(loadWebhook, []);
  const webhook = useApiData<ExpiryWebhook | null>(load, 'expiry-webhook');
  const [busy, setBusy] = useState<'save' | 'test' | 'secret' | 'remove' | null>(null);
  const current = webhook.data ?? null;

  const run = async (action: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(action);
    try {
      await work();
    } catch (error) {
      const { fields, unplaced } = fieldErrorsFrom(error, t, (key) => i18n.exists(key), (field) => (topLevelField(field) === 'url' ? 'url' : null));
      form.setFields(fields.map(({ errors }) => ({ name: 'url', errors })));
      if (unplaced) void message.error(describeError(error, t));
    } finally {
      setBusy(null);
    }
  };

  const save = ({ url }: { url: string }) =>
    run('save', async () => {
      await tesseraApi.saveExpiryWebhook(url.trim());
      void message.success(t('profile.expiryWebhook.saved'));
      webhook.reload();
    });

  const sendTest = () =>
    run('test', async () => {
      const result = await tesseraApi.testExpiryWebhook();
      if (result.ok) void message.success(t('profile.expiryWebhook.testOk', { status: result.status }));
      else void message.error(t('profile.expiryWebhook.testFailed', { reason: result.error ?? result.status }));
    });

  const rotateSecret = () =>
    run('secret', async () => {
      await tesseraApi.rotateExpiryWebhookSecret();
      void message.success(t('profile.expiryWebhook.secretReplaced'));
      webhook.reload();
    });

  const remove = () =>
    run('remove', async () => {
      await tesseraApi.deleteExpiryWebhook();
      form.setFieldsValue({ url: '' });
      void message.success(t('profile.expiryWebhook.removed'));
      webhook.reload();
    });

  if (webhook.loading && webhook.data === undefined) return null;
  if (webhook.error) return <Typography.Text type="danger">{describeError(webhook.error, t)}</Typography.Text>;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('profile.expiryWebhook.explain', { days: policy.expiryNoticeDays })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ url: current?.url ?? '' }} onFinish={save} style={{ maxWidth: 560 }}>
        <Form.Item
          name="url"
          label={t('profile.expiryWebhook.url')}
          rules={[
            { required: true, whitespace: true, message: t('profile.expiryWebhook.urlRequired') },
            { pattern: HTTP_URL, message: t('errors.constraint.isUrl') },
            { max: 2048, message: t('errors.constraint.maxLength') },
          ]}
        >
          <Input placeholder="https://hooks.example.com/tessera" inputMode="url" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy === 'save'}>
          {t('profile.expiryWebhook.save')}
        </Button>
      </Form>
      {current && (
        <>
          <div>
            <Typography.Text strong>{t('profile.expiryWebhook.secret')}</Typography.Text>{' '}
            <Typography.Text code copyable={{ text: current.secret }} aria-label={t('profile.expiryWebhook.secret')}>
              {`${current.secret.slice(0, 10)}…`}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('profile.expiryWebhook.secretHint')}
            </Typography.Paragraph>
          </div>
          <Space wrap>
            <Button onClick={sendTest} loading={busy === 'test'}>
              {t('profile.expiryWebhook.test')}
            </Button>
            <Popconfirm title={t('profile.expiryWebhook.confirmSecret')} okText={t('profile.expiryWebhook.newSecret')} cancelText={t('common.cancel')} onConfirm={rotateSecret}>
              <Button loading={busy === 'secret'}>{t('profile.expiryWebhook.newSecret')}</Button>
            </Popconfirm>
            <Popconfirm title={t('profile.expiryWebhook.confirmRemove')} okText={t('profile.expiryWebhook.remove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={remove}>
              <Button danger loading={busy === 'remove'}>
                {t('profile.expiryWebhook.remove')}
              </Button>
            </Popconfirm>
          </Space>
          <Typography.Text strong>{t('profile.expiryWebhook.recent')}</Typography.Text>
          <ExpiryNoticeTable notices={current.recentNotices} />
          {current.recentServiceKeyNotices.length > 0 && (
            <section aria-labelledby={serviceKeysHeading}>
              <Typography.Text strong id={serviceKeysHeading} style={{ display: 'block', marginBottom: 8 }}>
                {t('profile.expiryWebhook.recentServiceKeys')}
              </Typography.Text>
              <ServiceKeyNoticeTable notices={current.recentServiceKeyNotices} />
            </section>
          )}
        </>
      )}
    </Flex>
  );
}
