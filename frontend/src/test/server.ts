import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The server's default policy (`GET /api/policy`), answered unless a test says otherwise. */
export const DEFAULT_TEST_POLICY = { maxTokenLifetimeDays: 365, allowNoExpiry: true, expiryNoticeDays: 7, maxTokensPerUser: 100, idleRevokeDays: null, signupMode: 'open', openVerifyForTesseraTokens: true };

/** `GET /api/applications` of a new install: only Tessera's own API. */
export const TESSERA_TEST_APPLICATION = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'tessera',
  name: 'Tessera API',
  description: null,
  builtIn: true,
  scopes: [
    { scope: 'account:read', description: 'Read your profile', implies: [] },
    { scope: 'account:write', description: 'Change your profile', implies: ['account:read'] },
  ],
};

/** One HTTP mock for the whole unit suite; each test adds the answers it needs with `server.use`. */
export const server = setupServer(
  http.get('/api/policy', () => HttpResponse.json(DEFAULT_TEST_POLICY)),
  http.get('/api/applications', () => HttpResponse.json([TESSERA_TEST_APPLICATION])),
  // No expiry webhook set, as for a new account.
  http.get('/api/users/me/expiry-webhook', () =>
    HttpResponse.json({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Expiry webhook not found' }, { status: 404 }),
  ),
  // No leaked tokens, as for a new account (the credentials page's banner asks).
  http.get('/api/users/me/token-leaks', () => HttpResponse.json([])),
  http.get('/api/admin/service-key-leaks', () => HttpResponse.json([])),
);
