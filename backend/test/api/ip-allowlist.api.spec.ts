import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const tokens = '/api/users/me/api-tokens';

describe('IP allowlist', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'ips');
  });
  afterAll(() => t.close());

  const as = () => bearer(user.session);

  it('stores the list, lets callers inside it through and refuses others with 403 IP_NOT_ALLOWED', async () => {
    const inside = await mint(t, user.session, { allowedIps: [' 127.0.0.1 ', '10.0.0.0/8', '2001:db8::/32', '127.0.0.1'] });
    expect(inside.body.allowedIps).toEqual(['127.0.0.1', '10.0.0.0/8', '2001:db8::/32']);
    await t.http.get('/api/users/me').set(bearer(inside.token)).expect(200);

    const outside = await mint(t, user.session, { allowedIps: ['203.0.113.0/24'] });
    const refused = await t.http.get('/api/users/me').set(bearer(outside.token)).expect(403);
    expect(refused.body.code).toBe('IP_NOT_ALLOWED');

    // Editing the list applies on the next call (the cached entry is invalidated); [] = anywhere.
    await t.http.patch(`${tokens}/${outside.id}`).set(as()).send({ allowedIps: ['::ffff:127.0.0.0/104'] }).expect(200);
    await t.http.get('/api/users/me').set(bearer(outside.token)).expect(200);
    await t.http.patch(`${tokens}/${outside.id}`).set(as()).send({ allowedIps: ['198.51.100.1'] }).expect(200);
    expect((await t.http.get('/api/users/me').set(bearer(outside.token)).expect(403)).body.code).toBe('IP_NOT_ALLOWED');
    const cleared = await t.http.patch(`${tokens}/${outside.id}`).set(as()).send({ allowedIps: [] }).expect(200);
    expect(cleared.body.allowedIps).toEqual([]);
    await t.http.get('/api/users/me').set(bearer(outside.token)).expect(200);
  });

  it('refuses bad entries with a 400 naming each one', async () => {
    const bad = await t.http
      .post(tokens)
      .set(as())
      .send({ name: 'x', scopes: ['account:read'], allowedIps: ['10.0.0.1', '10.0.0.0/33', 'example.com', '2001:db8::/129'] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((detail: { field: string }) => detail.field)).toEqual(['allowedIps.1', 'allowedIps.2', 'allowedIps.3']);
    expect(bad.body.details[0].message).toMatch(/10\.0\.0\.0\/33/);
    const notStrings = await t.http.post(tokens).set(as()).send({ name: 'x', scopes: ['account:read'], allowedIps: [42] }).expect(400);
    expect(notStrings.body.details[0].field).toBe('allowedIps');
    const tooMany = Array.from({ length: 51 }, (_unused, index) => `10.0.0.${index}`);
    expect((await t.http.post(tokens).set(as()).send({ name: 'x', scopes: ['account:read'], allowedIps: tooMany }).expect(400)).body.details[0].field).toBe('allowedIps');
  });

  it('checks the verify API against the ip the calling service passes, and refuses when it passes none', async () => {
    const minted = await mint(t, user.session, { allowedIps: ['198.51.100.0/24'] });
    const verify = (body: Record<string, unknown>) => t.http.post('/api/v1/tokens/verify').send({ token: minted.token, ...body }).expect(200);
    expect((await verify({ ip: '198.51.100.20' })).body).toMatchObject({ valid: true, code: 'VALID' });
    expect((await verify({ ip: '::ffff:198.51.100.20' })).body.code).toBe('VALID');
    expect((await verify({ ip: '192.0.2.1' })).body).toMatchObject({ valid: false, code: 'IP_NOT_ALLOWED', tokenId: minted.id });
    expect((await verify({})).body.code).toBe('IP_NOT_ALLOWED');
    const open = await mint(t, user.session);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token: open.token }).expect(200)).body.code).toBe('VALID');
    expect((await t.http.post('/api/v1/tokens/verify').send({ token: open.token, ip: 'nope' }).expect(400)).body.details[0].field).toBe('ip');
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says the proxy is trusted', async () => {
    const minted = await mint(t, user.session, { allowedIps: ['198.51.100.7'] });
    const forwarded = await t.http.get('/api/users/me').set(bearer(minted.token)).set('X-Forwarded-For', '198.51.100.7').expect(403);
    expect(forwarded.body.code).toBe('IP_NOT_ALLOWED');

    const behindProxy = await startTestApp({ TRUST_PROXY: 'loopback' });
    try {
      await behindProxy.http.get('/api/users/me').set(bearer(minted.token)).set('X-Forwarded-For', '198.51.100.7').expect(200);
      const other = await behindProxy.http.get('/api/users/me').set(bearer(minted.token)).set('X-Forwarded-For', '192.0.2.1').expect(403);
      expect(other.body.code).toBe('IP_NOT_ALLOWED');
      // Only the hop next to the trusted proxy counts: a client cannot prepend an allowed address.
      await behindProxy.http.get('/api/users/me').set(bearer(minted.token)).set('X-Forwarded-For', '198.51.100.7, 192.0.2.1').expect(403);
    } finally {
      await behindProxy.close();
    }
  });
});
