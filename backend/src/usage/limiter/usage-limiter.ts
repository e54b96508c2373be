import type { QuotaPeriod } from './quota-refill';
/** The per-token limits; null means "no limit". */
export interface TokenLimits {
  requestLimit: number | null;
  quotaLimit: number | null;
  /** Calls per minute, over a sliding window of the last 60 seconds. */
  rateLimit: number | null;
}

/** The token's persisted totals: where the counters start when the limiter has none yet. */
export interface UsageSeed {
  requestCount: number;
  quotaUsed: number;
}

export interface AdmitRequest {
  tokenId: string;
  limits: TokenLimits;
  /**
   * Set when the quota refills: the quota counter then counts the current period only, and is
   * back to zero at the first call of a later period (never of an earlier one, so an instance
   * with a slow clock cannot undo another's refill). The seed is then the period's usage.
   */
  quotaPeriod?: QuotaPeriod | null;
  /** Cost units this call charges to the quota (0 or more). */
  cost: number;
  /** Reads the persisted totals; called only when the limiter holds no counters for the token. */
  loadSeed: () => Promise<UsageSeed>;
}

export type LimitCode = 'REQUEST_LIMIT_EXCEEDED' | 'QUOTA_EXCEEDED' | 'RATE_LIMITED';

export interface TotalLimitState {
  limit: number;
  /** Used so far, this call included when it was admitted. */
  used: number;
  remaining: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch milliseconds when every call now in the window has left it (the full limit is back). */
  resetAt: number;
}

export interface Admission {
  allowed: boolean;
  /** Why the call was refused; the first of request limit, quota, rate limit that fails. */
  code?: LimitCode;
  /** Seconds until a refused call can succeed (only for RATE_LIMITED). */
  retryAfterSeconds?: number;
  requests: TotalLimitState | null;
  quota: TotalLimitState | null;
  rate: RateLimitState | null;
  /** Epoch ms of the next refill of a refilling quota; null when the quota does not refill. */
  quotaResetsAt?: number | null;
}

export const RATE_WINDOW_MS = 60_000;

/** The shared limiter cannot be reached: calls on limited tokens are refused (fail closed). */
export class LimiterUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The usage limiter is unavailable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export function hasLimits(limits: TokenLimits): boolean {
  return limits.requestLimit !== null || limits.quotaLimit !== null || limits.rateLimit !== null;
}

/**
 * Admission control for tokens with limits. `admit` checks the request limit, the quota and the
 * rate limit and, only when all three pass, counts the call against all three — as one atomic
 * step, so N concurrent calls against a limit of L admit exactly min(N, L). The limiter's
 * counters are the source of truth for admission; PostgreSQL receives the same totals through
 * the usage recorder's batches and seeds the counters when the limiter has none.
 *
 * A refused call counts against nothing. A call is refused for the first failing limit in the
 * order request limit, quota, rate limit: the permanent refusals come first, so a client is never
 * told to retry after a minute when its token is used up.
 */
export abstract class UsageLimiter {
  abstract admit(request: AdmitRequest): Promise<Admission>;
  /** Drops the counters of a token (tests; a token's counters otherwise live as long as needed). */
  abstract forget(tokenId: string): Promise<void>;
}

/** Builds the answer from the counters as they are after the decision; shared by both limiters. */
export function admissionOf(input: {
  code: LimitCode | null;
  limits: TokenLimits;
  requests: number;
  quota: number;
  inWindow: number;
  oldestInWindow: number | null;
  newestInWindow: number | null;
  now: number;
  quotaResetsAt?: number | null;
}): Admission {
  const { limits, code, now } = input;
  const total = (limit: number | null, used: number): TotalLimitState | null =>
    limit === null ? null : { limit, used, remaining: Math.max(0, limit - used) };
  const rate: RateLimitState | null =
    limits.rateLimit === null
      ? null
      : {
          limit: limits.rateLimit,
          remaining: Math.max(0, limits.rateLimit - input.inWindow),
          resetAt: input.newestInWindow === null ? now : input.newestInWindow + RATE_WINDOW_MS,
        };
  const admission: Admission = { allowed: code === null, requests: total(limits.requestLimit, input.requests), quota: total(limits.quotaLimit, input.quota), rate };
  if (input.quotaResetsAt != null) admission.quotaResetsAt = input.quotaResetsAt;
  if (code) admission.code = code;
  if (code === 'RATE_LIMITED') {
    const freeAt = (input.oldestInWindow ?? now) + RATE_WINDOW_MS;
    admission.retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
  }
  return admission;
}
