import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * lastUsedAt / lastUsedIp describe the last admitted call. Every kind of refusal (revoked,
 * expired, outside the allowlist, over a limit, missing scope, session-only route) leaves them
 * alone and is noted in lastRefusedAt / lastRefusedCode instead, through the guard and the verify API.
 */
describe('lastUsedAt is the last admitted use; refusals are noted apart', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'lastused');
  });
  afterAll(() => t.close());

  const detail = async (id: string) => {
    await t.flushUsage();
    return (await t.http.get(`/api/users/me/api-tokens/${id}`).set(bearer(user.session)).expect(200)).body;
  };

  /** One admitted call, then the refusal `refuse` makes: the admitted one's time and IP stay. */
  async function expectRefusalKeepsLastUse(token: { id: string; token: string }, refuse: () => Promise<unknown>, code: string, admit?: () => Promise<unknown>) {
    await (admit ?? (() => t.http.get('/api/users/me').set(bearer(token.token)).expect(200)))();
    const used = await detail(token.id);
    expect(used.lastUsedAt).not.toBeNull();
    await pause(20);
    await refuse();
    const after = await detail(token.id);
    expect(after.lastUsedAt, code).toBe(used.lastUsedAt);
    expect(after.lastUsedIp, code).toBe(used.lastUsedIp);
    expect(after.requestCount).toBe(used.requestCount);
    expect(after.lastRefusedCode).toBe(code);
    expect(new Date(after.lastRefusedAt).getTime()).toBeGreaterThan(new Date(used.lastUsedAt).getTime());
    return after;
  }

  it('a new token has neither', async () => {
    const fresh = await mint(t, user.session);
    expect(fresh.body).toMatchObject({ lastUsedAt: null, lastUsedIp: null, lastRefusedAt: null, lastRefusedCode: null });
  });

  it('revoked', async () => {
    const token = await mint(t, user.session);
    await expectRefusalKeepsLastUse(token, async () => {
      await t.http.post(`/api/users/me/api-tokens/${token.id}/revoke`).set(bearer(user.session)).expect(200);
      await t.http.get('/api/users/me').set(bearer(token.token)).expect(401);
    }, 'TOKEN_REVOKED');
  });

  it('expired', async () => {
    const token = await mint(t, user.session, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await expectRefusalKeepsLastUse(token, async () => {
      await pause(1600);
      await t.http.get('/api/users/me').set(bearer(token.token)).expect(401);
    }, 'TOKEN_EXPIRED');
  });

  it('outside the IP allowlist (verify API, naming the client)', async () => {
    const token = await mint(t, user.session, { allowedIps: ['203.0.113.0/24'] });
    const verify = (ip: string) => t.http.post('/api/v1/tokens/verify').send({ token: token.token, ip }).expect(200);
    const after = await expectRefusalKeepsLastUse(token, () => verify('198.51.100.1'), 'IP_NOT_ALLOWED', () => verify('203.0.113.5'));
    expect(after.lastUsedIp).toBe('203.0.113.5');
  });

  it('over its request limit', async () => {
    const token = await mint(t, user.session, { requestLimit: 1 });
    await expectRefusalKeepsLastUse(token, () => t.http.get('/api/users/me').set(bearer(token.token)).expect(429), 'REQUEST_LIMIT_EXCEEDED');
  });

  it('over its rate limit', async () => {
    const token = await mint(t, user.session, { rateLimit: 1 });
    await expectRefusalKeepsLastUse(token, () => t.http.get('/api/users/me').set(bearer(token.token)).expect(429), 'RATE_LIMITED');
  });

  it('missing scope, and a session-only route', async () => {
    const token = await mint(t, user.session, { scopes: ['account:read'] });
    await expectRefusalKeepsLastUse(token, () => t.http.get('/api/users/me/api-tokens').set(bearer(token.token)).expect(403), 'INSUFFICIENT_SCOPE');
    await expectRefusalKeepsLastUse(token, () => t.http.post('/api/users/me/api-tokens').set(bearer(token.token)).send({ name: 'x', scopes: [] }).expect(403), 'SESSION_REQUIRED');
  });

  it('an admitted call after a refusal moves lastUsedAt and keeps the refusal noted', async () => {
    const token = await mint(t, user.session, { scopes: ['account:read'] });
    await t.http.get('/api/users/me/api-tokens').set(bearer(token.token)).expect(403);
    const refused = await detail(token.id);
    expect(refused).toMatchObject({ lastUsedAt: null, lastUsedIp: null, lastRefusedCode: 'INSUFFICIENT_SCOPE' });
    await t.http.get('/api/users/me').set(bearer(token.token)).expect(200);
    const used = await detail(token.id);
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastRefusedAt).toBe(refused.lastRefusedAt);
    // The recent-IP list is about admitted use as well.
    expect((await t.http.get(`/api/users/me/api-tokens/${token.id}`).set(bearer(user.session))).body.recentIps).toHaveLength(1);
  });
});
