import { Injectable } from '@nestjs/common';
import { AppException, notFound } from '../common/app-exception';
import { storedIp } from '../audit/audit-draft';
import { ApiTokenView } from '../api-tokens/api-token.view';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { TokenLeakLookup } from '../api-tokens/token-leak-lookup';
import type { TokenLeak } from '@prisma/client';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { AdminRepository, type TokenWithOwner } from './admin.repository';
import { ApplicationDirectory, type ApplicationSummary } from '../applications/application-directory';
import { AdminApiTokenPageView, AdminApiTokenView, BulkRevokeView } from './admin.views';
import { BulkRevokeDto, ListAdminTokensQuery } from './dto/admin.dto';

/** The credentials inventory: every user's tokens (never a secret or hash) and revocation by an admin. */
@Injectable()
export class AdminTokensService {
  constructor(
    private readonly admin: AdminRepository,
    private readonly invalidation: TokenInvalidation,
    private readonly policy: RuntimePolicyService,
    private readonly leaks: TokenLeakLookup,
    private readonly applications: ApplicationDirectory,
  ) {}

  async list(query: ListAdminTokensQuery): Promise<AdminApiTokenPageView> {
    const now = new Date();
    const { rows, total } = await this.admin.inventory({ ...query, now });
    return { data: await this.viewsOf(rows, now), total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
  }

  async revoke(actorId: string, id: string, ip: string | null): Promise<AdminApiTokenView> {
    const token = await this.admin.findToken(id);
    if (!token) throw notFound('Token');
    await this.revokeAll([id], actorId, ip);
    return (await this.viewsOf([(await this.admin.findToken(id))!], new Date()))[0];
  }

  /** All or nothing: every id must name a token, else nothing is revoked (404 naming each unknown one). */
  async bulkRevoke(actorId: string, input: BulkRevokeDto, ip: string | null): Promise<BulkRevokeView> {
    const ids = [...new Set(input.ids.map((id) => id.toLowerCase()))];
    const existing = await this.admin.existingTokenIds(ids);
    const unknown = input.ids.map((id, index) => ({ id: id.toLowerCase(), index })).filter(({ id }) => !existing.has(id));
    if (unknown.length > 0) {
      throw new AppException(
        'NOT_FOUND',
        `${unknown.length} of the tokens do not exist; nothing was revoked`,
        unknown.map(({ index }) => ({ field: `ids.${index}`, constraint: 'exists', message: `ids.${index} names no token` })),
      );
    }
    const revoked = await this.revokeAll(ids, actorId, ip);
    const now = new Date();
    return { revoked: revoked.length, alreadyRevoked: ids.length - revoked.length, data: await this.viewsOf(await this.admin.tokensWithOwners(ids), now) };
  }

  private async revokeAll(ids: string[], actorId: string, ip: string | null): Promise<string[]> {
    const now = new Date();
    const revoked = await this.admin.revokeTokens(ids, { actorUserId: actorId, ip: storedIp(ip) }, now);
    for (const hash of await this.admin.hashesOfTokens(revoked, now)) await this.invalidation.invalidate(hash);
    return revoked;
  }

  /** The views, with each token's application and `leak` for the tokens revoked as leaked (one lookup each for the whole list). */
  private async viewsOf(rows: TokenWithOwner[], now: Date): Promise<AdminApiTokenView[]> {
    const [leaks, apps] = await Promise.all([
      this.leaks.of(rows.filter((row) => row.revokedBy === 'leaked').map((row) => row.id)),
      this.applications.summaries(),
    ]);
    return rows.map((row) => this.viewOf(row, now, leaks.get(row.id) ?? null, apps));
  }

  private viewOf(row: TokenWithOwner, now: Date, leak: TokenLeak | null, apps: Map<string, ApplicationSummary>): AdminApiTokenView {
    const { user, ...token } = row;
    return {
      ...ApiTokenView.from(token, now, this.policy.current().expiryNoticeDays, leak, apps.get(token.applicationId)),
      owner: { id: user.id, username: user.username, email: user.email },
    };
  }
}
