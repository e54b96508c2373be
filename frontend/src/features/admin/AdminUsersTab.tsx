import { App, Button, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { AdminUser, AdminUserQuery, Page } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { RelativeTime } from '../../components/RelativeTime';
import { useAuth } from '../auth/auth-context';

/** Every account: role, status, tokens, last activity; promote / demote, disable / enable. */
export function AdminUsersTab() {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const { modal, message } = App.useApp();
  const [query, setQuery] = useState<AdminUserQuery>({ page: 1, limit: 20 });
  const load = useCallback(() => tesseraApi.admin.listUsers(query), [query]);
  const users = useApiData<Page<AdminUser>>(load, JSON.stringify(query));

  const change = (target: AdminUser, body: { role?: 'admin' | 'member'; disabled?: boolean }, confirm?: string) => {
    const run = async () => {
      try {
        await tesseraApi.admin.updateUser(target.id, body);
        void message.success(t('administration.users.updated', { name: target.username }));
        users.reload();
      } catch (error) {
        void message.error(describeError(error, t));
      }
    };
    if (!confirm) return void run();
    modal.confirm({ title: confirm, okButtonProps: { danger: true }, onOk: run });
  };

  const columns: TableColumnsType<AdminUser> = [
    {
      key: 'user',
      title: t('administration.users.columns.user'),
      render: (_, row) => (
        <div>
          <Typography.Text strong>{row.username}</Typography.Text>
          {row.id === me?.id && <Typography.Text type="secondary"> ({t('administration.users.you')})</Typography.Text>}
          <Typography.Text type="secondary" style={{ display: 'block' }}>{row.email}</Typography.Text>
        </div>
      ),
    },
    { key: 'role', title: t('administration.users.columns.role'), render: (_, row) => <Tag color={row.role === 'admin' ? 'warning' : undefined}>{t(`administration.users.roles.${row.role}`)}</Tag> },
    {
      key: 'status',
      title: t('administration.users.columns.status'),
      render: (_, row) => <Tag color={row.status === 'active' ? 'success' : 'error'}>{t(`administration.users.statuses.${row.status}`)}</Tag>,
    },
    { key: 'tokens', title: t('administration.users.columns.tokens'), render: (_, row) => `${row.activeTokenCount} / ${row.tokenCount}` },
    {
      key: 'lastActivity',
      title: t('administration.users.columns.lastActivity'),
      render: (_, row) => (row.lastActivityAt ? <RelativeTime at={row.lastActivityAt} /> : t('administration.users.never')),
    },
    {
      key: 'actions',
      title: t('administration.users.columns.actions'),
      render: (_, row) =>
        row.id === me?.id ? null : (
          <Space size={4} wrap>
            {row.role === 'admin' ? (
              <Button size="small" onClick={() => change(row, { role: 'member' }, t('administration.users.confirmDemote', { name: row.username }))}>
                {t('administration.users.demote')}
              </Button>
            ) : (
              <Button size="small" onClick={() => change(row, { role: 'admin' })}>{t('administration.users.promote')}</Button>
            )}
            {row.status === 'active' ? (
              <Button size="small" danger onClick={() => change(row, { disabled: true }, t('administration.users.confirmDisable', { name: row.username }))}>
                {t('administration.users.disable')}
              </Button>
            ) : (
              <Button size="small" onClick={() => change(row, { disabled: false })}>{t('administration.users.enable')}</Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('administration.users.search')}
          aria-label={t('administration.users.search')}
          onSearch={(search) => setQuery({ ...query, page: 1, search: search.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('administration.users.role')}
          style={{ width: 160 }}
          value={query.role ?? ''}
          onChange={(role: 'admin' | 'member' | '') => setQuery({ ...query, page: 1, role: role || undefined })}
          options={[{ value: '', label: `${t('administration.users.role')}: ${t('administration.filters.any')}` }, ...(['admin', 'member'] as const).map((value) => ({ value, label: t(`administration.users.roles.${value}`) }))]}
        />
        <Select
          aria-label={t('administration.users.status')}
          style={{ width: 160 }}
          value={query.status ?? ''}
          onChange={(status: 'active' | 'disabled' | '') => setQuery({ ...query, page: 1, status: status || undefined })}
          options={[{ value: '', label: `${t('administration.users.status')}: ${t('administration.filters.any')}` }, ...(['active', 'disabled'] as const).map((value) => ({ value, label: t(`administration.users.statuses.${value}`) }))]}
        />
      </Space>
      {users.error !== null && !users.loading && <Typography.Text type="danger">{describeError(users.error, t)}</Typography.Text>}
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={users.loading}
        columns={columns}
        dataSource={users.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: query.page, pageSize: query.limit, total: users.data?.total ?? 0, onChange: (page, limit) => setQuery({ ...query, page, limit }) }}
      />
    </div>
  );
}
