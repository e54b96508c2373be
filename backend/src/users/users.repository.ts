import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma, User } from '@prisma/client';
import { usernameKey } from './user-names';

/** All Prisma access for users. */
@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  /** Just the session version (null: no such user), for the check on every session call. */
  async sessionVersionOf(id: string): Promise<number | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: { sessionVersion: true } });
    return row?.sessionVersion ?? null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /** By the name's key: any case or compatibility spelling of it finds the account. */
  findByUsername(username: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { usernameKey: usernameKey(username) } });
  }

  create(data: Omit<Prisma.UserCreateInput, 'usernameKey'>): Promise<User> {
    return this.prisma.user.create({ data: { ...data, usernameKey: usernameKey(data.username) } });
  }

  update(id: string, data: Omit<Prisma.UserUpdateInput, 'usernameKey'>): Promise<User> {
    const username = typeof data.username === 'string' ? data.username : undefined;
    return this.prisma.user.update({ where: { id }, data: { ...data, ...(username !== undefined ? { usernameKey: usernameKey(username) } : {}) } });
  }
}
