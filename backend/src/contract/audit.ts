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
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Who did it: a signed-in session, or a personal access token (`actorTokenId`). */
export const AUDIT_ACTOR_KINDS = ['session', 'token'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
