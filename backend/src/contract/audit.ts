/** What the audit log records about a user's tokens (`GET /users/me/audit-events`). */
export const AUDIT_EVENT_TYPES = [
  'token.created',
  'token.updated',
  'token.rotated',
  'token.revoked',
  'token.deleted',
  'token.restored',
  'token.ip_refused',
  'token.rotated_secret_reused',
  // Applications (issue 15): written to the acting admin's log; token.scopes_removed to the token owner's.
  'application.created',
  'application.updated',
  'application.deleted',
  'service_key.created',
  'service_key.revoked',
  'token.scopes_removed',
  'token.idle_revoked',
  /** Revoked because it was reported as leaked (public report or secret scanning partner alert). */
  'token.leak_revoked',
  /** A service key revoked because it was reported as leaked: one row in each active admin's log. */
  'service_key.leak_revoked',
  'admin.user_disabled',
  'admin.user_enabled',
  'admin.role_changed',
  'admin.token_revoked',
  'admin.policy_changed',
  'admin.invite_created',
  'admin.invite_deleted',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * Who did it: a signed-in session, a personal access token (`actorTokenId`), an admin acting on
 * someone's account (`actorUserId`), the server itself (idle revocation), or an unauthenticated
 * leak reporter (a public leak report or a secret scanning partner alert).
 */
export const AUDIT_ACTOR_KINDS = ['session', 'token', 'admin', 'system', 'reporter'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
