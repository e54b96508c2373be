import { Injectable } from '@nestjs/common';
import { ApiToken, Prisma, User } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { TokenSortField, TokenState } from '../contract';
import { OwnerNotifier } from '../expiry-notices/owner-notifier';
import { liveTokenWhere, tokenOrderBy, tokenStateWhere } from '../api-tokens/token-query';

export type TokenWithOwner = ApiToken & { user: Pick<User, 'id' | 'username' | 'email'> };

export interface UserRow extends User {
  tokenCount: number;
  activeTokenCount: number;
  lastTokenUseAt: Date | null;
}

/** What a change to a user is judged on, read under the admins' lock. */
export interface UserChangeSnapshot {
  actor: Pick<User, 'id' | 'role' | 'disabledAt'> | null;
  target: User;
  /** Active admins other than the target. */
  otherActiveAdmins: number;
}

export interface UserChangePlan {
  data: Prisma.UserUpdateInput;
  audits: Omit<Prisma.AuditEventUncheckedCreateInput, 'userId'>[];
}

/** One step of the idle-revocation job: the ids of the tokens it revoked, and of the owner notices it queued. */
export interface IdleRevocationStep {
  revoked: string[];
  noticeIds: string[];
}

export interface InventoryQuery {
  page: number;
  limit: number;
  search?: string;
  state?: TokenState;
  ownerId?: string;
  applicationId?: string;
  idleDays?: number;
  expiringWithinDays?: number;
  sort: TokenSortField;
  order: 'asc' | 'desc';
  now: Date;
}

const DAY_MS = 86_400_000;
const OWNER = { select: { id: true, username: true, email: true } } as const;

