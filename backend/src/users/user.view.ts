import { ApiProperty } from '@nestjs/swagger';
import type { User } from '@prisma/client';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ada' }) username!: string;
  @ApiProperty({ example: 'ada@example.com' }) email!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(user: User): UserView {
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}
