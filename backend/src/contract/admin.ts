/** Roles of an account: the first account of an install is `admin`, later ones `member`. */
export const USER_ROLES = ['admin', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Who may register: anyone, only with an invite code, or nobody. */
export const SIGNUP_MODES = ['open', 'invite', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/**
 * Who revoked a token: its owner, an admin, the idle-revocation job, or the leak response (`leaked`:
 * found in public and reported, or a secret scanning partner alert; the token view's `leak` says where).
 */
export const TOKEN_REVOKERS = ['owner', 'admin', 'idle', 'leaked'] as const;
export type TokenRevoker = (typeof TOKEN_REVOKERS)[number];

/** Who revoked a service key: an admin, the deletion of its application, or the leak response. */
export const SERVICE_KEY_REVOKERS = ['admin', 'application', 'leaked'] as const;
export type ServiceKeyRevoker = (typeof SERVICE_KEY_REVOKERS)[number];

/** The runtime policy's limits, as the admin form and the server both check them. */
export const POLICY_LIMITS = {
  maxTokenLifetimeDays: { min: 1, max: 3650 },
  maxTokensPerUser: { min: 1, max: 10_000 },
  expiryNoticeDays: { min: 1, max: 90 },
  idleRevokeDays: { min: 1, max: 3650 },
} as const;

/** Most token ids one bulk revoke may name. */
export const BULK_REVOKE_MAX = 500;
