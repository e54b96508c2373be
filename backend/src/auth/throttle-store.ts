import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

/** A fixed counting window: `count` hits so far, closing at `resetAt` (epoch ms). */
export interface ThrottleWindow {
  count: number;
  resetAt: number;
}

/** Where login throttling counts: in this process, or in Redis for every instance at once. */
export abstract class ThrottleStore {
  /** Counts one hit on `key`, opening a window of `windowMs` if none is open, and answers the window. */
  abstract hit(key: string, windowMs: number, now?: number): Promise<ThrottleWindow>;
  /** Takes back one hit of the open window (never below zero): it turned out not to count. */
  abstract release(key: string, now?: number): Promise<void>;
  abstract clear(key: string): Promise<void>;
}

export class InMemoryThrottleStore extends ThrottleStore {
  private readonly windows = new Map<string, ThrottleWindow>();

  async hit(key: string, windowMs: number, now = Date.now()): Promise<ThrottleWindow> {
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { ...window };
  }

  async release(key: string, now = Date.now()): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.resetAt > now && window.count > 0) window.count -= 1;
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** Drops finished windows so the map cannot grow without bound. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** INCR, and set the expiry on the first hit of a window (or if it was ever lost); answers count and ms left. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** DECR only an open window that has hits (an expired key is not brought back as -1). */
const RELEASE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return count`;

type WithHit = Redis & {
  tesseraThrottleHit(key: string, windowMs: number): Promise<[number, number]>;
  tesseraThrottleRelease(key: string): Promise<number>;
};

/**
 * Shared by every instance (REDIS_URL set), so N instances allow the attempts of one, not N
 * times as many. While Redis cannot be reached it counts in this process instead: login stays
 * possible and still throttled, per instance, until Redis is back.
 */
export class RedisThrottleStore extends ThrottleStore {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: WithHit;
  private readonly fallback = new InMemoryThrottleStore();
  private degraded = false;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    super();
    if (!('tesseraThrottleHit' in redis)) redis.defineCommand('tesseraThrottleHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    if (!('tesseraThrottleRelease' in redis)) redis.defineCommand('tesseraThrottleRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    this.redis = redis as WithHit;
  }

  async hit(key: string, windowMs: number, now = Date.now()): Promise<ThrottleWindow> {
    try {
      const [count, ttl] = await this.redis.tesseraThrottleHit(this.prefix + key, windowMs);
      this.recovered();
      return { count: Number(count), resetAt: now + Number(ttl) };
    } catch (error) {
      this.degrade(error);
      return this.fallback.hit(key, windowMs, now);
    }
  }

  async release(key: string, now = Date.now()): Promise<void> {
    await this.fallback.release(key, now);
    try {
      await this.redis.tesseraThrottleRelease(this.prefix + key);
    } catch (error) {
      this.degrade(error);
    }
  }

  async clear(key: string): Promise<void> {
    await this.fallback.clear(key);
    try {
      await this.redis.del(this.prefix + key);
    } catch (error) {
      this.degrade(error);
    }
  }

  private degrade(error: unknown): void {
    if (!this.degraded) this.logger.warn(`Redis unreachable, counting sign-in attempts per instance: ${(error as Error).message}`);
    this.degraded = true;
  }

  private recovered(): void {
    if (this.degraded) this.logger.log('Redis is back: sign-in attempts are counted for all instances again');
    this.degraded = false;
  }
}