/** All Prisma access for the admin area: across users, so only admin services call it. */
@Injectable()
export class AdminRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: OwnerNotifier,
  ) {}

  async listUsers(query: { page: number; limit: number; search?: string; role?: string; status?: 'active' | 'disabled' }, now: Date) {
    const where: Prisma.UserWhereInput = {
      ...(query.role ? { role: query.role } : {}),
      ...(query.status === 'active' ? { disabledAt: null } : query.status === 'disabled' ? { disabledAt: { not: null } } : {}),
      ...(query.search
        ? { OR: [{ username: { contains: query.search, mode: 'insensitive' } }, { email: { contains: query.search, mode: 'insensitive' } }] }
        : {}),
    };
    const [users, total] = await this.prisma.$transaction([
      this.prisma.user.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: (query.page - 1) * query.limit, take: query.limit }),
      this.prisma.user.count({ where }),
    ]);
    return { rows: await this.withTokenFacts(users, now), total };
  }

  async findUser(id: string, now: Date): Promise<UserRow | null> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    return user ? (await this.withTokenFacts([user], now))[0] : null;
  }

  private async withTokenFacts(users: User[], now: Date): Promise<UserRow[]> {
    const ids = users.map((user) => user.id);
    if (ids.length === 0) return [];
    const [live, active, lastUse] = await Promise.all([
      this.prisma.apiToken.groupBy({ by: ['userId'], where: { userId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
      this.prisma.apiToken.groupBy({
        by: ['userId'],
        where: { userId: { in: ids }, deletedAt: null, status: 'ACTIVE', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        _count: { _all: true },
      }),
      this.prisma.apiToken.groupBy({ by: ['userId'], where: { userId: { in: ids } }, _max: { lastUsedAt: true } }),
    ]);
    const count = (rows: { userId: string; _count: { _all: number } }[], id: string) => rows.find((row) => row.userId === id)?._count._all ?? 0;
    return users.map((user) => ({
      ...user,
      tokenCount: count(live, user.id),
      activeTokenCount: count(active, user.id),
      lastTokenUseAt: lastUse.find((row) => row.userId === user.id)?._max.lastUsedAt ?? null,
    }));
  }

  /**
   * Judges and applies a change to a user under one advisory lock shared by every change of roles
   * and status, so two admins demoting each other at once cannot leave the install without one.
   * `plan` throws to refuse; its audit rows are written in the same transaction.
   */
  changeUser(actorId: string, targetId: string, plan: (snapshot: UserChangeSnapshot) => UserChangePlan): Promise<User | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera:admins'))`;
      const target = await tx.user.findUnique({ where: { id: targetId } });
      if (!target) return null;
      const actor = await tx.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, disabledAt: true } });
      const otherActiveAdmins = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: targetId } } });
      const { data, audits } = plan({ actor, target, otherActiveAdmins });
      const updated = await tx.user.update({ where: { id: targetId }, data });
      if (audits.length > 0) await tx.auditEvent.createMany({ data: audits.map((audit) => ({ ...audit, userId: targetId })) });
      return updated;
    });
  }

  /** Every hash that can stand for a token of the user in a verification cache. */
  async hashesOfUser(userId: string, now: Date): Promise<string[]> {
    const [current, retired] = await Promise.all([
      this.prisma.apiToken.findMany({ where: { userId }, select: { tokenHash: true } }),
      this.prisma.apiTokenRetiredSecret.findMany({ where: { token: { userId }, graceUntil: { gt: now } }, select: { tokenHash: true } }),
    ]);
    return [...current, ...retired].map((row) => row.tokenHash);
  }

  async hashesOfTokens(tokenIds: string[], now: Date): Promise<string[]> {
    if (tokenIds.length === 0) return [];
    const [current, retired] = await Promise.all([
      this.prisma.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { tokenHash: true } }),
      this.prisma.apiTokenRetiredSecret.findMany({ where: { tokenId: { in: tokenIds }, graceUntil: { gt: now } }, select: { tokenHash: true } }),
    ]);
    return [...current, ...retired].map((row) => row.tokenHash);
  }

  async inventory(query: InventoryQuery): Promise<{ rows: TokenWithOwner[]; total: number }> {
    const where: Prisma.ApiTokenWhereInput = { AND: this.inventoryFilters(query) };
    const orderBy = tokenOrderBy(query.sort, query.order);
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.apiToken.findMany({ where, orderBy, include: { user: OWNER }, skip: (query.page - 1) * query.limit, take: query.limit }),
      this.prisma.apiToken.count({ where }),
    ]);
    return { rows, total };
  }

  private inventoryFilters(query: InventoryQuery): Prisma.ApiTokenWhereInput[] {
    const now = query.now;
    const live = liveTokenWhere(now);
    const filters: Prisma.ApiTokenWhereInput[] = [tokenStateWhere(query.state, now)];
    if (query.ownerId) filters.push({ userId: query.ownerId });
    if (query.applicationId) filters.push({ applicationId: query.applicationId });
    if (query.search) {
      const contains = { contains: query.search, mode: 'insensitive' as const };
      filters.push({ OR: [{ name: contains }, { tokenPreview: contains }, { user: { username: contains } }, { user: { email: contains } }] });
    }
    if (query.idleDays !== undefined) {
      const before = new Date(now.getTime() - query.idleDays * DAY_MS);
      filters.push(live, { OR: [{ lastUsedAt: { lte: before } }, { lastUsedAt: null, createdAt: { lte: before } }] });
    }
    if (query.expiringWithinDays !== undefined) {
      filters.push(live, { expiresAt: { gt: now, lte: new Date(now.getTime() + query.expiringWithinDays * DAY_MS) } });
    }
    return filters;
  }

  findToken(id: string): Promise<TokenWithOwner | null> {
    return this.prisma.apiToken.findUnique({ where: { id }, include: { user: OWNER } });
  }

  async existingTokenIds(ids: string[]): Promise<Set<string>> {
    const rows = await this.prisma.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Revokes the tokens among `ids` that are still ACTIVE, in one transaction with one audit row
   * each (on the owner's log, naming the admin). Answers the ids it revoked.
   */
  revokeTokens(ids: string[], audit: { actorUserId: string; ip: string | null }, now: Date): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const live = await tx.$queryRaw<{ id: string; user_id: string; name: string }[]>`
        SELECT id, user_id, name FROM api_tokens WHERE id = ANY(${ids}::uuid[]) AND status = 'ACTIVE' FOR UPDATE`;
      if (live.length === 0) return [];
      await tx.apiToken.updateMany({ where: { id: { in: live.map((row) => row.id) } }, data: { status: 'REVOKED', revokedAt: now, revokedBy: 'admin' } });
      await tx.auditEvent.createMany({
        data: live.map((row) => ({
          userId: row.user_id,
          tokenId: row.id,
          type: 'admin.token_revoked',
          actorKind: 'admin',
          actorUserId: audit.actorUserId,
          ip: audit.ip,
          createdAt: now,
          details: { name: row.name },
        })),
      });
      return live.map((row) => row.id);
    });
  }

  tokensWithOwners(ids: string[]): Promise<TokenWithOwner[]> {
    return this.prisma.apiToken.findMany({ where: { id: { in: ids } }, include: { user: OWNER } });
  }

  async auditPage(query: { page: number; limit: number; userId?: string; actorUserId?: string; tokenId?: string; type?: string; since?: string }) {
    const where: Prisma.AuditEventWhereInput = {
      ...(query.userId ? { userId: query.userId } : {}),
      ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
      ...(query.tokenId ? { tokenId: query.tokenId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.since ? { createdAt: { gte: new Date(query.since) } } : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.limit, take: query.limit }),
      this.prisma.auditEvent.count({ where }),
    ]);
    return { rows, total };
  }

  tokensNamed(ids: string[]): Promise<{ id: string; name: string; tokenPreview: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, tokenPreview: true } });
  }

  usersNamed(ids: string[]): Promise<{ id: string; username: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } });
  }

  /** Instance-wide usage per day since `since` (a date), summed over every token. */
  usagePerDay(since: Date): Promise<{ day: Date; requests: bigint; successes: bigint; failures: bigint; cost: bigint }[]> {
    return this.prisma.$queryRaw`
      SELECT day, SUM(requests)::bigint AS requests, SUM(successes)::bigint AS successes, SUM(failures)::bigint AS failures, SUM(cost)::bigint AS cost
      FROM api_token_usage_daily WHERE day >= ${since}::date GROUP BY day ORDER BY day`;
  }

  topTokens(since: Date, take: number) {
    return this.prisma.$queryRaw<{ token_id: string; name: string; token_preview: string; user_id: string; username: string; email: string; requests: bigint }[]>`
      SELECT d.token_id, t.name, t.token_preview, u.id AS user_id, u.username, u.email, SUM(d.requests)::bigint AS requests
      FROM api_token_usage_daily d JOIN api_tokens t ON t.id = d.token_id JOIN users u ON u.id = t.user_id
      WHERE d.day >= ${since}::date GROUP BY d.token_id, t.name, t.token_preview, u.id, u.username, u.email
      HAVING SUM(d.requests) > 0 ORDER BY requests DESC, d.token_id LIMIT ${take}`;
  }

  topUsers(since: Date, take: number) {
    return this.prisma.$queryRaw<{ user_id: string; username: string; requests: bigint }[]>`
      SELECT u.id AS user_id, u.username, SUM(d.requests)::bigint AS requests
      FROM api_token_usage_daily d JOIN api_tokens t ON t.id = d.token_id JOIN users u ON u.id = t.user_id
      WHERE d.day >= ${since}::date GROUP BY u.id, u.username
      HAVING SUM(d.requests) > 0 ORDER BY requests DESC, u.id LIMIT ${take}`;
  }

  /**
   * The idle-revocation job's step: under a transaction-level try-lock (one instance at a time;
   * another instance finding it held skips its round), revokes live tokens last used (or, never
   * used, created) at or before `before`, with a `token.idle_revoked` audit row each and, for
   * owners with a webhook, a queued `token.idle_revoked` owner notice (OwnerNotifier), all in the
   * one transaction. Answers null when another instance holds the lock.
   */
  revokeIdle(before: Date, now: Date, idleDays: number, batch: number): Promise<IdleRevocationStep | null> {
    return this.prisma.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('tessera:idle-revocation')) AS locked`;
      if (!locked) return null;
      const rows = await tx.$queryRaw<{ id: string; user_id: string; name: string; token_preview: string; scopes: string[]; last_used_at: Date | null }[]>`
        SELECT id, user_id, name, token_preview, scopes, last_used_at FROM api_tokens
        WHERE status = 'ACTIVE' AND deleted_at IS NULL AND (expires_at IS NULL OR expires_at > ${now})
          AND COALESCE(last_used_at, created_at) <= ${before}
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { revoked: [], noticeIds: [] };
      await tx.apiToken.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { status: 'REVOKED', revokedAt: now, revokedBy: 'idle' } });
      await tx.auditEvent.createMany({
        data: rows.map((row) => ({
          userId: row.user_id,
          tokenId: row.id,
          type: 'token.idle_revoked',
          actorKind: 'system',
          createdAt: now,
          details: { name: row.name, idleDays, lastUsedAt: row.last_used_at?.toISOString() ?? null },
        })),
      });
      const noticeIds = await this.notifier.queueMany(
        tx,
        rows.map((row) => ({
          userId: row.user_id,
          tokenId: row.id,
          event: 'token.idle_revoked' as const,
          payload: {
            idleDays,
            token: { id: row.id, name: row.name, tokenPreview: row.token_preview, scopes: row.scopes, lastUsedAt: row.last_used_at?.toISOString() ?? null, revokedAt: now.toISOString() },
          },
        })),
      );
      return { revoked: rows.map((row) => row.id), noticeIds };
    });
  }}
