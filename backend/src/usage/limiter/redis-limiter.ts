import type Redis from 'ioredis';
import { nextPeriodStart } from './quota-refill';
import { ADMIT_SCRIPT } from './redis-admit-script';
import { Admission, AdmitRequest, admissionOf, LimitCode, LimiterUnavailableError, RATE_WINDOW_MS, UsageLimiter, UsageSeed } from './usage-limiter';

/** Counters of a token idle this long are dropped from Redis and re-seeded from PostgreSQL. */
export const COUNTER_TTL_SECONDS = 7 * 24 * 3600;

type ScriptReply = [string, number, number, number, number, number, number, string, number];

/** The client with the admit script defined on it (ioredis runs it by EVALSHA, loading it once). */
type WithAdmit = Redis & { tesseraAdmit(...args: (string | number)[]): Promise<ScriptReply> };

/**
 * The limiter shared by every instance (REDIS_URL set): one Lua script per call does the check
 * and the increments atomically in Redis, so N instances enforce one set of limits. When Redis
 * cannot be reached the call fails with LimiterUnavailableError (the caller answers 503).
 */
export class RedisLimiter extends UsageLimiter {
  private readonly redis: WithAdmit;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    super();
    if (!('tesseraAdmit' in redis)) redis.defineCommand('tesseraAdmit', { numberOfKeys: 2, lua: ADMIT_SCRIPT });
    this.redis = redis as WithAdmit;
  }

  async admit(request: AdmitRequest): Promise<Admission> {
    let reply = await this.run(request, null);
    if (reply[0] === 'NEED_SEED') reply = await this.run(request, await request.loadSeed());
    const [code, requests, quota, inWindow, oldest, newest, now, periodStart, quotaLimit] = reply;
    const period = request.quotaPeriod && request.limits.quotaLimit !== null ? request.quotaPeriod : null;
    return admissionOf({
      code: code === '' ? null : (code as LimitCode),
      // A refilling quota: the allowance of the period the script counted in.
      limits: period ? { ...request.limits, quotaLimit: Number(quotaLimit) } : request.limits,
      quotaResetsAt: period ? nextPeriodStart(period.interval, Number(periodStart)) : null,
      requests: Number(requests),
      quota: Number(quota),
      inWindow: Number(inWindow),
      oldestInWindow: Number(oldest) < 0 ? null : Number(oldest),
      newestInWindow: Number(newest) < 0 ? null : Number(newest),
      now: Number(now),
    });
  }

  async forget(tokenId: string): Promise<void> {
    const [counters, window] = this.keysOf(tokenId);
    await this.redis.del(counters, window);
  }

  /** `{tokenId}` is a hash tag: both keys land in one slot, as a script on a cluster requires. */
  private keysOf(tokenId: string): [string, string] {
    return [`${this.prefix}usage:{${tokenId}}`, `${this.prefix}rate:{${tokenId}}`];
  }

  private async run({ tokenId, limits, cost, quotaPeriod }: AdmitRequest, seed: UsageSeed | null): Promise<ScriptReply> {
    const limit = (value: number | null) => (value === null ? -1 : value);
    try {
      return await this.redis.tesseraAdmit(
        ...this.keysOf(tokenId),
        limit(limits.requestLimit),
        limit(limits.quotaLimit),
        limit(limits.rateLimit),
        cost,
        seed ? seed.requestCount : '',
        seed ? seed.quotaUsed : '',
        RATE_WINDOW_MS,
        COUNTER_TTL_SECONDS,
        quotaPeriod ? quotaPeriod.start : -1,
        quotaPeriod ? quotaPeriod.creationStart : -1,
        quotaPeriod ? quotaPeriod.amount : -1,
      );
    } catch (error) {
      throw new LimiterUnavailableError(error);
    }
  }
}
