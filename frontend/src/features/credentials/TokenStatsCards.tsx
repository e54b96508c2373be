import { Alert, Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { describeError } from '../../api/api-error';
import { useTranslation } from 'react-i18next';
import type { TokenStats } from '../../api/types';

export const STATS_PERIOD_DAYS = 30;

/**
 * While loading, the card keeps its loaded shape (its title, a skeleton in the figure's line, an
 * empty note line) instead of the Card's taller skeleton: the toolbar below then stays where it is
 * when the figures arrive, rather than jumping up under a pointer about to click "New token".
 */
function StatCard({ title, value, suffix, note, loading }: { title: string; value: string | number; suffix?: string; note: string; loading: boolean }) {
  return (
    <Card size="small" style={{ height: '100%' }} aria-busy={loading || undefined}>
      <Statistic
        title={title}
        value={value}
        suffix={loading ? undefined : suffix}
        valueRender={loading ? () => <Skeleton.Input active size="small" style={{ verticalAlign: 'middle' }} /> : undefined}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {loading ? '\u00a0' : note}
      </Typography.Text>
    </Card>
  );
}

/** Overview of the last 30 days for all of the person's tokens. */
export function TokenStatsCards({
  stats,
  loading,
  error = null,
  onRetry,
}: {
  stats: TokenStats | undefined;
  loading: boolean;
  /** A failed load says so and offers a retry: zeros would claim there was no traffic. */
  error?: unknown;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const busy = loading && !stats;
  if (error !== null && !stats) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('panel.stats.failed')}
        description={describeError(error, t)}
        action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <StatCard
          loading={busy}
          title={t('credentials.stats.tokens')}
          value={stats?.totalTokens ?? 0}
          note={t('credentials.stats.tokensNote', {
            active: stats?.activeTokens ?? 0,
            expired: stats?.expiredTokens ?? 0,
            revoked: stats?.revokedTokens ?? 0,
          })}
        />
      </Col>
      <Col xs={12} md={6}>
        <StatCard
          loading={busy}
          title={t('credentials.stats.requests', { days: STATS_PERIOD_DAYS })}
          value={(stats?.totalRequests ?? 0).toLocaleString()}
          note={t('credentials.stats.requestsNote', {
            successes: (stats?.successCount ?? 0).toLocaleString(),
            failures: (stats?.failureCount ?? 0).toLocaleString(),
          })}
        />
      </Col>
      <Col xs={12} md={6}>
        <StatCard
          loading={busy}
          title={t('credentials.stats.successRate')}
          value={stats && stats.totalRequests > 0 ? (stats.successRate * 100).toFixed(1) : '—'}
          suffix={stats && stats.totalRequests > 0 ? '%' : undefined}
          note={t('credentials.stats.periodNote', { days: STATS_PERIOD_DAYS })}
        />
      </Col>
      <Col xs={12} md={6}>
        <StatCard
          loading={busy}
          title={t('credentials.stats.cost')}
          value={(stats?.totalCost ?? 0).toLocaleString()}
          note={t('credentials.stats.costNote', { average: (stats?.avgCostPerRequest ?? 0).toFixed(2) })}
        />
      </Col>
    </Row>
  );
}
