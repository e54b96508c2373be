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

  /** Version and whether the account is disabled (null: no such user), for the check on every session call. */
  async sessionStateOf(id: string): Promise<{ sessionVersion: number; disabled: boolean } | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: { sessionVersion: true, disabledAt: true } });
    return row ? { sessionVersion: row.sessionVersion, disabled: row.disabledAt !== null } : null;
  }

  async roleOf(id: string): Promise<string | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: { role: true, disabledAt: true } });
    return row && !row.disabledAt ? row.role : null;
  }

  /**
   * Creates the account; the first one of an install is `admin`. The check and the insert run under
   * one advisory lock, so two first registrations at once cannot both become admin.
   */
  createFirstAsAdmin(data: Omit<Prisma.UserCreateInput, 'role' | 'usernameKey'>, afterCreate?: (tx: Prisma.TransactionClient, user: User) => Promise<void>): Promise<User> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:first-account'))`;
      const first = (await tx.user.findFirst({ select: { id: true } })) === null;
      const user = await tx.user.create({ data: { ...data, usernameKey: usernameKey(data.username), role: first ? 'admin' : 'member' } });
      if (afterCreate) await afterCreate(tx, user);
      return user;
    });
  }

  async noteSignIn(id: string, at = new Date()): Promise<void> {
    await this.prisma.user.update({ where: { id }, data: { lastSignInAt: at }, select: { id: true } });
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
