import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemoryLimiter } from './in-memory-limiter';
import { limiterContract } from '../../../test/support/limiter-contract';

describe('InMemoryLimiter', () => {
  limiterContract(() => new InMemoryLimiter(), randomUUID);

  it('slides the rate window: a slot frees exactly 60 s after the call that took it', async () => {
    let now = 1_000_000;
    const limiter = new InMemoryLimiter(() => now);
    const admit = () =>
      limiter.admit({ tokenId: 't', limits: { requestLimit: null, quotaLimit: null, rateLimit: 2 }, cost: 1, loadSeed: async () => ({ requestCount: 0, quotaUsed: 0 }) });
    expect((await admit()).allowed).toBe(true);
    now += 30_000;
    expect((await admit()).allowed).toBe(true);
    const refused = await admit();
    expect(refused).toMatchObject({ allowed: false, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(refused.rate).toEqual({ limit: 2, remaining: 0, resetAt: now + 60_000 });
    now += 29_999;
    expect((await admit()).allowed).toBe(false);
    now += 1;
    expect((await admit()).allowed).toBe(true);
    expect((await admit()).allowed).toBe(false);
  });
});
