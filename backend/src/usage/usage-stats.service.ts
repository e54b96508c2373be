import { Injectable } from '@nestjs/common';
import { tokenStateOf } from '../contract';
import type { TokenStatsView, TokenUsageView, UsageSummaryView } from './usage.views';
import { notFound } from '../common/app-exception';
import { UsageRepository } from './usage.repository';
import { utcDay } from './usage-event';

const DAY_MS = 24 * 3600 * 1000;

/** Start of the UTC day `days - 1` days before today: a window of `days` calendar days including today. */
function windowStart(days: number, now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Statistics read from the daily rollups (what the recorder has flushed). */
@Injectable()
export class UsageStatsService {
  constructor(private readonly usage: UsageRepository) {}

  /** "Last used from": the token's most recent distinct client IPs, newest first. */
  async recentIpsOf(tokenId: string): Promise<{ ip: string; lastUsedAt: string }[]> {
    const rows = await this.usage.recentIpsOf(tokenId);
    return rows.map((row) => ({ ip: row.ip, lastUsedAt: row.lastUsedAt.toISOString() }));
  }

  async summaryFor(tokenId: string, now = new Date()): Promise<UsageSummaryView> {
    const [all, last7, last30] = await Promise.all([
      this.usage.totals([tokenId], null),
      this.usage.totals([tokenId], windowStart(7, now)),
      this.usage.totals([tokenId], windowStart(30, now)),
    ]);
    return {
      totalRequests: all.requests,
      successCount: all.successes,
      failureCount: all.failures,
      successRate: ratio(all.successes, all.requests),
      totalCost: all.cost,
      last7DaysRequests: last7.requests,
      last30DaysRequests: last30.requests,
    };
  }

  async statsFor(userId: string, days: number, now = new Date()): Promise<TokenStatsView> {
    const tokens = await this.usage.tokensOf(userId);
    const since = windowStart(days, now);
    const totals = await this.usage.totals(tokens.map((token) => token.id), since);
    const count = (state: string) => tokens.filter((token) => tokenStateOf(token, now) === state).length;
    return {
      days,
      periodStart: since.toISOString(),
      periodEnd: now.toISOString(),
      totalTokens: tokens.filter((token) => !token.deletedAt).length,
      activeTokens: count('active'),
      expiredTokens: count('expired'),
      revokedTokens: count('revoked'),
      deletedTokens: count('deleted'),
      totalRequests: totals.requests,
      successCount: totals.successes,
      failureCount: totals.failures,
      successRate: ratio(totals.successes, totals.requests),
      totalCost: totals.cost,
      quotaUsed: tokens.filter((token) => !token.deletedAt).reduce((sum, token) => sum + Number(token.quotaUsed), 0),
      avgCostPerRequest: totals.requests === 0 ? 0 : Math.round((totals.cost / totals.requests) * 100) / 100,
    };
  }

  async seriesFor(userId: string, tokenId: string, days: number, now = new Date()): Promise<TokenUsageView> {
    if (!(await this.usage.tokenOwned(userId, tokenId))) throw notFound('Token');
    const since = windowStart(days, now);
    const rows = await this.usage.daily(tokenId, since);
    const byDay = new Map(rows.map((row) => [utcDay(row.day), row]));
    const points = Array.from({ length: days }, (_unused, index) => {
      const date = utcDay(new Date(since.getTime() + index * DAY_MS));
      const row = byDay.get(date);
      return {
        date,
        requests: row?.requests ?? 0,
        successes: row?.successes ?? 0,
        failures: row?.failures ?? 0,
        cost: Number(row?.cost ?? 0),
      };
    });
    return { tokenId, days, from: points[0].date, to: points[points.length - 1].date, points };
  }
}
