import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { burst, call, codesOf, statusCounts } from '../support/http-burst';
import type { ServerProcess } from '../support/server-process';
import { twoInstances } from '../support/two-instances';

/**
 * Two real server processes on one PostgreSQL and one Redis, calls spread over both: one set of
 * limits, and a change on one instance is seen by the other on the next call.
 */
describe('two instances behind one Redis', () => {
  const twins = twoInstances();
  let a: ServerProcess;
  let b: ServerProcess;
  let session: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ a, b, prisma } = twins);
    session = (await twins.account('twin')).session;
  });

  const mint = async (body: object) => {
    const answer = await call(`${a.url}/api/users/me/api-tokens`, { token: session, body: { name: 'twin', scopes: ['account:read'], ...body } });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; token: string };
  };
  /** Call i goes to instance A when even, B when odd. */
  const spread = (index: number) => (index % 2 === 0 ? a : b).url;

  it('lets exactly 100 of 400 concurrent calls over both instances through a requestLimit of 100', async () => {
    const { id, token } = await mint({ requestLimit: 100 });
    const results = await burst(400, (index) => call(`${spread(index)}/api/users/me`, { token }));
    expect(statusCounts(results)).toEqual({ 200: 100, 429: 300 });
    expect(codesOf(results)).toEqual(new Set(['REQUEST_LIMIT_EXCEEDED']));
    // Each instance got 200 calls: two separate limiters would have admitted 100 each (200 in all).
    expect(results.filter((_result, index) => index % 2 === 0)).toHaveLength(200);

    // Each instance flushes its own share; together they are the exact total.
    const deadline = Date.now() + 10_000;
    let persisted = -1;
    while (Date.now() < deadline) {
      persisted = Number((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).requestCount);
      if (persisted === 100) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(persisted).toBe(100);
  });

  it('lets exactly the calls the quota pays for through, over both instances', async () => {
    const { token } = await mint({ quotaLimit: 300 });
    const results = await burst(400, (index) => call(`${spread(index)}/api/v1/tokens/verify`, { body: { token, cost: 3 } }));
    expect(results.filter((result) => result.body.valid === true)).toHaveLength(100);
    expect(results.filter((result) => result.body.code === 'QUOTA_EXCEEDED')).toHaveLength(300);
  });

  it('lets exactly 100 of 400 concurrent calls over both instances through a rateLimit of 100/min', async () => {
    const { token } = await mint({ rateLimit: 100 });
    const results = await burst(400, (index) => call(`${spread(index)}/api/users/me`, { token }));
    expect(statusCounts(results)).toEqual({ 200: 100, 429: 300 });
    expect(codesOf(results)).toEqual(new Set(['RATE_LIMITED']));
    expect(Number(results.find((result) => result.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles sign-in per account over both instances: exactly 5 of 12 concurrent wrong passwords are checked', async () => {
    const username = `guess_${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    expect((await call(`${a.url}/api/auth/register`, { body: { username, email, password: 'correct horse battery' } })).status).toBe(201);
    const results = await burst(12, (index) => call(`${spread(index)}/api/auth/login`, { body: { email, password: `guess number ${index}` } }));
    // One throttle per instance would have let 10 through (5 on each).
    expect(statusCounts(results)).toEqual({ 401: 5, 429: 7 });
    expect(codesOf(results)).toEqual(new Set(['INVALID_CREDENTIALS', 'RATE_LIMITED']));
  });

  it('stops a token on B on the next call after it is revoked on A (B had it cached)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { id, token } = await mint({});
      for (let warm = 0; warm < 3; warm += 1) expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);
      expect((await call(`${a.url}/api/users/me/api-tokens/${id}/revoke`, { token: session, body: {} })).status).toBe(200);
      const next = await call(`${b.url}/api/users/me`, { token });
      expect(next.status).toBe(401);
      expect(next.body.code).toBe('TOKEN_REVOKED');
    }
  });

  it('applies a limit edited on A to the next call on B, and a delete on B to the next call on A', async () => {
    const { id, token } = await mint({});
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);
    expect((await call(`${a.url}/api/users/me`, { token })).status).toBe(200);
    const edited = await fetch(`${a.url}/api/users/me/api-tokens/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rateLimit: 1 }),
    });
    expect(edited.status).toBe(200);
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);
    expect((await call(`${a.url}/api/users/me`, { token })).body.code).toBe('RATE_LIMITED');

    const removed = await fetch(`${b.url}/api/users/me/api-tokens/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${session}` } });
    expect(removed.status).toBe(200);
    expect((await call(`${a.url}/api/users/me`, { token })).body.code).toBe('TOKEN_DELETED');
  });
});
