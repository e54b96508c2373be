import { QUOTA_REFILL_INTERVALS, type QuotaRefillInterval } from '../../contract';

/** A quota that refills: at each UTC boundary of `interval`, the token has `amount` units again. */
export interface QuotaRefill {
  amount: number;
  interval: QuotaRefillInterval;
}

/** The quota period (UTC day, ISO week from Monday, or calendar month) that holds `at`, in epoch ms. */
export function periodStart(interval: QuotaRefillInterval, at: number): number {
  const date = new Date(at);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (interval) {
    case 'day':
      return Date.UTC(y, m, d);
    case 'week':
      // getUTCDay: 0 = Sunday; weeks start on Monday (ISO 8601).
      return Date.UTC(y, m, d - ((date.getUTCDay() + 6) % 7));
    case 'month':
      return Date.UTC(y, m, 1);
  }
}

/** The start of the period after the one that holds `at`: when the quota is next refilled. */
export function nextPeriodStart(interval: QuotaRefillInterval, at: number): number {
  const start = new Date(periodStart(interval, at));
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (interval) {
    case 'day':
      return Date.UTC(y, m, d + 1);
    case 'week':
      return Date.UTC(y, m, d + 7);
    case 'month':
      return Date.UTC(y, m + 1, 1);
  }
}

/**
 * What the limiter needs to count a refilling quota: the current period, the period the token was
 * created in (that one grants the full `quotaLimit`), and the `amount` every later period grants.
 */
export interface QuotaPeriod {
  interval: QuotaRefillInterval;
  start: number;
  creationStart: number;
  amount: number;
}

export function quotaPeriodOf(refill: QuotaRefill, createdAt: Date, now: number): QuotaPeriod {
  return { interval: refill.interval, start: periodStart(refill.interval, now), creationStart: periodStart(refill.interval, createdAt.getTime()), amount: refill.amount };
}

/** The units a period grants: the whole quotaLimit in the period of creation, `amount` after. */
export function allowanceOf(quotaLimit: number, period: QuotaPeriod, start = period.start): number {
  return start === period.creationStart ? quotaLimit : Math.min(quotaLimit, period.amount);
}

/** The refill of a token row (both columns set), or null. */
export function quotaRefillOf(row: { quotaRefillAmount: number | null; quotaRefillInterval: string | null }): QuotaRefill | null {
  if (row.quotaRefillAmount === null || !(QUOTA_REFILL_INTERVALS as readonly string[]).includes(row.quotaRefillInterval ?? '')) return null;
  return { amount: row.quotaRefillAmount, interval: row.quotaRefillInterval as QuotaRefillInterval };
}
