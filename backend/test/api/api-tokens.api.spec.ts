import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('token lifecycle', () => {
  let t: TestApp;
  let user: TestUser;
  const tokens = '/api/users/me/api-tokens';

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '12' });
    user = await signUp(t);
  });
  afterAll(() => t.close());

  const as = (session = user.session) => bearer(session);

  it('mints a token in the tsr_ format and shows its plaintext only in the create answer', async () => {
    const created = await t.http
      .post(tokens)
      .set(as())
      .send({ name: '  CI deploy ', description: 'deploys main', scopes: ['tokens:read', 'account:read', 'tokens:write'], expiresAt: inDays(30), requestLimit: 1000, quotaLimit: 5000, rateLimit: 60 })
      .expect(201);
    expect(created.body.token).toMatch(/^tsr_[0-9A-Za-z]{38}$/);
    expect(created.body).toMatchObject({
      name: 'CI deploy', description: 'deploys main', scopes: ['account:read', 'tokens:write'], status: 'ACTIVE', state: 'active',
      requestLimit: 1000, quotaLimit: 5000, rateLimit: 60, requestCount: 0, quotaUsed: 0, lastUsedAt: null, revokedAt: null, deletedAt: null,
    });
    expect(created.body.tokenPreview).toBe(`tsr_${created.body.token.slice(4, 8)}…${created.body.token.slice(-4)}`);

    const detail = await t.http.get(`${tokens}/${created.body.id}`).set(as()).expect(200);
    const list = await t.http.get(tokens).set(as()).expect(200);
    for (const body of [detail.body, list.body]) {
      expect(JSON.stringify(body)).not.toContain(created.body.token);
      expect(JSON.stringify(body)).not.toMatch(/tokenHash|token_hash/);
    }
    expect(detail.body).not.toHaveProperty('token');
  });

  it('lets the minted token call /users/me and records last use', async () => {
    const minted = await mint(t, user.session, { scopes: ['account:read'] });
    const me = await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200);
    expect(me.body.id).toBe(user.id);
    await t.flushUsage();
    const detail = await t.http.get(`${tokens}/${minted.id}`).set(as()).expect(200);
    expect(detail.body).toMatchObject({ requestCount: 1, quotaUsed: 1, lastUsedIp: expect.stringMatching(/127\.0\.0\.1/) });
    expect(Date.now() - Date.parse(detail.body.lastUsedAt)).toBeLessThan(60_000);
    expect(detail.body.usageSummary).toMatchObject({
      totalRequests: 1, successCount: 1, failureCount: 0, successRate: 1, totalCost: 1, last7DaysRequests: 1, last30DaysRequests: 1,
    });
  });

  describe('validation', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['missing name', { scopes: ['account:read'] }, 'name'],
      ['blank name', { name: '   ', scopes: ['account:read'] }, 'name'],
      ['name too long', { name: 'n'.repeat(101), scopes: ['account:read'] }, 'name'],
      ['name not a string', { name: 42, scopes: ['account:read'] }, 'name'],
      ['description too long', { name: 'x', description: 'd'.repeat(501), scopes: ['account:read'] }, 'description'],
      ['missing scopes', { name: 'x' }, 'scopes'],
      ['empty scopes', { name: 'x', scopes: [] }, 'scopes'],
      ['unknown group', { name: 'x', scopes: ['billing:read'] }, 'scopes'],
      ['unknown level', { name: 'x', scopes: ['tokens:admin'] }, 'scopes'],
      ['scopes not an array', { name: 'x', scopes: 'tokens:read' }, 'scopes'],
      ['expiry not a date', { name: 'x', scopes: ['account:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
      ['expiry in the past', { name: 'x', scopes: ['account:read'], expiresAt: inDays(-1) }, 'expiresAt'],
      ['request limit zero', { name: 'x', scopes: ['account:read'], requestLimit: 0 }, 'requestLimit'],
      ['request limit fractional', { name: 'x', scopes: ['account:read'], requestLimit: 1.5 }, 'requestLimit'],
      ['request limit huge', { name: 'x', scopes: ['account:read'], requestLimit: 1e12 }, 'requestLimit'],
      ['quota negative', { name: 'x', scopes: ['account:read'], quotaLimit: -5 }, 'quotaLimit'],
      ['quota as string', { name: 'x', scopes: ['account:read'], quotaLimit: '10' }, 'quotaLimit'],
      ['rate limit too high', { name: 'x', scopes: ['account:read'], rateLimit: 1_000_001 }, 'rateLimit'],
      ['unknown field', { name: 'x', scopes: ['account:read'], tokenHash: 'abc' }, 'tokenHash'],
    ];

    it.each(cases)('refuses %s with a 400 naming the field and stores nothing', async (_label, body, field) => {
      const before = await t.prisma.apiToken.count({ where: { userId: user.id } });
      const response = await t.http.post(tokens).set(as()).send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      expect(await t.prisma.apiToken.count({ where: { userId: user.id } })).toBe(before);
    });

    it('refuses a bad id in the path with a 400 naming id', async () => {
      const response = await t.http.get(`${tokens}/not-a-uuid`).set(as()).expect(400);
      expect(response.body.details[0].field).toBe('id');
    });

    it('refuses bad list queries with a 400 naming each parameter', async () => {
      const response = await t.http.get(`${tokens}?page=0&limit=101&status=gone&sort=tokenHash&order=up`).set(as()).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['limit', 'order', 'page', 'sort', 'status']);
    });
  });

  describe('list', () => {
    let owner: TestUser;
    beforeAll(async () => {
      owner = await signUp(t, 'lister');
      const made = [
        await mint(t, owner.session, { name: 'alpha', description: 'deploy bot' }),
        await mint(t, owner.session, { name: 'beta', expiresAt: inDays(1) }),
        await mint(t, owner.session, { name: 'gamma' }),
        await mint(t, owner.session, { name: 'delta', description: 'nightly' }),
      ];
      await t.http.post(`${tokens}/${made[2].id}/revoke`).set(bearer(owner.session)).expect(200);
      await t.http.delete(`${tokens}/${made[3].id}`).set(bearer(owner.session)).expect(200);
      // An expired token, written directly: the API never accepts a past expiry.
      await t.prisma.apiToken.update({ where: { id: made[1].id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    });

    const names = async (query: string) => {
      const response = await t.http.get(`${tokens}${query}`).set(bearer(owner.session)).expect(200);
      return response.body.data.map((token: { name: string }) => token.name);
    };

    it('leaves deleted tokens out by default, newest first', async () => {
      expect(await names('')).toEqual(['gamma', 'beta', 'alpha']);
    });

    it('filters by each state', async () => {
      expect(await names('?status=active')).toEqual(['alpha']);
      expect(await names('?status=expired')).toEqual(['beta']);
      expect(await names('?status=revoked')).toEqual(['gamma']);
      expect(await names('?status=deleted')).toEqual(['delta']);
    });

    it('searches name and description, case-insensitively', async () => {
      expect(await names('?search=DEPLOY')).toEqual(['alpha']);
      expect(await names('?search=nightly&status=deleted')).toEqual(['delta']);
      expect(await names('?search=zzz')).toEqual([]);
    });

    it('sorts and paginates', async () => {
      expect(await names('?sort=name&order=asc')).toEqual(['alpha', 'beta', 'gamma']);
      const page = await t.http.get(`${tokens}?sort=name&order=asc&limit=2&page=2`).set(bearer(owner.session)).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, limit: 2, totalPages: 2 });
      expect(page.body.data.map((token: { name: string }) => token.name)).toEqual(['gamma']);
    });

    it('shows each state on the token', async () => {
      const all = [...(await t.http.get(tokens).set(bearer(owner.session))).body.data, ...(await t.http.get(`${tokens}?status=deleted`).set(bearer(owner.session))).body.data];
      expect(Object.fromEntries(all.map((token: { name: string; state: string }) => [token.name, token.state]))).toEqual({
        alpha: 'active', beta: 'expired', gamma: 'revoked', delta: 'deleted',
      });
    });
  });

  it('edits name, description, scopes, expiry and limits, and null clears them', async () => {
    const minted = await mint(t, user.session, { name: 'before', expiresAt: inDays(5), requestLimit: 10 });
    const edited = await t.http
      .patch(`${tokens}/${minted.id}`)
      .set(as())
      .send({ name: 'after', description: 'now described', scopes: ['usage:read'], expiresAt: null, requestLimit: null, quotaLimit: 20, rateLimit: 5 })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'after', description: 'now described', scopes: ['usage:read'], expiresAt: null, requestLimit: null, quotaLimit: 20, rateLimit: 5 });
    const refused = await t.http.patch(`${tokens}/${minted.id}`).set(as()).send({ name: null, expiresAt: inDays(-2) }).expect(400);
    expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(expect.arrayContaining(['name']));
    const past = await t.http.patch(`${tokens}/${minted.id}`).set(as()).send({ expiresAt: inDays(-2) }).expect(400);
    expect(past.body.details[0].field).toBe('expiresAt');
    expect((await t.http.get(`${tokens}/${minted.id}`).set(as())).body.name).toBe('after');
  });

  it('revokes for good: the token stops at once, revoke again is harmless, regenerate is refused', async () => {
    const minted = await mint(t, user.session);
    await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200);
    const revoked = await t.http.post(`${tokens}/${minted.id}/revoke`).set(as()).expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', state: 'revoked', revokedAt: expect.any(String) });
    expect((await t.http.get('/api/users/me').set(bearer(minted.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
    const again = await t.http.post(`${tokens}/${minted.id}/revoke`).set(as()).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await t.http.post(`${tokens}/${minted.id}/regenerate`).set(as()).expect(409)).body.code).toBe('INVALID_STATE');
  });

  // Regenerate is rotate with no grace: the old secret is now known as rotated out (TOKEN_ROTATED, was TOKEN_INVALID).
  it('regenerates: new secret, same settings and id, the old secret dead at once', async () => {
    const minted = await mint(t, user.session, { name: 'rotating', scopes: ['account:read', 'usage:read'], rateLimit: 30 });
    const regenerated = await t.http.post(`${tokens}/${minted.id}/regenerate`).set(as()).expect(200);
    expect(regenerated.body.token).toMatch(/^tsr_/);
    expect(regenerated.body.token).not.toBe(minted.token);
    expect(regenerated.body).toMatchObject({ id: minted.id, name: 'rotating', scopes: ['account:read', 'usage:read'], rateLimit: 30 });
    expect((await t.http.get('/api/users/me').set(bearer(minted.token)).expect(401)).body.code).toBe('TOKEN_ROTATED');
    await t.http.get('/api/users/me').set(bearer(regenerated.body.token)).expect(200);
  });

  it('soft deletes and restores, keeping a revoked token revoked', async () => {
    const live = await mint(t, user.session);
    const deleted = await t.http.delete(`${tokens}/${live.id}`).set(as()).expect(200);
    expect(deleted.body).toMatchObject({ state: 'deleted', deletedAt: expect.any(String) });
    expect((await t.http.get('/api/users/me').set(bearer(live.token)).expect(401)).body.code).toBe('TOKEN_DELETED');
    expect((await t.http.patch(`${tokens}/${live.id}`).set(as()).send({ name: 'x' }).expect(409)).body.code).toBe('INVALID_STATE');
    const restored = await t.http.post(`${tokens}/${live.id}/restore`).set(as()).expect(200);
    expect(restored.body).toMatchObject({ state: 'active', deletedAt: null });
    await t.http.get('/api/users/me').set(bearer(live.token)).expect(200);
    expect((await t.http.post(`${tokens}/${live.id}/restore`).set(as()).expect(409)).body.code).toBe('INVALID_STATE');

    const revoked = await mint(t, user.session);
    await t.http.post(`${tokens}/${revoked.id}/revoke`).set(as()).expect(200);
    await t.http.delete(`${tokens}/${revoked.id}`).set(as()).expect(200);
    const back = await t.http.post(`${tokens}/${revoked.id}/restore`).set(as()).expect(200);
    expect(back.body).toMatchObject({ status: 'REVOKED', state: 'revoked' });
    expect((await t.http.get('/api/users/me').set(bearer(revoked.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
  });

  it('stops a token the moment it expires', async () => {
    const minted = await mint(t, user.session, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await t.http.get('/api/users/me').set(bearer(minted.token)).expect(401)).body.code).toBe('TOKEN_EXPIRED');
    expect((await t.http.get(`${tokens}/${minted.id}`).set(as())).body.state).toBe('expired');
  });

  it('rejects a token with a broken checksum or an unknown one with TOKEN_INVALID', async () => {
    const minted = await mint(t, user.session);
    const last = minted.token.at(-1) === 'a' ? 'b' : 'a';
    const tampered = minted.token.slice(0, -1) + last;
    expect((await t.http.get('/api/users/me').set(bearer(tampered)).expect(401)).body.code).toBe('TOKEN_INVALID');
    expect((await t.http.get('/api/users/me').set(bearer('tsr_short')).expect(401)).body.code).toBe('TOKEN_INVALID');
  });

  it('caps live tokens per user with TOKEN_LIMIT_REACHED, also under concurrency, and counts restores', async () => {
    const capped = await signUp(t, 'capped');
    const attempts = await Promise.all(
      Array.from({ length: 16 }, (_unused, index) =>
        t.http.post(tokens).set(bearer(capped.session)).send({ name: `t${index}`, scopes: ['account:read'] }),
      ),
    );
    expect(attempts.filter((response) => response.status === 201)).toHaveLength(12);
    const refused = attempts.filter((response) => response.status === 409);
    expect(refused).toHaveLength(4);
    expect(refused[0].body.code).toBe('TOKEN_LIMIT_REACHED');
    expect(await t.prisma.apiToken.count({ where: { userId: capped.id } })).toBe(12);

    const victim = attempts.find((response) => response.status === 201)!.body.id;
    await t.http.delete(`${tokens}/${victim}`).set(bearer(capped.session)).expect(200);
    await mint(t, capped.session, { name: 'replacement' });
    expect((await t.http.post(`${tokens}/${victim}/restore`).set(bearer(capped.session)).expect(409)).body.code).toBe('TOKEN_LIMIT_REACHED');
  });
});
