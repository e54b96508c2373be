import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/app-config';
import { LoginThrottle } from './login-throttle';
import { InMemoryThrottleStore, RedisThrottleStore, type ThrottleStore } from './throttle-store';

const config = { LOGIN_WINDOW_SECONDS: 60, LOGIN_MAX_ATTEMPTS_PER_IP: 20, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: 5 } as AppConfig;

/** Each attempt's outcome: 'ok' when let through to the password check, else the Retry-After. */
async function attempt(throttle: LoginThrottle, ip: string, account: string, now?: number): Promise<string> {
  try {
    await throttle.assertAllowed(ip, account, now);
    return 'ok';
  } catch (error) {
    return `429 after ${(error as { headers: Record<string, string> }).headers['Retry-After']}`;
  }
}

/** The behaviour of login throttling over any store; `instances` share it like servers share Redis. */
function throttleContract(makeStores: () => ThrottleStore[]) {
  const unique = () => `${randomBytes(4).toString('hex')}@example.com`;

  it('lets exactly 5 of 12 concurrent attempts on one account through, over every instance', async () => {
    const throttles = makeStores().map((store) => new LoginThrottle(config, store));
    const account = unique();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_unused, index) => attempt(throttles[index % throttles.length], `10.0.0.${index}`, account)));
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.startsWith('429 after'))).toHaveLength(7);
  });

  it('starts an account afresh after a right password, and counts per IP across accounts', async () => {
    const [throttle] = makeStores().map((store) => new LoginThrottle(config, store));
    const account = unique();
    for (let index = 0; index < 5; index += 1) expect(await attempt(throttle, '10.1.0.1', account)).toBe('ok');
    await throttle.recordSuccess(account);
    expect(await attempt(throttle, '10.1.0.1', account)).toBe('ok');

    const ip = `10.2.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const byIp = [];
    for (let index = 0; index < 22; index += 1) byIp.push(await attempt(throttle, ip, unique()));
    expect(byIp.filter((outcome) => outcome === 'ok')).toHaveLength(20);
  });

  it('says when to retry: within the window', async () => {
    const [throttle] = makeStores().map((store) => new LoginThrottle(config, store));
    const account = unique();
    for (let index = 0; index < 5; index += 1) await attempt(throttle, '10.3.0.1', account);
    const seconds = Number((await attempt(throttle, '10.3.0.1', account)).replace('429 after ', ''));
    expect(seconds).toBeGreaterThanOrEqual(59);
    expect(seconds).toBeLessThanOrEqual(60);
  });
}

describe('LoginThrottle in one process', () => {
  throttleContract(() => [new InMemoryThrottleStore()]);

  it('says when to retry: the end of the window that was opened by the first attempt', async () => {
    const throttle = new LoginThrottle(config, new InMemoryThrottleStore());
    for (let index = 0; index < 5; index += 1) await attempt(throttle, '10.3.0.1', 'y@example.com', 0);
    expect(await attempt(throttle, '10.3.0.1', 'y@example.com', 20_000)).toBe('429 after 40');
  });

  it('opens a new window once the old one is over', async () => {
    const throttle = new LoginThrottle(config, new InMemoryThrottleStore());
    for (let index = 0; index < 6; index += 1) await attempt(throttle, '10.4.0.1', 'x@example.com', 0);
    expect(await attempt(throttle, '10.4.0.1', 'x@example.com', 59_999)).toMatch(/^429/);
    expect(await attempt(throttle, '10.4.0.1', 'x@example.com', 60_000)).toBe('ok');
  });
});

describe('LoginThrottle on Redis, shared by two instances', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  const clients: Redis[] = [];
  const client = (target = url) => {
    // A reachable Redis queues commands until connected; the unreachable one fails at once, as in production.
    const reachable = target === url;
    const redis = new Redis(target, { enableOfflineQueue: reachable, maxRetriesPerRequest: reachable ? 1 : 0, retryStrategy: reachable ? undefined : () => null });
    redis.on('error', () => undefined);
    clients.push(redis);
    return redis;
  };
  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`);
    if (keys.length > 0) await clients[0].del(...keys);
    await Promise.all(clients.map((redis) => redis.quit().catch(() => redis.disconnect())));
  });

  throttleContract(() => [new RedisThrottleStore(client(), prefix), new RedisThrottleStore(client(), prefix)]);

  it('keeps throttling in the process while Redis cannot be reached', async () => {
    const unreachable = client('redis://127.0.0.1:1');
    const throttle = new LoginThrottle(config, new RedisThrottleStore(unreachable, prefix));
    const outcomes = [];
    for (let index = 0; index < 7; index += 1) outcomes.push(await attempt(throttle, '10.5.0.1', 'down@example.com'));
    expect(outcomes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(outcomes.slice(5).every((outcome) => outcome.startsWith('429'))).toBe(true);
  });

  it('keeps e-mail addresses out of Redis (keys are hashed)', async () => {
    const redis = client();
    const throttle = new LoginThrottle(config, new RedisThrottleStore(redis, prefix));
    await attempt(throttle, '10.6.0.1', 'Visible.Person@example.com');
    const keys = await redis.keys(`${prefix}login:*`);
    expect(keys.some((key) => /visible|person|example/i.test(key))).toBe(false);
    expect(keys.some((key) => /^.*login:account:[0-9a-f]{64}$/.test(key))).toBe(true);
  });
});
