import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '@prisma/client';

export interface TokenUsageDelta {
  tokenId: string;
  requestCount: number;
  quotaUsed: number;
  /** The last admitted call of the batch (null: every call in it was refused). */
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  /** The last refused call of the batch and its code (null: none was refused). */
  lastRefusedAt: Date | null;
  lastRefusedCode: string | null;
  /** Distinct client IPs of this batch with their last time (at most RECENT_IPS_PER_TOKEN, newest). */
  recentIps?: Map<string, Date>;
}

/** Distinct client addresses kept per token ("last used from"). */
export const RECENT_IPS_PER_TOKEN = 5;

export interface DailyUsageDelta {
  tokenId: string;
  day: string;
  requests: number;
  successes: number;
  failures: number;
  cost: number;
}

export interface DailyTotals {
  requests: number;
  successes: number;
  failures: number;
  cost: number;
}

/** All Prisma access for usage: batched counter writes and the rollup reads behind statistics. */
@Injectable()
export class UsageRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Applies one batch in a single transaction: either every delta lands or none does. */
  async applyBatch(tokens: TokenUsageDelta[], days: DailyUsageDelta[]): Promise<void> {
    if (tokens.length === 0 && days.length === 0) return;
    const statements: Prisma.PrismaPromise<unknown>[] = [];
    if (tokens.length > 0) {
      statements.push(this.prisma.$executeRaw`
        UPDATE api_tokens AS t SET
          request_count = t.request_count + d.request_count,
          quota_used = t.quota_used + d.quota_used,
          last_used_at = GREATEST(t.last_used_at, d.last_used_at),
          last_used_ip = CASE WHEN d.last_used_at IS NOT NULL AND (t.last_used_at IS NULL OR d.last_used_at >= t.last_used_at)
                              THEN COALESCE(d.last_used_ip, t.last_used_ip) ELSE t.last_used_ip END,
          last_refused_at = GREATEST(t.last_refused_at, d.last_refused_at),
          last_refused_code = CASE WHEN d.last_refused_at IS NOT NULL AND (t.last_refused_at IS NULL OR d.last_refused_at >= t.last_refused_at)
                                   THEN d.last_refused_code ELSE t.last_refused_code END
        FROM UNNEST(
          ${tokens.map((d) => d.tokenId)}::uuid[],
          ${tokens.map((d) => d.requestCount)}::bigint[],
          ${tokens.map((d) => d.quotaUsed)}::bigint[],
          ${tokens.map((d) => d.lastUsedAt)}::timestamptz[],
          ${tokens.map((d) => d.lastUsedIp)}::varchar[],
          ${tokens.map((d) => d.lastRefusedAt)}::timestamptz[],
          ${tokens.map((d) => d.lastRefusedCode)}::varchar[]
        ) AS d(token_id, request_count, quota_used, last_used_at, last_used_ip, last_refused_at, last_refused_code)
        WHERE t.id = d.token_id`);
    }
    const recent = tokens.flatMap((d) => [...(d.recentIps ?? new Map<string, Date>())].map(([ip, at]) => ({ tokenId: d.tokenId, ip, at })));
    if (recent.length > 0) {
      const tokenIds = [...new Set(recent.map((r) => r.tokenId))];
      statements.push(this.prisma.$executeRaw`
        INSERT INTO api_token_recent_ips (token_id, ip, last_used_at)
        SELECT d.token_id, d.ip, d.last_used_at
        FROM UNNEST(
          ${recent.map((r) => r.tokenId)}::uuid[],
          ${recent.map((r) => r.ip.slice(0, 45))}::varchar[],
          ${recent.map((r) => r.at)}::timestamptz[]
        ) AS d(token_id, ip, last_used_at)
        WHERE EXISTS (SELECT 1 FROM api_tokens t WHERE t.id = d.token_id)
        ON CONFLICT (token_id, ip) DO UPDATE SET
          last_used_at = GREATEST(api_token_recent_ips.last_used_at, EXCLUDED.last_used_at)`);
      statements.push(this.prisma.$executeRaw`
        DELETE FROM api_token_recent_ips r
        USING (
          SELECT token_id, ip, row_number() OVER (PARTITION BY token_id ORDER BY last_used_at DESC, ip) AS rank
          FROM api_token_recent_ips WHERE token_id = ANY(${tokenIds}::uuid[])
        ) AS ranked
        WHERE r.token_id = ranked.token_id AND r.ip = ranked.ip AND ranked.rank > ${RECENT_IPS_PER_TOKEN}`);
    }
    if (days.length > 0) {
      statements.push(this.prisma.$executeRaw`
        INSERT INTO api_token_usage_daily (id, token_id, day, requests, successes, failures, cost)
        SELECT gen_random_uuid(), d.token_id, d.day, d.requests, d.successes, d.failures, d.cost
        FROM UNNEST(
          ${days.map((d) => d.tokenId)}::uuid[],
          ${days.map((d) => d.day)}::date[],
          ${days.map((d) => d.requests)}::int[],
          ${days.map((d) => d.successes)}::int[],
          ${days.map((d) => d.failures)}::int[],
          ${days.map((d) => d.cost)}::bigint[]
        ) AS d(token_id, day, requests, successes, failures, cost)
        WHERE EXISTS (SELECT 1 FROM api_tokens t WHERE t.id = d.token_id)
        ON CONFLICT (token_id, day) DO UPDATE SET
          requests = api_token_usage_daily.requests + EXCLUDED.requests,
          successes = api_token_usage_daily.successes + EXCLUDED.successes,
          failures = api_token_usage_daily.failures + EXCLUDED.failures,
          cost = api_token_usage_daily.cost + EXCLUDED.cost`);
    }
    await this.prisma.$transaction(statements);
  }

  /** Totals over the tokens given, for days on or after `since` (all days when null). */
  async totals(tokenIds: string[], since: Date | null): Promise<DailyTotals> {
    const sum = await this.prisma.apiTokenUsageDaily.aggregate({
      where: { tokenId: { in: tokenIds }, ...(since ? { day: { gte: since } } : {}) },
      _sum: { requests: true, successes: true, failures: true, cost: true },
    });
    return {
      requests: sum._sum.requests ?? 0,
      successes: sum._sum.successes ?? 0,
      failures: sum._sum.failures ?? 0,
      cost: Number(sum._sum.cost ?? 0),
    };
  }

  daily(tokenId: string, since: Date) {
    return this.prisma.apiTokenUsageDaily.findMany({ where: { tokenId, day: { gte: since } }, orderBy: { day: 'asc' } });
  }

  /** The persisted totals of a token: where the limiter's counters start. */
  async countersOf(tokenId: string): Promise<{ requestCount: number; quotaUsed: number }> {
    const row = await this.prisma.apiToken.findUnique({ where: { id: tokenId }, select: { requestCount: true, quotaUsed: true } });
    return { requestCount: Number(row?.requestCount ?? 0), quotaUsed: Number(row?.quotaUsed ?? 0) };
  }

  /** Seed of a refilling quota: the cost charged since the period began (periods start at UTC midnight). */
  async periodCountersOf(tokenId: string, periodStart: Date): Promise<{ requestCount: number; quotaUsed: number }> {
    const [totals, period] = await Promise.all([
      this.countersOf(tokenId),
      this.prisma.apiTokenUsageDaily.aggregate({ where: { tokenId, day: { gte: periodStart } }, _sum: { cost: true } }),
    ]);
    return { requestCount: totals.requestCount, quotaUsed: Number(period._sum.cost ?? 0) };
  }

  tokenOwned(userId: string, tokenId: string) {
    return this.prisma.apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true } });
  }

  tokensOf(userId: string) {
    return this.prisma.apiToken.findMany({
      where: { userId },
      select: { id: true, status: true, expiresAt: true, deletedAt: true, quotaUsed: true },
    });
  }

  /** The token's most recent distinct client IPs, newest first. */
  recentIpsOf(tokenId: string): Promise<{ ip: string; lastUsedAt: Date }[]> {
    return this.prisma.apiTokenRecentIp.findMany({
      where: { tokenId },
      orderBy: [{ lastUsedAt: 'desc' }, { ip: 'asc' }],
      take: RECENT_IPS_PER_TOKEN,
      select: { ip: true, lastUsedAt: true },
    });
  }
}
