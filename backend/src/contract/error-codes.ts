/**
 * The one catalogue of error `code` words. The exception filter emits them, the OpenAPI
 * document lists them, and the panel translates each one. Never rename a code: clients match on it.
 */
export const ERROR_CODES = {
  /** A body, query or path parameter failed validation; `details` lists each field. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The request body is not valid JSON. */
  MALFORMED_JSON: 'MALFORMED_JSON',
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** No credentials, or a session JWT that is invalid. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The session JWT has expired: sign in again. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /** Login with a wrong email or password. */
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** Password change with a wrong current password. */
  CURRENT_PASSWORD_INVALID: 'CURRENT_PASSWORD_INVALID',
  /** A PAT that is malformed, fails its checksum or is unknown. */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /** A PAT past its `expiresAt`. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** A PAT that was revoked. */
  TOKEN_REVOKED: 'TOKEN_REVOKED',
  /** A PAT that was (soft) deleted. */
  TOKEN_DELETED: 'TOKEN_DELETED',
  /** A PAT secret that was replaced by rotation and whose grace period is over. */
  TOKEN_ROTATED: 'TOKEN_ROTATED',
  /** The PAT lacks the scope the route needs. */
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  /** The route is about the calling token itself (`/api-tokens/self`): a session has no "self". */
  TOKEN_REQUIRED: 'TOKEN_REQUIRED',
  /** The route needs a session: a PAT may never call it. */
  SESSION_REQUIRED: 'SESSION_REQUIRED',
  /** The PAT may not be used from this client IP. */
  IP_NOT_ALLOWED: 'IP_NOT_ALLOWED',
  /** The PAT has used all of its `requestLimit`. */
  REQUEST_LIMIT_EXCEEDED: 'REQUEST_LIMIT_EXCEEDED',
  /** The PAT has used all of its `quotaLimit`. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** Too many calls per minute (token rate limit or login throttling); see `Retry-After`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The user already has the maximum number of live tokens. */
  TOKEN_LIMIT_REACHED: 'TOKEN_LIMIT_REACHED',
  /** The resource does not exist or belongs to someone else. */
  NOT_FOUND: 'NOT_FOUND',
  /** A unique value (username, email) is already taken; `details` names the field. */
  CONFLICT: 'CONFLICT',
  /** The action does not fit the resource's current state (e.g. restoring a live token). */
  INVALID_STATE: 'INVALID_STATE',
  /** The database cannot be reached right now. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The shared limiter (Redis) cannot be reached; limited tokens fail closed. */
  LIMITER_UNAVAILABLE: 'LIMITER_UNAVAILABLE',
  /** The verify API was called without a service key for a token that needs one (issue 15). */
  SERVICE_KEY_REQUIRED: 'SERVICE_KEY_REQUIRED',
  /** The service key is malformed, unknown, revoked, or its application was deleted. */
  SERVICE_KEY_INVALID: 'SERVICE_KEY_INVALID',
  /** Removing scopes (or an application) that live tokens hold; `?force=true` to go ahead. */
  SCOPE_IN_USE: 'SCOPE_IN_USE',
  /** The built-in `tessera` application cannot be edited or deleted. */
  APPLICATION_BUILT_IN: 'APPLICATION_BUILT_IN',
  /** The account was disabled by an admin: its sessions and tokens are refused, sign-in too. */
  USER_DISABLED: 'USER_DISABLED',
  /** An /admin route called by a signed-in member. */
  ADMIN_REQUIRED: 'ADMIN_REQUIRED',
  /** The change would leave the install without an active admin. */
  LAST_ADMIN: 'LAST_ADMIN',
  /** An admin tried to disable or demote their own account. */
  CANNOT_CHANGE_SELF: 'CANNOT_CHANGE_SELF',
  /** Registration while the sign-up mode is `invite`, without an invite code. */
  INVITE_REQUIRED: 'INVITE_REQUIRED',
  /** The invite code is unknown, used, deleted, expired or for another email. */
  INVITE_INVALID: 'INVITE_INVALID',
  /** Registration while the sign-up mode is `closed`. */
  SIGNUP_CLOSED: 'SIGNUP_CLOSED',
  /** Anything unexpected. Never sent for bad input. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ErrorFieldDetail {
  /** Dotted path of the offending field, e.g. `scopes.1` or `query.limit`. */
  field: string;
  /** A stable rule word, e.g. `isEmail`, `required`, `whitelist`. */
  constraint: string;
  message: string;
}

/** The shape of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: ErrorFieldDetail[];
}
