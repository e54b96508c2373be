import { Inject, Injectable } from '@nestjs/common';
import { ThrottleStore, type ThrottleWindow } from '../auth/throttle-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Who a failed guess is counted against: the client, and (verify API) the service that passed it on. */
export interface Guesser {
  /** The client IP (on the verify API: the `ip` the service names, else the service's address). */
  client: string | null;
  /** The verify API's caller when it named a different client: it gets the larger TOKEN_FAILURES_PER_SERVICE. */
  service?: string | null;
}

export type GuessAdmission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Guessing PATs: a well-formed token (valid checksum) that matches no token is a failed guess,
 * and each costs database lookups. Failures are counted per client IP (TOKEN_FAILURES_PER_IP per
 * TOKEN_FAILURE_WINDOW_SECONDS, in Redis for every instance when REDIS_URL is set); tokens that
 * exist never count, so valid tokens, cached or not, concurrent or not, are never slowed down.
 * - Before the lookup of a secret the verification cache does not know: a client already out of
 *   budget is refused (429 RATE_LIMITED, Retry-After) without touching the database.
 * - After a lookup that found nothing: the failure is counted; past the budget the answer is the
 *   429, not TOKEN_INVALID, so exactly TOKEN_FAILURES_PER_IP guesses a window are answered, even
 *   when they arrive at once (a concurrent first wave is looked up, then refused).
 * On the verify API a service names its client in `ip`; that client's budget is the one spent,
 * so one guessing client does not starve the service's others. The service's own address is
 * counted as well, with the larger TOKEN_FAILURES_PER_SERVICE, so naming a new `ip` each time
 * buys no unlimited guesses.
 */
@Injectable()
export class TokenFailureThrottle {
  /**
   * Keys this instance saw a failure for, until their window ends: only those are looked up before
   * a lookup, so clean traffic (every valid token) costs no extra Redis round trip. A flood shows
   * up on every instance it reaches after its first failure there.
   */
  private readonly suspects = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: ThrottleStore,
  ) {}

  /** Before a lookup: may this guesser cost the database another one? */
  async beforeLookup(guesser: Guesser, now = Date.now()): Promise<GuessAdmission> {
    const budgets = this.budgets(guesser).filter(({ key }) => (this.suspects.get(key) ?? 0) > now);
    if (budgets.length === 0) return { allowed: true };
    const windows = await Promise.all(budgets.map(async ({ key, limit }) => ({ window: await this.store.peek(key, now), limit })));
    return this.admission(windows, now, (count, limit) => count >= limit);
  }

  /** After a lookup that found no token: counts the failure; refused once past a budget. */
  async failed(guesser: Guesser, now = Date.now()): Promise<GuessAdmission> {
    const windowMs = this.config.TOKEN_FAILURE_WINDOW_SECONDS * 1000;
    const windows = await Promise.all(
      this.budgets(guesser).map(async ({ key, limit }) => {
        const window = await this.store.hit(key, windowMs, now);
        this.suspect(key, window.resetAt, now);
        return { window, limit };
      }),
    );
    return this.admission(windows, now, (count, limit) => count > limit);
  }

  private suspect(key: string, until: number, now: number): void {
    if (this.suspects.size >= 10_000) for (const [known, end] of this.suspects) if (end <= now) this.suspects.delete(known);
    if (this.suspects.size < 100_000) this.suspects.set(key, until);
  }

  private budgets(guesser: Guesser): Array<{ key: string; limit: number }> {
    const budgets = [{ key: `pat-failures:ip:${guesser.client ?? 'unknown'}`, limit: this.config.TOKEN_FAILURES_PER_IP }];
    if (guesser.service && guesser.service !== guesser.client) {
      budgets.push({ key: `pat-failures:service:${guesser.service}`, limit: this.config.TOKEN_FAILURES_PER_SERVICE });
    }
    return budgets;
  }

  private admission(windows: Array<{ window: ThrottleWindow; limit: number }>, now: number, over: (count: number, limit: number) => boolean): GuessAdmission {
    const exhausted = windows.filter(({ window, limit }) => over(window.count, limit));
    if (exhausted.length === 0) return { allowed: true };
    const resetAt = Math.max(...exhausted.map(({ window }) => window.resetAt));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
  }
}
