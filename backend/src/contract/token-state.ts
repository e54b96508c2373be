/** The state a person sees: derived from status, expiresAt and deletedAt, in this order of precedence. */
export const TOKEN_STATES = ['active', 'expired', 'revoked', 'deleted'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

/** What the state and expiry rules read of a token (a database row, or a view with Dates). */
export interface TokenStateFields {
  status: string;
  expiresAt: Date | null;
  deletedAt: Date | null;
}

const DAY_MS = 86_400_000;

/** What a person sees, in order of precedence: deleted, revoked, expired, active. The one expiry rule. */
export function tokenStateOf(token: TokenStateFields, now: Date = new Date()): TokenState {
  if (token.deletedAt) return 'deleted';
  if (token.status === 'REVOKED') return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** The end of the "expiring soon" window that starts now: `noticeDays` (EXPIRY_NOTICE_DAYS) ahead. */
export function expiryNoticeUntil(now: Date, noticeDays: number): Date {
  return new Date(now.getTime() + noticeDays * DAY_MS);
}

/** Active (not revoked, deleted or expired) and expiring within `noticeDays`. */
export function isExpiringSoon(token: TokenStateFields, now: Date, noticeDays: number): boolean {
  if (!token.expiresAt || tokenStateOf(token, now) !== 'active') return false;
  return token.expiresAt.getTime() <= expiryNoticeUntil(now, noticeDays).getTime();
}

export const TOKEN_SORT_FIELDS = ['createdAt', 'name', 'expiresAt', 'lastUsedAt', 'requestCount'] as const;
export type TokenSortField = (typeof TOKEN_SORT_FIELDS)[number];

/** Policy numbers the panel mirrors in its client-side validation. */
export const TOKEN_RULES = {
  nameMaxLength: 100,
  descriptionMaxLength: 500,
  maxLiveTokensPerUser: 100,
  maxPageSize: 100,
  maxLimitValue: 1_000_000_000,
  maxRateLimitPerMinute: 100_000,
  /** Longest grace period of a rotation: the old secret works at most 7 days longer. */
  maxGracePeriodSeconds: 7 * 24 * 3600,
  /** Entries (IPs or CIDR ranges) in one token's allowlist. */
  maxAllowedIps: 50,
} as const;

export const USER_RULES = {
  usernamePattern: '^[a-zA-Z0-9_-]{3,32}$',
  passwordMinLength: 8,
  passwordMaxLength: 128,
} as const;
