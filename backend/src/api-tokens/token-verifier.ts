import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { ErrorCode, Scope } from '../contract';
import { ApiTokensRepository } from './api-tokens.repository';
import type { CachedToken } from './token-cache';
import { hasValidChecksum, hashToken } from './token-format';
import { TokenInvalidation } from './token-invalidation';
import { tokenStateOf } from '../contract';
import { quotaRefillOf, type QuotaRefill } from '../usage/limiter/quota-refill';

/** What a verified PAT may do; enough for the guard and the verify API. */
export interface VerifiedToken {
  tokenId: string;
  userId: string;
  scopes: Scope[];
  expiresAt: Date | null;
  requestLimit: number | null;
  quotaLimit: number | null;
  rateLimit: number | null;
  /** IPs and CIDR ranges the token may be used from; empty = anywhere. */
  allowedIps: string[];
  applicationId: string;
  name: string;
  ownerUsername: string;
  createdAt: Date;
  quotaRefill: QuotaRefill | null;
  /** Set when the call used a secret retired by rotation, still within its grace period. */
  retiredSecret: { secretId: string; graceUntil: Date } | null;
  /** Preview of the secret the call presented (a retired one in grace, or the current one). */
  secretPreview: string;
}

export type TokenRefusalCode = 'USER_DISABLED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_DELETED' | 'TOKEN_ROTATED';

/** The outcome of looking a secret up: usable, or refused with the reason (and the token if known). */
export type TokenCheck =
  | { ok: true; token: VerifiedToken }
  | { ok: false; code: TokenRefusalCode; message: string; token: VerifiedToken | null; reusedSecretId?: string };

const REFUSALS: Record<'expired' | 'revoked' | 'deleted', { code: TokenRefusalCode; message: string }> = {
  expired: { code: 'TOKEN_EXPIRED', message: 'The token has expired' },
  revoked: { code: 'TOKEN_REVOKED', message: 'The token was revoked' },
  deleted: { code: 'TOKEN_DELETED', message: 'The token was deleted' },
};

const INVALID_MESSAGE = 'The token is not valid';
const ROTATED_MESSAGE = 'This secret was replaced by a rotation and its grace period is over; use the new secret';

/** A presented secret after `TokenVerifier.present`: `hash` null = its checksum is wrong. */
export interface PresentedSecret {
  hash: string | null;
  cached: CachedToken | null;
}

const NOT_A_SECRET: PresentedSecret = Object.freeze({ hash: null, cached: null });
const INVALID: TokenCheck = Object.freeze({ ok: false, code: 'TOKEN_INVALID', message: INVALID_MESSAGE, token: null });

export const tokenInvalid = () => new AppException('TOKEN_INVALID', INVALID_MESSAGE);

