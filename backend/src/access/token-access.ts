import { HttpStatus, Injectable } from '@nestjs/common';
import { TokenVerifier, type VerifiedToken } from '../api-tokens/token-verifier';
import { scopesAllow, type ErrorCode, type ScopeGroup, type ScopeLevel } from '../contract';
import { Admission, hasLimits, LimiterUnavailableError, UsageLimiter } from '../usage/limiter/usage-limiter';
import { UsageRecorder } from '../usage/usage-recorder';
import { UsageRepository } from '../usage/usage.repository';

/** What a call needs of the token: a session (never a PAT), or these scopes. */
export interface AccessRequirement {
  sessionOnly: boolean;
  scopes: { group: ScopeGroup; level: ScopeLevel }[];
}

export type AccessCode = 'VALID' | Extract<
  ErrorCode,
  | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_DELETED'
  | 'SESSION_REQUIRED' | 'INSUFFICIENT_SCOPE'
  | 'REQUEST_LIMIT_EXCEEDED' | 'QUOTA_EXCEEDED' | 'RATE_LIMITED' | 'LIMITER_UNAVAILABLE'
>;

export interface AccessDecision {
  code: AccessCode;
  /** The HTTP status the guard answers a refusal with (200 when VALID). */
  status: number;
  message: string;
  /** The token when it is known (also for refusals of a known token). */
  token: VerifiedToken | null;
  /** The limiter's answer when the token has limits and got that far. */
  admission: Admission | null;
  /** Cost units charged: the call's cost when VALID, 0 otherwise. */
  charged: number;
}

const STATUS: Record<AccessCode, number> = {
  VALID: HttpStatus.OK,
  TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  TOKEN_EXPIRED: HttpStatus.UNAUTHORIZED,
  TOKEN_REVOKED: HttpStatus.UNAUTHORIZED,
  TOKEN_DELETED: HttpStatus.UNAUTHORIZED,
  SESSION_REQUIRED: HttpStatus.FORBIDDEN,
  INSUFFICIENT_SCOPE: HttpStatus.FORBIDDEN,
  REQUEST_LIMIT_EXCEEDED: HttpStatus.TOO_MANY_REQUESTS,
  QUOTA_EXCEEDED: HttpStatus.TOO_MANY_REQUESTS,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  LIMITER_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

const LIMIT_MESSAGES = {
  REQUEST_LIMIT_EXCEEDED: 'The token has used all of its request limit',
  QUOTA_EXCEEDED: 'The token has used all of its quota',
  RATE_LIMITED: 'Too many calls with this token; see Retry-After',
} as const;

/**
 * The one decision for a PAT call, shared by the AuthGuard and the verify API, in order:
 * the token (checksum, cache or database, state), what the call needs (session / scopes), then
 * the limits (request limit, quota, rate limit — counted atomically by the limiter). Only an
 * admitted call is charged. Tokens without limits never touch the limiter, so they keep working
 * when Redis is down; limited ones fail closed with LIMITER_UNAVAILABLE.
 */
@Injectable()
export class TokenAccess {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly limiter: UsageLimiter,
    private readonly usage: UsageRepository,
    private readonly recorder: UsageRecorder,
  ) {}

  async decide(plaintext: string, requirement: AccessRequirement, cost: number, now = new Date()): Promise<AccessDecision> {
    const checked = await this.verifier.check(plaintext, now);
    if (!checked.ok) return refusal(checked.code, checked.message, checked.token);
    const token = checked.token;

    if (requirement.sessionOnly) return refusal('SESSION_REQUIRED', 'This action needs a signed-in session, not a token', token);
    const missing = requirement.scopes.find(({ group, level }) => !scopesAllow(token.scopes, group, level));
    if (missing) return refusal('INSUFFICIENT_SCOPE', `This action needs the ${missing.group}:${missing.level} scope`, token);

    if (!hasLimits(token)) return { code: 'VALID', status: HttpStatus.OK, message: 'The token is valid', token, admission: null, charged: cost };
    let admission: Admission;
    try {
      admission = await this.limiter.admit({
        tokenId: token.tokenId,
        limits: { requestLimit: token.requestLimit, quotaLimit: token.quotaLimit, rateLimit: token.rateLimit },
        cost,
        loadSeed: () => this.usage.countersOf(token.tokenId),
      });
    } catch (error) {
      if (!(error instanceof LimiterUnavailableError)) throw error;
      return refusal('LIMITER_UNAVAILABLE', 'Usage limits cannot be checked right now; try again shortly', token);
    }
    if (!admission.allowed) return { ...refusal(admission.code!, LIMIT_MESSAGES[admission.code!], token), admission };
    return { code: 'VALID', status: HttpStatus.OK, message: 'The token is valid', token, admission, charged: cost };
  }

  /** One usage event per PAT call of a known token; refused calls are failures that cost nothing. */
  record(decision: AccessDecision, ip: string | null, success: boolean, at = new Date()): void {
    if (!decision.token) return;
    const admitted = decision.code === 'VALID';
    this.recorder.record({
      tokenId: decision.token.tokenId,
      ip,
      at,
      success: admitted && success,
      cost: admitted ? decision.charged : 0,
      counted: admitted,
    });
  }
}

function refusal(code: Exclude<AccessCode, 'VALID'>, message: string, token: VerifiedToken | null): AccessDecision {
  return { code, status: STATUS[code], message, token, admission: null, charged: 0 };
}
