import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { PasswordHasher } from '../users/password-hasher';
import { UserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResponseView, RegisterDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { SessionTokens } from './session-tokens';
import { userDisabled } from './session-authenticator';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { InvitesService } from '../invites/invites.service';

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so a miss costs as long as a wrong password.
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionTokens,
    private readonly throttle: LoginThrottle,
    private readonly policy: RuntimePolicyService,
    private readonly invites: InvitesService,
  ) {}

  async register(input: RegisterDto, ip: string): Promise<UserView> {
    await this.throttle.assertRegistrationAllowed(ip);
    const { inviteCode, ...account } = input;
    const mode = this.policy.current().signupMode;
    if (mode === 'closed') throw new AppException(HttpStatus.FORBIDDEN, 'SIGNUP_CLOSED', 'Sign-up is closed on this server');
    if (mode === 'invite' && !inviteCode) throw new AppException(HttpStatus.FORBIDDEN, 'INVITE_REQUIRED', 'Sign-up on this server needs an invite code');
    // In open mode a code is not needed and is left unused.
    const invite = mode === 'invite' ? await this.invites.usableFor(inviteCode!, account.email) : null;
    return UserView.from(await this.users.register(account, invite ? (tx, user) => this.invites.claim(tx, invite, user.id) : undefined));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponseView> {
    await this.throttle.assertAllowed(ip, input.email);
    const user = await this.usersRepository.findByEmail(input.email);
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.unknownUserHash()), input.password);
    if (!user || !matches) {
      throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Wrong email or password');
    }
    // Only told after the password matched, so it reveals nothing to someone guessing.
    if (user.disabledAt) throw userDisabled();
    await this.usersRepository.noteSignIn(user.id);
    await this.throttle.recordSuccess(input.email);
    return { access_token: this.sessions.issue(user.id, user.sessionVersion), expires_in: this.sessions.expiresInSeconds, user: UserView.from(user) };
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
