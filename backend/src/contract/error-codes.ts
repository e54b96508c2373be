/**
 * The one catalogue of error `code` words and the HTTP status each is answered with. The
 * exception filter, the guard, the OpenAPI document and the panel's messages all derive from it.
 * Never rename a code: clients match on it. A new code needs an entry here (with a comment on who
 * raises it) and its translation under `errors.<CODE>` in the panel's errors.json.
 */
export const ERROR_CATALOGUE = {
  /** A body, query or path parameter failed validation; `details` lists each field. */
  VALIDATION_FAILED: { status: 400, message: 'Validation failed', fallback: true },
  /** The request body is not valid JSON. */
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large', fallback: true },
  /** No credentials, or a session JWT that is invalid. */
  UNAUTHENTICATED: { status: 401, message: 'Authentication required', fallback: true },
  /** The session JWT has expired: sign in again. */
  SESSION_EXPIRED: { status: 401, message: 'The session has expired; sign in again' },
  /** Login with a wrong email or password. */
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password' },
  /** Password change with a wrong current password. */
  CURRENT_PASSWORD_INVALID: { status: 403, message: 'The current password is wrong' },
  /** A PAT that is malformed, fails its checksum or is unknown. */
  TOKEN_INVALID: { status: 401, message: 'The token is not valid' },
  /** A PAT past its `expiresAt`. */
  TOKEN_EXPIRED: { status: 401, message: 'The token has expired' },
  /** A PAT that was revoked. */
  TOKEN_REVOKED: { status: 401, message: 'The token was revoked' },
  /** A PAT that was (soft) deleted. */
  TOKEN_DELETED: { status: 401, message: 'The token was deleted' },
  /** A PAT secret that was replaced by rotation and whose grace period is over. */
  TOKEN_ROTATED: { status: 401, message: 'This secret was replaced by a rotation and its grace period is over; use the new secret' },
  /** The PAT lacks the scope the route needs. */
  INSUFFICIENT_SCOPE: { status: 403, message: 'This action needs the tokens:write scope', fallback: true },
  /** The route is about the calling token itself (`/api-tokens/self`): a session has no "self". */
  TOKEN_REQUIRED: { status: 403, message: 'This route is about the calling token; call it with a personal access token' },
  /** The route needs a session: a PAT may never call it. */
  SESSION_REQUIRED: { status: 403, message: 'This action needs a signed-in session, not a token' },
  /** The PAT may not be used from this client IP. */
  IP_NOT_ALLOWED: { status: 403, message: 'This token may not be used from this address' },
  /** The PAT has used all of its `requestLimit`. */
  REQUEST_LIMIT_EXCEEDED: { status: 429, message: 'The token has used all of its request limit' },
  /** The PAT has used all of its `quotaLimit`. */
  QUOTA_EXCEEDED: { status: 429, message: 'The token has used all of its quota' },
  /** Too many calls per minute (token rate limit or login throttling); see `Retry-After`. */
  RATE_LIMITED: { status: 429, message: 'Too many calls with this token; see Retry-After', fallback: true },
  /** The user already has the maximum number of live tokens. */
  TOKEN_LIMIT_REACHED: { status: 409, message: 'You already have 100 tokens; delete one before creating another' },
  /** The resource does not exist or belongs to someone else. */
  NOT_FOUND: { status: 404, message: 'Token not found', fallback: true },
  /** A unique value (username, email) is already taken; `details` names the field. */
  CONFLICT: { status: 409, message: 'username is already taken', fallback: true },
  /** The action does not fit the resource's current state (e.g. restoring a live token). */
  INVALID_STATE: { status: 409, message: 'Only a deleted token can be restored' },
  /** The database cannot be reached right now. */
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable, try again shortly', fallback: true },
  /** The shared limiter (Redis) cannot be reached; limited tokens fail closed. */
  LIMITER_UNAVAILABLE: { status: 503, message: 'Usage limits cannot be checked right now; try again shortly' },
  /** The verify API was called without a service key for a token that needs one (issue 15). */
  SERVICE_KEY_REQUIRED: { status: 401, message: "Call the verify API with your application's service key: Authorization: Bearer tsk_…" },
  /** The service key is malformed, unknown, revoked, or its application was deleted. */
  SERVICE_KEY_INVALID: { status: 401, message: 'The service key is not valid (unknown, revoked, or its application was deleted)' },
  /** Removing scopes (or an application) that live tokens hold; `?force=true` to go ahead. */
  SCOPE_IN_USE: { status: 409, message: '3 live token(s) hold deploy:write; send ?force=true to remove the scopes from them' },
  /** The built-in `tessera` application cannot be edited or deleted. */
  APPLICATION_BUILT_IN: { status: 409, message: "The built-in tessera application (Tessera's own API) cannot be edited or deleted" },
  /** The account was disabled by an admin: its sessions and tokens are refused, sign-in too. */
  USER_DISABLED: { status: 401, message: 'This account is disabled' },
  /** An /admin route called by a signed-in member. */
  ADMIN_REQUIRED: { status: 403, message: 'This action needs an admin' },
  /** The change would leave the install without an active admin. */
  LAST_ADMIN: { status: 409, message: 'The last active admin cannot be demoted or disabled' },
  /** An admin tried to disable or demote their own account. */
  CANNOT_CHANGE_SELF: { status: 409, message: 'You cannot disable or demote your own account' },
  /** Registration while the sign-up mode is `invite`, without an invite code. */
  INVITE_REQUIRED: { status: 403, message: 'Sign-up needs an invite code' },
  /** The invite code is unknown, used, deleted, expired or for another email. */
  INVITE_INVALID: { status: 403, message: 'The invite code is not valid' },
  /** Registration while the sign-up mode is `closed`. */
  SIGNUP_CLOSED: { status: 403, message: 'Sign-up is closed on this server' },
  /** A secret scanning partner alert whose signature is missing, unknown or wrong (POST /v1/secret-scanning/github). */
  SIGNATURE_INVALID: { status: 401, message: 'The alert is not signed by a configured GitHub secret scanning key' },
  /** Anything unexpected. Never sent for bad input. */
  INTERNAL_ERROR: { status: 500, message: 'Internal server error', fallback: true },
} as const satisfies Record<string, { status: number; message: string; fallback?: true }>;
// `fallback`: the code given to an error of that status that carries none (a framework's own 404, 413…).

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Each code as a constant (`ERROR_CODES.NOT_FOUND === 'NOT_FOUND'`). */
export const ERROR_CODES = Object.fromEntries(Object.keys(ERROR_CATALOGUE).map((code) => [code, code])) as { readonly [K in ErrorCode]: K };

/** The HTTP status `code` is answered with: the only code → status mapping there is. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/** A typical English message of `code` (for examples and defaults; clients match on the code). */
export function defaultMessageOf(code: ErrorCode): string {
  return ERROR_CATALOGUE[code].message;
}

/** The code an error without one is given, from its HTTP status (a framework's own 404, 405, 413…). */
export function fallbackCodeFor(status: number): ErrorCode {
  const entries = Object.entries(ERROR_CATALOGUE) as [ErrorCode, { status: number; fallback?: true }][];
  const match = entries.find(([, entry]) => entry.fallback && entry.status === (status === 405 ? 404 : status));
  if (match) return match[0];
  return status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED';
}

export interface ErrorFieldDetail {
  /** Dotted path of the offending field, e.g. `scopes.1` or `query.limit`. */
  field: string;
  /** A stable rule word, e.g. `isEmail`, `required`, `whitelist`. */
  constraint: string;
  message: string;
  /** On SCOPE_IN_USE: how many live tokens hold the removed scopes (or belong to the application). */
  count?: number;
}

/** The shape of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: ErrorFieldDetail[];
}
