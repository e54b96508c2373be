import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { rateLimitHeaders } from '../access/rate-limit-headers';
import { TokenAccess, type AccessRequirement } from '../access/token-access';
import { looksLikeToken } from '../api-tokens/token-format';
import { AppException } from '../common/app-exception';
import { ADMIN_ONLY, ANY_CREDENTIAL, IS_PUBLIC, SCOPE_GROUP, SESSION_ONLY, TOKEN_SELF } from '../common/decorators/auth.decorators';
import { DEFAULT_USAGE_COST, USAGE_COST } from '../common/decorators/usage-cost.decorator';
import type { RequestWithPrincipal } from '../common/principal';
import { TESSERA_APPLICATION_ID, type Scope, type ScopeGroup } from '../contract';
import { levelForMethod } from './scope-inference';
import { SessionAuthenticator } from './session-authenticator';
import { unauthenticated } from './session-tokens';

/**
 * The one guard: resolves the caller (session JWT or PAT) and applies the route's rule.
 * Routes say what they need with @Public, @ScopeGroup, @SessionOnly and @UsageCost; nothing is
 * special-cased here. A route with neither a group nor @Public is treated as session-only
 * (closed by default). Everything about a PAT — state, scopes, limits — is TokenAccess's call.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionAuthenticator,
    private readonly access: TokenAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const bearer = bearerOf(request);
    if (!bearer) throw unauthenticated();

    if (!looksLikeToken(bearer)) {
      const userId = await this.sessions.authenticate(bearer);
      if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets)) await this.sessions.assertAdmin(userId);
      request.principal = { kind: 'session', userId };
      return true;
    }

    const group = this.reflector.getAllAndOverride<ScopeGroup | undefined>(SCOPE_GROUP, targets);
    const self = this.reflector.getAllAndOverride<Scope | 'any' | undefined>(TOKEN_SELF, targets);
    const cost = this.reflector.getAllAndOverride<number | undefined>(USAGE_COST, targets) ?? DEFAULT_USAGE_COST;
    const anyCredential = this.reflector.getAllAndOverride<boolean>(ANY_CREDENTIAL, targets);
    const requirement: AccessRequirement =
      anyCredential || self !== undefined
        ? { sessionOnly: false, scopes: self === undefined || self === 'any' ? [] : [self] }
        : {
            sessionOnly: this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) || !group,
            scopes: group ? [`${group}:${levelForMethod(request.method)}` as Scope] : [],
          };
    // Tessera's own API answers only tokens of the built-in application (issue 15).
    const decision = await this.access.decide(bearer, { ...requirement, applicationId: TESSERA_APPLICATION_ID }, cost, { ip: request.ip ?? null });

    const response = context.switchToHttp().getResponse<Response>();
    const headers = rateLimitHeaders(decision.admission);
    if (decision.token) {
      // One usage event per PAT call, with the outcome known once the response is sent.
      response.once('finish', () => this.access.record(decision, request.ip ?? null, response.statusCode < 400));
    }
    if (decision.code !== 'VALID') throw new AppException(decision.status, decision.code, decision.message, undefined, headers);

    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const token = decision.token!;
    request.principal = {
      kind: 'pat',
      userId: token.userId,
      tokenId: token.tokenId,
      scopes: token.scopes,
      retiredSecretGraceUntil: token.retiredSecret?.graceUntil ?? null,
    };
    return true;
  }
}

function bearerOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
