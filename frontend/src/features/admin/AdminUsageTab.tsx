import { Card, Col, Empty, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describeError } from '../../api/api-error';
import { tesseraApi } from '../../api/tessera-api';
import type { AdminUsage } from '../../api/types';
import { useApiData } from '../../api/use-api-data';

/** Instance-wide requests per day, and who makes them. */
export function AdminUsageTab() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const load = useCallback(() => tesseraApi.admin.getUsage(days), [days]);
  const usage = useApiData<AdminUsage>(load, String(days));
  const data = usage.data;

  return (
    <div>
      <Segmented
        aria-label={t('administration.usage.days')}
        value={days}
        onChange={(value) => setDays(Number(value))}
        options={[
          { value: 7, label: t('administration.usage.last7') },
          { value: 30, label: t('administration.usage.last30') },
          { value: 90, label: t('administration.usage.last90') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {usage.error !== null && !usage.loading && <Typography.Text type="danger">{describeError(usage.error, t)}</Typography.Text>}
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(['requests', 'succeeded', 'failed', 'cost'] as const).map((key) => (
              <Col key={key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(`administration.usage.${key}`)} value={data.totals[key]} />
                </Card>
              </Col>
            ))}
          </Row>
          {data.totals.requests === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('administration.usage.empty')} />
          ) : (
            <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('administration.usage.requests')}>
              <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
                <BarChart data={data.series} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={12} minTickGap={12} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="succeeded" name={t('administration.usage.succeeded')} stackId="requests" fill="#52c41a" />
                  <Bar dataKey="failed" name={t('administration.usage.failed')} stackId="requests" fill="#ff4d4f" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('administration.usage.topTokens')}</Typography.Title>
              <Table
                rowKey="tokenId"
                size="small"
                pagination={false}
                dataSource={data.topTokens}
                columns={[
                  { key: 'token', title: t('administration.usage.token'), render: (_, row) => <span>{row.name} <Typography.Text className="tessera-mono" type="secondary">{row.tokenPreview}</Typography.Text></span> },
                  { key: 'owner', title: t('administration.usage.owner'), render: (_, row) => row.owner.username },
                  { key: 'requests', title: t('administration.usage.requests'), align: 'right', render: (_, row) => row.requests.toLocaleString() },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('administration.usage.topUsers')}</Typography.Title>
              <Table
                rowKey="userId"
                size="small"
                pagination={false}
                dataSource={data.topUsers}
                columns={[
                  { key: 'user', title: t('administration.usage.user'), dataIndex: 'username' },
                  { key: 'requests', title: t('administration.usage.requests'), align: 'right', render: (_, row) => row.requests.toLocaleString() },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
