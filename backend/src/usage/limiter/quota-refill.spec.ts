import { describe, expect, it } from 'vitest';
import { allowanceOf, nextPeriodStart, periodStart, quotaPeriodOf } from './quota-refill';

const at = (iso: string) => Date.parse(iso);

describe('quota refill periods (UTC)', () => {
  it('starts a day at 00:00 UTC and the next one 24 h later', () => {
    expect(periodStart('day', at('2026-12-01T23:59:59.999Z'))).toBe(at('2026-12-01T00:00:00Z'));
    expect(nextPeriodStart('day', at('2026-12-01T23:59:59.999Z'))).toBe(at('2026-12-02T00:00:00Z'));
    expect(periodStart('day', at('2026-12-02T00:00:00Z'))).toBe(at('2026-12-02T00:00:00Z'));
  });

  it('starts a week on Monday 00:00 UTC', () => {
    // 2026-12-01 is a Tuesday; 2026-12-06 a Sunday; 2026-12-07 a Monday.
    expect(periodStart('week', at('2026-12-01T10:00:00Z'))).toBe(at('2026-11-30T00:00:00Z'));
    expect(periodStart('week', at('2026-12-06T23:59:59Z'))).toBe(at('2026-11-30T00:00:00Z'));
    expect(periodStart('week', at('2026-12-07T00:00:00Z'))).toBe(at('2026-12-07T00:00:00Z'));
    expect(nextPeriodStart('week', at('2026-12-01T10:00:00Z'))).toBe(at('2026-12-07T00:00:00Z'));
  });

  it('starts a month on the 1st 00:00 UTC, across year ends and short months', () => {
    expect(periodStart('month', at('2026-12-31T23:00:00Z'))).toBe(at('2026-12-01T00:00:00Z'));
    expect(nextPeriodStart('month', at('2026-12-31T23:00:00Z'))).toBe(at('2027-01-01T00:00:00Z'));
    expect(nextPeriodStart('month', at('2027-01-31T12:00:00Z'))).toBe(at('2027-02-01T00:00:00Z'));
    expect(nextPeriodStart('month', at('2028-02-29T12:00:00Z'))).toBe(at('2028-03-01T00:00:00Z'));
  });

  it('grants the whole quotaLimit in the period of creation and the amount in every later one', () => {
    const period = quotaPeriodOf({ amount: 100, interval: 'day' }, new Date('2026-12-01T08:00:00Z'), at('2026-12-01T20:00:00Z'));
    expect(allowanceOf(1000, period)).toBe(1000);
    const later = quotaPeriodOf({ amount: 100, interval: 'day' }, new Date('2026-12-01T08:00:00Z'), at('2026-12-02T00:00:00Z'));
    expect(allowanceOf(1000, later)).toBe(100);
  });
});
