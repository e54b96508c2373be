import { allowanceOf, nextPeriodStart, type QuotaPeriod } from './quota-refill';
import { Admission, AdmitRequest, admissionOf, LimitCode, RATE_WINDOW_MS, TokenLimits, UsageLimiter } from './usage-limiter';

interface Counters {
  requests: number;
  quota: number;
  /** Times (ms) of the calls admitted in the rate window, oldest first; `head` skips expired ones. */
  window: number[];
  head: number;
  /** The refill period the quota counter is about (epoch ms), when the quota refills. */
  periodStart: number | null;
}

/**
 * The limiter of a single instance (no REDIS_URL). The check-and-count runs synchronously on the
 * event loop, which makes it atomic: no other call can interleave between check and increment.
 * The rate limit is an exact sliding window: at most `rateLimit` admitted calls in any 60 s.
 */
export class InMemoryLimiter extends UsageLimiter {
  private readonly counters = new Map<string, Counters>();
  private lastNow = 0;

  constructor(private readonly clock: () => number = Date.now) {
    super();
  }

  async admit(request: AdmitRequest): Promise<Admission> {
    let counters = this.counters.get(request.tokenId);
    if (!counters) {
      const seed = await request.loadSeed();
      // Another call may have seeded while this one waited: the first one wins, nothing is lost.
      counters = this.counters.get(request.tokenId) ?? { requests: seed.requestCount, quota: seed.quotaUsed, window: [], head: 0, periodStart: null };
      this.counters.set(request.tokenId, counters);
    }
    return this.decide(counters, request);
  }

  async forget(tokenId: string): Promise<void> {
    this.counters.delete(tokenId);
  }

  private decide(counters: Counters, { limits: given, cost, quotaPeriod }: AdmitRequest): Admission {
    const { limits, resetsAt } = this.refill(counters, given, quotaPeriod ?? null);
    // Monotonic, so a clock step back cannot reorder the window.
    const now = (this.lastNow = Math.max(this.lastNow, this.clock()));
    this.expire(counters, now);
    const inWindow = counters.window.length - counters.head;
    let code: LimitCode | null = null;
    if (limits.requestLimit !== null && counters.requests + 1 > limits.requestLimit) code = 'REQUEST_LIMIT_EXCEEDED';
    else if (limits.quotaLimit !== null && counters.quota + cost > limits.quotaLimit) code = 'QUOTA_EXCEEDED';
    else if (limits.rateLimit !== null && inWindow >= limits.rateLimit) code = 'RATE_LIMITED';
    if (code === null) {
      counters.requests += 1;
      counters.quota += cost;
      if (limits.rateLimit !== null) counters.window.push(now);
    }
    const size = counters.window.length - counters.head;
    return admissionOf({
      code,
      limits,
      requests: counters.requests,
      quota: counters.quota,
      inWindow: size,
      oldestInWindow: size > 0 ? counters.window[counters.head] : null,
      newestInWindow: size > 0 ? counters.window[counters.window.length - 1] : null,
      now,
      quotaResetsAt: resetsAt,
    });
  }

  /** Moves the quota counter to a later period (credits back) and answers that period's allowance. */
  private refill(counters: Counters, limits: TokenLimits, period: QuotaPeriod | null): { limits: TokenLimits; resetsAt: number | null } {
    if (!period || limits.quotaLimit === null) return { limits, resetsAt: null };
    if (counters.periodStart === null || period.start > counters.periodStart) {
      if (counters.periodStart !== null) counters.quota = 0;
      counters.periodStart = period.start;
    }
    return {
      limits: { ...limits, quotaLimit: allowanceOf(limits.quotaLimit, period, counters.periodStart) },
      resetsAt: nextPeriodStart(period.interval, counters.periodStart),
    };
  }

  private expire(counters: Counters, now: number): void {
    const window = counters.window;
    while (counters.head < window.length && window[counters.head] <= now - RATE_WINDOW_MS) counters.head += 1;
    // Compact once the skipped prefix is most of the array, so memory stays O(rateLimit).
    if (counters.head > 1024 && counters.head * 2 > window.length) {
      counters.window = window.slice(counters.head);
      counters.head = 0;
    }
  }
}
