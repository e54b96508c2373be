import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../components/durations';

/** `2 days 03:04:05` (`2天 03:04:05`) or `03:04:05`: the time left, to the second. */
export function formatRemaining(ms: number, language = 'en-US'): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${formatDuration(days * 86_400, language)} ${clock}` : clock;
}

/** The clock, ticking once a second while `until` is in the future. */
export function useNow(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || Date.parse(until) <= Date.now()) return undefined;
    const end = Date.parse(until);
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= end) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return now;
}

/** How long the secret replaced by the last rotation still works, counting down; nothing if never rotated. */
export function GraceCountdown({ graceUntil }: { graceUntil: string | null }) {
  const { t, i18n } = useTranslation();
  const now = useNow(graceUntil);
  if (!graceUntil) return null;
  const left = Date.parse(graceUntil) - now;
  if (left <= 0) {
    return <Typography.Text type="secondary">{t('security.grace.ended', { time: dayjs(graceUntil).fromNow() })}</Typography.Text>;
  }
  return (
    <Typography.Text type="warning" role="timer" title={dayjs(graceUntil).format('LLL')}>
      {t('security.grace.remaining', { time: formatRemaining(left, i18n.resolvedLanguage) })}
    </Typography.Text>
  );
}
