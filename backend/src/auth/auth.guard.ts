import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NO_HEADERS, type Admittance } from '../access/admittance';
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

  /** What a route declares never changes: read once per handler, not per call (the hot path). */
  private readonly rules = new Map<object, RouteRule>();

  private ruleOf(context: ExecutionContext): RouteRule {
    const handler = context.getHandler();
    let rule = this.rules.get(handler);
    if (rule === undefined) {
      const targets = [handler, context.getClass()];
      rule = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
        group: this.reflector.getAllAndOverride<ScopeGroup | undefined>(SCOPE_GROUP, targets),
        self: this.reflector.getAllAndOverride<Scope | 'any' | undefined>(TOKEN_SELF, targets),
        cost: this.reflector.getAllAndOverride<number | undefined>(USAGE_COST, targets) ?? DEFAULT_USAGE_COST,
        anyCredential: this.reflector.getAllAndOverride<boolean>(ANY_CREDENTIAL, targets) ?? false,
        sessionOnly: this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) ?? false,
        adminOnly: this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) ?? false,
        requirements: new Map(),
      };
      this.rules.set(handler, rule);
    }
    return rule;
  }

  /** Synchronous for a PAT the verification cache knows without limits (the hot path): no promise to wait for. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleOf(context);
    if (rule.isPublic) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const bearer = bearerOf(request);
    if (!bearer) throw unauthenticated();
    if (!looksLikeToken(bearer)) return this.activateSession(request, bearer, rule);

    const admitted = this.access.admit(bearer, requirementOf(rule, request.method), rule.cost, { ip: request.ip ?? null });
    return admitted instanceof Promise ? admitted.then((admittance) => activatePat(context, request, admittance)) : activatePat(context, request, admitted);
  }

  private async activateSession(request: RequestWithPrincipal, jwt: string, rule: RouteRule): Promise<boolean> {
    const userId = await this.sessions.authenticate(jwt);
    if (rule.adminOnly) await this.sessions.assertAdmin(userId);
    request.principal = { kind: 'session', userId };
    return true;
  }
}

function activatePat(context: ExecutionContext, request: FastifyRequest & RequestWithPrincipal, admittance: Admittance): boolean {
  const decision = admittance.decision;
  // One usage event per PAT call of a known token, completed once the answer is sent (installAdmittanceCompletion).
  if (decision.token) request.patAdmittance = admittance;
  if (decision.code !== 'VALID') throw new AppException(decision.code, decision.message, undefined, admittance.headers);

  if (admittance.headers !== NO_HEADERS) context.switchToHttp().getResponse<FastifyReply>().headers(admittance.headers);
  const token = decision.token!;
  request.principal = {
    kind: 'pat',
    userId: token.userId,
    tokenId: token.tokenId,
    scopes: token.scopes,
    retiredSecretGraceUntil: token.retiredSecret?.graceUntil ?? null,
    secretPreview: token.secretPreview,
  };
  return true;
}

interface RouteRule {
  isPublic: boolean;
  group: ScopeGroup | undefined;
  self: Scope | 'any' | undefined;
  cost: number;
  anyCredential: boolean;
  sessionOnly: boolean;
  adminOnly: boolean;
  /** The PAT requirement per HTTP method (a group's level follows the method). */
  requirements: Map<string, AccessRequirement>;
}

function requirementOf(rule: RouteRule, method: string): AccessRequirement {
  let requirement = rule.requirements.get(method);
  if (requirement === undefined) {
    const { group, self } = rule;
    requirement =
      rule.anyCredential || self !== undefined
        ? { sessionOnly: false, scopes: self === undefined || self === 'any' ? [] : [self], applicationId: TESSERA_APPLICATION_ID }
        : {
            sessionOnly: rule.sessionOnly || !group,
            scopes: group ? [`${group}:${levelForMethod(method)}` as Scope] : [],
            // Tessera's own API answers only tokens of the built-in application (issue 15).
            applicationId: TESSERA_APPLICATION_ID,
          };
    rule.requirements.set(method, requirement);
  }
  return requirement;
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
