import { Injectable } from '@nestjs/common';
import { rateLimitHeaders } from '../access/rate-limit-headers';
import { TokenAccess } from '../access/token-access';
import { AppException } from '../common/app-exception';
import { DEFAULT_USAGE_COST } from '../common/decorators/usage-cost.decorator';
import type { VerifyTokenDto } from './dto/verify-token.dto';
import { ServiceKeyAuth } from '../applications/service-key-auth';
import { verifyExtras } from '../applications/verify-extras';
import type { VerifyResultView } from './verify-result.view';

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

  async verify(input: VerifyTokenDto, ip: string | null, authorization?: string): Promise<{ result: VerifyResultView; headers: Record<string, string> }> {
    // Issue 15: the caller's service key decides which application's tokens and scopes it may ask about.
    const { requirement, application } = await this.serviceKeys.resolve(authorization, input.scopes ?? []);
    const decision = await this.access.decide(input.token, requirement, input.cost ?? DEFAULT_USAGE_COST, {
      // The allowlist is about the token's client, which the calling service names in `ip`; not about the service.
      ip: input.ip ?? null,
    });
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
}
