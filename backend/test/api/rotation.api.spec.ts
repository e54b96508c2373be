import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const tokens = '/api/users/me/api-tokens';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rotation with a grace period and self-rotation', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '50' });
    user = await signUp(t, 'rot');
  });
  afterAll(() => t.close());

  const as = () => bearer(user.session);
  const me = (secret: string) => t.http.get('/api/users/me').set(bearer(secret));
  const rotate = (id: string, body: Record<string, unknown> = {}) => t.http.post(`${tokens}/${id}/rotate`).set(as()).send(body);

  it('keeps the old secret working during the grace period as the same token, then refuses it with TOKEN_ROTATED', async () => {
    const minted = await mint(t, user.session, { name: 'graceful', scopes: ['account:read'], requestLimit: 4 });
    expect((await me(minted.token)).status).toBe(200);
    const rotated = await rotate(minted.id, { gracePeriodSeconds: 2 }).expect(200);
    expect(rotated.body.token).toMatch(/^tsr_/);
    expect(rotated.body.token).not.toBe(minted.token);
    expect(rotated.body).toMatchObject({ id: minted.id, name: 'graceful', scopes: ['account:read'], requestLimit: 4, rotatedAt: expect.any(String) });
    expect(Date.parse(rotated.body.graceUntil) - Date.parse(rotated.body.rotatedAt)).toBe(2000);

    // Both secrets are one token: they share the request limit (1 call before, 3 now).
    expect((await me(minted.token)).status).toBe(200);
    expect((await me(rotated.body.token)).status).toBe(200);
    expect((await me(minted.token)).status).toBe(200);
    expect((await me(rotated.body.token)).body.code).toBe('REQUEST_LIMIT_EXCEEDED');

    await sleep(2100);
    const late = await me(minted.token).expect(401);
    expect(late.body.code).toBe('TOKEN_ROTATED');
    // The reuse is noted off the request path: wait for it.
    let detail = await t.http.get(`${tokens}/${minted.id}`).set(as()).expect(200);
    for (let tries = 0; detail.body.retiredSecrets[0]?.reuseCount === 0 && tries < 50; tries += 1) {
      await sleep(20);
      detail = await t.http.get(`${tokens}/${minted.id}`).set(as()).expect(200);
    }
    expect(detail.body.retiredSecrets).toHaveLength(1);
    expect(detail.body.retiredSecrets[0]).toMatchObject({
      tokenPreview: minted.body.tokenPreview,
      graceUntil: rotated.body.graceUntil,
      reuseCount: 1,
      lastReusedAt: expect.any(String),
      lastReusedIp: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(JSON.stringify(detail.body)).not.toContain(minted.token);
  });

  it('answers the verify API for an old secret in grace with the same token, and TOKEN_ROTATED after', async () => {
    const minted = await mint(t, user.session);
    await rotate(minted.id, { gracePeriodSeconds: 1 }).expect(200);
    const inGrace = await t.http.post('/api/v1/tokens/verify').send({ token: minted.token }).expect(200);
    expect(inGrace.body).toMatchObject({ valid: true, code: 'VALID', tokenId: minted.id });
    await sleep(1100);
    const after = await t.http.post('/api/v1/tokens/verify').send({ token: minted.token }).expect(200);
    expect(after.body).toMatchObject({ valid: false, code: 'TOKEN_ROTATED', tokenId: minted.id });
  });

  it('applies edits, revoke and delete to an old secret still in grace (its cache entry is invalidated too)', async () => {
    const minted = await mint(t, user.session, { scopes: ['account:read', 'tokens:read'] });
    await rotate(minted.id, { gracePeriodSeconds: 3600 }).expect(200);
    expect((await t.http.get(tokens).set(bearer(minted.token))).status).toBe(200);
    await t.http.patch(`${tokens}/${minted.id}`).set(as()).send({ scopes: ['account:read'] }).expect(200);
    expect((await t.http.get(tokens).set(bearer(minted.token))).body.code).toBe('INSUFFICIENT_SCOPE');
    await t.http.delete(`${tokens}/${minted.id}`).set(as()).expect(200);
    expect((await me(minted.token)).body.code).toBe('TOKEN_DELETED');
    await t.http.post(`${tokens}/${minted.id}/restore`).set(as()).expect(200);
    expect((await me(minted.token)).status).toBe(200);
    await t.http.post(`${tokens}/${minted.id}/revoke`).set(as()).expect(200);
    expect((await me(minted.token)).body.code).toBe('TOKEN_REVOKED');
  });

  it('ends every earlier grace period on a regenerate (rotate with no grace)', async () => {
    const minted = await mint(t, user.session);
    const second = await rotate(minted.id, { gracePeriodSeconds: 3600 }).expect(200);
    expect((await me(minted.token)).status).toBe(200);
    const third = await t.http.post(`${tokens}/${minted.id}/regenerate`).set(as()).expect(200);
    expect((await me(minted.token)).body.code).toBe('TOKEN_ROTATED');
    expect((await me(second.body.token)).body.code).toBe('TOKEN_ROTATED');
    expect((await me(third.body.token)).status).toBe(200);
    const detail = await t.http.get(`${tokens}/${minted.id}`).set(as()).expect(200);
    expect(detail.body.retiredSecrets.map((secret: { tokenPreview: string }) => secret.tokenPreview)).toEqual([
      second.body.tokenPreview,
      minted.body.tokenPreview,
    ]);
  });

  it('validates the grace period and refuses revoked or deleted tokens', async () => {
    const minted = await mint(t, user.session);
    for (const gracePeriodSeconds of [-1, 7 * 86_400 + 1, 1.5, '60']) {
      const bad = await rotate(minted.id, { gracePeriodSeconds }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details[0].field).toBe('gracePeriodSeconds');
    }
    expect((await rotate(minted.id, { scopes: ['tokens:write'] }).expect(400)).body.details[0]).toMatchObject({ field: 'scopes', constraint: 'unknownField' });
    await rotate(minted.id, { gracePeriodSeconds: 7 * 86_400 }).expect(200);
    await t.http.post(`${tokens}/${minted.id}/revoke`).set(as()).expect(200);
    expect((await rotate(minted.id).expect(409)).body.code).toBe('INVALID_STATE');
    const deleted = await mint(t, user.session);
    await t.http.delete(`${tokens}/${deleted.id}`).set(as()).expect(200);
    expect((await rotate(deleted.id).expect(409)).body.code).toBe('INVALID_STATE');
    const stranger = await signUp(t, 'rot_other');
    expect((await t.http.post(`${tokens}/${minted.id}/rotate`).set(bearer(stranger.session)).send({}).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('never lets a PAT rotate a token by id, whatever its scopes', async () => {
    const strong = await mint(t, user.session, { scopes: ['tokens:write', 'tokens:rotate-self'] });
    const answer = await t.http.post(`${tokens}/${strong.id}/rotate`).set(bearer(strong.token)).send({}).expect(403);
    expect(answer.body.code).toBe('SESSION_REQUIRED');
  });

  describe('self', () => {
    it('tells any valid PAT about itself and a session that it has no self (self is not taken for an id)', async () => {
      const minted = await mint(t, user.session, { name: 'introspect', scopes: ['usage:read'] });
      const self = await t.http.get(`${tokens}/self`).set(bearer(minted.token)).expect(200);
      expect(self.body).toMatchObject({ id: minted.id, name: 'introspect', scopes: ['usage:read'], usingRetiredSecret: false });
      expect(self.body).not.toHaveProperty('token');
      const session = await t.http.get(`${tokens}/self`).set(as()).expect(403);
      expect(session.body.code).toBe('TOKEN_REQUIRED');
      expect((await t.http.post(`${tokens}/self/rotate`).set(as()).send({}).expect(403)).body.code).toBe('TOKEN_REQUIRED');
      expect((await t.http.get(`${tokens}/self`).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('rotates only itself with tokens:rotate-self, keeping scopes, limits and expiry exactly', async () => {
      const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const ci = await mint(t, user.session, { name: 'ci', scopes: ['tokens:rotate-self', 'account:read'], expiresAt, rateLimit: 50, quotaLimit: 900 });
      const other = await mint(t, user.session, { name: 'bystander' });
      const before = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: ci.id } });

      const rotated = await t.http.post(`${tokens}/self/rotate`).set(bearer(ci.token)).send({ gracePeriodSeconds: 600 }).expect(200);
      expect(rotated.body).toMatchObject({ id: ci.id, scopes: ['account:read', 'tokens:rotate-self'], expiresAt, rateLimit: 50, quotaLimit: 900, requestLimit: null });
      const after = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: ci.id } });
      expect({ ...after, tokenHash: '', tokenPreview: '', rotatedAt: null, graceUntil: null, updatedAt: null, requestCount: 0n, quotaUsed: 0n, lastUsedAt: null, lastUsedIp: null })
        .toEqual({ ...before, tokenHash: '', tokenPreview: '', rotatedAt: null, graceUntil: null, updatedAt: null, requestCount: 0n, quotaUsed: 0n, lastUsedAt: null, lastUsedIp: null });

      // The old secret still works during its grace, knows it is the old one, and cannot mint another secret.
      const oldSelf = await t.http.get(`${tokens}/self`).set(bearer(ci.token)).expect(200);
      expect(oldSelf.body).toMatchObject({ id: ci.id, usingRetiredSecret: true });
      const again = await t.http.post(`${tokens}/self/rotate`).set(bearer(ci.token)).send({}).expect(401);
      expect(again.body.code).toBe('TOKEN_ROTATED');
      expect((await t.http.get(`${tokens}/self`).set(bearer(rotated.body.token)).expect(200)).body.usingRetiredSecret).toBe(false);

      // Scopes or limits in the body are refused, not ignored.
      const widen = await t.http.post(`${tokens}/self/rotate`).set(bearer(rotated.body.token)).send({ scopes: ['tokens:write'], rateLimit: null });
      expect(widen.status).toBe(400);
      expect(widen.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['rateLimit', 'scopes']);

      const bystander = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: other.id } });
      expect(bystander.rotatedAt).toBeNull();
      await me(other.token).expect(200);
    });

    it('refuses self-rotation without tokens:rotate-self, also for tokens:write', async () => {
      for (const scopes of [['tokens:write'], ['account:write', 'tokens:read', 'usage:write']]) {
        const minted = await mint(t, user.session, { scopes });
        const refused = await t.http.post(`${tokens}/self/rotate`).set(bearer(minted.token)).send({}).expect(403);
        expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
      }
    });

    it('gives tokens:rotate-self no other right', async () => {
      const minted = await mint(t, user.session, { scopes: ['tokens:rotate-self'] });
      expect((await t.http.get(tokens).set(bearer(minted.token)).expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
      expect((await me(minted.token).expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
    });
  });
});
