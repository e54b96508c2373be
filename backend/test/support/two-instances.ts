import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { call } from './http-burst';
import { PASSWORD } from './fixtures';
import { createOwnDatabase, type OwnDatabase } from './own-database';
import { ensureBuilt, startServer, type ServerProcess } from './server-process';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Account {
  id: string;
  session: string;
}

/** Two real server processes on one PostgreSQL and one Redis (keys under a prefix of their own). Filled in by beforeAll. */
export interface TwoInstances {
  a: ServerProcess;
  b: ServerProcess;
  prisma: PrismaClient;
  /** Registers on A and signs in on B; `admin` promotes the account first (a session reads the role on each call). */
  account(name: string, options?: { admin?: boolean }): Promise<Account>;
}

/**
 * Registers the beforeAll/afterAll of a two-instance test in the calling describe: builds the
 * server once, starts A and B with `env` (on the shared test database, or on an install of their
 * own with `ownDatabase`), and on the way out stops both and deletes the Redis keys they wrote.
 */
export function twoInstances(env: Record<string, string> = {}, options: { ownDatabase?: boolean } = {}): TwoInstances {
  const prefix = `tessera-test:${randomBytes(4).toString('hex')}:`;
  let database: OwnDatabase | undefined;
  const twins = {
    async account(name: string, { admin = false }: { admin?: boolean } = {}): Promise<Account> {
      const username = `${name}_${randomBytes(4).toString('hex')}`;
      const email = `${username}@example.com`;
      const registered = await call(`${twins.a.url}/api/auth/register`, { body: { username, email, password: PASSWORD } });
      expect(registered.status).toBe(201);
      const id = registered.body.id as string;
      if (admin) await twins.prisma.user.update({ where: { id }, data: { role: 'admin' } });
      const login = await call(`${twins.b.url}/api/auth/login`, { body: { email, password: PASSWORD } });
      expect(login.status).toBe(200);
      return { id, session: login.body.access_token as string };
    },
  } as TwoInstances;

  beforeAll(async () => {
    await ensureBuilt();
    if (options.ownDatabase) database = await createOwnDatabase();
    const databaseUrl = database?.url ?? inject('databaseUrl');
    const serverEnv = { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, ...env };
    [twins.a, twins.b] = await Promise.all([startServer(serverEnv), startServer(serverEnv)]);
    twins.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([twins.a?.stop(), twins.b?.stop()]);
    await twins.prisma?.$disconnect();
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  return twins;
}
