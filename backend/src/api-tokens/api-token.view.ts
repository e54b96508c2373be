import { ApiProperty } from '@nestjs/swagger';
import { QUOTA_REFILL_INTERVALS, TOKEN_REVOKERS, TOKEN_STATES, type QuotaRefillInterval, type Scope, type TokenRevoker, type TokenState } from '../contract';
import { nextPeriodStart, quotaRefillOf } from '../usage/limiter/quota-refill';
import type { ApiToken, ApiTokenRetiredSecret, TokenLeak } from '@prisma/client';
import { isExpiringSoon, tokenStateOf } from '../contract';
import { UsageSummaryView } from '../usage/usage.views';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Where and when a leaked token was found (see docs/secret-scanning.md). */
export class TokenLeakView {
  @ApiProperty({ nullable: true, type: String, example: 'github', description: 'Who reported it: `github` for partner alerts, else the report\'s `source`' })
  source!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://github.com/octo/app/blob/main/.env' }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the owner dismissed the panel banner' })
  dismissedAt!: string | null;

  static from(leak: TokenLeak): TokenLeakView {
    return { source: leak.source, url: leak.url, reportedAt: leak.reportedAt.toISOString(), dismissedAt: iso(leak.dismissedAt) };
  }
}

export class TokenApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'tessera' }) slug!: string;
  @ApiProperty({ example: 'Tessera API' }) name!: string;
}

export class QuotaRefillView {
  @ApiProperty({ description: 'Units the quota is back to at each boundary' }) amount!: number;
  @ApiProperty({ enum: QUOTA_REFILL_INTERVALS, description: 'UTC day, ISO week (from Monday) or calendar month' }) interval!: QuotaRefillInterval;
}

/** A token as the API shows it: never its secret or hash. */
export class ApiTokenView {
  @ApiProperty({ type: TokenApplicationView, description: 'The application the token is for (fixed for its life)' }) application!: TokenApplicationView;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CI deploy' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'tsr_Ab12…x9Yz' }) tokenPreview!: string;
  @ApiProperty({ type: String, isArray: true, example: ['account:read'], description: "Scopes from the application's catalogue" }) scopes!: Scope[];
  @ApiProperty({ enum: ['ACTIVE', 'REVOKED'] }) status!: 'ACTIVE' | 'REVOKED';
  @ApiProperty({ enum: TOKEN_STATES, description: 'Derived: deleted > revoked > expired > active' }) state!: TokenState;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: TOKEN_REVOKERS, description: 'Who revoked it: owner, admin, idle (the idle-revocation policy) or leaked (found in public; see `leak`)' })
  revokedBy!: TokenRevoker | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deletedAt!: string | null;
  @ApiProperty({ nullable: true, type: TokenLeakView, description: 'Where and when it was found in public: set exactly when revokedBy is leaked' })
  leak!: TokenLeakView | null;
  @ApiProperty({ nullable: true, type: Number }) requestLimit!: number | null;
  @ApiProperty({ nullable: true, type: Number }) quotaLimit!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Calls per minute' }) rateLimit!: number | null;
  @ApiProperty({ type: QuotaRefillView, nullable: true, description: 'The quota refills at each UTC boundary; null = never' }) quotaRefill!: QuotaRefillView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The next refill of the quota' }) quotaResetsAt!: string | null;
  @ApiProperty({ type: String, isArray: true, description: 'IPs and CIDR ranges the token may be used from; empty = anywhere' })
  allowedIps!: string[];
  @ApiProperty() requestCount!: number;
  @ApiProperty() quotaUsed!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The last admitted call (refused calls never move it)' })
  lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Client IP of the last admitted call' }) lastUsedIp!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The last call refused with this token' })
  lastRefusedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'IP_NOT_ALLOWED', description: 'The error code of that refusal' })
  lastRefusedCode!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the secret was last replaced (rotate or regenerate)' })
  rotatedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Until when the secret replaced by the last rotation keeps working; in the past once its grace period is over',
  })
  graceUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Active and expiring within EXPIRY_NOTICE_DAYS (see GET /policy)' }) expiringSoon!: boolean;

  static from(token: ApiToken, now: Date, noticeDays: number, leak: TokenLeak | null = null, application?: TokenApplicationView): ApiTokenView {
    const refill = quotaRefillOf(token);
    return {
      application: application ?? { id: token.applicationId, slug: '', name: '' },
      quotaRefill: refill,
      quotaResetsAt: refill && token.quotaLimit !== null ? new Date(nextPeriodStart(refill.interval, now.getTime())).toISOString() : null,
      id: token.id,
      name: token.name,
      description: token.description,
      tokenPreview: token.tokenPreview,
      scopes: token.scopes as Scope[],
      status: token.status,
      state: tokenStateOf(token, now),
      expiresAt: iso(token.expiresAt),
      revokedAt: iso(token.revokedAt),
      revokedBy: (token.revokedBy as TokenRevoker | null) ?? null,
      deletedAt: iso(token.deletedAt),
      leak: leak ? TokenLeakView.from(leak) : null,
      requestLimit: token.requestLimit,
      quotaLimit: token.quotaLimit,
      rateLimit: token.rateLimit,
      allowedIps: token.allowedIps,
      requestCount: Number(token.requestCount),
      quotaUsed: Number(token.quotaUsed),
      lastUsedAt: iso(token.lastUsedAt),
      lastUsedIp: token.lastUsedIp,
      lastRefusedAt: iso(token.lastRefusedAt),
      lastRefusedCode: token.lastRefusedCode,
      rotatedAt: iso(token.rotatedAt),
      graceUntil: iso(token.graceUntil),
      createdAt: token.createdAt.toISOString(),
      updatedAt: token.updatedAt.toISOString(),
      expiringSoon: isExpiringSoon(token, now, noticeDays),
    };
  }
}

