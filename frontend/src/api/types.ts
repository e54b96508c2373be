import type { AuditActorKind, AuditEventType, QuotaRefillInterval, SignupMode, TokenPolicy, TokenRevoker, TokenSortField, TokenState, UserRole } from '@tessera/backend/contract';

export type { TokenPolicy };

export interface User {
  id: string;
  username: string;
  email: string;
  /** admin | member (absent from older servers: treated as member). */
  role?: UserRole;
  createdAt: string;
  updatedAt: string;
}

export interface LoginResponse {
  access_token: string;
  user: User;
}

export interface ApiToken {
  id: string;
  name: string;
  description: string | null;
  tokenPreview: string;
  /** From the token's application's catalogue (Tessera's own: `group:level` and special scopes). */
  scopes: string[];
  status: 'ACTIVE' | 'REVOKED';
  state: TokenState;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Who revoked it: owner, admin or idle (the idle-revocation policy). */
  revokedBy?: TokenRevoker | null;
  deletedAt: string | null;
  requestLimit: number | null;
  quotaLimit: number | null;
  rateLimit: number | null;
  /** The application the token is for (absent from servers before applications: Tessera's own API). */
  application?: { id: string; slug: string; name: string };
  /** The quota refills at each UTC boundary; null = never. */
  quotaRefill?: QuotaRefill | null;
  quotaResetsAt?: string | null;
  /** IPs and CIDR ranges the token may be used from; empty = anywhere. */
  allowedIps: string[];
  /** Active and expiring within the server's EXPIRY_NOTICE_DAYS. */
  expiringSoon?: boolean;
  requestCount: number;
  quotaUsed: number;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  /** When the secret was last replaced (rotate or regenerate). */
  rotatedAt: string | null;
  /** Until when the secret replaced by the last rotation keeps working (past once over). */
  graceUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Create and regenerate answer with the plaintext secret, exactly once. */
export interface ApiTokenWithSecret extends ApiToken {
  token: string;
}

export interface UsageSummary {
  totalRequests: number;
  successCount: number;
  failureCount: number;
  /** 0..1 */
  successRate: number;
  totalCost: number;
  last7DaysRequests: number;
  last30DaysRequests: number;
}

/** A secret replaced by rotation, and whether anyone still uses it after its grace period. */
export interface RetiredSecret {
  tokenPreview: string;
  retiredAt: string;
  graceUntil: string;
  reuseCount: number;
  lastReusedAt: string | null;
  lastReusedIp: string | null;
}

export interface ApiTokenDetail extends ApiToken {
  usageSummary: UsageSummary;
  retiredSecrets: RetiredSecret[];
  /** "Last used from": the 5 most recent distinct client IPs, newest first. */
  recentIps?: { ip: string; lastUsedAt: string }[];
}

export interface Page<T> {
  data: T[];
  /** Token lists only: active tokens expiring soon, over all pages. */
  expiringSoonCount?: number;
  total: number;
  page: number;
  limit: number;
  totalPages: number;
}

export type SortOrder = 'asc' | 'desc';

export interface QuotaRefill {
  amount: number;
  interval: QuotaRefillInterval;
}

/** `GET /api/applications`: what a token can be minted for, descriptions in the asked language. */
export interface Application {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  scopes: { scope: string; description: string; implies: string[] }[];
}

export interface CatalogueScope {
  scope: string;
  description: string;
  descriptionZh?: string | null;
  implies?: string[];
}

/** An application as admins edit it. */
export interface AdminApplication {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  scopes: CatalogueScope[];
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationBody {
  name: string;
  slug?: string;
  description?: string | null;
  scopes: CatalogueScope[];
}

export interface ServiceKey {
  id: string;
  applicationId: string;
  name: string;
  keyPreview: string;
  state: 'active' | 'revoked';
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface ServiceKeyWithSecret extends ServiceKey {
  key: string;
}

export interface TokenListQuery {
  applicationId?: string;
  page: number;
  limit: number;
  search?: string;
  status?: TokenState;
  sort?: TokenSortField;
  order?: SortOrder;
}

export interface TokenStats {
  days: number;
  periodStart: string;
  periodEnd: string;
  totalTokens: number;
  activeTokens: number;
  expiredTokens: number;
  revokedTokens: number;
  deletedTokens: number;
  totalRequests: number;
  successCount: number;
  failureCount: number;
  /** 0..1 */
  successRate: number;
  totalCost: number;
  quotaUsed: number;
  avgCostPerRequest: number;
}

export interface UsagePoint {
  date: string;
  requests: number;
  successes: number;
  failures: number;
  cost: number;
}

export interface TokenUsageSeries {
  tokenId: string;
  days: number;
  from: string;
  to: string;
  points: UsagePoint[];
}

export interface CreateTokenBody {
  name: string;
  description?: string;
  /** Default: the built-in tessera application. */
  applicationId?: string;
  /** From the application's catalogue. */
  scopes: string[];
  quotaRefill?: QuotaRefill;
  expiresAt?: string;
  requestLimit?: number;
  quotaLimit?: number;
  rateLimit?: number;
  allowedIps?: string[];
}

/** `null` clears an optional setting; a missing key leaves it as it is. */
export interface UpdateTokenBody {
  name?: string;
  description?: string | null;
  scopes?: string[];
  quotaRefill?: QuotaRefill | null;
  expiresAt?: string | null;
  requestLimit?: number | null;
  quotaLimit?: number | null;
  rateLimit?: number | null;
  /** Replaces the whole list; `[]` allows every address again. */
  allowedIps?: string[];
}

export interface RegisterBody {
  username: string;
  email: string;
  password: string;
  inviteCode?: string;
}

export interface UpdateProfileBody {
  username?: string;
  email?: string;
  newPassword?: string;
  currentPassword?: string;
}

/** One entry of `GET /users/me/audit-events`. */
export interface AuditEvent {
  id: string;
  type: AuditEventType;
  tokenId: string | null;
  /** The token's current name; null when it no longer exists. */
  tokenName: string | null;
  actorKind: AuditActorKind;
  actorTokenId: string | null;
  actorTokenPreview: string | null;
  ip: string | null;
  createdAt: string;
  details: Record<string, unknown>;
}

export interface AuditEventQuery {
  page: number;
  limit: number;
  tokenId?: string;
}

export type ExpiryNoticeStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';

export interface ExpiryNotice {
  id: string;
  tokenId: string;
  tokenName: string;
  tokenPreview: string;
  expiresAt: string;
  status: ExpiryNoticeStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  createdAt: string;
}

/** `GET /users/me/expiry-webhook` (session only: it holds the signing secret). */
export interface ExpiryWebhook {
  url: string;
  secret: string;
  createdAt: string;
  updatedAt: string;
  recentNotices: ExpiryNotice[];
}

export interface WebhookTestResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface AdminUser {
  id: string;
  username: string;
  email: string;
  role: UserRole;
  status: 'active' | 'disabled';
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  lastActivityAt: string | null;
  tokenCount: number;
  activeTokenCount: number;
}

export interface AdminUserQuery {
  page: number;
  limit: number;
  search?: string;
  role?: UserRole;
  status?: 'active' | 'disabled';
}

export interface AdminToken extends ApiToken {
  owner: { id: string; username: string; email: string };
}

export interface AdminTokenQuery {
  page: number;
  limit: number;
  search?: string;
  state?: TokenState;
  ownerId?: string;
  idleDays?: number;
  expiringWithinDays?: number;
}

export interface BulkRevokeResult {
  revoked: number;
  alreadyRevoked: number;
  data: AdminToken[];
}

export type AdminPolicy = TokenPolicy;
export type { SignupMode, UserRole };

export interface Invite {
  id: string;
  codePreview: string;
  email: string | null;
  state: 'pending' | 'used' | 'expired';
  expiresAt: string;
  usedAt: string | null;
  usedByUserId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface CreatedInvite extends Invite {
  code: string;
  url: string;
}

export interface AdminUsage {
  days: number;
  series: { day: string; requests: number; succeeded: number; failed: number; cost: number }[];
  totals: { day: string; requests: number; succeeded: number; failed: number; cost: number };
  topTokens: { tokenId: string; name: string; tokenPreview: string; owner: { id: string; username: string; email: string }; requests: number }[];
  topUsers: { userId: string; username: string; requests: number }[];
}
