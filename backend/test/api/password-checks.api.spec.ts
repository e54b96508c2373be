import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, PASSWORD, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Every password check (sign-in, the current password of a profile change) spends the same
 * per-account budget, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT per LOGIN_WINDOW_SECONDS, and an e-mail
 * change needs the current password like a password change.
 */
describe('password checks share the sign-in budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5', LOGIN_WINDOW_SECONDS: '60' });
  });
  afterAll(() => t.close());

  const guess = (credential: string, currentPassword: string, body: object = { newPassword: 'taken over for good' }) =>
    t.http.patch('/api/users/me').set(bearer(credential)).send({ ...body, currentPassword });

  it('a session guessing currentPassword gets 5 tries, then 429 RATE_LIMITED with Retry-After, even for the right one', async () => {
    const user = await signUp(t, 'guess');
    const statuses = [];
    for (let attempt = 0; attempt < 8; attempt += 1) statuses.push((await guess(user.session, `wrong guess ${attempt}`)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429, 429]);
    const right = await guess(user.session, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The budget is the account's: sign-in is closed as well.
    await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(429);
  });

  it('an account:write PAT guessing is throttled the same way, also when it only tries to change the email', async () => {
    const user = await signUp(t, 'patguess');
    const pat = (await mint(t, user.session, { scopes: ['account:write'] })).token;
    const statuses = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await guess(pat, `wrong ${attempt}`, { email: `moved_${attempt}@example.com` })).status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    expect((await t.http.get('/api/users/me').set(bearer(user.session))).body.email).toBe(user.email);
  });

  it('sign-in failures and profile guesses add up: 3 + 2 wrong, then both are refused', async () => {
    const user = await signUp(t, 'mixed');
    for (let attempt = 0; attempt < 3; attempt += 1) await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong one' }).expect(401);
    await guess(user.session, 'wrong two').expect(403);
    await guess(user.session, 'wrong three').expect(403);
    await guess(user.session, PASSWORD).expect(429);
    await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(429);
  });

  it('30 concurrent wrong guesses: exactly 5 reach the password check', async () => {
    const user = await signUp(t, 'burst');
    const answers = await Promise.all(Array.from({ length: 30 }, (_unused, index) => guess(user.session, `burst ${index}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 403)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  });

  it('the budget follows the account, not its address: changing the email does not reset it', async () => {
    const user = await signUp(t, 'follow');
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong once' }).expect(401);
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong twice' }).expect(401);
    const moved = `moved_${randomBytes(4).toString('hex')}@example.com`;
    // The right password starts afresh (like a right sign-in)...
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ email: moved, currentPassword: PASSWORD }).expect(200);
    for (let attempt = 0; attempt < 5; attempt += 1) await t.http.post('/api/auth/login').send({ email: moved, password: `wrong ${attempt}` }).expect(401);
    // ...and guesses at the new address and at the profile share one count.
    await guess(user.session, 'wrong again').expect(429);
  });

  it('a right password in the budget starts the account afresh', async () => {
    const user = await signUp(t, 'afresh');
    for (let attempt = 0; attempt < 4; attempt += 1) await guess(user.session, `wrong ${attempt}`).expect(403);
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ username: `${user.username}_r`, currentPassword: PASSWORD }).expect(200);
    for (let attempt = 0; attempt < 5; attempt += 1) await guess(user.session, `wrong again ${attempt}`).expect(403);
  });
});

describe('changing the sign-in email needs the current password', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000' });
    user = await signUp(t, 'mail');
  });
  afterAll(() => t.close());

  it('a PAT with account:write alone cannot move the account to another address', async () => {
    const pat = (await mint(t, user.session, { scopes: ['account:write'] })).token;
    const missing = await t.http.patch('/api/users/me').set(bearer(pat)).send({ email: 'attacker@example.com' }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'currentPassword', constraint: 'required' }] });
    const wrong = await t.http.patch('/api/users/me').set(bearer(pat)).send({ email: 'attacker@example.com', currentPassword: 'not it at all' }).expect(403);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_INVALID');
    expect((await t.http.get('/api/users/me').set(bearer(pat))).body.email).toBe(user.email);
  });

  it('nor can a session; with the current password both can', async () => {
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ email: 'Someone.Else@example.com' }).expect(400);
    const moved = `m_${randomBytes(4).toString('hex')}@example.com`;
    const changed = await t.http.patch('/api/users/me').set(bearer(user.session)).send({ email: moved, currentPassword: PASSWORD }).expect(200);
    expect(changed.body.email).toBe(moved);
    user.email = moved;
  });

  it('sending the same email (in another case) is no change and needs no password; the username never does', async () => {
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ email: user.email.toUpperCase() }).expect(200);
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ username: `${user.username}_n` }).expect(200);
  });
});

describe('password checks over two instances sharing Redis', () => {
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5', REDIS_URL, REDIS_PREFIX: prefix };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('guesses spread over both instances get 5 tries in all, not 5 each', async () => {
    const user = await signUp(a, 'twin');
    const statuses = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const app = attempt % 2 === 0 ? a : b;
      statuses.push((await app.http.patch('/api/users/me').set(bearer(user.session)).send({ newPassword: 'taken over', currentPassword: `w${attempt}` })).status);
    }
    expect(statuses.filter((status) => status === 403)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });
});
