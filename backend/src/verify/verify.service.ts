import { Injectable } from '@nestjs/common';
import { rateLimitHeaders } from '../access/rate-limit-headers';
import { TokenAccess } from '../access/token-access';
import { AppException } from '../common/app-exception';
import { DEFAULT_USAGE_COST } from '../common/decorators/usage-cost.decorator';
import type { VerifyTokenDto } from './dto/verify-token.dto';
import type { VerifyResultView } from './verify-result.view';

/**
 * The verify API: the same decision the guard makes for a route, answered as data instead of an
 * error, so a service holding a token can ask "may this token do X, and charge it N".
 */
@Injectable()
export class VerifyService {
  constructor(private readonly access: TokenAccess) {}

  async verify(input: VerifyTokenDto, ip: string | null): Promise<{ result: VerifyResultView; headers: Record<string, string> }> {
    const decision = await this.access.decide(input.token, { sessionOnly: false, scopes: input.scopes ?? [] }, input.cost ?? DEFAULT_USAGE_COST, {
      // The allowlist is about the token's client, which the calling service names in `ip`; not about the service.
      ip: input.ip ?? null,
      // Guessing is counted per client too: the one the service names (and the service, more loosely), else the service itself.
      guesser: { client: input.ip ?? ip, service: ip },
    });
    // Not an answer about the token: this client has guessed too often. The service should pass the 429 on.
    if (decision.guessingRetryAfter !== undefined) {
      throw new AppException(decision.status, 'RATE_LIMITED', decision.message, undefined, { 'Retry-After': String(decision.guessingRetryAfter) });
    }
    this.access.record(decision, input.ip ?? ip, decision.code === 'VALID');
    const headers = rateLimitHeaders(decision.admission);
    // Not an answer about the token: the limiter could not decide. The caller should retry.
    if (decision.code === 'LIMITER_UNAVAILABLE') throw new AppException(decision.status, decision.code, decision.message, undefined, { 'Retry-After': '5' });

    const token = decision.token;
    const admission = decision.admission;
    return {
      headers,
      result: {
        valid: decision.code === 'VALID',
        code: decision.code,
        tokenId: token?.tokenId ?? null,
        userId: token?.userId ?? null,
        scopes: token?.scopes ?? [],
        expiresAt: token?.expiresAt?.toISOString() ?? null,
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
}
