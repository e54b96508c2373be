import { Injectable } from '@nestjs/common';
import { TokenAccess } from '../access/token-access';
import { AppException } from '../common/app-exception';
import { DEFAULT_USAGE_COST } from '../common/decorators/usage-cost.decorator';
import type { Scope } from '../contract';
import type { VerifyTokenDto } from './dto/verify-token.dto';
import { ServiceKeyAuth, type VerifyRule } from '../applications/service-key-auth';
import type { ResolvedApplication } from '../applications/application-directory';
import type { Admittance } from '../access/admittance';
import { verifyExtras } from '../applications/verify-extras';
import type { VerifyResultView } from './verify-result.view';

const NO_SCOPES: Scope[] = [];
const RETRY_SOON = Object.freeze({ 'Retry-After': '5' });

/**
 * The verify API: the same decision the guard makes for a route, answered as data instead of an
 * error, so a service holding a token can ask "may this token do X, and charge it N".
 */
@Injectable()
export class VerifyService {
  constructor(
    private readonly access: TokenAccess,
    private readonly serviceKeys: ServiceKeyAuth,
  ) {}

  /** Synchronous when the caller, its application and the token are all cached and the token has no limits. */
  verify(input: VerifyTokenDto, ip: string | null, authorization?: string): VerifyAnswer | Promise<VerifyAnswer> {
    // Issue 15: the caller's service key decides which application's tokens and scopes it may ask about.
    const rule = this.serviceKeys.resolve(authorization, input.scopes ?? NO_SCOPES);
    return rule instanceof Promise ? rule.then((known) => this.verifyWith(known, input, ip)) : this.verifyWith(rule, input, ip);
  }

  private verifyWith({ requirement, application }: VerifyRule, input: VerifyTokenDto, ip: string | null): VerifyAnswer | Promise<VerifyAnswer> {
    const admitted = this.access.admit(input.token, requirement, input.cost ?? DEFAULT_USAGE_COST, {
      // The allowlist is about the token's client, which the calling service names in `ip`; not
      // about the service. The usage event records that address, else the service's.
      ip: input.ip ?? null,
      usageIp: input.ip ?? ip,
      // Guessing is counted per client too: the one the service names (and the service, more loosely), else the service itself.
      guesser: { client: input.ip ?? ip, service: ip },
    });
    return admitted instanceof Promise ? admitted.then((admittance) => answer(admittance, application)) : answer(admitted, application);
  }
}

export interface VerifyAnswer {
  result: VerifyResultView;
  headers: Readonly<Record<string, string>>;
}

function answer(admittance: Admittance, application: ResolvedApplication): VerifyAnswer {
  const decision = admittance.decision;
  // Not an answer about the token: this client has guessed too often. The service should pass the 429 on.
  if (decision.guessingRetryAfter !== undefined) throw new AppException('RATE_LIMITED', decision.message, undefined, admittance.headers);
  // The answer is this call's outcome: its usage event is recorded now.
  admittance.complete(decision.code === 'VALID');
  // Not an answer about the token: the limiter could not decide. The caller should retry.
  if (decision.code === 'LIMITER_UNAVAILABLE') throw new AppException(decision.code, decision.message, undefined, RETRY_SOON);

  const token = decision.token;
  const admission = decision.admission;
  return {
    headers: admittance.headers,
    result: {
      valid: decision.code === 'VALID',
      code: decision.code,
      tokenId: token?.tokenId ?? null,
      userId: token?.userId ?? null,
      scopes: token?.scopes ?? NO_SCOPES,
      expiresAt: token?.expiresAt?.toISOString() ?? null,
      ...verifyExtras(token, application, admission),
      remaining: {
        requests: token?.requestLimit == null ? null : (admission?.requests?.remaining ?? null),
        quota: token?.quotaLimit == null ? null : (admission?.quota?.remaining ?? null),
      },
      rateLimit: admission?.rate
        ? { limit: admission.rate.limit, remaining: admission.rate.remaining, reset: new Date(admission.rate.resetAt).toISOString() }
        : null,
    },
  };
}
