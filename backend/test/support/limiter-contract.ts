import { describe, expect, it } from 'vitest';
import type { QuotaPeriod } from '../../src/usage/limiter/quota-refill';
import type { AdmitRequest, TokenLimits, UsageLimiter } from '../../src/usage/limiter/usage-limiter';

const NO_LIMITS: TokenLimits = { requestLimit: null, quotaLimit: null, rateLimit: null };

/** The behaviour every UsageLimiter must have; run against each implementation. */
export function limiterContract(make: () => UsageLimiter, newTokenId: () => string): void {
  const request = (tokenId: string, limits: Partial<TokenLimits>, cost = 1, seed = { requestCount: 0, quotaUsed: 0 }): AdmitRequest => ({
    tokenId,
    limits: { ...NO_LIMITS, ...limits },
    cost,
    loadSeed: async () => seed,
  });

  it('admits exactly requestLimit of 400 concurrent calls', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    const results = await Promise.all(Array.from({ length: 400 }, () => limiter.admit(request(tokenId, { requestLimit: 100 }))));
    expect(results.filter((result) => result.allowed)).toHaveLength(100);
    const refused = results.filter((result) => !result.allowed);
    expect(refused).toHaveLength(300);
    expect(new Set(refused.map((result) => result.code))).toEqual(new Set(['REQUEST_LIMIT_EXCEEDED']));
    expect(refused[0].requests).toEqual({ limit: 100, used: 100, remaining: 0 });
  });

  it('admits exactly as many calls as the quota pays for, with the cost of each', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    const results = await Promise.all(Array.from({ length: 400 }, () => limiter.admit(request(tokenId, { quotaLimit: 300 }, 3))));
    expect(results.filter((result) => result.allowed)).toHaveLength(100);
    expect(results.filter((result) => result.code === 'QUOTA_EXCEEDED')).toHaveLength(300);
    // A cheaper call still fits nowhere; a free one does.
    expect((await limiter.admit(request(tokenId, { quotaLimit: 300 }, 1))).code).toBe('QUOTA_EXCEEDED');
    expect((await limiter.admit(request(tokenId, { quotaLimit: 300 }, 0))).allowed).toBe(true);
  });

  it('admits exactly rateLimit of 400 concurrent calls in the window and says when to retry', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    const results = await Promise.all(Array.from({ length: 400 }, () => limiter.admit(request(tokenId, { rateLimit: 100 }))));
    expect(results.filter((result) => result.allowed)).toHaveLength(100);
    const refused = results.filter((result) => !result.allowed);
    expect(refused.every((result) => result.code === 'RATE_LIMITED')).toBe(true);
    expect(refused[0].retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused[0].retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused[0].rate).toMatchObject({ limit: 100, remaining: 0 });
    expect(refused[0].rate!.resetAt).toBeGreaterThan(Date.now() + 55_000);
  });

  it('counts a refused call against nothing', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    const limits = { requestLimit: 10, quotaLimit: 5, rateLimit: 100 };
    expect((await limiter.admit(request(tokenId, limits, 5))).allowed).toBe(true);
    expect((await limiter.admit(request(tokenId, limits, 1))).code).toBe('QUOTA_EXCEEDED');
    const after = await limiter.admit(request(tokenId, limits, 0));
    expect(after.allowed).toBe(true);
    expect(after.requests).toEqual({ limit: 10, used: 2, remaining: 8 });
    expect(after.rate).toMatchObject({ remaining: 98 });
  });

  it('refuses for the request limit before the quota and the quota before the rate', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    expect((await limiter.admit(request(tokenId, { requestLimit: 1, quotaLimit: 1, rateLimit: 1 }))).allowed).toBe(true);
    expect((await limiter.admit(request(tokenId, { requestLimit: 1, quotaLimit: 1, rateLimit: 1 }))).code).toBe('REQUEST_LIMIT_EXCEEDED');
    expect((await limiter.admit(request(tokenId, { quotaLimit: 1, rateLimit: 1 }))).code).toBe('QUOTA_EXCEEDED');
    expect((await limiter.admit(request(tokenId, { rateLimit: 1 }, 0))).code).toBe('RATE_LIMITED');
  });

  it('starts from the persisted totals, loading them once, and applies a changed limit on the next call', async () => {
    const limiter = make();
    const tokenId = newTokenId();
    let loads = 0;
    const seeded = (limits: Partial<TokenLimits>): AdmitRequest => ({
      ...request(tokenId, limits),
      loadSeed: async () => {
        loads += 1;
        return { requestCount: 98, quotaUsed: 0 };
      },
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => limiter.admit(seeded({ requestLimit: 100 }))));
    expect(results.filter((result) => result.allowed)).toHaveLength(2);
    expect(loads).toBeGreaterThanOrEqual(1);
    const loadsAfterSeeding = loads;
    expect((await limiter.admit(seeded({ requestLimit: 101 }))).allowed).toBe(true);
    expect((await limiter.admit(seeded({ requestLimit: 101 }))).code).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(loads).toBe(loadsAfterSeeding);
  });

  describe('a quota that refills', () => {
    const DAY = 86_400_000;
    const created = Date.UTC(2026, 11, 1);
    const period = (day: number): QuotaPeriod => ({ interval: 'day', start: created + day * DAY, creationStart: created, amount: 50 });
    const refilling = (tokenId: string, day: number, cost = 1): AdmitRequest => ({ ...request(tokenId, { quotaLimit: 100 }, cost), quotaPeriod: period(day) });

    it('grants quotaLimit in the period of creation, then amount in each later period, and says when it refills', async () => {
      const limiter = make();
      const tokenId = newTokenId();
      const first = await limiter.admit(refilling(tokenId, 0, 100));
      expect(first).toMatchObject({ allowed: true, quota: { limit: 100, used: 100, remaining: 0 }, quotaResetsAt: created + DAY });
      expect(await limiter.admit(refilling(tokenId, 0))).toMatchObject({ allowed: false, code: 'QUOTA_EXCEEDED' });
      const next = await limiter.admit(refilling(tokenId, 1, 10));
      expect(next).toMatchObject({ allowed: true, quota: { limit: 50, used: 10, remaining: 40 }, quotaResetsAt: created + 2 * DAY });
      // A call still computing day 0 (an instance with a slow clock) counts in day 1 and refills nothing.
      expect(await limiter.admit(refilling(tokenId, 0, 40))).toMatchObject({ allowed: true, quota: { limit: 50, used: 50, remaining: 0 } });
      expect(await limiter.admit(refilling(tokenId, 1))).toMatchObject({ allowed: false, code: 'QUOTA_EXCEEDED' });
      expect(await limiter.admit(refilling(tokenId, 3, 50))).toMatchObject({ allowed: true, quota: { limit: 50, used: 50, remaining: 0 } });
    });

    it('admits exactly amount of 400 concurrent calls after a refill', async () => {
      const limiter = make();
      const tokenId = newTokenId();
      expect((await limiter.admit(refilling(tokenId, 0, 100))).allowed).toBe(true);
      const results = await Promise.all(Array.from({ length: 400 }, () => limiter.admit(refilling(tokenId, 1))));
      expect(results.filter((result) => result.allowed)).toHaveLength(50);
      expect(new Set(results.filter((result) => !result.allowed).map((result) => result.code))).toEqual(new Set(['QUOTA_EXCEEDED']));
    });

    it('starts from the seed, the usage of the current period, when it holds no counters', async () => {
      const limiter = make();
      const tokenId = newTokenId();
      const seeded = { ...request(tokenId, { quotaLimit: 100 }, 1, { requestCount: 500, quotaUsed: 45 }), quotaPeriod: period(2) };
      expect(await limiter.admit(seeded)).toMatchObject({ allowed: true, quota: { limit: 50, used: 46, remaining: 4 } });
    });
  });
}

