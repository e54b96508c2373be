import { PlusOutlined } from '@ant-design/icons';
import { TOKEN_RULES, type TokenSortField } from '@tessera/backend/contract';
import { Button, Card, Empty, Flex, Grid, Pagination, Select, Spin, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { ApiToken, Page, TokenListQuery } from '../../api/types';
import { ExpiryCell } from './ExpiryCell';
import { LastUsedCell } from './LastUsedCell';
import { ScopeTags } from './ScopeTags';
import { TokenRowActions } from './TokenRowActions';
import { TokenStateTags } from './TokenStatusTag';
import { UsageCell } from './UsageCell';
import { GraceCountdown } from './GraceCountdown';
import { ApplicationTag } from './ApplicationTag';
import type { ConfirmedTokenAction } from './use-token-actions';

export const DEFAULT_SORT: Pick<TokenListQuery, 'sort' | 'order'> = { sort: 'createdAt', order: 'desc' };
export const PAGE_SIZE_OPTIONS = [10, 20, 50, TOKEN_RULES.maxPageSize];

/** What the table's sortable column headers sort by; the phone's cards offer the same (createdAt is the default order). */
export const CARD_SORT_FIELDS: { field: TokenSortField; label: string }[] = [
  { field: 'createdAt', label: 'credentials.table.created' },
  { field: 'name', label: 'credentials.table.name' },
  { field: 'expiresAt', label: 'credentials.table.expires' },
  { field: 'lastUsedAt', label: 'credentials.table.lastUsed' },
  { field: 'requestCount', label: 'credentials.table.usage' },
];

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
  const screens = Grid.useBreakpoint();
  // xl (1200 px and up, the panel then 1180 px wide): every column fits, nothing scrolls sideways.
  // md-xl: last use and usage collapse into the detail drawer. Below md: cards, not a table.
  const layout = tokenListLayout(screens);

  const columns: TableProps<ApiToken>['columns'] = [
    {
      key: 'name',
      title: t('credentials.table.name'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'name'),
      render: (_, token) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Link strong onClick={() => onOpen(token)}>
            {token.name}
          </Typography.Link>
          <TokenPreview token={token} />
          {token.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: token.description }} style={{ marginBottom: 0, fontSize: 12 }}>
              {token.description}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      key: 'application',
      title: t('credentials.application.column'),
      width: 110,
      render: (_, token) => <ApplicationTag token={token} />,
    },
    {
      key: 'scopes',
      title: t('credentials.table.scopes'),
      width: 150,
      render: (_, token) => <ScopeTags scopes={token.scopes} />,
    },
    {
      key: 'state',
      title: t('credentials.table.status'),
      width: 100,
      render: (_, token) => <TokenStateTags token={token} />,
    },
    {
      key: 'expiresAt',
      title: t('credentials.table.expires'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'expiresAt'),
      width: 150,
      render: (_, token) => <ExpiryCell expiresAt={token.expiresAt} expiringSoon={token.expiringSoon} />,
    },
    {
      key: 'lastUsedAt',
      title: t('credentials.table.lastUsed'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'lastUsedAt'),
      width: 120,
      hidden: !layout.showUsage,
      render: (_, token) => <LastUsedCell lastUsedAt={token.lastUsedAt} lastUsedIp={token.lastUsedIp} />,
    },
    {
      key: 'requestCount',
      title: t('credentials.table.usage'),
      sorter: true,
      sortOrder: sortOrderOf(query, 'requestCount'),
      width: 150,
      hidden: !layout.showUsage,
      render: (_, token) => <UsageCell {...token} />,
    },
    {
      key: 'actions',
      title: t('credentials.table.actions'),
      width: 248,
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

  const pagination = {
    current: query.page,
    pageSize: query.limit,
    total: page?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (total: number) => t('credentials.table.total', { count: total }),
  };

  if (layout.cards) {
    const tokens = page?.data ?? [];
    return (
      <Spin spinning={loading}>
        <Flex vertical gap={12}>
          <CardSort query={query} onQueryChange={onQueryChange} />
          {tokens.length === 0 && !loading ? (
            (invitation ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)
          ) : (
            <ul aria-label={t('panel.list.label')} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
              {tokens.map((token) => (
                <li key={token.id} data-testid="token-card">
                  <TokenCard token={token} onOpen={onOpen} onEdit={onEdit} onConfirmedAction={onConfirmedAction} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            {...pagination}
            size="small"
            align="center"
            onChange={(current, pageSize) => onQueryChange({ ...query, page: current, limit: pageSize })}
          />
        </Flex>
      </Spin>
    );
  }

  return (
    <Table<ApiToken>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={page?.data ?? []}
      loading={loading}
      onChange={handleChange}
      locale={invitation ? { emptyText: invitation } : undefined}
      pagination={pagination}
    />
  );
}

/** The cards' sort: the table's sortable columns, each way, kept in the URL like the table's (`?sort=…&order=…`). */
function CardSort({ query, onQueryChange }: { query: TokenListQuery; onQueryChange: (query: TokenListQuery) => void }) {
  const { t } = useTranslation();
  const current = `${query.sort ?? DEFAULT_SORT.sort}:${query.order ?? DEFAULT_SORT.order}`;
  const options = CARD_SORT_FIELDS.flatMap(({ field, label }) =>
    (['asc', 'desc'] as const).map((order) => ({
      value: `${field}:${order}`,
      label: t('panel.sort.option', { field: t(label), direction: t(order === 'asc' ? 'panel.sort.ascending' : 'panel.sort.descending') }),
    })),
  );
  return (
    <Flex align="center" gap={8}>
      <Typography.Text id="token-card-sort-label">{t('panel.sort.label')}</Typography.Text>
      <Select<string>
        aria-labelledby="token-card-sort-label"
        value={current}
        size="large"
        options={options}
        onChange={(value) => {
          const [sort, order] = value.split(':') as [TokenSortField, 'asc' | 'desc'];
          onQueryChange({ ...query, page: 1, sort, order });
        }}
        style={{ flex: '1 1 auto', minWidth: 0, minHeight: 44 }}
      />
    </Flex>
  );
}

/** Which columns a screen of this width gets (see docs/panel.md). */
export function tokenListLayout(screens: Partial<Record<'md' | 'xl', boolean>>): { cards: boolean; showUsage: boolean } {
  return { cards: !screens.md, showUsage: Boolean(screens.xl) };
}

function TokenPreview({ token }: { token: ApiToken }) {
  return (
    <div style={{ fontSize: 12 }}>
      <Typography.Text className="tessera-mono" style={{ fontSize: 12 }}>
        {token.tokenPreview}
      </Typography.Text>
      {token.state === 'active' && token.graceUntil && Date.parse(token.graceUntil) > Date.now() && (
        <div>
          <GraceCountdown graceUntil={token.graceUntil} />
        </div>
      )}
    </div>
  );
}

/** A phone's view of one token: name, state, expiry, last use, and its actions as 44 × 44 px targets. */
function TokenCard({
  token,
  onOpen,
  onEdit,
  onConfirmedAction,
}: {
  token: ApiToken;
  onOpen: (token: ApiToken) => void;
  onEdit: (token: ApiToken) => void;
  onConfirmedAction: (action: ConfirmedTokenAction, token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ width: '100%' }} role="group" aria-label={token.name}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Link strong onClick={() => onOpen(token)} style={{ display: 'inline-block', minHeight: 24 }}>
              {token.name}
            </Typography.Link>
            <TokenPreview token={token} />
          </div>
          <Flex gap={4} wrap justify="flex-end">
            <ApplicationTag token={token} />
            <TokenStateTags token={token} />
          </Flex>
        </Flex>
        <Flex gap={16} wrap>
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('credentials.table.expires')}
            </Typography.Text>
            <ExpiryCell expiresAt={token.expiresAt} expiringSoon={token.expiringSoon} />
          </div>
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('credentials.table.lastUsed')}
            </Typography.Text>
            <LastUsedCell lastUsedAt={token.lastUsedAt} lastUsedIp={token.lastUsedIp} />
          </div>
        </Flex>
        <TokenRowActions
          token={token}
          large
          onOpen={() => onOpen(token)}
          onEdit={() => onEdit(token)}
          onConfirmedAction={(action) => onConfirmedAction(action, token)}
        />
      </Flex>
    </Card>
  );
}
