import { Injectable } from '@nestjs/common';
import { AppException, invalidState, notFound, validationFailed } from '../common/app-exception';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { allowedIpsProblems, expiryNoticeUntil, normalizeScopes, TESSERA_APPLICATION_ID, type Scope } from '../contract';
import { ApplicationDirectory, type ResolvedApplication } from '../applications/application-directory';
import { assertScopesOf } from '../applications/scope-implications';
import { quotaRefillOf, type QuotaRefill } from '../usage/limiter/quota-refill';
import { UsageLimiter } from '../usage/limiter/usage-limiter';
import { ApiToken, Prisma, TokenLeak } from '@prisma/client';
import { UsageStatsService } from '../usage/usage-stats.service';
import { ApiTokensRepository } from './api-tokens.repository';
import type { Principal } from '../common/principal';
import { ApiTokenDetailView, ApiTokenPageView, ApiTokenView, RetiredSecretView, RevealedApiTokenView, SelfApiTokenView } from './api-token.view';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { ListApiTokensQuery } from './dto/list-api-tokens.query';
import { UpdateApiTokenDto } from './dto/update-api-token.dto';
import { generateToken, hashToken, previewToken } from './token-format';
import { TokenInvalidation } from './token-invalidation';
import { TokenLeakLookup } from './token-leak-lookup';
import type { Actor } from '../audit/actor';
import { auditDraft } from '../audit/audit-draft';

