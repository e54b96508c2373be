import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window login throttling: every attempt counts against the client IP, failed attempts
 * count against the account. Either running out answers 429 RATE_LIMITED with Retry-After.
 */
@Injectable()
export class LoginThrottle {
  private readonly byIp = new Map<string, Window>();
  private readonly failuresByAccount = new Map<string, Window>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Call before checking the password; throws when the IP or the account is out of attempts. */
  assertAllowed(ip: string, account: string, now = Date.now()): void {
    this.sweep(now);
    const ipWindow = this.bump(this.byIp, ip, now);
    if (ipWindow.count > this.config.LOGIN_MAX_ATTEMPTS_PER_IP) throw this.limited(ipWindow, now);
    const accountWindow = this.failuresByAccount.get(account);
    if (accountWindow && accountWindow.resetAt > now && accountWindow.count >= this.config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT) {
      throw this.limited(accountWindow, now);
    }
  }

  recordFailure(account: string, now = Date.now()): void {
    this.bump(this.failuresByAccount, account, now);
  }

  recordSuccess(account: string): void {
    this.failuresByAccount.delete(account);
  }

  private bump(windows: Map<string, Window>, key: string, now: number): Window {
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.config.LOGIN_WINDOW_SECONDS * 1000 };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  }

  /** Drops finished windows so the maps cannot grow without bound. */
  private sweep(now: number): void {
    if (this.byIp.size + this.failuresByAccount.size < 10_000) return;
    for (const windows of [this.byIp, this.failuresByAccount]) {
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    }
  }

  private limited(window: Window, now: number): AppException {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return new AppException(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'Too many sign-in attempts; try again later', undefined, {
      'Retry-After': String(retryAfter),
    });
  }
}
