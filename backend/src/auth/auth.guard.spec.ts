import type { AuditService } from '../audit/audit.service';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Admittance, completeAdmittance } from '../access/admittance';
import { TokenAccess } from '../access/token-access';
import { TokenFailureThrottle } from '../access/token-failure-throttle';
import type { AppConfig } from '../config/app-config';
import { InMemoryThrottleStore } from './throttle-store';
import type { TokenVerifier, VerifiedToken } from '../api-tokens/token-verifier';
import { AppException } from '../common/app-exception';
import { Public, ScopeGroup, SessionOnly } from '../common/decorators/auth.decorators';
import { UsageCost } from '../common/decorators/usage-cost.decorator';
import { InMemoryLimiter } from '../usage/limiter/in-memory-limiter';
import type { UsageRecorder } from '../usage/usage-recorder';
import type { UsageRepository } from '../usage/usage.repository';
import { AuthGuard } from './auth.guard';
import { UsageClock } from '../usage/usage-clock';
import type { SessionAuthenticator } from './session-authenticator';
import { unauthenticated } from './session-tokens';
import { TESSERA_APPLICATION_ID } from '../contract';

@ScopeGroup('tokens')
class TokensRoutes {
  list() {}
  @SessionOnly() create() {}
  @ScopeGroup('usage') stats() {}
  @UsageCost(5) expensive() {}
}

@Public()
class PublicRoutes {
  login() {}
}

class UndeclaredRoutes {
  anything() {}
}

const PAT = 'tsr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

function contextFor(target: object, handler: (...args: never[]) => unknown, method: string, authorization?: string) {
  const request = { method, headers: authorization ? { authorization } : {}, ip: '10.0.0.1' } as Record<string, unknown>;
  const headers: Record<string, string> = {};
  // A FastifyReply as far as the guard uses it; `answer` does what the server's onResponse hook does.
  const response = {
    statusCode: 200,
    headers: (values: Record<string, string>) => Object.assign(headers, values),
    sent: headers,
    answer: () => completeAdmittance(request as { patAdmittance: Admittance | null }, response.statusCode),
  };
  const context = {
    getHandler: () => handler,
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, request, response };
}

