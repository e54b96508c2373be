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
    const current = await this.users.sessionVersionOf(userId);
    if (current === null) throw unauthenticated('The session belongs to no account');
    if (current !== sessionVersion) {
      throw new AppException('SESSION_EXPIRED', 'The password was changed since this session began; sign in again');
    }
    return userId;
  }
}
