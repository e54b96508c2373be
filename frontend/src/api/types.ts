// Friendly names for the API's types. Every shape here comes from schema.d.ts, which is generated
// from the server's OpenAPI document (see its header); nothing is written by hand, so the panel
// cannot drift from what the server answers.
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type TokenPolicy = Schemas['TokenPolicyView'];
export type User = Schemas['UserView'];
export type LoginResponse = Schemas['LoginResponseView'];
export type ApiToken = Schemas['ApiTokenView'];
/** Create, regenerate and rotate answer with the plaintext secret, exactly once. */
export type ApiTokenWithSecret = Schemas['RevealedApiTokenView'];
export type UsageSummary = Schemas['UsageSummaryView'];
/** A secret replaced by rotation, and whether anyone still uses it after its grace period. */
export type RetiredSecret = Schemas['RetiredSecretView'];
export type ApiTokenDetail = Schemas['ApiTokenDetailView'];
/** Where and when a token was found in public (set when `revokedBy` is `leaked`). */
export type TokenLeak = Schemas['TokenLeakView'];
/** `GET /users/me/token-leaks`: leaked tokens whose banner is not dismissed. */
export type UndismissedLeak = Schemas['UndismissedLeakView'];
export type UndismissedServiceKeyLeak = Schemas['UndismissedServiceKeyLeakView'];

/** A page of any list: the generated page views share this shape. */
export type Page<T> = Omit<Schemas['AuditEventPageView'], 'data'> & { data: T[]; expiringSoonCount?: number };
export type ApiTokenPage = Schemas['ApiTokenPageView'];

type ListTokensQuery = NonNullable<operations['listApiTokens']['parameters']['query']>;
export type SortOrder = NonNullable<ListTokensQuery['order']>;
export type TokenListQuery = ListTokensQuery & { page: number; limit: number };

export type TokenStats = Schemas['TokenStatsView'];
export type UsagePoint = Schemas['UsagePointView'];
export type TokenUsageSeries = Schemas['TokenUsageView'];

export type CreateTokenBody = Schemas['CreateApiTokenDto'];
/** `null` clears an optional setting; a missing key leaves it as it is. */
export type UpdateTokenBody = Schemas['UpdateApiTokenDto'];
export type RegisterBody = Schemas['RegisterDto'];
export type UpdateProfileBody = Schemas['UpdateProfileDto'];

/** One entry of `GET /users/me/audit-events`. */
export type AuditEvent = Schemas['AuditEventView'];
export type AuditEventQuery = NonNullable<operations['listAuditEvents']['parameters']['query']> & { page: number; limit: number };

export type ExpiryNotice = Schemas['ExpiryNoticeView'];
export type ExpiryNoticeStatus = ExpiryNotice['status'];
export type ServiceKeyNotice = Schemas['ServiceKeyNoticeView'];
/** `GET /users/me/expiry-webhook` (session only: it holds the signing secret). */
export type ExpiryWebhook = Schemas['ExpiryWebhookView'];
export type WebhookTestResult = Schemas['WebhookTestResultView'];

// Administration (admin session only).
export type AdminUser = Schemas['AdminUserView'];
export type AdminUserQuery = NonNullable<operations['listAdminUsers']['parameters']['query']> & { page: number; limit: number };
export type AdminToken = Schemas['AdminApiTokenView'];
export type AdminTokenQuery = NonNullable<operations['listAdminApiTokens']['parameters']['query']> & { page: number; limit: number };
export type BulkRevokeResult = Schemas['BulkRevokeView'];
export type AdminPolicy = Schemas['AdminPolicyView'];
export type SignupMode = AdminPolicy['signupMode'];
export type UserRole = AdminUser['role'];
export type Invite = Schemas['InviteView'];
export type CreatedInvite = Schemas['CreatedInviteView'];
export type AdminUsage = Schemas['AdminUsageView'];

// Applications (issue 15): tokens for other services, their scope catalogues and service keys.
/** A token's refilling quota: back to `amount` at each UTC day, week or month. */
export type QuotaRefill = Schemas['QuotaRefillView'];
export type QuotaRefillInterval = QuotaRefill['interval'];
/** `GET /api/applications`: what a token can be minted for, descriptions in the asked language. */
export type Application = Schemas['PublicApplicationView'];
/** One scope of a catalogue as admins edit it. */
export type CatalogueScope = Schemas['CatalogueScopeDto'];
/** An application as admins edit it. */
export type AdminApplication = Schemas['ApplicationView'];
/** The body of create (slug required) and edit (slug absent: it never changes). */
export type ApplicationBody = Omit<Schemas['CreateApplicationDto'], 'slug'> & Partial<Pick<Schemas['CreateApplicationDto'], 'slug'>>;
export type ServiceKey = Schemas['ServiceKeyView'];
/** Create answers with the plaintext service key, exactly once. */
export type ServiceKeyWithSecret = Schemas['RevealedServiceKeyView'];
