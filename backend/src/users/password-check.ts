import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { User } from '@prisma/client';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from './password-hasher';

/**
 * The one way to check a password: sign-in, the current password of a profile change, and any
 * re-authentication to come. Every check counts against the account's sign-in budget
 * (LOGIN_MAX_ATTEMPTS_PER_ACCOUNT per LOGIN_WINDOW_SECONDS, shared through Redis) and its
 * client IP's (LOGIN_MAX_ATTEMPTS_PER_IP) before argon2 runs, so a session or an account:write
 * PAT guesses no faster than a stranger at the sign-in form. Out of attempts: 429 RATE_LIMITED
 * with Retry-After. The right password starts the account afresh.
 */
@Injectable()
export class PasswordCheck {
  // Verified against when the account is unknown, so a miss costs as long as a wrong password.
  private dummyHash?: Promise<string>;

  constructor(
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Whether `password` is the password of `user` (false for no user, after the same work).
   * `subject` is the user, or how to load it (after the IP's count). `typed` names the account when there is no user (the e-mail typed at sign-in), so guesses
   * at an address nobody owns are throttled too.
   */
  async matches(subject: User | null | (() => Promise<User | null>), password: string, ip: string, typed = ''): Promise<{ user: User | null; matches: boolean }> {
    // The IP first: a flood from one address is stopped before it costs even the account lookup.
    await this.throttle.assertIpAllowed(ip);
    const user = typeof subject === 'function' ? await subject() : subject;
    const account = budgetOf(user, typed);
    await this.throttle.assertAccountAllowed(account);
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.unknownUserHash()), password);
    if (user && matches) await this.throttle.recordSuccess(account);
    return { user, matches: Boolean(user) && matches };
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}

/** One budget per account, whatever its e-mail is now (changing it does not reset the count). */
function budgetOf(user: User | null, typed: string): string {
  return user ? `user:${user.id}` : `email:${typed.toLowerCase()}`;
}
