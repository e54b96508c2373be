import { Injectable } from '@nestjs/common';
import { AppException, notFound } from '../common/app-exception';
import { storedIp } from '../audit/audit-draft';
import { ApiTokenView } from '../api-tokens/api-token.view';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
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
    private readonly applications: ApplicationDirectory,
  ) {}

  async list(query: ListAdminTokensQuery): Promise<AdminApiTokenPageView> {
    const now = new Date();
    const { rows, total } = await this.admin.inventory({ ...query, now });
    const apps = await this.applications.summaries();
    return { data: rows.map((row) => this.viewOf(row, now, apps)), total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
  }

  async revoke(actorId: string, id: string, ip: string | null): Promise<AdminApiTokenView> {
    const token = await this.admin.findToken(id);
    if (!token) throw notFound('Token');
    await this.revokeAll([id], actorId, ip);
    return this.viewOf((await this.admin.findToken(id))!, new Date(), await this.applications.summaries());
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
    const apps = await this.applications.summaries();
    return { revoked: revoked.length, alreadyRevoked: ids.length - revoked.length, data: (await this.admin.tokensWithOwners(ids)).map((row) => this.viewOf(row, now, apps)) };
  }

  private async revokeAll(ids: string[], actorId: string, ip: string | null): Promise<string[]> {
    const now = new Date();
    const revoked = await this.admin.revokeTokens(ids, { actorUserId: actorId, ip: storedIp(ip) }, now);
    for (const hash of await this.admin.hashesOfTokens(revoked, now)) await this.invalidation.invalidate(hash);
    return revoked;
  }

  private viewOf(row: TokenWithOwner, now: Date, apps: Map<string, ApplicationSummary>): AdminApiTokenView {
    const { user, ...token } = row;
    return { ...ApiTokenView.from(token, now, this.policy.current().expiryNoticeDays, apps.get(token.applicationId)), owner: { id: user.id, username: user.username, email: user.email } };
  }
}
