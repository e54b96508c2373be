import { TESSERA_APPLICATION_ID } from '@tessera/backend/contract';
import type { AdminApplication, ApiToken, Page, TokenStats, User } from '../api/types';

export const aUser: User = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'ada',
  email: 'ada@example.com',
  role: 'member',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

let nextId = 1;

export function aToken(overrides: Partial<ApiToken> = {}): ApiToken {
  const id = `10000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
  return {
    application: { id: TESSERA_APPLICATION_ID, slug: 'tessera', name: 'Tessera API' },
    id,
    name: 'CI deploy',
    description: null,
    tokenPreview: 'tsr_Ab12…x9Yz',
    scopes: ['tokens:read'],
    status: 'ACTIVE',
    state: 'active',
    expiresAt: null,
    revokedAt: null,
    revokedBy: null,
    leak: null,
    deletedAt: null,
    requestLimit: null,
    quotaLimit: null,
    rateLimit: null,
    quotaRefill: null,
    quotaResetsAt: null,
    allowedIps: [],
    requestCount: 0,
    quotaUsed: 0,
    lastUsedAt: null,
    lastUsedIp: null,
    lastRefusedAt: null,
    lastRefusedCode: null,
    rotatedAt: null,
    graceUntil: null,
    expiringSoon: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aPage(data: ApiToken[], overrides: Partial<Page<ApiToken>> = {}): Page<ApiToken> {
  return { data, total: data.length, page: 1, limit: 10, totalPages: 1, ...overrides };
}

export const someStats: TokenStats = {
  days: 30,
  periodStart: '2025-01-01T00:00:00.000Z',
  periodEnd: '2025-01-31T00:00:00.000Z',
  totalTokens: 4,
  activeTokens: 2,
  expiredTokens: 1,
  revokedTokens: 1,
  deletedTokens: 0,
  totalRequests: 120,
  successCount: 114,
  failureCount: 6,
  successRate: 0.95,
  totalCost: 130,
  quotaUsed: 130,
  avgCostPerRequest: 1.08,
};

export function anErrorBody(status: number, code: string, details?: { field: string; constraint: string; message: string }[]) {
  return { statusCode: status, error: 'Error', code, message: `server says ${code}`, ...(details ? { details } : {}) };
}

export const anAdmin: User = { ...aUser, role: 'admin' };

/** The built-in application, as the admin catalogue lists it. */
export const tesseraApplication: AdminApplication = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'tessera',
  name: 'Tessera API',
  description: null,
  builtIn: true,
  scopes: [{ scope: 'account:read', description: 'Read your profile', descriptionZh: null, implies: [] }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** An application of the install's own, with one scope. */
export const deployApplication: AdminApplication = {
  ...tesseraApplication,
  id: '20000000-0000-4000-8000-000000000001',
  slug: 'deploy-api',
  name: 'Deploy API',
  builtIn: false,
  scopes: [{ scope: 'deploy:read', description: 'List', descriptionZh: null, implies: [] }],
};