/**
 * Turns a presented secret into a VerifiedToken or a refusal with the reason's code. A known hash
 * is answered from the verification cache (no query); state, including expiry, is judged on
 * every call from the cached fields.
 */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly invalidation: TokenInvalidation,
  ) {}

  async check(plaintext: string, now = new Date()): Promise<TokenCheck> {
    const presented = this.present(plaintext);
    return this.checkCached(presented, now) ?? (await this.checkByLookup(presented, now));
  }

  /**
   * The secret as the hot path needs it, computed once per call: its hash, or null when the
   * checksum rejects it (typos and forgeries never reach the database or the guessing count),
   * and the verification cache's entry for it.
   */
  present(plaintext: string): PresentedSecret {
    const hash = hashToken(plaintext);
    // A hash the cache knows is a secret we issued (SHA-256 has no known preimages): the checksum
    // would only say so again. It is checked before anything else is done with an unknown secret.
    const cached = this.invalidation.cacheUsable ? this.invalidation.cache.get(hash) : undefined;
    if (cached !== undefined) return { hash, cached };
    return hasValidChecksum(plaintext) ? { hash, cached: null } : NOT_A_SECRET;
  }

  /** The answer without waiting when the cache knows the secret; undefined when it takes a lookup. */
  checkCached(presented: PresentedSecret, now: Date): TokenCheck | undefined {
    if (presented.hash === null) return INVALID;
    const cached = presented.cached;
    if (cached === null) return undefined;
    // The hot path: a current secret already answered once. Only its state can have changed with time.
    if (cached.retired === null && cached.view !== undefined && tokenStateOf(cached, now) === 'active') return cached.view as TokenCheck;
    return this.judge(cached, now);
  }

  /** A well-formed secret `checkCached` could not answer: the database (current secrets, then rotated-out ones). */
  async checkByLookup(presented: PresentedSecret, now: Date): Promise<TokenCheck> {
    if (presented.hash === null) return INVALID;
    const found = await this.lookup(presented.hash);
    return found ? this.judge(found, now) : INVALID;
  }

  private judge(cached: CachedToken, now: Date): TokenCheck {
    const token: VerifiedToken = {
      tokenId: cached.tokenId,
      userId: cached.userId,
      scopes: cached.scopes,
      expiresAt: cached.expiresAt,
      requestLimit: cached.requestLimit,
      quotaLimit: cached.quotaLimit,
      rateLimit: cached.rateLimit,
      allowedIps: cached.allowedIps,
      applicationId: cached.applicationId,
      name: cached.name,
      ownerUsername: cached.ownerUsername,
      createdAt: cached.createdAt,
      quotaRefill: cached.quotaRefill,
      retiredSecret: null,
      secretPreview: cached.secretPreview,
    };
    if (cached.retired) {
      // A rotated-out secret: past its grace period it is refused (and the reuse noted by the caller).
      if (cached.retired.graceUntil.getTime() <= now.getTime()) {
        return { ok: false, code: 'TOKEN_ROTATED', message: ROTATED_MESSAGE, token, reusedSecretId: cached.retired.secretId };
      }
      token.retiredSecret = { ...cached.retired };
    }
    const state = tokenStateOf(cached, now);
    if (state === 'active' && cached.userDisabled) {
      return { ok: false, code: 'USER_DISABLED', message: 'The owner of this token has been disabled by an administrator', token };
    }
    if (state !== 'active') return { ok: false, ...REFUSALS[state], token };
    const answer: TokenCheck = { ok: true, token };
    if (cached.retired === null) cached.view = Object.freeze(answer);
    return answer;
  }

  /** The same as `check`, throwing the refusal as a 401. */
  async verify(plaintext: string, now = new Date()): Promise<VerifiedToken> {
    const result = await this.check(plaintext, now);
    if (!result.ok) throw new AppException(result.code as ErrorCode, result.message);
    return result.token;
  }

  /** Notes a call with a secret rotated out past its grace (at most once a minute per secret). */
  async noteReuse(secretId: string, ip: string | null, now = new Date()): Promise<boolean> {
    return this.tokens.noteSecretReuse(secretId, ip, now);
  }

  /** Lookup by SHA-256 through a unique index: no secret is compared in memory. */
  private async lookup(hash: string): Promise<CachedToken | null> {
    const cache = this.invalidation.cache;
    const usable = this.invalidation.cacheUsable;
    if (usable) {
      const hit = cache.get(hash);
      if (hit) return hit;
    }
    const generation = cache.generation;
    let row = await this.tokens.findByHash(hash);
    let retired: CachedToken['retired'] = null;
    let secretPreview = row?.tokenPreview ?? '';
    if (!row) {
      // Not a current secret: maybe one replaced by rotation (same token, within or past its grace).
      const secret = await this.tokens.findRetiredByHash(hash);
      if (!secret) return null;
      row = secret.token;
      retired = { secretId: secret.id, graceUntil: secret.graceUntil };
      secretPreview = secret.tokenPreview;
    }
    const token: CachedToken = {
      tokenId: row.id,
      userId: row.userId,
      scopes: row.scopes as Scope[],
      status: row.status,
      expiresAt: row.expiresAt,
      deletedAt: row.deletedAt,
      requestLimit: row.requestLimit,
      quotaLimit: row.quotaLimit,
      rateLimit: row.rateLimit,
      allowedIps: row.allowedIps,
      applicationId: row.applicationId,
      name: row.name,
      ownerUsername: row.user.username,
      createdAt: row.createdAt,
      quotaRefill: quotaRefillOf(row),
      userDisabled: row.user.disabledAt !== null,
      retired,
      secretPreview,
    };
    if (usable) cache.store(hash, token, generation);
    return token;
  }
}
