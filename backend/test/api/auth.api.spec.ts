import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, mint, signUp } from '../support/fixtures';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(payload: object, secret: string, alg = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3' });
  });
  afterAll(() => t.close());

  it('registers a user and never returns the password or its hash', async () => {
    const response = await t.http
      .post('/api/auth/register')
      .send({ username: 'grace_h', email: 'Grace.H@Example.com', password: PASSWORD })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.any(String), username: 'grace_h', email: 'grace.h@example.com', role: expect.stringMatching(/^(admin|member)$/),
      createdAt: expect.any(String), updatedAt: expect.any(String),
    });
  });

  it('names every bad field on registration', async () => {
    const response = await t.http
      .post('/api/auth/register')
      .send({ username: 'x', email: 'not-an-email', password: 'short', admin: true })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = response.body.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'email', 'password', 'admin']));
  });

  it('refuses a taken username or email with CONFLICT naming the field', async () => {
    const user = await signUp(t);
    const byName = await t.http.post('/api/auth/register').send({ username: user.username, email: 'other@example.com', password: PASSWORD }).expect(409);
    expect(byName.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'username' }] });
    const byEmail = await t.http.post('/api/auth/register').send({ username: 'someone_else1', email: user.email.toUpperCase(), password: PASSWORD }).expect(409);
    expect(byEmail.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'email' }] });
  });

  it('logs in with email and password and returns a session that reads /users/me', async () => {
    const user = await signUp(t);
    const login = await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    expect(login.body).toMatchObject({ access_token: expect.any(String), user: { username: user.username } });
    const me = await t.http.get('/api/users/me').set(bearer(login.body.access_token)).expect(200);
    expect(me.body.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await signUp(t);
    const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong password' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong password' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('throttles an account after repeated failures with 429 RATE_LIMITED and Retry-After', async () => {
    const user = await signUp(t);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong password' }).expect(401);
    }
    const limited = await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles a client IP across accounts', async () => {
    const small = await startTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '4' });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await small.http.post('/api/auth/login').send({ email: `nobody${attempt}@example.com`, password: 'whatever1' });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await small.close();
    }
  });

  it('throttles sign-ups per client IP with 429 RATE_LIMITED and Retry-After', async () => {
    const small = await startTestApp({ REGISTRATIONS_PER_IP_PER_HOUR: '3' });
    try {
      const statuses: number[] = [];
      let last: { headers: Record<string, string>; body: { code: string } } | undefined;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const username = `signup_${randomBytes(4).toString('hex')}`;
        const response = await small.http.post('/api/auth/register').send({ username, email: `${username}@example.com`, password: PASSWORD });
        statuses.push(response.status);
        last = response;
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(last!.body.code).toBe('RATE_LIMITED');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(3500);
    } finally {
      await small.close();
    }
  });

  it('changes username freely, and the email and the password only with the current one', async () => {
    const user = await signUp(t);
    const auth = bearer(user.session);
    const noPassword = await t.http.patch('/api/users/me').set(auth).send({ username: `${user.username}x`, email: `x${user.email}` }).expect(400);
    expect(noPassword.body.details[0].field).toBe('currentPassword');
    const renamed = await t.http.patch('/api/users/me').set(auth).send({ username: `${user.username}x`, email: `x${user.email}`, currentPassword: PASSWORD }).expect(200);
    expect(renamed.body).toMatchObject({ username: `${user.username}x`, email: `x${user.email}` });

    const missing = await t.http.patch('/api/users/me').set(auth).send({ newPassword: 'a new password' }).expect(400);
    expect(missing.body.details[0].field).toBe('currentPassword');
    const wrong = await t.http.patch('/api/users/me').set(auth).send({ newPassword: 'a new password', currentPassword: 'nope nope' }).expect(403);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_INVALID');
    await t.http.patch('/api/users/me').set(auth).send({ newPassword: 'a new password', currentPassword: PASSWORD }).expect(200);

    await t.http.post('/api/auth/login').send({ email: `x${user.email}`, password: PASSWORD }).expect(401);
    await t.http.post('/api/auth/login').send({ email: `x${user.email}`, password: 'a new password' }).expect(200);
  });

  it('refuses to take another user\'s username on profile edit', async () => {
    const [first, second] = [await signUp(t), await signUp(t)];
    const response = await t.http.patch('/api/users/me').set(bearer(second.session)).send({ username: first.username }).expect(409);
    expect(response.body.details[0].field).toBe('username');
  });

  it('tells any valid credential who it is (GET /auth/whoami), and refuses a dead one', async () => {
    const user = await signUp(t, 'whoami');
    expect((await t.http.get('/api/auth/whoami').set(bearer(user.session)).expect(200)).body).toEqual({ kind: 'session', userId: user.id });
    // Whatever its scopes, even only the special one: the answer is about itself.
    const pat = await mint(t, user.session, { scopes: ['tokens:rotate-self'] });
    expect((await t.http.get('/api/auth/whoami').set(bearer(pat.token)).expect(200)).body).toEqual({
      kind: 'token',
      userId: user.id,
      tokenId: pat.id,
      scopes: ['tokens:rotate-self'],
      usingRetiredSecret: false,
    });
    await t.http.post(`/api/users/me/api-tokens/${pat.id}/revoke`).set(bearer(user.session)).expect(200);
    expect((await t.http.get('/api/auth/whoami').set(bearer(pat.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
    expect((await t.http.get('/api/auth/whoami').expect(401)).body.code).toBe('UNAUTHENTICATED');
  });

  describe('session JWTs', () => {
    it('refuses a missing Authorization header with UNAUTHENTICATED', async () => {
      const response = await t.http.get('/api/users/me').expect(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: expect.any(String) });
    });

    it('refuses a JWT signed with another secret', async () => {
      const user = await signUp(t);
      const forged = jwt({ sub: user.id, typ: 'session', exp: Math.floor(Date.now() / 1000) + 60 }, 'another-secret');
      expect((await t.http.get('/api/users/me').set(bearer(forged)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses alg none', async () => {
      const user = await signUp(t);
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, typ: 'session' })}.`;
      expect((await t.http.get('/api/users/me').set(bearer(unsigned)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired JWT with SESSION_EXPIRED', async () => {
      const user = await signUp(t);
      const expired = jwt({ sub: user.id, typ: 'session', iat: 1, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET);
      expect((await t.http.get('/api/users/me').set(bearer(expired)).expect(401)).body.code).toBe('SESSION_EXPIRED');
    });

    it('refuses a validly signed JWT whose user does not exist', async () => {
      // Users are never deleted, so only a holder of JWT_SECRET can make such a session.
      const ghost = jwt({ sub: '00000000-0000-4000-8000-000000000000', typ: 'session', exp: Math.floor(Date.now() / 1000) + 60 }, TEST_JWT_SECRET);
      expect((await t.http.get('/api/users/me').set(bearer(ghost)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it('signs out every session when the password changes; the new password signs in, tokens keep working', async () => {
      const user = await signUp(t, 'pwchange');
      const otherDevice = (await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200)).body.access_token;
      const pat = await mint(t, user.session);
      // Sessions from before session versions existed carry no `sv`: they count as version 0.
      const legacy = jwt({ sub: user.id, typ: 'session', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 }, TEST_JWT_SECRET);
      await t.http.get('/api/users/me').set(bearer(legacy)).expect(200);

      await t.http.patch('/api/users/me').set(bearer(user.session)).send({ newPassword: 'a brand new passphrase', currentPassword: PASSWORD }).expect(200);
      for (const old of [user.session, otherDevice, legacy]) {
        expect((await t.http.get('/api/users/me').set(bearer(old)).expect(401)).body.code).toBe('SESSION_EXPIRED');
      }
      const fresh = (await t.http.post('/api/auth/login').send({ email: user.email, password: 'a brand new passphrase' }).expect(200)).body.access_token;
      await t.http.get('/api/users/me').set(bearer(fresh)).expect(200);
      await t.http.get('/api/users/me').set(bearer(pat.token)).expect(200);

      // Editing the name or email alone signs nobody out.
      await t.http.patch('/api/users/me').set(bearer(fresh)).send({ username: `${user.username}_2` }).expect(200);
      await t.http.get('/api/users/me').set(bearer(fresh)).expect(200);
    });
  });

  describe('request hygiene', () => {
    it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
      const response = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
      expect(response.body.code).toBe('MALFORMED_JSON');
    });

    it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await t.http.post('/api/auth/register').send({ username: 'big_one', email: 'big@example.com', password: 'x'.repeat(200_000) }).expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers an unknown route in the error shape', async () => {
      const response = await t.http.get('/api/no-such-route').expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });

    it('answers health with the database state', async () => {
      expect((await t.http.get('/api/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    });

    it('serves the OpenAPI document with the bearer scheme and the token routes', async () => {
      const document = (await t.http.get('/api/docs-json').expect(200)).body;
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining([
        '/api/auth/register', '/api/auth/login', '/api/users/me', '/api/users/me/api-tokens', '/api/users/me/api-tokens/{id}',
        '/api/users/me/api-tokens/{id}/revoke', '/api/users/me/api-tokens/{id}/regenerate', '/api/users/me/api-tokens/{id}/restore',
        '/api/users/me/api-tokens/stats', '/api/users/me/api-tokens/{id}/usage',
      ]));
    });
  });
});