/** A secret replaced by rotation: when, how long it kept working, and whether anyone still uses it. */
export class RetiredSecretView {
  @ApiProperty({ example: 'tsr_Ab12…x9Yz' }) tokenPreview!: string;
  @ApiProperty({ format: 'date-time' }) retiredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The secret works until this moment, then fails with TOKEN_ROTATED' }) graceUntil!: string;
  @ApiProperty({ description: 'Calls made with it after its grace period (counted at most once a minute)' }) reuseCount!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastReusedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastReusedIp!: string | null;

  static from(secret: ApiTokenRetiredSecret): RetiredSecretView {
    return {
      tokenPreview: secret.tokenPreview,
      retiredAt: secret.retiredAt.toISOString(),
      graceUntil: secret.graceUntil.toISOString(),
      reuseCount: secret.reuseCount,
      lastReusedAt: iso(secret.lastReusedAt),
      lastReusedIp: secret.lastReusedIp,
    };
  }
}

/** The answer of create, regenerate and rotate: the only time the plaintext leaves the server. */
export class RevealedApiTokenView extends ApiTokenView {
  @ApiProperty({ example: 'tsr_…', description: 'The secret. Shown this once; store it now.' }) token!: string;
}

/** One of the token's most recent distinct client addresses ("last used from"). */
export class RecentIpView {
  @ApiProperty({ example: '203.0.113.7' }) ip!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
}

export class ApiTokenDetailView extends ApiTokenView {
  @ApiProperty({ type: UsageSummaryView }) usageSummary!: UsageSummaryView;
  @ApiProperty({ type: RetiredSecretView, isArray: true, description: 'The 20 most recently retired secrets, newest first' })
  retiredSecrets!: RetiredSecretView[];
  @ApiProperty({ type: RecentIpView, isArray: true, description: 'The 5 most recent distinct client IPs, newest first (written within about a second of use)' })
  recentIps!: RecentIpView[];
}

/** What a PAT learns about itself from `GET /users/me/api-tokens/self`. */
export class SelfApiTokenView extends ApiTokenView {
  @ApiProperty({ description: 'True when this call used a secret replaced by rotation, still within its grace period' })
  usingRetiredSecret!: boolean;
}

export class ApiTokenPageView {
  @ApiProperty({ type: ApiTokenView, isArray: true }) data!: ApiTokenView[];
  @ApiProperty({ description: 'Of all your tokens (not only this page): how many are active and expire within EXPIRY_NOTICE_DAYS' })
  expiringSoonCount!: number;
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}

