import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { burst, call, codesOf, listen, statusCounts } from '../support/http-burst';
import { startTestApp, type TestApp } from '../support/test-app';

/** Limits on one instance (in-process limiter): exact under concurrency, headers, edits, restarts. */
describe('token limits on one instance', () => {
  let t: TestApp;
  let base: string;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    user = await signUp(t, 'limits');
  });
  afterAll(() => t.close());

  const me = (token: string) => call(`${base}/api/users/me`, { token });

  it('lets exactly 100 of 400 concurrent calls through a requestLimit of 100, and PostgreSQL gets the same totals', async () => {
    const { id, token } = await mint(t, user.session, { requestLimit: 100 });
    const results = await burst(400, () => me(token));
    expect(statusCounts(results)).toEqual({ 200: 100, 429: 300 });
    expect(codesOf(results)).toEqual(new Set(['REQUEST_LIMIT_EXCEEDED']));

    await t.flushUsage();
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(Number(row.requestCount)).toBe(100);
    expect(Number(row.quotaUsed)).toBe(100);
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedIp).toMatch(/127\.0\.0\.1/);
    const [day] = await t.prisma.apiTokenUsageDaily.findMany({ where: { tokenId: id } });
    expect({ requests: day.requests, successes: day.successes, failures: day.failures, cost: Number(day.cost) }).toEqual({
      requests: 400, successes: 100, failures: 300, cost: 100,
    });
  });

  it('lets exactly 100 of 400 concurrent calls through a quotaLimit of 100 (cost 1 per route call)', async () => {
    const { token } = await mint(t, user.session, { quotaLimit: 100 });
    const results = await burst(400, () => me(token));
    expect(statusCounts(results)).toEqual({ 200: 100, 429: 300 });
    expect(codesOf(results)).toEqual(new Set(['QUOTA_EXCEEDED']));
    const refused = results.find((result) => result.status === 429)!;
    expect(refused.headers.get('x-quota-limit')).toBe('100');
    expect(refused.headers.get('x-quota-remaining')).toBe('0');
  });

  it('lets exactly 100 of 400 concurrent calls through a rateLimit of 100/min, with Retry-After and X-RateLimit-*', async () => {
    const { token } = await mint(t, user.session, { rateLimit: 100 });
    const started = Math.floor(Date.now() / 1000);
    const results = await burst(400, () => me(token));
    // The window opens with the first admitted call, somewhere inside the burst: bound the
    // expectations by how long the burst took, not by a fixed allowance (a loaded CI is slow).
    const finished = Math.ceil(Date.now() / 1000);
    expect(statusCounts(results)).toEqual({ 200: 100, 429: 300 });
    expect(codesOf(results)).toEqual(new Set(['RATE_LIMITED']));

    const refused = results.find((result) => result.status === 429)!;
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(60 - (finished - started) - 1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('100');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(refused.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(started + 59);
    expect(reset).toBeLessThanOrEqual(finished + 61);

    const remaining = results
      .filter((result) => result.status === 200)
      .map((result) => Number(result.headers.get('x-ratelimit-remaining')))
      .sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 100 }, (_unused, index) => index));
  });

  it('sends limit headers only for the limits a token has', async () => {
    const unlimited = await mint(t, user.session);
    const plain = await me(unlimited.token);
    expect(plain.status).toBe(200);
    for (const name of ['x-ratelimit-limit', 'x-requestlimit-limit', 'x-quota-limit', 'retry-after']) expect(plain.headers.get(name)).toBeNull();

    const limited = await mint(t, user.session, { requestLimit: 10, quotaLimit: 20, rateLimit: 30 });
    const first = await me(limited.token);
    expect(Object.fromEntries([...first.headers].filter(([name]) => /^x-(ratelimit|requestlimit|quota)-/.test(name)))).toEqual({
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
      'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
      'x-requestlimit-limit': '10',
      'x-requestlimit-remaining': '9',
      'x-quota-limit': '20',
      'x-quota-remaining': '19',
    });
  });

  it('does not count a call refused for its scope against the limits', async () => {
    const { token } = await mint(t, user.session, { requestLimit: 1 });
    const refused = await call(`${base}/api/users/me/api-tokens`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).body.code).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it('applies an edited limit on the next call, raised or lowered', async () => {
    const { id, token } = await mint(t, user.session, { requestLimit: 2 });
    const edit = (body: object) => t.http.patch(`/api/users/me/api-tokens/${id}`).set(bearer(user.session)).send(body).expect(200);
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).body.code).toBe('REQUEST_LIMIT_EXCEEDED');

    await edit({ requestLimit: 3 });
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).body.code).toBe('REQUEST_LIMIT_EXCEEDED');

    await edit({ requestLimit: null, rateLimit: 1 });
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).body.code).toBe('RATE_LIMITED');

    await edit({ rateLimit: null });
    expect((await me(token)).status).toBe(200);
  });

  it('stops a cached token on the next call after revoke, delete or regenerate, and brings it back on restore', async () => {
    const deleted = await mint(t, user.session);
    expect((await me(deleted.token)).status).toBe(200);
    await t.http.delete(`/api/users/me/api-tokens/${deleted.id}`).set(bearer(user.session)).expect(200);
    expect((await me(deleted.token)).body.code).toBe('TOKEN_DELETED');
    await t.http.post(`/api/users/me/api-tokens/${deleted.id}/restore`).set(bearer(user.session)).expect(200);
    expect((await me(deleted.token)).status).toBe(200);

    const revoked = await mint(t, user.session);
    expect((await me(revoked.token)).status).toBe(200);
    await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set(bearer(user.session)).expect(200);
    expect((await me(revoked.token)).body.code).toBe('TOKEN_REVOKED');

    const rotated = await mint(t, user.session);
    expect((await me(rotated.token)).status).toBe(200);
    const fresh = await t.http.post(`/api/users/me/api-tokens/${rotated.id}/regenerate`).set(bearer(user.session)).expect(200);
    expect((await me(rotated.token)).body.code).toBe('TOKEN_ROTATED');
    expect((await me(fresh.body.token)).status).toBe(200);

    const narrowed = await mint(t, user.session, { scopes: ['account:read', 'tokens:read'] });
    expect((await call(`${base}/api/users/me/api-tokens`, { token: narrowed.token })).status).toBe(200);
    await t.http.patch(`/api/users/me/api-tokens/${narrowed.id}`).set(bearer(user.session)).send({ scopes: ['account:read'] }).expect(200);
    expect((await call(`${base}/api/users/me/api-tokens`, { token: narrowed.token })).body.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('checks expiry on every call, also for a cached token', async () => {
    const { token } = await mint(t, user.session, { expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect((await me(token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });

  it('keeps counting from PostgreSQL after a restart: usage is not reset', async () => {
    const { id, token } = await mint(t, user.session, { requestLimit: 3 });
    const first = await startTestApp();
    const firstBase = await listen(first);
    for (let index = 0; index < 3; index += 1) expect((await call(`${firstBase}/api/users/me`, { token })).status).toBe(200);
    await first.close(); // graceful stop: the recorder flushes its batch

    expect(Number((await t.prisma.apiToken.findUniqueOrThrow({ where: { id } })).requestCount)).toBe(3);
    const second = await startTestApp();
    try {
      const refused = await call(`${await listen(second)}/api/users/me`, { token });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('REQUEST_LIMIT_EXCEEDED');
    } finally {
      await second.close();
    }
  });
});
