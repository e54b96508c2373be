import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { limiterContract } from '../../../test/support/limiter-contract';
import { RedisLimiter } from './redis-limiter';
import { LimiterUnavailableError } from './usage-limiter';

// The real Redis of the machine (REDIS_URL or the local one); every run uses its own key prefix.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;

describe('RedisLimiter', () => {
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    clients.push(redis);
    return redis;
  };
  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`);
    if (keys.length > 0) await clients[0].del(...keys);
    await Promise.all(clients.map((redis) => redis.quit()));
  });

  // Two clients, like two instances: the contract must hold across them.
  limiterContract(() => {
    const [first, second] = [new RedisLimiter(client(), prefix), new RedisLimiter(client(), prefix)];
    let turn = 0;
    return { admit: (request) => ((turn++ % 2 === 0 ? first : second).admit(request)), forget: (id) => first.forget(id) } as RedisLimiter;
  }, randomUUID);

  it('keeps its counters in Redis, so a new limiter (a restarted instance) goes on from them', async () => {
    const tokenId = randomUUID();
    const request = { tokenId, limits: { requestLimit: 3, quotaLimit: null, rateLimit: null }, cost: 1, loadSeed: async () => ({ requestCount: 0, quotaUsed: 0 }) };
    await new RedisLimiter(client(), prefix).admit(request);
    await new RedisLimiter(client(), prefix).admit(request);
    const third = await new RedisLimiter(client(), prefix).admit(request);
    expect(third.requests).toEqual({ limit: 3, used: 3, remaining: 0 });
    expect((await new RedisLimiter(client(), prefix).admit(request)).code).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it('fails with LimiterUnavailableError when Redis cannot be reached', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    const limiter = new RedisLimiter(unreachable, prefix);
    await expect(
      limiter.admit({ tokenId: randomUUID(), limits: { requestLimit: 1, quotaLimit: null, rateLimit: null }, cost: 1, loadSeed: async () => ({ requestCount: 0, quotaUsed: 0 }) }),
    ).rejects.toBeInstanceOf(LimiterUnavailableError);
    unreachable.disconnect();
  });
});
