import { Alert, Button, Card, Col, Descriptions, Drawer, Flex, Grid, Row, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import { useApiData } from '../../api/use-api-data';
import type { ApiToken, ApiTokenDetail, TokenUsageSeries } from '../../api/types';
import { RelativeTime } from '../../components/RelativeTime';
import { ExpiryCell } from './ExpiryCell';
import { GraceCountdown } from './GraceCountdown';
import { LastUsedCell } from './LastUsedCell';
import { ScopeTags } from './ScopeTags';
import { LeakDetails } from './LeakDetails';
import { TokenRowActions } from './TokenRowActions';
import { TokenStateTags } from './TokenStatusTag';
import type { ConfirmedTokenAction } from './use-token-actions';
import { UsageChart } from './UsageChart';
import { ApplicationTag } from './ApplicationTag';
import { fillMissingDays } from './usage-series';

export const USAGE_CHART_DAYS = 30;

interface TokenDetailDrawerProps {
  tokenId: string;
  /** Bumped by the parent after an action so the detail shows the token as it now is. */
  refreshKey: number;
  onClose: () => void;
  /** The token's own actions (edit, rotate, regenerate, revoke, delete), as in its table row. */
  onEdit?: (token: ApiToken) => void;
  onConfirmedAction?: (action: ConfirmedTokenAction, token: ApiToken) => void;
}

function limitText(limit: number | null, unlimited: string): string {
  return limit === null ? unlimited : limit.toLocaleString();
}

function TokenSettings({ token }: { token: ApiTokenDetail }) {
  const { t } = useTranslation();
  const unlimited = t('credentials.usage.unlimited');
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
      <Descriptions.Item label={t('credentials.table.status')}>
        <TokenStateTags token={token} />
      </Descriptions.Item>
      {token.leak && (
        <Descriptions.Item label={t('credentials.leak.detailLabel')}>
          <LeakDetails leak={token.leak} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('credentials.table.preview')}>
        <Typography.Text className="tessera-mono">{token.tokenPreview}</Typography.Text>
      </Descriptions.Item>
      {token.description && <Descriptions.Item label={t('credentials.form.description')}>{token.description}</Descriptions.Item>}
      <Descriptions.Item label={t('credentials.application.label')}>
        <ApplicationTag token={token} />
      </Descriptions.Item>
      <Descriptions.Item label={t('credentials.table.scopes')}>
        <ScopeTags scopes={token.scopes} />
      </Descriptions.Item>
      <Descriptions.Item label={t('credentials.table.expires')}>
        <ExpiryCell expiresAt={token.expiresAt} expiringSoon={token.expiringSoon} />
      </Descriptions.Item>
      {token.graceUntil && (
        <Descriptions.Item label={t('security.grace.label')}>
          <GraceCountdown graceUntil={token.graceUntil} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('credentials.table.lastUsed')}>
        <LastUsedCell lastUsedAt={token.lastUsedAt} lastUsedIp={token.lastUsedIp} />
      </Descriptions.Item>
      {token.lastRefusedAt && (
        <Descriptions.Item label={t('credentials.detail.lastRefused')}>
          <Flex vertical gap={2}>
            <RelativeTime at={token.lastRefusedAt} />
            {token.lastRefusedCode && (
              <Typography.Text type="secondary">
                {t(`errors.${token.lastRefusedCode}`, { seconds: '?' })} <Typography.Text className="tessera-mono" type="secondary">({token.lastRefusedCode})</Typography.Text>
              </Typography.Text>
            )}
          </Flex>
        </Descriptions.Item>
      )}
      {(token.recentIps ?? []).length > 0 && (
        <Descriptions.Item label={t('credentials.detail.recentIps')}>
          <Flex vertical gap={2}>
            {token.recentIps!.map((entry) => (
              <span key={entry.ip}>
                <Typography.Text className="tessera-mono">{entry.ip}</Typography.Text>{' '}
                <RelativeTime at={entry.lastUsedAt} type="secondary" />
              </span>
            ))}
          </Flex>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('credentials.form.requestLimit')}>
        {token.requestCount.toLocaleString()} / {limitText(token.requestLimit, unlimited)}
      </Descriptions.Item>
      <Descriptions.Item label={t('credentials.form.quotaLimit')}>
        {token.quotaUsed.toLocaleString()} / {limitText(token.quotaLimit, unlimited)}
        {token.quotaRefill && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(`credentials.refill.${token.quotaRefill.interval}`)}: {token.quotaRefill.amount.toLocaleString()}
            {token.quotaResetsAt && ` · ${t('credentials.refill.resets', { time: new Date(token.quotaResetsAt).toLocaleString() })}`}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('credentials.form.rateLimit')}>{limitText(token.rateLimit, unlimited)}</Descriptions.Item>
      <Descriptions.Item label={t('credentials.detail.allowedIps')}>
        {(token.allowedIps ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t('credentials.detail.anyAddress')}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {token.allowedIps.map((entry) => (
              <Tag key={entry} className="tessera-mono">
                {entry}
              </Tag>
            ))}
          </Flex>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('credentials.table.created')}>{dayjs(token.createdAt).format('LLL')}</Descriptions.Item>
    </Descriptions>
  );
}

/** Old secrets, with a warning for each one somebody still tried after its grace period. */
function RetiredSecrets({ token }: { token: ApiTokenDetail }) {
  const { t } = useTranslation();
  const secrets = token.retiredSecrets ?? [];
  if (secrets.length === 0) return null;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 24, fontSize: 16 }}>
        {t('security.retired.title')}
      </Typography.Title>
      <Flex vertical gap={8}>
        {secrets
          .filter((secret) => secret.reuseCount > 0)
          .map((secret) => (
            <Alert
              key={`reused-${secret.retiredAt}`}
              type="error"
              showIcon
              title={t('security.retired.reused', {
                preview: secret.tokenPreview,
                count: secret.reuseCount,
                time: secret.lastReusedAt ? dayjs(secret.lastReusedAt).fromNow() : '—',
                ip: secret.lastReusedIp ?? t('security.retired.unknownIp'),
              })}
            />
          ))}
        {secrets.map((secret) => (
          <Typography.Text key={secret.retiredAt} type="secondary" className="tessera-mono" style={{ fontSize: 12 }}>
            {t('security.retired.entry', {
              preview: secret.tokenPreview,
              retired: dayjs(secret.retiredAt).format('LLL'),
              until: dayjs(secret.graceUntil).format('LLL'),
            })}
          </Typography.Text>
        ))}
      </Flex>
    </>
  );
}

