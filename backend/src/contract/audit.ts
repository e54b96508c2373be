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
  /** Revoked because it was reported as leaked (public report or secret scanning partner alert). */
  'token.leak_revoked',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Who did it: a signed-in session, a personal access token (`actorTokenId`), or an unauthenticated leak reporter. */
export const AUDIT_ACTOR_KINDS = ['session', 'token', 'reporter'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
