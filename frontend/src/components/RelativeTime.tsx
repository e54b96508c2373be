import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';

/** "3 days ago" / "in 2 hours", with the exact date and time on hover; follows the dayjs locale. */
export function RelativeTime({ at, type }: { at: string; type?: 'secondary' | 'warning' | 'danger' }) {
  const moment = dayjs(at);
  return (
    <Tooltip title={moment.format('LLL')}>
      <Typography.Text type={type}>{moment.fromNow()}</Typography.Text>
    </Tooltip>
  );
}
