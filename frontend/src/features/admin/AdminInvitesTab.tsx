import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { CreatedInvite, Invite, Page } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { RelativeTime } from '../../components/RelativeTime';

const STATE_COLORS = { pending: 'processing', used: 'success', expired: 'default' } as const;

/** Create an invitation (its code and link shown once), list and delete them. */
export function AdminInvitesTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ email?: string; expiresInDays: number }>();
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const load = useCallback(() => tesseraApi.admin.listInvites(page), [page]);
  const invites = useApiData<Page<Invite>>(load, String(page));

  const create = async (values: { email?: string; expiresInDays: number }) => {
    try {
      const invite = await tesseraApi.admin.createInvite({ email: values.email?.trim() || undefined, expiresInDays: values.expiresInDays });
      setCopied(false);
      setCreated(invite);
      form.resetFields();
      invites.reload();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const remove = (invite: Invite) =>
    modal.confirm({
      title: t('administration.invites.confirmDelete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await tesseraApi.admin.deleteInvite(invite.id);
          void message.success(t('administration.invites.deleted'));
          invites.reload();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });

  const columns: TableColumnsType<Invite> = [
    { key: 'code', title: t('administration.invites.columns.code'), render: (_, row) => <Typography.Text className="tessera-mono">{row.codePreview}</Typography.Text> },
    { key: 'email', title: t('administration.invites.columns.email'), render: (_, row) => row.email ?? t('administration.invites.anyEmail') },
    { key: 'state', title: t('administration.invites.columns.state'), render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{t(`administration.invites.states.${row.state}`)}</Tag> },
    { key: 'expires', title: t('administration.invites.columns.expires'), render: (_, row) => <RelativeTime at={row.expiresAt} /> },
    { key: 'created', title: t('administration.invites.columns.created'), render: (_, row) => <RelativeTime at={row.createdAt} /> },
    {
      key: 'actions',
      title: t('administration.invites.columns.actions'),
      render: (_, row) => (row.state === 'pending' ? <Button size="small" danger onClick={() => remove(row)}>{t('administration.invites.delete')}</Button> : null),
    },
  ];

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('administration.invites.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={create} initialValues={{ expiresInDays: 7 }} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="email" label={t('administration.invites.email')} tooltip={t('administration.invites.emailHint')} rules={[{ type: 'email', message: t('auth.validation.emailInvalid') }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('administration.invites.expiresInDays')} rules={[{ required: true, type: 'number', min: 1, max: 90, message: t('administration.policy.range', { min: 1, max: 90 }) }]}>
          <InputNumber />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('administration.invites.create')}</Button>
      </Form>
      <Table<Invite>
        rowKey="id"
        size="middle"
        loading={invites.loading}
        columns={columns}
        dataSource={invites.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: invites.data?.total ?? 0, onChange: setPage }}
      />
      <Modal
        open={created !== null}
        title={t('administration.invites.createdTitle')}
        onCancel={() => setCreated(null)}
        // The code leaves the page when the dialog closes: it is shown once.
        destroyOnHidden
        footer={<Button type="primary" onClick={() => setCreated(null)}>{t('administration.invites.done')}</Button>}
      >
        {created && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('administration.invites.createdWarning')} />
            <Typography.Text type="secondary">{t('administration.invites.code')}</Typography.Text>
            <Typography.Text className="tessera-mono" data-testid="invite-code">{created.code}</Typography.Text>
            <Typography.Text type="secondary">{t('administration.invites.link')}</Typography.Text>
            <Typography.Text className="tessera-mono" data-testid="invite-url" style={{ wordBreak: 'break-all' }}>{created.url}</Typography.Text>
            <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
              {copied ? t('administration.invites.copied') : t('administration.invites.copy')}
            </Button>
          </Space>
        )}
      </Modal>
    </div>
  );
}
