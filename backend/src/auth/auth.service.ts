import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { PasswordCheck } from '../users/password-check';
import { UserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResponseView, RegisterDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { SessionTokens } from './session-tokens';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly passwords: PasswordCheck,
    private readonly sessions: SessionTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async register(input: RegisterDto, ip: string): Promise<UserView> {
    await this.throttle.assertRegistrationAllowed(ip);
    return UserView.from(await this.users.register(input));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponseView> {
    // Unknown e-mail or wrong password: the same throttled, equally slow check either way.
    const { user, matches } = await this.passwords.matches(() => this.usersRepository.findByEmail(input.email), input.password, ip, input.email);
    if (!user || !matches) {
      throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Wrong email or password');
    }
    return { access_token: this.sessions.issue(user.id, user.sessionVersion), expires_in: this.sessions.expiresInSeconds, user: UserView.from(user) };
  }
}
