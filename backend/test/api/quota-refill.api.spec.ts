import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageClock } from '../../src/usage/usage-clock';
import { nextPeriodStart } from '../../src/usage/limiter/quota-refill';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const tokens = '/api/users/me/api-tokens';

/** Moves an app's decision clock (expiry, refill periods) to `at`, epoch ms. */
const setClock = (t: TestApp, at: number) => {
  t.app.get(UsageClock).now = () => at;
};

describe('quotas that refill (one instance, a clock we control)', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'refill');
  });
  afterAll(() => t?.close());

  it('refuses a refill without a quota or above it, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ quotaRefill: { amount: 5, interval: 'day' } }, 'quotaRefill'],
      [{ quotaLimit: 10, quotaRefill: { amount: 11, interval: 'day' } }, 'quotaRefill.amount'],
      [{ quotaLimit: 10, quotaRefill: { amount: 0, interval: 'day' } }, 'quotaRefill.amount'],
      [{ quotaLimit: 10, quotaRefill: { amount: 5, interval: 'hour' } }, 'quotaRefill.interval'],
      [{ quotaLimit: 10, quotaRefill: { amount: 5 } }, 'quotaRefill.interval'],
    ];
    for (const [body, field] of cases) {
      const answer = await t.http.post(tokens).set(bearer(user.session)).send({ name: 'r', scopes: ['account:read'], ...body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect((answer.body.details as { field: string }[]).map((detail) => detail.field), JSON.stringify(body)).toContain(field);
    }
  });

  it('gives quotaLimit in the day of creation, then amount after each UTC midnight, told by quotaResetsAt and X-Quota-Reset', async () => {
    const now = Date.now();
    setClock(t, now);
    const { id, token, body } = await mint(t, user.session, { quotaLimit: 10, quotaRefill: { amount: 4, interval: 'day' } });
    const midnight = nextPeriodStart('day', now);
    expect(body).toMatchObject({ quotaRefill: { amount: 4, interval: 'day' }, quotaResetsAt: new Date(midnight).toISOString() });

    const spent = await t.http.post('/api/v1/tokens/verify').send({ token, cost: 10 }).expect(200);
    expect(spent.body).toMatchObject({ valid: true, remaining: { quota: 0 }, quotaResetsAt: new Date(midnight).toISOString() });
    expect(spent.headers['x-quota-reset']).toBe(String(midnight / 1000));
    expect((await t.http.post('/api/v1/tokens/verify').send({ token }).expect(200)).body.code).toBe('QUOTA_EXCEEDED');
    // The guard follows the same counter: Tessera's own API refuses it too.
    expect((await t.http.get('/api/users/me').set(bearer(token)).expect(429)).body.code).toBe('QUOTA_EXCEEDED');

    setClock(t, midnight - 1);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token }).expect(200)).body.code).toBe('QUOTA_EXCEEDED');
    setClock(t, midnight);
    const refilled = await t.http.post('/api/v1/tokens/verify').send({ token }).expect(200);
    expect(refilled.body).toMatchObject({ valid: true, remaining: { quota: 3 }, quotaResetsAt: new Date(midnight + 86_400_000).toISOString() });
    expect(refilled.headers['x-quota-limit']).toBe('4');
    await t.http.post('/api/v1/tokens/verify').send({ token, cost: 3 }).expect(200);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token }).expect(200)).body.code).toBe('QUOTA_EXCEEDED');

    // Usage statistics keep the whole history: 10 + 1 + 3 units.
    await t.flushUsage();
    expect((await t.http.get(`${tokens}/${id}`).set(bearer(user.session)).expect(200)).body.quotaUsed).toBe(14);
  });

  it('edits the refill; clearing the quota clears it too', async () => {
    setClock(t, Date.now());
    const { id } = await mint(t, user.session, { quotaLimit: 10 });
    const set = await t.http.patch(`${tokens}/${id}`).set(bearer(user.session)).send({ quotaRefill: { amount: 10, interval: 'month' } }).expect(200);
    expect(set.body.quotaRefill).toEqual({ amount: 10, interval: 'month' });
    expect((await t.http.patch(`${tokens}/${id}`).set(bearer(user.session)).send({ quotaLimit: 5 }).expect(400)).body.details[0].field).toBe('quotaRefill.amount');
    const cleared = await t.http.patch(`${tokens}/${id}`).set(bearer(user.session)).send({ quotaLimit: null }).expect(200);
    expect(cleared.body).toMatchObject({ quotaLimit: null, quotaRefill: null, quotaResetsAt: null });
  });
});

describe('quotas that refill, exact on two instances behind one Redis', () => {
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  let a: TestApp;
  let b: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({ REDIS_URL, REDIS_PREFIX: prefix }), startTestApp({ REDIS_URL, REDIS_PREFIX: prefix })]);
    user = await signUp(a, 'twinrefill');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('admits exactly `amount` of 300 concurrent calls over both after the boundary, and a slow clock undoes nothing', async () => {
    const now = Date.now();
    setClock(a, now);
    setClock(b, now);
    const { token } = await mint(a, user.session, { quotaLimit: 100, quotaRefill: { amount: 50, interval: 'week' } });
    expect((await b.http.post('/api/v1/tokens/verify').send({ token, cost: 100 }).expect(200)).body.remaining.quota).toBe(0);
    expect((await a.http.post('/api/v1/tokens/verify').send({ token }).expect(200)).body.code).toBe('QUOTA_EXCEEDED');

    const monday = nextPeriodStart('week', now);
    setClock(a, monday + 1000);
    setClock(b, monday + 1000);
    const answers = await Promise.all(Array.from({ length: 300 }, (_, index) => (index % 2 === 0 ? a : b).http.post('/api/v1/tokens/verify').send({ token })));
    const codes = answers.map((answer) => answer.body.code as string);
    expect(codes.filter((code) => code === 'VALID')).toHaveLength(50);
    expect(codes.filter((code) => code === 'QUOTA_EXCEEDED')).toHaveLength(250);
    expect(new Set(answers.filter((answer) => answer.body.valid).map((answer) => answer.body.quotaResetsAt))).toEqual(new Set([new Date(monday + 7 * 86_400_000).toISOString()]));

    // Instance B's clock falls behind into last week: it counts in this week and refills nothing.
    setClock(b, monday - 1000);
    expect((await b.http.post('/api/v1/tokens/verify').send({ token }).expect(200)).body.code).toBe('QUOTA_EXCEEDED');
    // The next boundary, seen first by B, refills once for both.
    setClock(b, monday + 7 * 86_400_000);
    setClock(a, monday + 7 * 86_400_000 + 5);
    expect((await b.http.post('/api/v1/tokens/verify').send({ token, cost: 30 }).expect(200)).body.remaining.quota).toBe(20);
    expect((await a.http.post('/api/v1/tokens/verify').send({ token, cost: 20 }).expect(200)).body.remaining.quota).toBe(0);
  });
});
