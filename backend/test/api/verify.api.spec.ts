import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESSERA_APPLICATION_ID } from '../../src/contract';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { burst, call, listen, statusCounts } from '../support/http-burst';
import { startTestApp, type TestApp } from '../support/test-app';

/** POST /api/v1/tokens/verify: what another service holding a token asks. */
describe('verify API', () => {
  let t: TestApp;
  let base: string;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    user = await signUp(t, 'verify');
  });
  afterAll(() => t.close());

  const verify = (body: unknown) => call(`${base}/api/v1/tokens/verify`, { body });

  it('answers a valid token with its identity, scopes, expiry and what is left, without any Authorization header', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { id, token } = await mint(t, user.session, { scopes: ['account:read', 'usage:write'], expiresAt, requestLimit: 10, quotaLimit: 50, rateLimit: 20 });
    const answer = await verify({ token, scopes: ['usage:read'], cost: 5 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      valid: true,
      code: 'VALID',
      tokenId: id,
      userId: user.id,
      scopes: ['account:read', 'usage:write'],
      expiresAt,
      remaining: { requests: 9, quota: 45 },
      rateLimit: { limit: 20, remaining: 19, reset: expect.any(String) },
      application: { id: TESSERA_APPLICATION_ID, slug: 'tessera' },
      owner: { id: user.id, username: user.username },
      name: 'test token',
      quotaResetsAt: null,
    });
    const reset = Date.parse((answer.body.rateLimit as { reset: string }).reset);
    expect(reset).toBeGreaterThan(Date.now() + 55_000);
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('19');
  });

  it('reports null limits for a token without limits', async () => {
    const { token } = await mint(t, user.session);
    const answer = await verify({ token });
    expect(answer.body).toMatchObject({ valid: true, code: 'VALID', expiresAt: null, remaining: { requests: null, quota: null }, rateLimit: null });
  });

  it('answers 200 valid:false with the guard\'s code for every reason a token is refused', async () => {
    const invalid = await verify({ token: 'tsr_not-a-real-token' });
    expect(invalid.status).toBe(200);
    expect(invalid.body).toMatchObject({ valid: false, code: 'TOKEN_INVALID', tokenId: null, userId: null, scopes: [] });
    const unknown = await mint(t, user.session);
    const forged = unknown.token.slice(0, 4) + (unknown.token[4] === 'A' ? 'B' : 'A') + unknown.token.slice(5);
    expect((await verify({ token: forged })).body.code).toBe('TOKEN_INVALID');
    expect((await verify({ token: 'ghp_somebody_elses_token' })).body.code).toBe('TOKEN_INVALID');

    const revoked = await mint(t, user.session);
    await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set(bearer(user.session)).expect(200);
    expect((await verify({ token: revoked.token })).body).toMatchObject({ valid: false, code: 'TOKEN_REVOKED', tokenId: revoked.id });

    const deleted = await mint(t, user.session);
    await t.http.delete(`/api/users/me/api-tokens/${deleted.id}`).set(bearer(user.session)).expect(200);
    expect((await verify({ token: deleted.token })).body).toMatchObject({ valid: false, code: 'TOKEN_DELETED' });

    const scoped = await mint(t, user.session, { scopes: ['account:write'] });
    expect((await verify({ token: scoped.token, scopes: ['account:read'] })).body.code).toBe('VALID');
    expect((await verify({ token: scoped.token, scopes: ['account:read', 'tokens:read'] })).body).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });

    const once = await mint(t, user.session, { requestLimit: 1 });
    expect((await verify({ token: once.token })).body.code).toBe('VALID');
    expect((await verify({ token: once.token })).body).toMatchObject({ valid: false, code: 'REQUEST_LIMIT_EXCEEDED', remaining: { requests: 0 } });

    const cheap = await mint(t, user.session, { quotaLimit: 10 });
    expect((await verify({ token: cheap.token, cost: 11 })).body).toMatchObject({ valid: false, code: 'QUOTA_EXCEEDED', remaining: { quota: 10 } });

    const slow = await mint(t, user.session, { rateLimit: 1 });
    expect((await verify({ token: slow.token })).body.code).toBe('VALID');
    const limited = await verify({ token: slow.token });
    expect(limited.body).toMatchObject({ valid: false, code: 'RATE_LIMITED', rateLimit: { limit: 1, remaining: 0 } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    const brief = await mint(t, user.session, { expiresAt: new Date(Date.now() + 1_000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await verify({ token: brief.token })).body).toMatchObject({ valid: false, code: 'TOKEN_EXPIRED', tokenId: brief.id });
  });

  it('charges cost for a valid call and nothing for an invalid one', async () => {
    const { id, token } = await mint(t, user.session, { scopes: ['account:read'], quotaLimit: 10 });
    expect((await verify({ token, cost: 4 })).body).toMatchObject({ valid: true, remaining: { quota: 6 } });
    expect((await verify({ token, cost: 4, scopes: ['tokens:write'] })).body).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });
    expect((await verify({ token, cost: 7 })).body).toMatchObject({ valid: false, code: 'QUOTA_EXCEEDED' });
    expect((await verify({ token, cost: 0 })).body).toMatchObject({ valid: true, remaining: { quota: 6 } });
    expect((await verify({ token })).body).toMatchObject({ valid: true, remaining: { quota: 5 } });

    await t.flushUsage();
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect({ requestCount: Number(row.requestCount), quotaUsed: Number(row.quotaUsed) }).toEqual({ requestCount: 3, quotaUsed: 5 });
    const [day] = await t.prisma.apiTokenUsageDaily.findMany({ where: { tokenId: id } });
    expect({ requests: day.requests, successes: day.successes, failures: day.failures, cost: Number(day.cost) }).toEqual({ requests: 5, successes: 3, failures: 2, cost: 5 });
  });

  it('admits exactly the calls the quota pays for under 400 concurrent verifies', async () => {
    const { token } = await mint(t, user.session, { quotaLimit: 300 });
    const results = await burst(400, () => verify({ token, cost: 3 }));
    expect(statusCounts(results)).toEqual({ 200: 400 });
    expect(results.filter((result) => result.body.valid === true)).toHaveLength(100);
    expect(results.filter((result) => result.body.code === 'QUOTA_EXCEEDED')).toHaveLength(300);
  });

  it('answers a malformed body with 400 naming the field', async () => {
    const { token } = await mint(t, user.session);
    const cases: [unknown, string][] = [
      [{}, 'token'],
      [{ token: 42 }, 'token'],
      [{ token, scopes: ['account:admin'] }, 'scopes'],
      [{ token, scopes: 'account:read' }, 'scopes'],
      [{ token, cost: -1 }, 'cost'],
      [{ token, cost: 1.5 }, 'cost'],
      [{ token, cost: 10_000_001 }, 'cost'],
      [{ token, cost: '3' }, 'cost'],
      [{ token, admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const answer = await verify(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect((answer.body.details as { field: string }[]).map((detail) => detail.field.split('.')[0])).toContain(field);
    }
    const broken = await t.http.post('/api/v1/tokens/verify').set('Content-Type', 'application/json').send('{"token": ').expect(400);
    expect(broken.body.code).toBe('MALFORMED_JSON');
  });

  it('is listed in the OpenAPI document', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(document.paths['/api/v1/tokens/verify'].post).toBeDefined();
  });
});
