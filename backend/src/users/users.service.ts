import { Injectable } from '@nestjs/common';
import { AppException, notFound } from '../common/app-exception';
import { Prisma, User } from '@prisma/client';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { PasswordCheck } from './password-check';
import { PasswordHasher } from './password-hasher';
import { usernameKey } from './user-names';
import { UsersRepository } from './users.repository';

/** Account rules: unique username and email, password and email change only with the current password. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordCheck,
  ) {}

  /** `afterCreate` runs in the account's transaction (an invite is claimed there: both or neither). */
  async register(
    input: { username: string; email: string; password: string },
    afterCreate?: (tx: Prisma.TransactionClient, user: User) => Promise<void>,
  ): Promise<User> {
    await this.assertAvailable({ username: input.username, email: input.email });
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.users.createFirstAsAdmin({ username: input.username, email: input.email, passwordHash }, afterCreate);
    } catch (error) {
      // Lost a race with a concurrent registration: answer as if we had seen it first.
      await this.assertAvailable({ username: input.username, email: input.email });
      throw error;
    }
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * Username is free to change; the password and the sign-in e-mail only with the current
   * password (a PAT or a stolen session alone cannot move the account), checked by PasswordCheck
   * against the sign-in budget.
   */
  async updateProfile(id: string, input: UpdateProfileDto, ip: string): Promise<User> {
    const user = await this.getById(id);
    const changesEmail = input.email !== undefined && input.email !== user.email;
    const changesPassword = input.newPassword !== undefined;
    if (changesEmail || changesPassword || input.currentPassword !== undefined) {
      if (!input.currentPassword) {
        const what = changesPassword ? 'the password' : 'the email';
        throw new AppException('VALIDATION_FAILED', 'Validation failed', [
          { field: 'currentPassword', constraint: 'required', message: `currentPassword is required to change ${what}` },
        ]);
      }
      if (!(await this.passwords.matches(user, input.currentPassword, ip)).matches) {
        throw new AppException('CURRENT_PASSWORD_INVALID', 'The current password is wrong', [
          { field: 'currentPassword', constraint: 'matches', message: 'currentPassword is wrong' },
        ]);
      }
    }
    await this.assertAvailable({
      // Another spelling of one's own name (Alice → alice) is no conflict with oneself.
      username: input.username !== undefined && usernameKey(input.username) !== user.usernameKey ? input.username : undefined,
      email: changesEmail ? input.email : undefined,
    });
    const passwordHash = input.newPassword !== undefined ? await this.hasher.hash(input.newPassword) : undefined;
    try {
      return await this.users.update(id, {
        username: input.username,
        email: input.email,
        passwordHash,
        // A new password signs out every session (PATs stay: they are revoked one by one).
        sessionVersion: input.newPassword !== undefined ? { increment: 1 } : undefined,
      });
    } catch (error) {
      // Lost a race with a concurrent sign-up or rename to the same name or address.
      await this.assertAvailable({ username: input.username, email: changesEmail ? input.email : undefined }, id);
      throw error;
    }
  }

  /** 409 CONFLICT naming each field whose (normalised) value another account holds. */
  private async assertAvailable(fields: { username?: string; email?: string }, self?: string): Promise<void> {
    const [foundByUsername, foundByEmail] = await Promise.all([
      fields.username ? this.users.findByUsername(fields.username) : null,
      fields.email ? this.users.findByEmail(fields.email) : null,
    ]);
    const byUsername = foundByUsername && foundByUsername.id !== self ? foundByUsername : null;
    const byEmail = foundByEmail && foundByEmail.id !== self ? foundByEmail : null;
    const details = [
      ...(byUsername ? [{ field: 'username', constraint: 'unique', message: 'username is already taken' }] : []),
      ...(byEmail ? [{ field: 'email', constraint: 'unique', message: 'email is already registered' }] : []),
    ];
    if (details.length > 0) {
      throw new AppException('CONFLICT', details.map((detail) => detail.message).join('; '), details);
    }
  }
}
