import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Scope, ScopeGroup as ScopeGroupName } from '../../contract';
import type { Principal, RequestWithPrincipal } from '../principal';

export const IS_PUBLIC = 'tessera:isPublic';
export const SCOPE_GROUP = 'tessera:scopeGroup';
export const SESSION_ONLY = 'tessera:sessionOnly';
export const TOKEN_SELF = 'tessera:tokenSelf';
export const ANY_CREDENTIAL = 'tessera:anyCredential';
export const ADMIN_ONLY = 'tessera:adminOnly';

// Each rule is metadata only: AuthGuard enforces it and the OpenAPI document's security and error
// responses are derived from it (common/openapi/), so the two cannot disagree.

/** The route needs no credentials (register, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The scope group a controller (or one route) belongs to. A PAT needs `group:read` for
 * GET/HEAD/OPTIONS and `group:write` for everything else; a session may call it always.
 */
export const ScopeGroup = (group: ScopeGroupName) => SetMetadata(SCOPE_GROUP, group);

/** A PAT may never call this route, whatever its scopes (mint, edit, regenerate, delete, restore). */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/**
 * Operators only: a signed-in session of an active admin. A PAT is refused (SESSION_REQUIRED),
 * whatever its scopes; a member's session too (ADMIN_REQUIRED). Put it on a controller or a route.
 */
export const AdminOnly = () => applyDecorators(SetMetadata(SESSION_ONLY, true), SetMetadata(ADMIN_ONLY, true));

/**
 * A route about the calling token itself (`/api-tokens/self`): a PAT may call it with `scope`
 * (or with any scope when null), whatever its groups; a session passes the guard and the handler
 * answers TOKEN_REQUIRED, since a session has no "self".
 */
export const TokenSelf = (scope: Scope | null) => SetMetadata(TOKEN_SELF, scope ?? 'any');

/**
 * Any valid credential may call the route: a session, or a PAT whatever its scopes (it still
 * counts as a use of the token, with its limits). Only for routes that tell the caller about
 * itself and nothing else.
 */
export const AnyCredential = () => SetMetadata(ANY_CREDENTIAL, true);

/** The caller resolved by the AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
