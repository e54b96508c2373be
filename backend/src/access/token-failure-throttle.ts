import { Inject, Injectable } from '@nestjs/common';
import { ThrottleStore } from '../auth/throttle-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export type LookupAdmission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Guessing PATs, per client IP: a well-formed token (valid checksum) that is not in the
 * verification cache costs database lookups, and an unknown one is a failed guess. Each such
 * lookup is counted against the IP before it runs (so a concurrent flood gets exactly
 * TOKEN_FAILURES_PER_IP lookups per window, not more) and handed back when the secret turned out
 * to be a known token: only failures use up the budget. Past it, uncached secrets from that IP
 * are refused with 429 RATE_LIMITED and Retry-After without touching the database, while tokens
 * in the cache (every valid token used in the last TOKEN_CACHE_TTL_SECONDS) keep working.
 * Counted in Redis for every instance when REDIS_URL is set.
 */
@Injectable()
export class TokenFailureThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: ThrottleStore,
  ) {}

  async admitLookup(ip: string | null, now = Date.now()): Promise<LookupAdmission> {
    const window = await this.store.hit(keyOf(ip), this.config.TOKEN_FAILURE_WINDOW_SECONDS * 1000, now);
    if (window.count <= this.config.TOKEN_FAILURES_PER_IP) return { allowed: true };
    // The refused attempt is no lookup: take it back so the count stays the lookups made.
    await this.store.release(keyOf(ip), now);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }

  /** The lookup found a token (valid or not): not a guess. */
  found(ip: string | null, now = Date.now()): Promise<void> {
    return this.store.release(keyOf(ip), now);
  }
}

const keyOf = (ip: string | null) => `pat-failures:ip:${ip ?? 'unknown'}`;
