import type {
  ApiToken,
  AuditEvent,
  AuditEventQuery,
  ApiTokenDetail,
  ApiTokenWithSecret,
  CreateTokenBody,
  ExpiryWebhook,
  LoginResponse,
  Page,
  RegisterBody,
  TokenListQuery,
  TokenPolicy,
  TokenStats,
  TokenUsageSeries,
  UpdateProfileBody,
  UndismissedLeak,
  UpdateTokenBody,
  User,
  WebhookTestResult,
  AdminPolicy,
  AdminToken,
  AdminTokenQuery,
  AdminUsage,
  AdminUser,
  AdminUserQuery,
  BulkRevokeResult,
  CreatedInvite,
  Invite,
  AdminApplication,
  Application,
  ApplicationBody,
  ServiceKey,
  ServiceKeyWithSecret,
  UndismissedServiceKeyLeak,
} from './types';
import { apiRequest } from './client';

const TOKENS = '/users/me/api-tokens';
const EXPIRY_WEBHOOK = '/users/me/expiry-webhook';

/** Every endpoint the panel calls, typed once. */
export const tesseraApi = {
  login: (email: string, password: string) =>
    apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { email, password }, anonymous: true }),
  register: (body: RegisterBody) => apiRequest<User>('/auth/register', { method: 'POST', body, anonymous: true }),

  getPolicy: () => apiRequest<TokenPolicy>('/policy', { anonymous: true }),
  getMe: () => apiRequest<User>('/users/me'),
  updateMe: (body: UpdateProfileBody) => apiRequest<User>('/users/me', { method: 'PATCH', body }),

  listTokens: (query: TokenListQuery) => apiRequest<Page<ApiToken>>(TOKENS, { query: { ...query } }),
  getTokenStats: (days: number) => apiRequest<TokenStats>(`${TOKENS}/stats`, { query: { days } }),
  getToken: (id: string) => apiRequest<ApiTokenDetail>(`${TOKENS}/${encodeURIComponent(id)}`),
  getTokenUsage: (id: string, days: number) =>
    apiRequest<TokenUsageSeries>(`${TOKENS}/${encodeURIComponent(id)}/usage`, { query: { days } }),
  createToken: (body: CreateTokenBody) => apiRequest<ApiTokenWithSecret>(TOKENS, { method: 'POST', body }),
  updateToken: (id: string, body: UpdateTokenBody) =>
    apiRequest<ApiToken>(`${TOKENS}/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  revokeToken: (id: string) => apiRequest<ApiToken>(`${TOKENS}/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
  /** `expiresAt` absent: the expiry stays; a date or null (no expiry) replaces it with the secret. */
  rotateToken: (id: string, gracePeriodSeconds: number, expiresAt?: string | null) =>
    apiRequest<ApiTokenWithSecret>(`${TOKENS}/${encodeURIComponent(id)}/rotate`, {
      method: 'POST',
      body: expiresAt === undefined ? { gracePeriodSeconds } : { gracePeriodSeconds, expiresAt },
    }),
  regenerateToken: (id: string, expiresAt?: string | null) =>
    apiRequest<ApiTokenWithSecret>(`${TOKENS}/${encodeURIComponent(id)}/regenerate`, {
      method: 'POST',
      ...(expiresAt === undefined ? {} : { body: { expiresAt } }),
    }),
  deleteToken: (id: string) => apiRequest<ApiToken>(`${TOKENS}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  listAuditEvents: (query: AuditEventQuery) => apiRequest<Page<AuditEvent>>('/users/me/audit-events', { query: { ...query } }),

  /** 404 NOT_FOUND when no webhook is set. */
  getExpiryWebhook: () => apiRequest<ExpiryWebhook>(EXPIRY_WEBHOOK),
  saveExpiryWebhook: (url: string) => apiRequest<ExpiryWebhook>(EXPIRY_WEBHOOK, { method: 'PUT', body: { url } }),
  rotateExpiryWebhookSecret: () => apiRequest<ExpiryWebhook>(`${EXPIRY_WEBHOOK}/secret`, { method: 'POST' }),
  testExpiryWebhook: () => apiRequest<WebhookTestResult>(`${EXPIRY_WEBHOOK}/test`, { method: 'POST' }),
  deleteExpiryWebhook: () => apiRequest<null>(EXPIRY_WEBHOOK, { method: 'DELETE' }),
  listTokenLeaks: () => apiRequest<UndismissedLeak[]>('/users/me/token-leaks'),
  dismissTokenLeak: (id: string) => apiRequest<null>(`${TOKENS}/${encodeURIComponent(id)}/leak/dismiss`, { method: 'POST' }),
  admin: {
    listServiceKeyLeaks: () => apiRequest<UndismissedServiceKeyLeak[]>('/admin/service-key-leaks'),
    dismissServiceKeyLeak: (keyId: string) => apiRequest<null>(`/admin/service-key-leaks/${encodeURIComponent(keyId)}/dismiss`, { method: 'POST' }),
    listUsers: (query: AdminUserQuery) => apiRequest<Page<AdminUser>>('/admin/users', { query: { ...query } }),
    updateUser: (id: string, body: { role?: 'admin' | 'member'; disabled?: boolean }) =>
      apiRequest<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    listTokens: (query: AdminTokenQuery) => apiRequest<Page<AdminToken>>('/admin/api-tokens', { query: { ...query } }),
    revokeTokens: (ids: string[]) => apiRequest<BulkRevokeResult>('/admin/api-tokens/revoke', { method: 'POST', body: { ids } }),
    getPolicy: () => apiRequest<AdminPolicy>('/admin/policy'),
    putPolicy: (body: AdminPolicy) => apiRequest<AdminPolicy>('/admin/policy', { method: 'PUT', body }),
    listInvites: (page: number) => apiRequest<Page<Invite>>('/admin/invites', { query: { page, limit: 20 } }),
    createInvite: (body: { email?: string; expiresInDays: number }) => apiRequest<CreatedInvite>('/admin/invites', { method: 'POST', body }),
    deleteInvite: (id: string) => apiRequest<Invite>(`/admin/invites/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    getUsage: (days: number) => apiRequest<AdminUsage>('/admin/usage', { query: { days } }),
  },
  /** The applications a token can be minted for, scope descriptions in `language`. */
  listApplications: (language: string) => apiRequest<Application[]>('/applications', { headers: { 'Accept-Language': language } }),
  applications: {
    list: () => apiRequest<AdminApplication[]>('/admin/applications'),
    create: (body: ApplicationBody) => apiRequest<AdminApplication>('/admin/applications', { method: 'POST', body }),
    update: (id: string, body: ApplicationBody, force = false) =>
      apiRequest<AdminApplication>(`/admin/applications/${encodeURIComponent(id)}`, { method: 'PATCH', body, query: force ? { force: 'true' } : undefined }),
    remove: (id: string, force = false) =>
      apiRequest<null>(`/admin/applications/${encodeURIComponent(id)}`, { method: 'DELETE', query: force ? { force: 'true' } : undefined }),
    listKeys: (id: string) => apiRequest<ServiceKey[]>(`/admin/applications/${encodeURIComponent(id)}/service-keys`),
    createKey: (id: string, name: string) =>
      apiRequest<ServiceKeyWithSecret>(`/admin/applications/${encodeURIComponent(id)}/service-keys`, { method: 'POST', body: { name } }),
    revokeKey: (id: string, keyId: string) =>
      apiRequest<ServiceKey>(`/admin/applications/${encodeURIComponent(id)}/service-keys/${encodeURIComponent(keyId)}/revoke`, { method: 'POST' }),
  },
  restoreToken: (id: string) => apiRequest<ApiToken>(`${TOKENS}/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
};
