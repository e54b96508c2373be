import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const today = () => new Date().toISOString().slice(0, 10);

/** GET /users/me/api-tokens/stats and /:id/usage, read from what the recorder flushed. */
describe('usage statistics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sums a user\'s tokens and their calls over the period', async () => {
    const user = await signUp(t, 'stats');
    const session = bearer(user.session);
    const used = await mint(t, user.session, { scopes: ['account:read'] });
    const verifier = await mint(t, user.session, { scopes: ['usage:read'] });
    const revoked = await mint(t, user.session);
    const deleted = await mint(t, user.session);
    await mint(t, user.session, { expiresAt: new Date(Date.now() + 1_000).toISOString() });

    for (let index = 0; index < 4; index += 1) await t.http.get('/api/users/me').set(bearer(used.token)).expect(200);
    await t.http.get('/api/users/me/api-tokens').set(bearer(used.token)).expect(403); // a failure, no cost
    await t.http.post('/api/v1/tokens/verify').send({ token: verifier.token, cost: 10 }).expect(200);
    await t.http.post('/api/v1/tokens/verify').send({ token: verifier.token, scopes: ['tokens:write'], cost: 10 }).expect(200); // failure
    await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set(session).expect(200);
    await t.http.delete(`/api/users/me/api-tokens/${deleted.id}`).set(session).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await t.flushUsage();

    const stats = (await t.http.get('/api/users/me/api-tokens/stats?days=30').set(bearer(verifier.token)).expect(200)).body;
    expect(stats).toEqual({
      days: 30,
      periodStart: expect.any(String),
      periodEnd: expect.any(String),
      totalTokens: 4,
      activeTokens: 2,
      expiredTokens: 1,
      revokedTokens: 1,
      deletedTokens: 1,
      totalRequests: 7,
      successCount: 5,
      failureCount: 2,
      successRate: 0.7143,
      totalCost: 14,
      quotaUsed: 14,
      avgCostPerRequest: 2,
    });
    const start = new Date(stats.periodStart);
    expect(stats.periodStart).toBe(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())).toISOString());
    expect(Date.parse(stats.periodEnd) - Date.parse(stats.periodStart)).toBeGreaterThanOrEqual(29 * 86_400_000);
    expect(Date.parse(stats.periodEnd) - Date.parse(stats.periodStart)).toBeLessThan(30 * 86_400_000);

    const token = (await t.http.get(`/api/users/me/api-tokens/${used.id}`).set(session).expect(200)).body;
    expect(token).toMatchObject({ requestCount: 4, quotaUsed: 4, lastUsedIp: expect.stringMatching(/127\.0\.0\.1/) });
    expect(Date.now() - Date.parse(token.lastUsedAt)).toBeLessThan(30_000);
    expect(token.usageSummary).toEqual({
      totalRequests: 5, successCount: 4, failureCount: 1, successRate: 0.8, totalCost: 4, last7DaysRequests: 5, last30DaysRequests: 5,
    });
  });

  it('answers an empty overview for a new user without dividing by zero', async () => {
    const user = await signUp(t, 'stats');
    const stats = (await t.http.get('/api/users/me/api-tokens/stats').set(bearer(user.session)).expect(200)).body;
    expect(stats).toMatchObject({ days: 30, totalTokens: 0, totalRequests: 0, successRate: 0, avgCostPerRequest: 0, totalCost: 0 });
  });

  it('gives one point per day, zeros filled, ending today', async () => {
    const user = await signUp(t, 'series');
    const { id, token } = await mint(t, user.session, { scopes: ['account:read', 'usage:read'] });
    for (let index = 0; index < 3; index += 1) await t.http.get('/api/users/me').set(bearer(token)).expect(200);
    await t.flushUsage();
    const series = (await t.http.get(`/api/users/me/api-tokens/${id}/usage?days=7`).set(bearer(token)).expect(200)).body;
    expect(series.tokenId).toBe(id);
    expect(series.days).toBe(7);
    expect(series.points).toHaveLength(7);
    expect(series.to).toBe(today());
    expect(series.from).toBe(series.points[0].date);
    const dates = series.points.map((point: { date: string }) => Date.parse(point.date));
    expect(dates.slice(1).map((date: number, index: number) => date - dates[index])).toEqual(Array(6).fill(86_400_000));
    // The call that reads the series is recorded when answered, after the numbers were read.
    expect(series.points[6]).toEqual({ date: today(), requests: 3, successes: 3, failures: 0, cost: 3 });
    expect(series.points.slice(0, 6).every((point: { requests: number; cost: number }) => point.requests === 0 && point.cost === 0)).toBe(true);

    const month = (await t.http.get(`/api/users/me/api-tokens/${id}/usage`).set(bearer(user.session)).expect(200)).body;
    expect(month.points).toHaveLength(30);
  });

  it('needs usage:read (or a session), keeps other users out and checks days', async () => {
    const owner = await signUp(t, 'series');
    const stranger = await signUp(t, 'series');
    const { id, token } = await mint(t, owner.session, { scopes: ['account:read'] });
    expect((await t.http.get('/api/users/me/api-tokens/stats').set(bearer(token)).expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
    expect((await t.http.get(`/api/users/me/api-tokens/${id}/usage`).set(bearer(token)).expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
    expect((await t.http.get(`/api/users/me/api-tokens/${id}/usage`).set(bearer(stranger.session)).expect(404)).body.code).toBe('NOT_FOUND');
    for (const days of ['0', '367', 'abc', '1.5']) {
      const answer = await t.http.get(`/api/users/me/api-tokens/stats?days=${days}`).set(bearer(owner.session)).expect(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
