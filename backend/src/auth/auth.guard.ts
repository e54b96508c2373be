import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { TokenVerifier } from '../api-tokens/token-verifier';
import { looksLikeToken } from '../api-tokens/token-format';
import { AppException } from '../common/app-exception';
import { IS_PUBLIC, SCOPE_GROUP, SESSION_ONLY } from '../common/decorators/auth.decorators';
import type { Principal, RequestWithPrincipal } from '../common/principal';
import { scopesAllow, type ScopeGroup } from '../contract';
import { UsageRecorder } from '../usage/usage-recorder';
import { levelForMethod } from './scope-inference';
import { SessionTokens, unauthenticated } from './session-tokens';

/**
 * The one guard: resolves the caller (session JWT or PAT) and applies the route's rule.
 * Routes say what they need with @Public, @ScopeGroup and @SessionOnly; nothing is special-cased
 * here. A route with neither a group nor @Public is treated as session-only (closed by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionTokens,
    private readonly verifier: TokenVerifier,
    private readonly usage: UsageRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const bearer = bearerOf(request);
    if (!bearer) throw unauthenticated();

    if (!looksLikeToken(bearer)) {
      request.principal = { kind: 'session', userId: this.sessions.verify(bearer) };
      return true;
    }

    const token = await this.verifier.verify(bearer);
    const principal: Principal = { kind: 'pat', userId: token.userId, tokenId: token.tokenId, scopes: token.scopes };
    request.principal = principal;

    const group = this.reflector.getAllAndOverride<ScopeGroup | undefined>(SCOPE_GROUP, targets);
    const sessionOnly = this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) || !group;
    const refusal = sessionOnly
      ? new AppException(HttpStatus.FORBIDDEN, 'SESSION_REQUIRED', 'This action needs a signed-in session, not a token')
      : this.scopeRefusal(principal.scopes, group!, request.method);

    this.recordWhenAnswered(request, context.switchToHttp().getResponse<Response>(), token.tokenId, !refusal);
    if (refusal) throw refusal;
    return true;
  }

  private scopeRefusal(scopes: string[], group: ScopeGroup, method: string): AppException | undefined {
    const level = levelForMethod(method);
    if (scopesAllow(scopes, group, level)) return undefined;
    return new AppException(HttpStatus.FORBIDDEN, 'INSUFFICIENT_SCOPE', `This action needs the ${group}:${level} scope`);
  }

  /** One usage event per PAT call, with the outcome known once the response is sent. */
  private recordWhenAnswered(request: Request, response: Response, tokenId: string, admitted: boolean): void {
    const at = new Date();
    response.once('finish', () => {
      this.usage.record({
        tokenId,
        ip: request.ip ?? null,
        at,
        success: response.statusCode < 400,
        cost: admitted ? 1 : 0,
        counted: admitted,
      });
    });
  }
}

function bearerOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
