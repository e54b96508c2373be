import { ApiProperty } from '@nestjs/swagger';
import type { User } from '@prisma/client';
import { USER_ROLES, type UserRole } from '../contract';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ada' }) username!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty({ enum: USER_ROLES, description: 'admin | member; the first account of an install is admin' }) role!: UserRole;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(user: User): UserView {
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      role: user.role as UserRole,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}
