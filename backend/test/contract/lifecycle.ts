/**
 * The whole token lifecycle, written as an outside developer would: against the types that
 * `openapi-typescript` generates from the served document (./generated/schema.d.ts, written by
 * contract.api.spec.ts), with `openapi-fetch` and the generator's default settings. The contract
 * test type-checks this file with `tsc --strict` before it runs it, so a document that makes any
 * of these calls impossible to write (a nullable typed as an object, an optional field marked
 * required, a body required where none is needed) fails the build.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema';

type Client = ReturnType<typeof createClient<paths>>;
type Token = components['schemas']['ApiTokenView'];

function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function runLifecycle(client: Client, suffix: string): Promise<string[]> {
  const steps: string[] = [];
  const password = 'correct horse battery staple';
  const email = `contract-${suffix}@example.com`;

  ok(await client.POST('/api/auth/register', { body: { username: `contract_${suffix}`, email, password } }), 'register');
  const login = ok(await client.POST('/api/auth/login', { body: { email, password } }), 'login');
  const auth = { Authorization: `Bearer ${login.access_token}` };
  steps.push('register', 'login');

  // Nullable fields sent as null...
  const plain = ok(
    await client.POST('/api/users/me/api-tokens', {
      headers: auth,
      body: { name: 'nulls', scopes: ['tokens:read'], description: null, expiresAt: null, requestLimit: null, quotaLimit: null, rateLimit: null },
    }),
    'create with nulls',
  );
  // ...and as values.
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const limited = ok(
    await client.POST('/api/users/me/api-tokens', {
      headers: auth,
      body: { name: 'values', scopes: ['account:read', 'usage:read'], description: 'a description', expiresAt, requestLimit: 100, quotaLimit: 1000, rateLimit: 60 },
    }),
    'create with values',
  );
  const secret: string = limited.token;
  steps.push('create');

  const page = ok(await client.GET('/api/users/me/api-tokens', { headers: auth }), 'list');
  const listed: Token[] = page.data;
  if (listed.length !== 2) throw new Error(`list: ${listed.length} tokens`);
  ok(await client.GET('/api/users/me/api-tokens', { headers: auth, params: { query: { status: 'active', search: 'val' } } }), 'list filtered');
  const shown = ok(await client.GET('/api/users/me/api-tokens/{id}', { headers: auth, params: { path: { id: limited.id } } }), 'show');
  const requestLimit: number | null = shown.requestLimit;
  if (requestLimit !== 100) throw new Error('show: requestLimit');
  steps.push('list', 'show');

  ok(await client.PATCH('/api/users/me/api-tokens/{id}', { headers: auth, params: { path: { id: plain.id } }, body: { description: 'edited', rateLimit: null } }), 'edit token');
  ok(await client.PATCH('/api/users/me', { headers: auth, body: { username: `renamed_${suffix}` } }), 'edit username alone');
  steps.push('edit');

  const rotated = ok(await client.POST('/api/users/me/api-tokens/{id}/rotate', { headers: auth, params: { path: { id: limited.id } } }), 'rotate without body');
  if (rotated.token === secret) throw new Error('rotate: same secret');
  steps.push('rotate');

  const verified = ok(await client.POST('/api/v1/tokens/verify', { body: { token: rotated.token, scopes: ['account:read'] } }), 'verify without cost');
  if (!verified.valid || verified.code !== 'VALID') throw new Error(`verify: ${verified.code}`);
  const remaining: number | null = verified.remaining.requests;
  if (remaining === null) throw new Error('verify: remaining.requests');
  const refused = ok(await client.POST('/api/v1/tokens/verify', { body: { token: secret } }), 'verify the rotated-out secret');
  if (refused.valid) throw new Error('verify: old secret still valid');
  steps.push('verify');

  ok(await client.POST('/api/users/me/api-tokens/{id}/revoke', { headers: auth, params: { path: { id: plain.id } } }), 'revoke');
  ok(await client.DELETE('/api/users/me/api-tokens/{id}', { headers: auth, params: { path: { id: plain.id } } }), 'delete');
  const restored = ok(await client.POST('/api/users/me/api-tokens/{id}/restore', { headers: auth, params: { path: { id: plain.id } } }), 'restore');
  if (restored.status !== 'REVOKED') throw new Error('restore: a revoked token came back live');
  steps.push('revoke', 'delete', 'restore');

  const again = await client.POST('/api/users/me/api-tokens/{id}/restore', { headers: auth, params: { path: { id: plain.id } } });
  if (again.error?.code !== 'INVALID_STATE') throw new Error('restore twice: not INVALID_STATE');
  const missing = await client.GET('/api/users/me/api-tokens/{id}', { headers: auth, params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  if (missing.error?.code !== 'NOT_FOUND') throw new Error('show missing: not NOT_FOUND');
  steps.push('errors');

  const stats = ok(await client.GET('/api/users/me/api-tokens/stats', { headers: auth }), 'stats');
  ok(await client.GET('/api/users/me/api-tokens/stats', { headers: auth, params: { query: { days: 7 } } }), 'stats of 7 days');
  const usage = ok(await client.GET('/api/users/me/api-tokens/{id}/usage', { headers: auth, params: { path: { id: limited.id } } }), 'usage');
  if (typeof stats !== 'object' || typeof usage !== 'object') throw new Error('stats/usage');
  steps.push('stats', 'usage');

  ok(await client.GET('/api/health'), 'health');
  ok(await client.GET('/api/policy'), 'policy');
  return steps;
}
