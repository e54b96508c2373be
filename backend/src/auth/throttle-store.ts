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
  /** The open window of `key` without counting a hit (count 0 when none is open). */
  abstract peek(key: string, now?: number): Promise<ThrottleWindow>;
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

  async peek(key: string, now = Date.now()): Promise<ThrottleWindow> {
    const window = this.windows.get(key);
    return window && window.resetAt > now ? { ...window } : { count: 0, resetAt: now };
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

/** The count and ms left of an open window, without counting. */
const PEEK_SCRIPT = `
return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

type WithHit = Redis & {
  tesseraThrottleHit(key: string, windowMs: number): Promise<[number, number]>;
  tesseraThrottlePeek(key: string): Promise<[number, number]>;
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
    if (!('tesseraThrottlePeek' in redis)) redis.defineCommand('tesseraThrottlePeek', { numberOfKeys: 1, lua: PEEK_SCRIPT });
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

  async peek(key: string, now = Date.now()): Promise<ThrottleWindow> {
    try {
      const [count, ttl] = await this.redis.tesseraThrottlePeek(this.prefix + key);
      this.recovered();
      return Number(ttl) > 0 ? { count: Number(count), resetAt: now + Number(ttl) } : { count: 0, resetAt: now };
    } catch (error) {
      this.degrade(error);
      return this.fallback.peek(key, now);
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
