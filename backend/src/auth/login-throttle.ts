import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ThrottleStore, ThrottleWindow } from './throttle-store';

/**
 * Fixed-window throttling of password checks (sign-in and every other, see PasswordCheck) and sign-up. Password checks: per client IP and per account. Every attempt is counted before
 * the password is checked, so a burst of concurrent guesses gets exactly the allowed number
 * through, not more; a successful sign-in clears its account's count. Running out of either
 * answers 429 RATE_LIMITED with Retry-After. Sign-up: per client IP, per hour.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: ThrottleStore,
  ) {}

  /** Call before checking the password; throws when the IP or the account is out of attempts. */
  async assertAllowed(ip: string, account: string, now = Date.now()): Promise<void> {
    await this.assertIpAllowed(ip, now);
    await this.assertAccountAllowed(account, now);
  }

  /** Counts one password check from this client IP; throws when it is out of attempts. */
  async assertIpAllowed(ip: string, now = Date.now()): Promise<void> {
    const byIp = await this.store.hit(`login:ip:${ip}`, this.config.LOGIN_WINDOW_SECONDS * 1000, now);
    if (byIp.count > this.config.LOGIN_MAX_ATTEMPTS_PER_IP) throw this.limited(byIp, now);
  }

  /** Counts one password check on this account; throws when it is out of attempts. */
  async assertAccountAllowed(account: string, now = Date.now()): Promise<void> {
    const byAccount = await this.store.hit(accountKey(account), this.config.LOGIN_WINDOW_SECONDS * 1000, now);
    if (byAccount.count > this.config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT) throw this.limited(byAccount, now, 'Too many password attempts on this account; try again later');
  }

  /** Call before creating an account: a client IP may register REGISTRATIONS_PER_IP_PER_HOUR an hour. */
  async assertRegistrationAllowed(ip: string, now = Date.now()): Promise<void> {
    const byIp = await this.store.hit(`register:ip:${ip}`, 3_600_000, now);
    if (byIp.count > this.config.REGISTRATIONS_PER_IP_PER_HOUR) throw this.limited(byIp, now, 'Too many new accounts from this address; try again later');
  }

  /** The right password: the account starts afresh. */
  recordSuccess(account: string): Promise<void> {
    return this.store.clear(accountKey(account));
  }

  private limited(window: ThrottleWindow, now: number, message = 'Too many sign-in attempts; try again later'): AppException {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return new AppException('RATE_LIMITED', message, undefined, {
      'Retry-After': String(retryAfter),
    });
  }
}

/** Hashed, so Redis never holds the e-mail addresses people type. */
function accountKey(account: string): string {
  return `login:account:${createHash('sha256').update(account.toLowerCase()).digest('hex')}`;
}
