import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { ApiToken, ApiTokenRetiredSecret, Prisma } from '@prisma/client';
import { ALL_SCOPES, type TokenSortField, type TokenState } from '../contract';
import { type AuditDraft, writeAuditRow } from '../audit/audit-draft';
import { tokenOrderBy, tokenStateWhere } from './token-query';

export interface TokenListQuery {
  userId: string;
  page: number;
  limit: number;
  search?: string;
  state?: TokenState;
  /** Only active tokens expiring in (now, now + days]. */
  expiringWithinDays?: number;
  sort: TokenSortField;
  order: 'asc' | 'desc';
  now: Date;
  applicationId?: string;
}

const OWNER = { user: { select: { username: true, disabledAt: true } } } as const;
export type TokenWithOwner = ApiToken & { user: { username: string; disabledAt: Date | null } };

/** All Prisma access for tokens. Ownership is part of every query: another user's id finds nothing. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs a change in a transaction and, when it happened, writes its audit row in the same transaction. */
  private audited<T>(audit: AuditDraft, change: (tx: Prisma.TransactionClient) => Promise<{ tokenId: string; result: T } | null>): Promise<T | null> {
    return this.prisma.$transaction(async (tx) => {
      const changed = await change(tx);
      if (!changed) return null;
      await writeAuditRow(tx, audit, changed.tokenId);
      return changed.result;
    });
  }

  findOwned(userId: string, id: string): Promise<ApiToken | null> {
    return this.prisma.apiToken.findFirst({ where: { id, userId } });
  }

  /** With the owner's username (verify answers carry it) and whether the owner is disabled (an admin's switch that stops every token of theirs). */
  findByHash(tokenHash: string): Promise<TokenWithOwner | null> {
    return this.prisma.apiToken.findUnique({ where: { tokenHash }, include: OWNER });
  }

  findRetiredByHash(tokenHash: string): Promise<(ApiTokenRetiredSecret & { token: TokenWithOwner }) | null> {
    return this.prisma.apiTokenRetiredSecret.findUnique({ where: { tokenHash }, include: { token: { include: OWNER } } });
  }

  /** Secrets of the token replaced by rotation, newest first. */
  retiredSecretsOf(tokenId: string, take = 20): Promise<ApiTokenRetiredSecret[]> {
    return this.prisma.apiTokenRetiredSecret.findMany({ where: { tokenId }, orderBy: [{ retiredAt: 'desc' }, { id: 'asc' }], take });
  }

  /** Hashes of the token's retired secrets still within grace: they stand for the token in caches. */
  async liveRetiredHashes(tokenId: string, now: Date): Promise<string[]> {
    const rows = await this.prisma.apiTokenRetiredSecret.findMany({ where: { tokenId, graceUntil: { gt: now } }, select: { tokenHash: true } });
    return rows.map((row) => row.tokenHash);
  }

  /**
   * Replaces the secret of a token that is still ACTIVE, not deleted and still has `expected.tokenHash`
   * (compare-and-set), keeping the old one as a retired secret until `graceUntil`. Earlier retired
   * secrets whose grace ends later are cut to the same moment, so a rotation with no grace ends
   * every old secret at once. Answers the token and every hash whose meaning changed, or null.
   */
  rotate(
    expected: Pick<ApiToken, 'id' | 'tokenHash' | 'tokenPreview'>,
    next: { tokenHash: string; tokenPreview: string; expiresAt?: Date | null },
    now: Date,
    graceUntil: Date,
    audit: AuditDraft,
  ): Promise<{ token: ApiToken; changedHashes: string[] } | null> {
    return this.audited(audit, async (tx) => {
      const { count } = await tx.apiToken.updateMany({
        where: { id: expected.id, tokenHash: expected.tokenHash, status: 'ACTIVE', deletedAt: null },
        data: {
          tokenHash: next.tokenHash,
          tokenPreview: next.tokenPreview,
          rotatedAt: now,
          graceUntil,
          ...(next.expiresAt === undefined ? {} : { expiresAt: next.expiresAt }),
        },
      });
      if (count !== 1) return null;
      const cut = await tx.apiTokenRetiredSecret.findMany({ where: { tokenId: expected.id, graceUntil: { gt: graceUntil } }, select: { tokenHash: true } });
      if (cut.length > 0) await tx.apiTokenRetiredSecret.updateMany({ where: { tokenId: expected.id, graceUntil: { gt: graceUntil } }, data: { graceUntil } });
      await tx.apiTokenRetiredSecret.create({
        data: { tokenId: expected.id, tokenHash: expected.tokenHash, tokenPreview: expected.tokenPreview, retiredAt: now, graceUntil },
      });
      const token = await tx.apiToken.findUniqueOrThrow({ where: { id: expected.id } });
      return { tokenId: expected.id, result: { token, changedHashes: [expected.tokenHash, next.tokenHash, ...cut.map((row) => row.tokenHash)] } };
    });
  }

  /** Counts a call with a rotated-out secret; writes at most once a minute per secret (a flood costs one row update a minute). */
  async noteSecretReuse(secretId: string, ip: string | null, now: Date): Promise<boolean> {
    const { count } = await this.prisma.apiTokenRetiredSecret.updateMany({
      where: { id: secretId, OR: [{ lastReusedAt: null }, { lastReusedAt: { lt: new Date(now.getTime() - 60_000) } }] },
      data: { reuseCount: { increment: 1 }, lastReusedAt: now, lastReusedIp: ip },
    });
    return count === 1;
  }

  /**
   * Creates a token unless the user already has `maxLive` live (not deleted) ones. The advisory
   * lock serialises creations per user, so two concurrent requests cannot both take the last slot.
   */
  createWithinCap(data: Prisma.ApiTokenUncheckedCreateInput, maxLive: number, audit: AuditDraft): Promise<ApiToken | null> {
    return this.audited(audit, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${data.userId}))`;
      const live = await tx.apiToken.count({ where: { userId: data.userId, deletedAt: null } });
      if (live >= maxLive) return null;
      const created = await tx.apiToken.create({ data });
      return { tokenId: created.id, result: created };
    });
  }

  /** Restores a deleted token unless that would exceed the cap (same lock as creation). */
  restoreWithinCap(userId: string, id: string, maxLive: number, audit: AuditDraft): Promise<ApiToken | null> {
    return this.audited(audit, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}))`;
      const live = await tx.apiToken.count({ where: { userId, deletedAt: null } });
      if (live >= maxLive) return null;
      return { tokenId: id, result: await tx.apiToken.update({ where: { id }, data: { deletedAt: null } }) };
    });
  }

  /** The change and its audit row, in one transaction. */
  async update(id: string, data: Prisma.ApiTokenUpdateInput, audit: AuditDraft): Promise<ApiToken> {
    const updated = await this.audited(audit, async (tx) => ({ tokenId: id, result: await tx.apiToken.update({ where: { id }, data }) }));
    return updated!;
  }

  /** Applies a change only while the row still matches `expected` (compare-and-set), with its audit row; null if not. */
  updateWhere(id: string, expected: Prisma.ApiTokenWhereInput, data: Prisma.ApiTokenUpdateInput, audit: AuditDraft): Promise<ApiToken | null> {
    return this.audited(audit, async (tx) => {
      const { count } = await tx.apiToken.updateMany({ where: { id, ...expected }, data });
      if (count !== 1) return null;
      return { tokenId: id, result: await tx.apiToken.findUniqueOrThrow({ where: { id } }) };
    });
  }

  /** Live tokens of the user that are active and expire in (now, until]. */
  countExpiringSoon(userId: string, now: Date, until: Date): Promise<number> {
    return this.prisma.apiToken.count({ where: { userId, deletedAt: null, status: 'ACTIVE', expiresAt: { gt: now, lte: until } } });
  }

  async list(query: TokenListQuery): Promise<{ rows: ApiToken[]; total: number }> {
    const where: Prisma.ApiTokenWhereInput = {
      userId: query.userId,
      ...(query.applicationId ? { applicationId: query.applicationId } : {}),
      AND: [tokenStateWhere(query.state, query.now), this.searchFilter(query.search), this.expiringFilter(query.expiringWithinDays, query.now)],
    };
    const orderBy = tokenOrderBy(query.sort, query.order);
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.apiToken.findMany({ where, orderBy, skip: (query.page - 1) * query.limit, take: query.limit }),
      this.prisma.apiToken.count({ where }),
    ]);
    return { rows, total };
  }

  private searchFilter(search: string | undefined): Prisma.ApiTokenWhereInput {
    if (!search) return {};
    // Scopes are a closed list: "write" or "tokens:" stands for every scope whose name contains it.
    const scopes = ALL_SCOPES.filter((scope) => scope.toLowerCase().includes(search.toLowerCase()));
    return {
      OR: [
        { name: { contains: search, mode: 'insensitive' } },
        { description: { contains: search, mode: 'insensitive' } },
        ...(scopes.length > 0 ? [{ scopes: { hasSome: [...scopes] } }] : []),
      ],
    };
  }

  /** The same tokens countExpiringSoon counts, for the "expiring soon" banner's link. */
  private expiringFilter(days: number | undefined, now: Date): Prisma.ApiTokenWhereInput {
    if (days === undefined) return {};
    return { deletedAt: null, status: 'ACTIVE', expiresAt: { gt: now, lte: new Date(now.getTime() + days * 86_400_000) } };
  }
}