describe('AuthGuard', () => {
  let verified: VerifiedToken;
  let sut: AuthGuard;
  const record = vi.fn();

  beforeEach(() => {
    record.mockReset();
    verified = {
      tokenId: 'token-1', userId: 'user-1', scopes: ['tokens:read'], expiresAt: null,
      requestLimit: null, quotaLimit: null, rateLimit: null, allowedIps: [], retiredSecret: null, secretPreview: 'tsr_…abcd',
      applicationId: TESSERA_APPLICATION_ID, name: 'n', ownerUsername: 'o', createdAt: new Date(0), quotaRefill: null,
    };
    const sessions = {
      authenticate: async (jwt: string) => {
        if (jwt !== 'good.jwt') throw unauthenticated();
        return 'user-1';
      },
    } as unknown as SessionAuthenticator;
    // A verification cache that knows every secret: the answer comes without a lookup.
    const verifier = {
      present: () => ({ hash: 'h', cached: {} }),
      checkCached: () => ({ ok: true, token: verified }),
    } as unknown as TokenVerifier;
    const counters = { countersOf: async () => ({ requestCount: 0, quotaUsed: 0 }) } as unknown as UsageRepository;
    const access = new TokenAccess(verifier, new InMemoryLimiter(), counters, { record } as unknown as UsageRecorder, { noteRefusal: () => undefined } as unknown as AuditService, new UsageClock(), new TokenFailureThrottle({ TOKEN_FAILURES_PER_IP: 1000, TOKEN_FAILURES_PER_SERVICE: 1000, TOKEN_FAILURE_WINDOW_SECONDS: 60 } as AppConfig, new InMemoryThrottleStore()));
    sut = new AuthGuard(new Reflector(), sessions, access);
  });

  // As Nest's guards consumer calls it: the answer awaited, a synchronous throw a refusal.
  const activate = async (context: ExecutionContext) => sut.canActivate(context);

  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'allowed';
    } catch (error) {
      return (error as AppException).code;
    }
  };

  it('lets anyone call a public route without looking at credentials', async () => {
    const { context } = contextFor(PublicRoutes, PublicRoutes.prototype.login, 'POST', 'Bearer garbage');
    await expect(activate(context)).resolves.toBe(true);
  });

  it('admits a cached PAT without limits synchronously: no promise on the hot path', () => {
    const { context } = contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', `Bearer ${PAT}`);
    expect(sut.canActivate(context)).toBe(true);
  });

  it('refuses a missing or non-bearer Authorization header with UNAUTHENTICATED', async () => {
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET').context))).toBe('UNAUTHENTICATED');
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', 'Basic abc').context))).toBe('UNAUTHENTICATED');
  });

  it('verifies a non-tsr_ value as a session, which may call every route', async () => {
    for (const [handler, method] of [[TokensRoutes.prototype.list, 'GET'], [TokensRoutes.prototype.create, 'POST']] as const) {
      const { context, request } = contextFor(TokensRoutes, handler, method, 'Bearer good.jwt');
      await expect(activate(context)).resolves.toBe(true);
      expect(request.principal).toEqual({ kind: 'session', userId: 'user-1' });
    }
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', 'Bearer bad.jwt').context))).toBe('UNAUTHENTICATED');
  });

  it('admits a PAT whose scope covers the method level, and records the call when answered', async () => {
    const { context, request, response } = contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', `Bearer ${PAT}`);
    await expect(activate(context)).resolves.toBe(true);
    expect(request.principal).toMatchObject({ kind: 'pat', tokenId: 'token-1' });
    expect(record).not.toHaveBeenCalled();
    response.answer();
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ tokenId: 'token-1', ip: '10.0.0.1', success: true, counted: true, cost: 1 }));
  });

  it('refuses a PAT below the needed level with INSUFFICIENT_SCOPE and records a failure that costs nothing', async () => {
    const { context, response } = contextFor(TokensRoutes, TokensRoutes.prototype.list, 'DELETE', `Bearer ${PAT}`);
    expect(await codeOf(activate(context))).toBe('INSUFFICIENT_SCOPE');
    response.statusCode = 403;
    response.answer();
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ success: false, counted: false, cost: 0 }));
  });

  it('uses the route-level group over the controller group', async () => {
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.stats, 'GET', `Bearer ${PAT}`).context))).toBe('INSUFFICIENT_SCOPE');
    verified.scopes = ['usage:read'];
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.stats, 'GET', `Bearer ${PAT}`).context))).toBe('allowed');
  });

  it('refuses a PAT on a session-only route whatever its scopes', async () => {
    verified.scopes = ['account:write', 'tokens:write', 'usage:write'];
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.create, 'POST', `Bearer ${PAT}`).context))).toBe('SESSION_REQUIRED');
  });

  it('treats a route that declares nothing as session-only (closed by default)', async () => {
    verified.scopes = ['account:write', 'tokens:write', 'usage:write'];
    expect(await codeOf(activate(contextFor(UndeclaredRoutes, UndeclaredRoutes.prototype.anything, 'GET', `Bearer ${PAT}`).context))).toBe('SESSION_REQUIRED');
  });

  it('charges the cost a route declares, and refuses once the quota is used, with limit headers', async () => {
    verified.quotaLimit = 12;
    const first = contextFor(TokensRoutes, TokensRoutes.prototype.expensive, 'GET', `Bearer ${PAT}`);
    await expect(activate(first.context)).resolves.toBe(true);
    first.response.answer();
    expect(record).toHaveBeenLastCalledWith(expect.objectContaining({ cost: 5, counted: true }));
    expect(first.response.sent).toMatchObject({ 'X-Quota-Limit': '12', 'X-Quota-Remaining': '7' });
    await expect(activate(contextFor(TokensRoutes, TokensRoutes.prototype.expensive, 'GET', `Bearer ${PAT}`).context)).resolves.toBe(true);
    const third = contextFor(TokensRoutes, TokensRoutes.prototype.expensive, 'GET', `Bearer ${PAT}`);
    const error = await activate(third.context).catch((caught: AppException) => caught);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe('QUOTA_EXCEEDED');
    expect((error as AppException).getStatus()).toBe(429);
    expect((error as AppException).headers).toMatchObject({ 'X-Quota-Limit': '12', 'X-Quota-Remaining': '2' });
  });

  it('checks scopes before limits: a refused scope does not use up the request limit', async () => {
    verified.requestLimit = 1;
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'DELETE', `Bearer ${PAT}`).context))).toBe('INSUFFICIENT_SCOPE');
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', `Bearer ${PAT}`).context))).toBe('allowed');
    expect(await codeOf(activate(contextFor(TokensRoutes, TokensRoutes.prototype.list, 'GET', `Bearer ${PAT}`).context))).toBe('REQUEST_LIMIT_EXCEEDED');
  });
});