/**
 * The token lifecycle rules: mint, list, edit, revoke, regenerate, delete, restore. Every change
 * invalidates the token's verification-cache entry (on every instance) before it is answered, so
 * the next call anywhere sees it.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly usageStats: UsageStatsService,
    private readonly invalidation: TokenInvalidation,
    private readonly policy: RuntimePolicyService,
    private readonly leaks: TokenLeakLookup,
    private readonly applications: ApplicationDirectory,
    private readonly limiter: UsageLimiter,
  ) {}

  async create(userId: string, input: CreateApiTokenDto, actor: Actor): Promise<RevealedApiTokenView> {
    const application = await this.applicationFor(input.applicationId ?? TESSERA_APPLICATION_ID);
    const scopes = this.scopesFor(application, input.scopes);
    const refill = this.checkedRefill(input.quotaRefill ?? null, input.quotaLimit ?? null);
    const allowedIps = this.allowedIps(input.allowedIps) ?? [];
    const secret = generateToken();
    const created = await this.tokens.createWithinCap(
      {
        userId,
        name: input.name,
        description: input.description || null,
        applicationId: application.id,
        scopes,
        expiresAt: this.allowedExpiry(input.expiresAt),
        requestLimit: input.requestLimit ?? null,
        quotaLimit: input.quotaLimit ?? null,
        rateLimit: input.rateLimit ?? null,
        quotaRefillAmount: refill?.amount ?? null,
        quotaRefillInterval: refill?.interval ?? null,
        allowedIps,
        tokenHash: hashToken(secret),
        tokenPreview: previewToken(secret),
      },
      this.policy.current().maxTokensPerUser,
      auditDraft(userId, 'token.created', actor, { name: input.name, applicationId: application.id }),
    );
    if (!created) throw this.capReached();
    return { ...(await this.viewOf(created)), token: secret };
  }

  async list(userId: string, query: ListApiTokensQuery): Promise<ApiTokenPageView> {
    const now = new Date();
    const [{ rows, total }, expiringSoonCount] = await Promise.all([
      this.tokens.list({ ...query, state: query.status, userId, now }),
      this.tokens.countExpiringSoon(userId, now, expiryNoticeUntil(now, this.policy.current().expiryNoticeDays)),
    ]);
    const leaks = await this.leaks.of(rows.filter((row) => row.revokedBy === 'leaked').map((row) => row.id));
    return {
      data: await Promise.all(rows.map((row) => this.viewOf(row, now, leaks.get(row.id) ?? null))),
      expiringSoonCount,
      total,
      page: query.page,
      limit: query.limit,
      totalPages: Math.ceil(total / query.limit),
    };
  }

  async detail(userId: string, id: string): Promise<ApiTokenDetailView> {
    const token = await this.getOwned(userId, id);
    const [usageSummary, retired, recentIps] = await Promise.all([
      this.usageStats.summaryFor(token.id),
      this.tokens.retiredSecretsOf(token.id),
      this.usageStats.recentIpsOf(token.id),
    ]);
    return { ...(await this.viewOf(token)), usageSummary, retiredSecrets: retired.map(RetiredSecretView.from), recentIps };
  }

  /** The calling PAT, as it now is. */
  async self(principal: Principal): Promise<SelfApiTokenView> {
    const pat = this.patOf(principal);
    const token = await this.getOwned(pat.userId, pat.tokenId);
    return { ...(await this.viewOf(token)), usingRetiredSecret: Boolean(pat.retiredSecretGraceUntil) };
  }

  /**
   * A PAT holding `tokens:rotate-self` replaces its own secret: nothing else changes, so it can
   * never widen its scopes, limits or expiry. Only the current secret may do it: an old secret
   * still within its grace period cannot mint a fresh one.
   */
  async rotateSelf(principal: Principal, gracePeriodSeconds: number, actor: Actor): Promise<RevealedApiTokenView> {
    const pat = this.patOf(principal);
    if (pat.retiredSecretGraceUntil) {
      throw new AppException('TOKEN_ROTATED', 'This secret was already replaced by a rotation; rotate with the current secret');
    }
    return this.rotate(pat.userId, pat.tokenId, gracePeriodSeconds, actor, 'self');
  }

  async update(userId: string, id: string, input: UpdateApiTokenDto, actor: Actor): Promise<ApiTokenView> {
    const token = await this.getOwned(userId, id);
    if (token.deletedAt) throw invalidState('A deleted token cannot be edited; restore it first');
    const scopes = input.scopes ? this.scopesFor(await this.applicationFor(token.applicationId), input.scopes) : undefined;
    // Clearing the quota clears its refill; otherwise the refill is checked against the quota it will have.
    const quotaLimit = input.quotaLimit === undefined ? token.quotaLimit : input.quotaLimit;
    const refillInput = input.quotaRefill === undefined ? quotaRefillOf(token) : input.quotaRefill;
    const refill = quotaLimit === null && input.quotaRefill === undefined ? null : this.checkedRefill(refillInput, quotaLimit);
    const before = quotaRefillOf(token);
    const refillChanged = before?.amount !== refill?.amount || before?.interval !== refill?.interval;
    const data: Prisma.ApiTokenUpdateInput = {
      name: input.name,
      description: input.description === undefined ? undefined : input.description || null,
      scopes,
      ...(refillChanged ? { quotaRefillAmount: refill?.amount ?? null, quotaRefillInterval: refill?.interval ?? null } : {}),
      expiresAt: input.expiresAt === undefined ? undefined : this.allowedExpiry(input.expiresAt),
      requestLimit: input.requestLimit,
      quotaLimit: input.quotaLimit,
      rateLimit: input.rateLimit,
      allowedIps: this.allowedIps(input.allowedIps),
    };
    const changed = Object.keys(data).filter((key) => data[key as keyof typeof data] !== undefined);
    const updated = await this.tokens.update(token.id, data, auditDraft(userId, 'token.updated', actor, { name: input.name ?? token.name, changed }));
    await this.invalidateEverySecretOf(token);
    // The quota counter means another thing with or without a refill: it is re-read from PostgreSQL.
    if (refillChanged) await this.limiter.forget(token.id).catch(() => undefined);
    return await this.viewOf(updated);
  }

  /** Permanent. Idempotent: revoking a revoked token answers it as it is. */
  async revoke(userId: string, id: string, actor: Actor): Promise<ApiTokenView> {
    const token = await this.getOwned(userId, id);
    if (token.status === 'REVOKED') return await this.viewOf(token);
    const revoked = await this.tokens.updateWhere(token.id, { status: 'ACTIVE' }, { status: 'REVOKED', revokedAt: new Date(), revokedBy: 'owner' },
      auditDraft(userId, 'token.revoked', actor, { name: token.name }),
    );
    await this.invalidateEverySecretOf(token);
    return await this.viewOf(revoked ?? (await this.getOwned(userId, id)));
  }

  /** A new secret with the same settings; the old secret stops working at once (rotate with no grace). */
  regenerate(userId: string, id: string, actor: Actor, expiresAt?: string | null): Promise<RevealedApiTokenView> {
    return this.rotate(userId, id, 0, actor, 'regenerate', expiresAt);
  }

  /**
   * A new secret with the same id, settings and usage history. The old secret keeps working for
   * `gracePeriodSeconds`, then fails with TOKEN_ROTATED; older secrets still in grace end no later.
   */
  async rotate(
    userId: string,
    id: string,
    gracePeriodSeconds: number,
    actor: Actor,
    via: 'rotate' | 'regenerate' | 'self' = 'rotate',
    /** A new expiry with the new secret (absent: unchanged), held to the same rules as on create. */
    expiresAt?: string | null,
  ): Promise<RevealedApiTokenView> {
    const token = await this.getOwned(userId, id);
    if (token.deletedAt) throw invalidState('A deleted token cannot be rotated; restore it first');
    if (token.status === 'REVOKED') throw invalidState('A revoked token cannot be rotated; create a new one');
    const nextExpiry = expiresAt === undefined ? undefined : this.allowedExpiry(expiresAt);
    const secret = generateToken();
    const now = new Date();
    const rotated = await this.tokens.rotate(
      token,
      { tokenHash: hashToken(secret), tokenPreview: previewToken(secret), ...(nextExpiry === undefined ? {} : { expiresAt: nextExpiry }) },
      now,
      new Date(now.getTime() + gracePeriodSeconds * 1000),
      auditDraft(userId, 'token.rotated', actor, {
        name: token.name,
        via,
        gracePeriodSeconds,
        ...(nextExpiry === undefined ? {} : { expiresAt: nextExpiry?.toISOString() ?? null }),
      }),
    );
    if (!rotated) throw invalidState('The token changed while rotating it; try again');
    for (const hash of rotated.changedHashes) await this.invalidation.invalidate(hash);
    return { ...(await this.viewOf(rotated.token)), token: secret };
  }

  /** Soft delete: the token stops working and leaves the default list; restore brings it back. */
  async remove(userId: string, id: string, actor: Actor): Promise<ApiTokenView> {
    const token = await this.getOwned(userId, id);
    if (token.deletedAt) return await this.viewOf(token);
    const deleted = await this.tokens.updateWhere(
      token.id,
      { deletedAt: null },
      { deletedAt: new Date() },
      auditDraft(userId, 'token.deleted', actor, { name: token.name }),
    );
    await this.invalidateEverySecretOf(token);
    return await this.viewOf(deleted ?? (await this.getOwned(userId, id)));
  }

  /** Undoes a soft delete; the status it had (even REVOKED) comes back with it. */
  async restore(userId: string, id: string, actor: Actor): Promise<ApiTokenView> {
    const token = await this.getOwned(userId, id);
    if (!token.deletedAt) throw invalidState('Only a deleted token can be restored');
    const restored = await this.tokens.restoreWithinCap(
      userId,
      token.id,
      this.policy.current().maxTokensPerUser,
      auditDraft(userId, 'token.restored', actor, { name: token.name }),
    );
    if (!restored) throw this.capReached();
    await this.invalidateEverySecretOf(token);
    return await this.viewOf(restored);
  }

  /**
   * The view, with its application and, for a token revoked as leaked, `leak` (where it was found;
   * pass it when already looked up for a whole page).
   */
  private async viewOf(token: ApiToken, now = new Date(), knownLeak?: TokenLeak | null): Promise<ApiTokenView> {
    const [application, leak] = await Promise.all([
      this.applications.summaryOf(token.applicationId),
      knownLeak !== undefined || token.revokedBy !== 'leaked' ? (knownLeak ?? null) : this.leaks.of([token.id]).then((found) => found.get(token.id) ?? null),
    ]);
    return ApiTokenView.from(token, now, this.policy.current().expiryNoticeDays, leak, application);
  }

  /** The token's application, read fresh (a write must see the catalogue as it is): unknown is a 400 naming `field`. */
  private async applicationFor(id: string, field = 'applicationId'): Promise<ResolvedApplication> {
    const app = await this.applications.get(id, { fresh: true });
    if (!app) throw validationFailed([{ field, constraint: 'exists', message: `${field} names no application` }]);
    return app;
  }

  /** Scopes from the application's catalogue; Tessera's own drop `x:read` under `x:write` as before. */
  private scopesFor(app: ResolvedApplication, scopes: readonly string[]): string[] {
    assertScopesOf(app, scopes);
    return app.id === TESSERA_APPLICATION_ID ? normalizeScopes(scopes as Scope[]) : [...new Set(scopes)].sort();
  }

  /** A refill needs a quota and gives at most quotaLimit: a 400 naming quotaRefill.amount otherwise. */
  private checkedRefill(refill: QuotaRefill | null, quotaLimit: number | null): QuotaRefill | null {
    if (!refill) return null;
    if (quotaLimit === null) throw validationFailed([{ field: 'quotaRefill', constraint: 'needsQuota', message: 'quotaRefill needs a quotaLimit' }]);
    if (refill.amount > quotaLimit) throw validationFailed([{ field: 'quotaRefill.amount', constraint: 'max', message: `quotaRefill.amount must be at most quotaLimit (${quotaLimit})` }]);
    return { amount: refill.amount, interval: refill.interval };
  }

  async getOwned(userId: string, id: string): Promise<ApiToken> {
    const token = await this.tokens.findOwned(userId, id);
    if (!token) throw notFound('Token');
    return token;
  }

  /** The current secret and every retired one still in grace stand for the token in caches. */
  private async invalidateEverySecretOf(token: ApiToken): Promise<void> {
    const hashes = [token.tokenHash, ...(await this.tokens.liveRetiredHashes(token.id, new Date()))];
    for (const hash of hashes) await this.invalidation.invalidate(hash);
  }

  /** Each entry checked on its own (400 naming `allowedIps.<i>`), trimmed, duplicates dropped; undefined stays undefined. */
  private allowedIps(entries: string[] | undefined): string[] | undefined {
    if (entries === undefined) return undefined;
    const trimmed = entries.map((entry) => entry.trim());
    const problems = allowedIpsProblems(trimmed);
    if (problems.length > 0) throw validationFailed(problems);
    return [...new Set(trimmed)];
  }

  private patOf(principal: Principal): Extract<Principal, { kind: 'pat' }> {
    if (principal.kind !== 'pat') {
      throw new AppException('TOKEN_REQUIRED', 'This route is about the calling token; call it with a personal access token');
    }
    return principal;
  }

  /** A future date within MAX_TOKEN_LIFETIME_DAYS (one day of tolerance), or null when ALLOW_NO_EXPIRY. */
  private allowedExpiry(value: string | null | undefined): Date | null {
    const date = this.futureDate(value);
    if (date === null) {
      if (this.policy.current().allowNoExpiry) return null;
      throw validationFailed([{ field: 'expiresAt', constraint: 'required', message: 'expiresAt is required: this server does not allow tokens without expiry' }]);
    }
    const days = this.policy.current().maxTokenLifetimeDays;
    if (date.getTime() > Date.now() + (days + 1) * 86_400_000) {
      throw validationFailed([
        { field: 'expiresAt', constraint: 'maxLifetime', message: `expiresAt must be at most ${days} days from now` },
      ]);
    }
    return date;
  }

  private futureDate(value: string | null | undefined): Date | null {
    if (value === null || value === undefined) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      throw validationFailed([{ field: 'expiresAt', constraint: 'isISO8601', message: 'expiresAt must be an ISO 8601 date-time' }]);
    }
    if (date.getTime() <= Date.now()) {
      throw validationFailed([{ field: 'expiresAt', constraint: 'isFuture', message: 'expiresAt must be in the future' }]);
    }
    return date;
  }

  private capReached(): AppException {
    const max = this.policy.current().maxTokensPerUser;
    return new AppException(
      'TOKEN_LIMIT_REACHED',
      `You already have ${max} tokens; delete one before creating another`,
    );
  }
}
