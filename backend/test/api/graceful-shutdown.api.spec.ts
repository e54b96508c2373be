import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { ensureBuilt, startServer, type ServerProcess } from '../support/server-process';

/** SIGTERM in the middle of load: every call the server answered as counted is in PostgreSQL. */
describe('graceful shutdown under load', () => {
  let prisma: PrismaClient;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl') }) });
  }, 240_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await prisma.$disconnect();
  });

  it('drains, flushes the usage batch and exits 0; PostgreSQL holds exactly the answered calls', async () => {
    server = await startServer({ DATABASE_URL: inject('databaseUrl') });
    const { url } = server;
    const username = `sigterm_${Date.now().toString(36)}`;
    const email = `${username}@example.com`;
    const post = (path: string, body: object, auth?: string) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) });
    expect((await post('/api/auth/register', { username, email, password: 'correct horse battery' })).status).toBe(201);
    const session = ((await (await post('/api/auth/login', { email, password: 'correct horse battery' })).json()) as { access_token: string }).access_token;
    const minted = (await (await post('/api/users/me/api-tokens', { name: 'load', scopes: ['account:read'], quotaLimit: 1_000_000 }, session)).json()) as { id: string; token: string };

    let answered = 0;
    let verified = 0;
    let refused = 0;
    let stopping = false;
    const loop = async (index: number) => {
      for (;;) {
        try {
          if (index % 2 === 0) {
            const response = await fetch(`${url}/api/users/me`, { headers: { Authorization: `Bearer ${minted.token}` } });
            await response.arrayBuffer();
            if (response.status === 200) answered += 1;
            else throw new Error(`unexpected ${response.status}`);
          } else {
            const response = await post('/api/v1/tokens/verify', { token: minted.token, cost: 2 });
            const body = (await response.json()) as { valid?: boolean };
            if (response.status === 200 && body.valid) verified += 1;
            else throw new Error(`unexpected ${response.status}`);
          }
        } catch (error) {
          // Once the server stops accepting, calls fail to connect; before that nothing may fail.
          if (!stopping) throw error;
          refused += 1;
          if (refused > 200) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (server!.child.exitCode !== null) return;
        }
      }
    };
    const loops = Array.from({ length: 8 }, (_unused, index) => loop(index));
    // Mid-load means "many calls answered and more in flight", whatever the machine's speed.
    const loadDeadline = Date.now() + 30_000;
    while (answered + verified <= 100 && Date.now() < loadDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered + verified).toBeGreaterThan(100);
    stopping = true;
    const exitCode = await server.stop('SIGTERM');
    await Promise.all(loops);
    expect(exitCode).toBe(0);

    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(Number(row.requestCount)).toBe(answered + verified);
    expect(Number(row.quotaUsed)).toBe(answered + 2 * verified);
    const days = await prisma.apiTokenUsageDaily.findMany({ where: { tokenId: minted.id } });
    expect(days.reduce((sum, day) => sum + day.successes, 0)).toBe(answered + verified);
    expect(days.reduce((sum, day) => sum + day.failures, 0)).toBe(0);
  });
});
