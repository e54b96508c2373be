import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TokenVerifier, type PresentedSecret, type TokenCheck, type VerifiedToken } from '../api-tokens/token-verifier';
import { AuditService } from '../audit/audit.service';
import { Admittance, NO_HEADERS } from './admittance';
import { ipAllowed } from './ip-allowlist';
import { rateLimitHeaders } from './rate-limit-headers';
import { type Guesser, TokenFailureThrottle } from './token-failure-throttle';
import { scopeGranted, statusOf, type ErrorCode, type Scope } from '../contract';
import { Admission, hasLimits, LimiterUnavailableError, UsageLimiter } from '../usage/limiter/usage-limiter';
import { UsageRecorder } from '../usage/usage-recorder';
import { UsageRepository } from '../usage/usage.repository';
import { UsageClock } from '../usage/usage-clock';
import { quotaPeriodOf } from '../usage/limiter/quota-refill';

/** What a call needs of the token: a session (never a PAT), or these scopes. */
export interface AccessRequirement {
  sessionOnly: boolean;
  /** Each must be granted: `group:level` (write implies read) or a special scope (only by itself). */
  scopes: Scope[];
  /** When set, a token of another application is TOKEN_INVALID, exactly as an unknown one (issue 15). */
  applicationId?: string;
  /** How the token's scopes grant a required one, when not Tessera's rule (an application's implications). */
  grants?: (granted: readonly string[], required: string) => boolean;
}

/** About the call rather than the token. */
export interface AccessContext {
  /** The client IP the call came from, when known: checked against the token's allowlist, and noted with a rotated-out secret's reuse. */
  ip?: string | null;
  /** The address the usage event records, when it is not `ip` (the verify API: the service's own address as a fallback). */
  usageIp?: string | null;
  /** Whose failed guesses are counted (TokenFailureThrottle); `{ client: ip }` when unset. */
  guesser?: Guesser;
  now?: Date;
}