function UsageSummaryCards({ token }: { token: ApiTokenDetail }) {
  const { t } = useTranslation();
  const summary = token.usageSummary;
  const items = [
    { title: t('credentials.detail.totalRequests'), value: summary.totalRequests.toLocaleString() },
    {
      title: t('credentials.stats.successRate'),
      value: summary.totalRequests > 0 ? `${(summary.successRate * 100).toFixed(1)}%` : '—',
    },
    { title: t('credentials.detail.failures'), value: summary.failureCount.toLocaleString() },
    { title: t('credentials.stats.cost'), value: summary.totalCost.toLocaleString() },
    { title: t('credentials.detail.last7Days'), value: summary.last7DaysRequests.toLocaleString() },
    { title: t('credentials.detail.last30Days'), value: summary.last30DaysRequests.toLocaleString() },
  ];
  return (
    <Row gutter={[8, 8]}>
      {items.map((item) => (
        <Col key={item.title} xs={12} sm={8}>
          <Card size="small">
            <Statistic title={item.title} value={item.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function TokenDetailDrawer({ tokenId, refreshKey, onClose, onEdit, onConfirmedAction }: TokenDetailDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const loadToken = useCallback(() => tesseraApi.getToken(tokenId), [tokenId]);
  const loadUsage = useCallback(() => tesseraApi.getTokenUsage(tokenId, USAGE_CHART_DAYS), [tokenId]);
  const detail = useApiData<ApiTokenDetail>(loadToken, `${tokenId}:${refreshKey}`);
  const usage = useApiData<TokenUsageSeries>(loadUsage, `${tokenId}:${refreshKey}`);
  const token = detail.data?.id === tokenId ? detail.data : undefined;

  return (
    <Drawer open onClose={onClose} size={screens.md ? 720 : '100%'} title={token?.name ?? t('credentials.detail.title')}>
      {detail.error !== null && !detail.loading && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeError(detail.error, t)}
          action={<Button onClick={detail.reload}>{t('common.retry')}</Button>}
        />
      )}
      {!token && detail.loading && <Spin />}
      {token && (
        <>
          {onEdit && onConfirmedAction && (
            <nav aria-label={t('credentials.table.actions')} style={{ marginBottom: 16 }}>
              <TokenRowActions
                token={token}
                labelled
                onOpen={() => undefined}
                onEdit={() => onEdit(token)}
                onConfirmedAction={(action) => onConfirmedAction(action, token)}
              />
            </nav>
          )}
          <TokenSettings token={token} />
          <RetiredSecrets token={token} />
          <Typography.Title level={4} style={{ marginTop: 24, fontSize: 16 }}>
            {t('credentials.detail.usageTitle')}
          </Typography.Title>
          <UsageSummaryCards token={token} />
          <Typography.Title level={4} style={{ marginTop: 24, fontSize: 16 }}>
            {t('credentials.detail.chartTitle', { days: USAGE_CHART_DAYS })}
          </Typography.Title>
          {usage.error !== null && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={describeError(usage.error, t)}
              action={<Button onClick={usage.reload}>{t('common.retry')}</Button>}
            />
          )}
          {usage.data && <UsageChart points={fillMissingDays(usage.data.points, usage.data.from, usage.data.to)} />}
        </>
      )}
    </Drawer>
  );
}
