import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { UsersRepository } from '../users/users.repository';
import { SessionTokens, unauthenticated } from './session-tokens';

/**
 * A session is good when its JWT verifies and it carries the user's current session version: a
 * password change raises the version, which signs out every session issued before it. This
 * costs one primary-key read per session call; PAT calls never come here.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(
    private readonly sessions: SessionTokens,
    private readonly users: UsersRepository,
  ) {}

  /** The user id of a current session, or a 401. */
  async authenticate(jwt: string): Promise<string> {
    const { userId, sessionVersion } = this.sessions.verify(jwt);
    const state = await this.users.sessionStateOf(userId);
    if (state === null) throw unauthenticated('The session belongs to no account');
    if (state.disabled) throw userDisabled();
    if (state.sessionVersion !== sessionVersion) {
      throw new AppException('SESSION_EXPIRED', 'The password was changed since this session began; sign in again');
    }
    return userId;
  }

  /** For @AdminOnly routes, after `authenticate`: read on every call, so a demotion counts at once. */
  async assertAdmin(userId: string): Promise<void> {
    if ((await this.users.roleOf(userId)) !== 'admin') {
      throw new AppException('ADMIN_REQUIRED', 'This action is for admins only');
    }
  }
}

export const userDisabled = () => new AppException('USER_DISABLED', 'This account has been disabled by an administrator');
