import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { PasswordHasher } from '../users/password-hasher';
import { UserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResponseView, RegisterDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { SessionTokens } from './session-tokens';

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
  ) {}

  async register(input: RegisterDto, ip: string): Promise<UserView> {
    await this.throttle.assertRegistrationAllowed(ip);
    return UserView.from(await this.users.register(input));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponseView> {
    await this.throttle.assertAllowed(ip, input.email);
    const user = await this.usersRepository.findByEmail(input.email);
    const matches = await this.hasher.verify(user?.passwordHash ?? (await this.unknownUserHash()), input.password);
    if (!user || !matches) {
      throw new AppException('INVALID_CREDENTIALS', 'Wrong email or password');
    }
    await this.throttle.recordSuccess(input.email);
    return { access_token: this.sessions.issue(user.id, user.sessionVersion), expires_in: this.sessions.expiresInSeconds, user: UserView.from(user) };
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
