/** Plain `fetch` calls to the real API: seeding data and using tokens the way a script would. */

export interface Account {
  username: string;
  email: string;
  password: string;
}

export interface SeededToken {
  id: string;
  name: string;
  description: string | null;
  token: string;
}

let counter = 0;

/** A unique account per call: every test works in its own account on the shared server. */
export function newAccount(prefix: string): Account {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${counter}`;
  return { username: `${prefix}_${suffix}`, email: `${prefix}.${suffix}@example.com`, password: 'correct horse battery staple' };
}

async function call<T>(origin: string, method: string, path: string, bearer?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/api${path}`, {
    method,
    headers: {
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function registerAndLogin(origin: string, account: Account): Promise<{ session: string; userId: string }> {
  await call(origin, 'POST', '/auth/register', undefined, account);
  const login = await call<{ access_token: string; user: { id: string } }>(origin, 'POST', '/auth/login', undefined, {
    email: account.email,
    password: account.password,
  });
  return { session: login.access_token, userId: login.user.id };
}

export async function createToken(origin: string, session: string, body: Record<string, unknown>): Promise<SeededToken> {
  return call<SeededToken>(origin, 'POST', '/users/me/api-tokens', session, body);
}

/** An admin's: registers an application with one scope and creates a service key of it (the key shown once). */
export async function createServiceKey(origin: string, adminSession: string, application: { name: string; slug: string }, keyName: string): Promise<{ applicationId: string; id: string; key: string }> {
  const app = await call<{ id: string }>(origin, 'POST', '/admin/applications', adminSession, { ...application, scopes: [{ scope: 'deploy:read', description: 'List deployments' }] });
  const key = await call<{ id: string; key: string }>(origin, 'POST', `/admin/applications/${app.id}/service-keys`, adminSession, { name: keyName });
  return { applicationId: app.id, id: key.id, key: key.key };
}

export async function revokeToken(origin: string, session: string, id: string): Promise<void> {
  await call(origin, 'POST', `/users/me/api-tokens/${id}/revoke`, session);
}

/** The owner's tokens that are not deleted, first page (name and status, the fields the tests look at). */
export async function listTokens(origin: string, session: string): Promise<{ id: string; name: string; status: string }[]> {
  return (await call<{ data: { id: string; name: string; status: string }[] }>(origin, 'GET', '/users/me/api-tokens', session)).data;
}

/** One request with a personal access token, as a script would send it; returns the status and body. */
export async function callWithToken<Body extends object = { code?: string; username?: string }>(
  origin: string,
  token: string,
  path: string,
  init: { method?: 'GET' | 'POST' } = {},
): Promise<{ status: number; body: Body & { code?: string } }> {
  const response = await fetch(`${origin}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as Body & { code?: string } };
}

/** What `GET /users/me/api-tokens/self` tells a token about itself (the fields the tests look at). */
export interface SelfToken {
  id: string;
  tokenPreview: string;
  graceUntil: string | null;
  usingRetiredSecret: boolean;
}

/** The preview the server shows for a secret: `tsr_` + first 4 + `…` + last 4 of the rest. */
export function previewOf(token: string): string {
  const body = token.slice('tsr_'.length);
  return `tsr_${body.slice(0, 4)}…${body.slice(-4)}`;
}

/** A service verifying the token and charging `cost` units to it (POST /v1/tokens/verify). */
export async function verifyToken(origin: string, token: string, cost: number): Promise<number> {
  const response = await fetch(`${origin}/api/v1/tokens/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, cost }),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/** What `GET /users/me/expiry-webhook` answers (session only; the fields the tests look at). */
export interface ExpiryWebhookView {
  url: string;
  secret: string;
  recentNotices: { tokenId: string; status: string; attempts: number }[];
}

export async function getExpiryWebhook(origin: string, session: string): Promise<ExpiryWebhookView> {
  return call<ExpiryWebhookView>(origin, 'GET', '/users/me/expiry-webhook', session);
}

export async function setExpiryWebhook(origin: string, session: string, url: string): Promise<ExpiryWebhookView> {
  return call<ExpiryWebhookView>(origin, 'PUT', '/users/me/expiry-webhook', session, { url });
}
