import { Injectable } from '@nestjs/common';
import { AuditEventView } from '../audit/audit-event.view';
import { AdminRepository } from './admin.repository';
import { AdminAuditEventPageView, AdminUsageView, UsageDayView } from './admin.views';
import { ListAdminAuditQuery } from './dto/admin.dto';

const TOP = 10;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Across users: the audit log and instance-wide usage. */
@Injectable()
export class AdminOverviewService {
  constructor(private readonly admin: AdminRepository) {}

  async audit(query: ListAdminAuditQuery): Promise<AdminAuditEventPageView> {
    const { rows, total } = await this.admin.auditPage(query);
    const tokenIds = [...new Set(rows.flatMap((row) => [row.tokenId, row.actorTokenId]).filter((id): id is string => id !== null))];
    const userIds = [...new Set(rows.flatMap((row) => [row.userId, row.actorUserId]).filter((id): id is string => id !== null))];
    const [tokens, users] = await Promise.all([this.admin.tokensNamed(tokenIds), this.admin.usersNamed(userIds)]);
    const tokenMap = new Map(tokens.map((token) => [token.id, token]));
    const names = new Map(users.map((user) => [user.id, user.username]));
    return {
      data: rows.map((row) => ({
        ...AuditEventView.from(row, tokenMap),
        userId: row.userId,
        username: names.get(row.userId) ?? null,
        actorUsername: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
      })),
      total,
      page: query.page,
      limit: query.limit,
      totalPages: Math.ceil(total / query.limit),
    };
  }

  /** The last `days` days including today (UTC), zero-filled, with the top tokens and users by requests. */
  async usage(days: number, now = new Date()): Promise<AdminUsageView> {
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const since = new Date(today.getTime() - (days - 1) * 86_400_000);
    const [perDay, topTokens, topUsers] = await Promise.all([this.admin.usagePerDay(since), this.admin.topTokens(since, TOP), this.admin.topUsers(since, TOP)]);
    const byDay = new Map(perDay.map((row) => [dayOf(row.day), row]));
    const series: UsageDayView[] = [];
    for (let i = 0; i < days; i += 1) {
      const day = dayOf(new Date(since.getTime() + i * 86_400_000));
      const row = byDay.get(day);
      series.push({
        day,
        requests: Number(row?.requests ?? 0),
        succeeded: Number(row?.successes ?? 0),
        failed: Number(row?.failures ?? 0),
        cost: Number(row?.cost ?? 0),
      });
    }
    const totals = series.reduce(
      (sum, entry) => ({ ...sum, requests: sum.requests + entry.requests, succeeded: sum.succeeded + entry.succeeded, failed: sum.failed + entry.failed, cost: sum.cost + entry.cost }),
      { day: dayOf(since), requests: 0, succeeded: 0, failed: 0, cost: 0 },
    );
    return {
      days,
      series,
      totals,
      topTokens: topTokens.map((row) => ({
        tokenId: row.token_id,
        name: row.name,
        tokenPreview: row.token_preview,
        owner: { id: row.user_id, username: row.username, email: row.email },
        requests: Number(row.requests),
      })),
      topUsers: topUsers.map((row) => ({ userId: row.user_id, username: row.username, requests: Number(row.requests) })),
    };
  }
}