export type AccessCode = 'VALID' | Extract<
  ErrorCode,
  | 'USER_DISABLED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_DELETED' | 'TOKEN_ROTATED'
  | 'IP_NOT_ALLOWED' | 'SESSION_REQUIRED' | 'INSUFFICIENT_SCOPE'
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
  /**
   * Set when the client IP is out of failed-guess budget (RATE_LIMITED from TokenFailureThrottle,
   * not about the token): seconds until it may try unknown secrets again.
   */
  guessingRetryAfter?: number;
}

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
  private readonly logger = new Logger(TokenAccess.name);

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly limiter: UsageLimiter,
    private readonly usage: UsageRepository,
    private readonly recorder: UsageRecorder,
    private readonly audit: AuditService,
    private readonly clock: UsageClock,
    private readonly guesses: TokenFailureThrottle,
  ) {}

  /**
   * The one step both callers take: the decision, the limit headers to answer with (a shared empty
   * object when the token has no limits) and the completion that records the usage event. The
   * caller answers with `headers` (on a refusal too), and calls `complete(success)` once the
   * outcome is known: the guard when the answer is sent, the verify API right away.
   *
   * Synchronous when the verification cache answers and the token has no limits (the hot path:
   * no promise, no microtask); a promise when it takes a lookup or the limiter.
   */
  admit(plaintext: string, requirement: AccessRequirement, cost: number, context: AccessContext = {}): Admittance | Promise<Admittance> {
    const decided = this.decide(plaintext, requirement, cost, context);
    return decided instanceof Promise ? decided.then((decision) => this.admittanceOf(decision, context)) : this.admittanceOf(decided, context);
  }

  decide(plaintext: string, requirement: AccessRequirement, cost: number, context: AccessContext = {}): AccessDecision | Promise<AccessDecision> {
    const now = context.now ?? new Date(this.clock.now());
    const presented = this.verifier.present(plaintext);
    const checked = this.verifier.checkCached(presented, now);
    return checked === undefined ? this.decideAfterLookup(presented, requirement, cost, context, now) : this.decideChecked(checked, requirement, cost, context.ip ?? null, now);
  }

  /** A well-formed secret the cache does not know: a database lookup, so a guess worth counting (per client). */
  private async decideAfterLookup(presented: PresentedSecret, requirement: AccessRequirement, cost: number, context: AccessContext, now: Date): Promise<AccessDecision> {
    const ip = context.ip ?? null;
    const guesser: Guesser = context.guesser ?? { client: ip };
    const before = await this.guesses.beforeLookup(guesser, now.getTime());
    if (!before.allowed) return guessing(before.retryAfterSeconds);
    const checked = await this.verifier.checkByLookup(presented, now);
    if (!checked.ok && !checked.token) {
      const after = await this.guesses.failed(guesser, now.getTime());
      if (!after.allowed) return guessing(after.retryAfterSeconds);
    }
    return this.decideChecked(checked, requirement, cost, ip, now);
  }

  /** The rest of the decision once the token is known (or known not to be): state, what the call needs, then the limits. */
  private decideChecked(checked: TokenCheck, requirement: AccessRequirement, cost: number, ip: string | null, now: Date): AccessDecision | Promise<AccessDecision> {
    if (requirement.applicationId && checked.token && checked.token.applicationId !== requirement.applicationId) {
      // Never a hint that the token exists elsewhere: the same answer as an unknown token, charging nothing.
      return refusal('TOKEN_INVALID', 'The token is not valid', null);
    }
    if (!checked.ok) {
      if (checked.reusedSecretId) this.noteReuse(checked.reusedSecretId, checked.token!, ip, now);
      return refusal(checked.code, checked.message, checked.token);
    }
    const token = checked.token;

    if (!ipAllowed(token.allowedIps, ip)) {
      this.logger.warn(`Token ${token.tokenId} refused: called from ${ip ?? 'an unknown address'}, outside its IP allowlist`);
      this.audit.noteRefusal(token, 'token.ip_refused', ip, {}, now);
      return refusal('IP_NOT_ALLOWED', `This token may not be used from ${ip ?? 'an unknown address'}`, token);
    }
    if (requirement.sessionOnly) return refusal('SESSION_REQUIRED', 'This action needs a signed-in session, not a token', token);
    const grants = requirement.grants ?? scopeGranted;
    for (const scope of requirement.scopes) {
      if (!grants(token.scopes, scope)) return refusal('INSUFFICIENT_SCOPE', `This action needs the ${scope} scope`, token);
    }

    if (!hasLimits(token)) return { code: 'VALID', status: HttpStatus.OK, message: 'The token is valid', token, admission: null, charged: cost };
    return this.admitWithinLimits(token, cost, now);
  }

  /** Request limit, quota and rate limit, counted atomically by the limiter; fails closed when it cannot answer. */
  private async admitWithinLimits(token: VerifiedToken, cost: number, now: Date): Promise<AccessDecision> {
    let admission: Admission;
    try {
      const quotaPeriod = token.quotaRefill && token.quotaLimit !== null ? quotaPeriodOf(token.quotaRefill, token.createdAt, now.getTime()) : null;
      admission = await this.limiter.admit({
        tokenId: token.tokenId,
        limits: { requestLimit: token.requestLimit, quotaLimit: token.quotaLimit, rateLimit: token.rateLimit },
        cost,
        quotaPeriod,
        loadSeed: () => (quotaPeriod ? this.usage.periodCountersOf(token.tokenId, new Date(quotaPeriod.start)) : this.usage.countersOf(token.tokenId)),
      });
    } catch (error) {
      if (!(error instanceof LimiterUnavailableError)) throw error;
      return refusal('LIMITER_UNAVAILABLE', 'Usage limits cannot be checked right now; try again shortly', token);
    }
    if (!admission.allowed) return { ...refusal(admission.code!, LIMIT_MESSAGES[admission.code!], token), admission };
    return { code: 'VALID', status: HttpStatus.OK, message: 'The token is valid', token, admission, charged: cost };
  }

  private admittanceOf(decision: AccessDecision, context: AccessContext): Admittance {
    const headers =
      decision.guessingRetryAfter !== undefined
        ? { 'Retry-After': String(decision.guessingRetryAfter) }
        : decision.admission === null
          ? NO_HEADERS
          : rateLimitHeaders(decision.admission);
    return new Admittance(decision, headers, this, context.usageIp !== undefined ? context.usageIp : (context.ip ?? null));
  }

  /** A secret rotated out past its grace was presented: someone still holds it. Logged and counted, off the request path. */
  private noteReuse(secretId: string, token: VerifiedToken, ip: string | null, now: Date): void {
    const tokenId = token.tokenId;
    this.verifier
      .noteReuse(secretId, ip, now)
      .then((written) => {
        if (!written) return;
        this.logger.warn(`A rotated-out secret of token ${tokenId} was used from ${ip ?? 'an unknown address'}`);
        this.audit.noteRefusal(token, 'token.rotated_secret_reused', ip, { secretId }, now);
      })
      .catch((error: Error) => this.logger.warn(`Could not note a rotated-out secret's reuse: ${error.message}`));
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
      refusedCode: admitted ? null : decision.code,
    });
  }
}

/** The client guessed too often: not an answer about the token. */
function guessing(retryAfterSeconds: number): AccessDecision {
  return { ...refusal('RATE_LIMITED', 'Too many unknown tokens from this address; see Retry-After', null), guessingRetryAfter: retryAfterSeconds };
}

function refusal(code: Exclude<AccessCode, 'VALID'>, message: string, token: VerifiedToken | null): AccessDecision {
  return { code, status: statusOf(code), message, token, admission: null, charged: 0 };
}
