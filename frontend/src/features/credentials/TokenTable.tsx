import { PlusOutlined } from '@ant-design/icons';
import { TOKEN_RULES, type TokenSortField } from '@tessera/backend/contract';
import { Button, Empty, Grid, Table, Tooltip, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiToken, Page, TokenListQuery } from '../../api/types';
import { ExpiryCell } from './ExpiryCell';
import { LastUsedCell } from './LastUsedCell';
import { ScopeTags } from './ScopeTags';
import { TokenRowActions } from './TokenRowActions';
import { TokenStatusTag } from './TokenStatusTag';
import { UsageCell } from './UsageCell';
import { GraceCountdown } from './GraceCountdown';
import { ApplicationTag } from './ApplicationTag';
import type { ConfirmedTokenAction } from './use-token-actions';

export const DEFAULT_SORT: Pick<TokenListQuery, 'sort' | 'order'> = { sort: 'createdAt', order: 'desc' };
export const PAGE_SIZE_OPTIONS = [10, 20, 50, TOKEN_RULES.maxPageSize];

interface TokenTableProps {
  page: Page<ApiToken> | undefined;
  loading: boolean;
  query: TokenListQuery;
  onQueryChange: (query: TokenListQuery) => void;
  onOpen: (token: ApiToken) => void;
  onEdit: (token: ApiToken) => void;
  onConfirmedAction: (action: ConfirmedTokenAction, token: ApiToken) => void;
  onCreate: () => void;
}

function sortOrderOf(query: TokenListQuery, field: TokenSortField) {
  if (query.sort !== field) return null;
  return query.order === 'asc' ? ('ascend' as const) : ('descend' as const);
}

export function TokenTable({ page, loading, query, onQueryChange, onOpen, onEdit, onConfirmedAction, onCreate }: TokenTableProps) {
  const { t } = useTranslation();
  const filtered = Boolean(query.search || query.status);
  // The columns add up to more than the panel's width: on a wide screen the name and the actions
  // stay in place while the middle scrolls; on a narrow one pinning them would leave no room.
  const pinColumns = Boolean(Grid.useBreakpoint().lg);

  const columns: TableProps<ApiToken>['columns'] = [
    {
      key: 'name',
      title: t('credentials.table.name'),
      fixed: pinColumns ? 'left' : undefined,
      sorter: true,
      sortOrder: sortOrderOf(query, 'name'),
      width: 220,
      render: (_, token) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Link strong onClick={() => onOpen(token)}>
            {token.name}
          </Typography.Link>
          {token.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: token.description }} style={{ marginBottom: 0, fontSize: 12 }}>
              {token.description}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      key: 'tokenPreview',
      title: t('credentials.table.preview'),
      width: 170,
      render: (_, token) => (
        <div>
          <Typography.Text className="tessera-mono">{token.tokenPreview}</Typography.Text>
          {token.state === 'active' && token.graceUntil && Date.parse(token.graceUntil) > Date.now() && (
            <div style={{ fontSize: 12 }}>
              <GraceCountdown graceUntil={token.graceUntil} />
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'application',
      title: t('credentials.application.column'),
      width: 130,
      render: (_, token) => <ApplicationTag token={token} />,
    },
    {
      key: 'scopes',
      title: t('credentials.table.scopes'),
      width: 200,
      render: (_, token) => <ScopeTags scopes={token.scopes} />,
    },
    {
      key: 'state',
      title: t('credentials.table.status'),
      width: 100,
      render: (_, token) => <TokenStatusTag state={token.state} />,
    },
    {
      key: 'expiresAt',
      title: t('credentials.table.expires'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'expiresAt'),
      width: 140,
      render: (_, token) => <ExpiryCell expiresAt={token.expiresAt} expiringSoon={token.expiringSoon} />,
    },
    {
      key: 'lastUsedAt',
      title: t('credentials.table.lastUsed'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'lastUsedAt'),
      width: 150,
      render: (_, token) => <LastUsedCell lastUsedAt={token.lastUsedAt} lastUsedIp={token.lastUsedIp} />,
    },
    {
      key: 'requestCount',
      title: t('credentials.table.usage'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'requestCount'),
      width: 190,
      render: (_, token) => <UsageCell {...token} />,
    },
    {
      key: 'createdAt',
      title: t('credentials.table.created'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'createdAt'),
      width: 130,
      render: (_, token) => (
        <Tooltip title={dayjs(token.createdAt).format('LLL')}>
          <Typography.Text>{dayjs(token.createdAt).format('ll')}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('credentials.table.actions'),
      fixed: pinColumns ? 'right' : undefined,
      width: 200,
      render: (_, token) => (
        <TokenRowActions
          token={token}
          onOpen={() => onOpen(token)}
          onEdit={() => onEdit(token)}
          onConfirmedAction={(action) => onConfirmedAction(action, token)}
        />
      ),
    },
  ];

  const handleChange: TableProps<ApiToken>['onChange'] = (pagination, _filters, sorter, extra) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ApiToken> | undefined;
    if (extra.action === 'sort') {
      const field = single?.order ? (single.columnKey as TokenSortField) : undefined;
      onQueryChange({
        ...query,
        page: 1,
        ...(field ? { sort: field, order: single?.order === 'ascend' ? 'asc' : 'desc' } : DEFAULT_SORT),
      });
      return;
    }
    onQueryChange({ ...query, page: pagination.current ?? 1, limit: pagination.pageSize ?? query.limit });
  };

  // Only an account with no tokens at all gets the invitation; an empty search shows antd's own "no data".
  const invitation =
    !filtered && !loading ? (
      <Empty description={t('credentials.empty.description')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {t('credentials.empty.create')}
        </Button>
      </Empty>
    ) : undefined;

  return (
    <Table<ApiToken>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.data ?? []}
      loading={loading}
      onChange={handleChange}
      scroll={{ x: 1470 }}
      locale={invitation ? { emptyText: invitation } : undefined}
      pagination={{
        current: query.page,
        pageSize: query.limit,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZE_OPTIONS,
        showTotal: (total) => t('credentials.table.total', { count: total }),
      }}
    />
  );
}
