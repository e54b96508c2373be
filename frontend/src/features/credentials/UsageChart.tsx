import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsagePoint } from '../../api/types';

/** Requests per day, successes and failures stacked. */
export function UsageChart({ points }: { points: UsagePoint[] }) {
  const { t } = useTranslation();
  if (points.every((point) => point.requests === 0)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credentials.detail.noTraffic')} />;
  }
  return (
    <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('credentials.detail.chartLabel')}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <BarChart data={points} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(date: string) => date.slice(5)} fontSize={12} minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="successes" name={t('credentials.detail.successes')} stackId="requests" fill="#52c41a" />
          <Bar dataKey="failures" name={t('credentials.detail.failures')} stackId="requests" fill="#ff4d4f" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
