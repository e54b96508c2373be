import { TOKEN_STATES, type TokenState } from '@tessera/backend/contract';
import { App, Button, Input, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { AdminToken, AdminTokenQuery, Page } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { RelativeTime } from '../../components/RelativeTime';

const STATE_COLORS = { active: 'success', expired: 'warning', revoked: 'error', deleted: 'default' } as const;

/** The credentials inventory: every user's tokens, filtered, with multi-select revoke. */
export function AdminTokensTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [query, setQuery] = useState<AdminTokenQuery>({ page: 1, limit: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const load = useCallback(() => tesseraApi.admin.listTokens(query), [query]);
  const tokens = useApiData<Page<AdminToken>>(load, JSON.stringify(query));
  const filter = (changes: Partial<AdminTokenQuery>) => {
    setSelected([]);
    setQuery({ ...query, page: 1, ...changes });
  };

  const revokeSelected = () => {
    const count = selected.length;
    modal.confirm({
      title: t('administration.tokens.confirmTitle', { count }),
      content: t('administration.tokens.confirmBody', { count }),
      okText: t('administration.tokens.confirmOk', { count }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const result = await tesseraApi.admin.revokeTokens(selected);
          void message.success(t('administration.tokens.revoked', { count: result.revoked }));
          setSelected([]);
          tokens.reload();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });
  };

  const columns: TableColumnsType<AdminToken> = [
    {
      key: 'token',
      title: t('administration.tokens.columns.token'),
      render: (_, row) => (
        <div>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Typography.Text className="tessera-mono" type="secondary" style={{ display: 'block' }}>{row.tokenPreview}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'owner',
      title: t('administration.tokens.columns.owner'),
      render: (_, row) => (
        <div>
          <Typography.Text>{row.owner.username}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>{row.owner.email}</Typography.Text>
        </div>
      ),
    },
    { key: 'scopes', title: t('administration.tokens.columns.scopes'), render: (_, row) => <Space size={2} wrap>{row.scopes.map((scope) => <Tag key={scope}>{scope}</Tag>)}</Space> },
    {
      key: 'state',
      title: t('administration.tokens.columns.state'),
      render: (_, row) => (
        <Tag color={STATE_COLORS[row.state]}>
          {t(`administration.tokens.states.${row.state}`)}
          {row.state === 'revoked' && row.revokedBy ? ` · ${t(`administration.tokens.revokedBy.${row.revokedBy}`)}` : ''}
        </Tag>
      ),
    },
    { key: 'expires', title: t('administration.tokens.columns.expires'), render: (_, row) => (row.expiresAt ? <RelativeTime at={row.expiresAt} /> : t('administration.tokens.noExpiry')) },
    { key: 'lastUsed', title: t('administration.tokens.columns.lastUsed'), render: (_, row) => (row.lastUsedAt ? <RelativeTime at={row.lastUsedAt} /> : t('administration.tokens.never')) },
    { key: 'requests', title: t('administration.tokens.columns.requests'), align: 'right', render: (_, row) => row.requestCount.toLocaleString() },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('administration.tokens.search')}
          aria-label={t('administration.tokens.search')}
          onSearch={(search) => filter({ search: search.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('administration.tokens.state')}
          style={{ width: 160 }}
          value={query.state ?? ''}
          onChange={(state: TokenState | '') => filter({ state: state || undefined })}
          options={[{ value: '', label: `${t('administration.tokens.state')}: ${t('administration.filters.any')}` }, ...TOKEN_STATES.map((value) => ({ value, label: t(`administration.tokens.states.${value}`) }))]}
        />
        <InputNumber
          min={1}
          max={3650}
          placeholder={t('administration.tokens.idleDays')}
          aria-label={t('administration.tokens.idleDays')}
          style={{ width: 180 }}
          value={query.idleDays ?? null}
          onChange={(value) => filter({ idleDays: value ?? undefined })}
        />
        <InputNumber
          min={1}
          max={3650}
          placeholder={t('administration.tokens.expiringWithinDays')}
          aria-label={t('administration.tokens.expiringWithinDays')}
          style={{ width: 200 }}
          value={query.expiringWithinDays ?? null}
          onChange={(value) => filter({ expiringWithinDays: value ?? undefined })}
        />
        <Button danger type="primary" disabled={selected.length === 0} onClick={revokeSelected}>
          {t('administration.tokens.revokeSelected', { count: selected.length })}
        </Button>
      </Space>
      {tokens.error !== null && !tokens.loading && <Typography.Text type="danger">{describeError(tokens.error, t)}</Typography.Text>}
      {/* Scrolled by this box, not by the table's own scroll.x: antd then copies the header, with its
          select-all checkbox, into an aria-hidden measuring row, a focusable element screen readers cannot see. */}
      <div style={{ overflowX: 'auto' }}>
        <Table<AdminToken>
          rowKey="id"
          size="middle"
          loading={tokens.loading}
          columns={columns}
          dataSource={tokens.data?.data ?? []}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (row) => ({ disabled: row.status === 'REVOKED', 'aria-label': row.name }),
          }}
          pagination={{
            current: query.page,
            pageSize: query.limit,
            total: tokens.data?.total ?? 0,
            onChange: (page, limit) => {
              setSelected([]);
              setQuery({ ...query, page, limit });
            },
          }}
        />
      </div>
    </div>
  );
}
