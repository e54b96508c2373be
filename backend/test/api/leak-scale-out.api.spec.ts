import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { call } from '../support/http-burst';
import { ensureBuilt, startServer, type ServerProcess } from '../support/server-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A leak reported to one instance kills the token on the other, whose cache held it as valid. */
describe('leak revocation across two instances behind one Redis', () => {
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  let a: ServerProcess;
  let b: ServerProcess;
  let session: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    await ensureBuilt();
    // A long cache lifetime: without the invalidation, B would keep the token valid for an hour.
    const env = { DATABASE_URL: inject('databaseUrl'), REDIS_URL, REDIS_PREFIX: prefix, TOKEN_CACHE_TTL_SECONDS: '3600' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl') }) });
    const username = `leaktwin_${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    expect((await call(`${a.url}/api/auth/register`, { body: { username, email, password: 'correct horse battery' } })).status).toBe(201);
    session = (await call(`${a.url}/api/auth/login`, { body: { email, password: 'correct horse battery' } })).body.access_token as string;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await prisma?.$disconnect();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('a report to instance A is seen by instance B on its next call', async () => {
    const minted = await call(`${a.url}/api/users/me/api-tokens`, { token: session, body: { name: 'twin leak', scopes: ['account:read'] } });
    expect(minted.status).toBe(201);
    const { id, token } = minted.body as { id: string; token: string };
    // B verifies (and caches) the token.
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);

    const report = await call(`${a.url}/api/v1/tokens/revoke-leaked`, { body: { tokens: [token], source: 'twin test' } });
    expect(report).toMatchObject({ status: 202, body: { received: 1 } });
    const deadline = Date.now() + 10_000;
    while ((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).status !== 'REVOKED') {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The revocation was published before it was done; B's next call fails.
    const next = await call(`${b.url}/api/users/me`, { token });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('TOKEN_REVOKED');
    expect((await call(`${b.url}/api/users/me/api-tokens/${id}`, { token: session })).body).toMatchObject({ revokedBy: 'leaked', leak: { source: 'twin test' } });
  });
});
