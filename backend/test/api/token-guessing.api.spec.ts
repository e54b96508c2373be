import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../../src/api-tokens/token-format';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BUDGET = 10;

/**
 * Well-formed PATs (valid checksum) that match no token are guesses: each costs database
 * lookups. TOKEN_FAILURES_PER_IP of them per window per client IP, then 429 RATE_LIMITED with
 * Retry-After; tokens that exist keep working and never use up the budget.
 */
describe('guessing PATs is throttled per client IP', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET), TOKEN_FAILURE_WINDOW_SECONDS: '60' });
    user = await signUp(t, 'guessing');
  });
  afterAll(() => t.close());

  it('a flood of unknown well-formed tokens gets 10 TOKEN_INVALID, then 429 with Retry-After; a valid token from the same IP still works', async () => {
    const valid = await mint(t, user.session);
    await t.http.get('/api/users/me').set(bearer(valid.token)).expect(200);
    const statuses: number[] = [];
    let last;
    for (let attempt = 0; attempt < 15; attempt += 1) {
      last = await t.http.get('/api/users/me').set(bearer(generateToken()));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(BUDGET).fill(401), ...Array(15 - BUDGET).fill(429)]);
    expect(last!.body.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The valid token keeps working from the flooded address, as does a session.
    for (let call = 0; call < 5; call += 1) await t.http.get('/api/users/me').set(bearer(valid.token)).expect(200);
    await t.http.get('/api/users/me').set(bearer(user.session)).expect(200);
    // Malformed tokens never reach the database: still their own 401.
    expect((await t.http.get('/api/users/me').set(bearer('tsr_notachecksummedtoken000000000000000')).expect(401)).body.code).toBe('TOKEN_INVALID');
  });
});

describe('only failures count, exactly, also under concurrency', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET), TOKEN_CACHE_SIZE: '0' });
    user = await signUp(t, 'guessing2');
  });
  afterAll(() => t.close());

  it('50 calls with existing tokens (valid, revoked) use up nothing, even with the verification cache off', async () => {
    const valid = await mint(t, user.session);
    const revoked = await mint(t, user.session);
    await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set(bearer(user.session)).expect(200);
    for (let call = 0; call < 25; call += 1) {
      await t.http.get('/api/users/me').set(bearer(valid.token)).expect(200);
      await t.http.get('/api/users/me').set(bearer(revoked.token)).expect(401);
    }
    const unknown = [];
    for (let attempt = 0; attempt < BUDGET; attempt += 1) unknown.push((await t.http.get('/api/users/me').set(bearer(generateToken()))).status);
    expect(unknown).toEqual(Array(BUDGET).fill(401));
    expect((await t.http.get('/api/users/me').set(bearer(generateToken()))).status).toBe(429);
  });

  it('40 concurrent guesses from a fresh window: exactly 10 are answered TOKEN_INVALID, the rest 429', async () => {
    const fresh = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET) });
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => fresh.http.post('/api/users/me/api-tokens/x/revoke').set(bearer(generateToken()))));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(BUDGET);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40 - BUDGET);
    } finally {
      await fresh.close();
    }
  });
});

describe('valid tokens are never slowed down by the guessing budget', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET) });
    user = await signUp(t, 'guessvalid');
  });
  afterAll(() => t.close());

  it('100 concurrent first calls of a fresh token from one IP all pass (none was in the cache)', async () => {
    const fresh = await mint(t, user.session);
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.http.get('/api/users/me').set(bearer(fresh.token))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    // ...and used none of the budget: the full budget of guesses is still answered.
    const guesses = [];
    for (let attempt = 0; attempt < BUDGET; attempt += 1) guesses.push((await t.http.get('/api/users/me').set(bearer(generateToken()))).status);
    expect(guesses).toEqual(Array(BUDGET).fill(401));
  });
});

describe('on the verify API the client is the ip the service names', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET) });
    user = await signUp(t, 'guessverify');
  });
  afterAll(() => t.close());

  const verify = (token: string, ip?: string) => t.http.post('/api/v1/tokens/verify').send(ip ? { token, ip } : { token });

  it("one client's flood through a service does not starve the service's other clients", async () => {
    const valid = await mint(t, user.session);
    // Used once before the flood, so it is in the verification cache (a secret never looked up
    // by this instance waits for Retry-After like any unknown one: it costs the same lookup).
    expect((await verify(valid.token, '203.0.113.66').expect(200)).body.valid).toBe(true);
    for (let attempt = 0; attempt < BUDGET; attempt += 1) {
      const answer = await verify(generateToken(), '203.0.113.66').expect(200);
      expect(answer.body).toMatchObject({ valid: false, code: 'TOKEN_INVALID' });
    }
    const limited = await verify(generateToken(), '203.0.113.66').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // A valid token still verifies for that client; other clients are unaffected.
    expect((await verify(valid.token, '203.0.113.66').expect(200)).body.valid).toBe(true);
    expect((await verify(generateToken(), '198.51.100.7').expect(200)).body.code).toBe('TOKEN_INVALID');
    expect((await verify(generateToken()).expect(200)).body.code).toBe('TOKEN_INVALID');
  });

  it('naming a new ip for every guess buys no unlimited guesses: the service has a budget too', async () => {
    const tight = await startTestApp({ TOKEN_FAILURES_PER_IP: String(BUDGET), TOKEN_FAILURES_PER_SERVICE: '25' });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 30; attempt += 1) {
        statuses.push((await tight.http.post('/api/v1/tokens/verify').send({ token: generateToken(), ip: `198.18.${attempt}.1` })).status);
      }
      expect(statuses).toEqual([...Array(25).fill(200), ...Array(5).fill(429)]);
    } finally {
      await tight.close();
    }
  });

  it('a service that names no ip is one client: its own address is counted', async () => {
    for (let attempt = 0; attempt < BUDGET - 1; attempt += 1) await verify(generateToken()).expect(200);
    await verify(generateToken()).expect(429);
    // ...which is why the docs ask services to pass `ip`: a named client still gets through.
    await verify(generateToken(), '198.51.100.8').expect(200);
  });
});

describe('guessing over two instances sharing Redis', () => {
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { TOKEN_FAILURES_PER_IP: String(BUDGET), REDIS_URL, REDIS_PREFIX: prefix };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('guesses spread over both instances share one budget', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 16; attempt += 1) {
      const app = attempt % 2 === 0 ? a : b;
      statuses.push((await app.http.post('/api/v1/tokens/verify').send({ token: generateToken(), ip: '192.0.2.44' })).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(BUDGET);
    expect(statuses.filter((status) => status === 429)).toHaveLength(16 - BUDGET);
  });
});
