import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { PasswordCheck } from '../users/password-check';
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
  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly passwords: PasswordCheck,
    private readonly sessions: SessionTokens,
    private readonly throttle: LoginThrottle,
    private readonly policy: RuntimePolicyService,
    private readonly invites: InvitesService,
  ) {}

  async register(input: RegisterDto, ip: string): Promise<UserView> {
    await this.throttle.assertRegistrationAllowed(ip);
    const { inviteCode, ...account } = input;
    const mode = this.policy.current().signupMode;
    if (mode === 'closed') throw new AppException('SIGNUP_CLOSED', 'Sign-up is closed on this server');
    if (mode === 'invite' && !inviteCode) throw new AppException('INVITE_REQUIRED', 'Sign-up on this server needs an invite code');
    // In open mode a code is not needed and is left unused.
    const invite = mode === 'invite' ? await this.invites.usableFor(inviteCode!, account.email) : null;
    return UserView.from(await this.users.register(account, invite ? (tx, user) => this.invites.claim(tx, invite, user.id) : undefined));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponseView> {
    // Unknown e-mail or wrong password: the same throttled, equally slow check either way.
    const { user, matches } = await this.passwords.matches(() => this.usersRepository.findByEmail(input.email), input.password, ip, input.email);
    if (!user || !matches) {
      throw new AppException('INVALID_CREDENTIALS', 'Wrong email or password');
    }
    // Only told after the password matched, so it reveals nothing to someone guessing.
    if (user.disabledAt) throw userDisabled();
    await this.usersRepository.noteSignIn(user.id);
    return { access_token: this.sessions.issue(user.id, user.sessionVersion), expires_in: this.sessions.expiresInSeconds, user: UserView.from(user) };
  }
}
