/** The state a person sees: derived from status, expiresAt and deletedAt, in this order of precedence. */
export const TOKEN_STATES = ['active', 'expired', 'revoked', 'deleted'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

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
