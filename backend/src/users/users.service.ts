import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException, notFound } from '../common/app-exception';
import { Prisma, User } from '@prisma/client';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { PasswordHasher } from './password-hasher';
import { UsersRepository } from './users.repository';

/** Account rules: unique username and email, password change only with the current password. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
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

  async updateProfile(id: string, input: UpdateProfileDto): Promise<User> {
    const user = await this.getById(id);
    if (input.newPassword !== undefined) {
      if (!input.currentPassword) {
        throw new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Validation failed', [
          { field: 'currentPassword', constraint: 'required', message: 'currentPassword is required to change the password' },
        ]);
      }
      if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
        throw new AppException(HttpStatus.FORBIDDEN, 'CURRENT_PASSWORD_INVALID', 'The current password is wrong', [
          { field: 'currentPassword', constraint: 'matches', message: 'currentPassword is wrong' },
        ]);
      }
    }
    await this.assertAvailable({
      username: input.username !== user.username ? input.username : undefined,
      email: input.email !== user.email ? input.email : undefined,
    });
    return this.users.update(id, {
      username: input.username,
      email: input.email,
      passwordHash: input.newPassword !== undefined ? await this.hasher.hash(input.newPassword) : undefined,
      // A new password signs out every session (PATs stay: they are revoked one by one).
      sessionVersion: input.newPassword !== undefined ? { increment: 1 } : undefined,
    });
  }

  private async assertAvailable(fields: { username?: string; email?: string }): Promise<void> {
    const [byUsername, byEmail] = await Promise.all([
      fields.username ? this.users.findByUsername(fields.username) : null,
      fields.email ? this.users.findByEmail(fields.email) : null,
    ]);
    const details = [
      ...(byUsername ? [{ field: 'username', constraint: 'unique', message: 'username is already taken' }] : []),
      ...(byEmail ? [{ field: 'email', constraint: 'unique', message: 'email is already registered' }] : []),
    ];
    if (details.length > 0) {
      throw new AppException(HttpStatus.CONFLICT, 'CONFLICT', details.map((detail) => detail.message).join('; '), details);
    }
  }
}
