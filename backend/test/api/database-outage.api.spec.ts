import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mint, signUp, type MintedToken, type TestUser } from '../support/fixtures';
import { call, listen, type CallResult } from '../support/http-burst';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';

/** Longest any answer may take while the database is gone: no hanging requests. */
const ANSWER_WITHIN_MS = 8_000;

/**
 * PostgreSQL taken away mid-run through a TCP proxy (the shared server keeps running for
 * everyone else): the app answers 503 DATABASE_UNAVAILABLE, health says so, nothing is
 * half-written, and everything comes back by itself — with no usage count lost.
 */
describe('when PostgreSQL goes away', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let base: string;
  let user: TestUser;

  /** Every PAT call the test made, with the token and the answer, to reconcile usage at the end. */
  const patCalls: { tokenId: string; status: number; valid?: boolean }[] = [];

  const timed = async (make: () => Promise<CallResult>): Promise<CallResult> => {
    const started = Date.now();
    const result = await make();
    expect(Date.now() - started, 'answered in time').toBeLessThan(ANSWER_WITHIN_MS);
    return result;
  };
  const me = async (token: MintedToken) => {
    const result = await timed(() => call(`${base}/api/users/me`, { token: token.token }));
    patCalls.push({ tokenId: token.id, status: result.status });
    return result;
  };
  const verify = async (token: MintedToken) => {
    const result = await timed(() => call(`${base}/api/v1/tokens/verify`, { body: { token: token.token } }));
    patCalls.push({ tokenId: token.id, status: result.status, valid: result.body.valid as boolean | undefined });
    return result;
  };
  const session = (path: string, init: { method?: string; body?: unknown } = {}) => timed(() => call(`${base}${path}`, { ...init, token: user.session }));
  const expectUnavailable = (result: CallResult) => {
    expect([result.status, result.body.code], JSON.stringify(result.body)).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(result.body.statusCode).toBe(503);
    expect(typeof result.body.message).toBe('string');
    expect(result.headers.get('retry-after')).toBeTruthy();
  };
  const health = () => timed(() => call(`${base}/api/health`));
  const waitForHealthy = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await health();
      if (answer.status === 200) return;
      if (Date.now() > deadline) throw new Error(`still unhealthy: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    const through = TcpProxy.forUrl(inject('databaseUrl'));
    proxy = through.proxy;
    await proxy.start();
    t = await startTestApp({ DATABASE_URL: through.url(), DATABASE_TIMEOUT_MS: '2000' });
    base = await listen(t);
    user = await signUp(t, 'dbout');
  });
  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  /** PostgreSQL's view, read through the app's Prisma client (the proxy is up again by then). */
  async function reconcile(tokens: MintedToken[]): Promise<void> {
    await t.flushUsage();
    for (const token of tokens) {
      const mine = patCalls.filter((entry) => entry.tokenId === token.id);
      // Every answered call on a known, usable token was admitted and counts; 2xx with valid!==false are successes.
      const successes = mine.filter((entry) => entry.status < 300 && entry.valid !== false).length;
      const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
      const daily = await t.prisma.apiTokenUsageDaily.findMany({ where: { tokenId: token.id } });
      const sum = (key: 'requests' | 'successes' | 'failures') => daily.reduce((total, day) => total + day[key], 0);
      expect(Number(row.requestCount), `requestCount of ${token.body.name}`).toBe(mine.length);
      expect(sum('requests'), `daily requests of ${token.body.name}`).toBe(mine.length);
      expect(sum('successes'), `daily successes of ${token.body.name}`).toBe(successes);
      expect(sum('failures')).toBe(mine.length - successes);
    }
  }

  it('answers 503 DATABASE_UNAVAILABLE fast when connections are refused, writes nothing half-way, and resumes by itself with no usage lost', async () => {
    const unlimited = await mint(t, user.session, { name: 'unlimited', scopes: ['account:read'] });
    const limited = await mint(t, user.session, { name: 'limited', scopes: ['account:read'], requestLimit: 1000 });
    const neverUsed = await mint(t, user.session, { name: 'never used' });
    for (let index = 0; index < 3; index += 1) {
      expect((await me(unlimited)).status).toBe(200);
      expect((await me(limited)).status).toBe(200);
      expect((await verify(limited)).body.valid).toBe(true);
    }
    expect((await health()).status).toBe(200);

    await proxy.cut();

    const down = await health();
    expect([down.status, down.body]).toEqual([503, { status: 'error', database: 'down' }]);
    // Session calls need the database: 503 with the code, never a 500, never a hang.
    expectUnavailable(await session('/api/users/me'));
    expectUnavailable(await session('/api/users/me/api-tokens'));
    expectUnavailable(await session('/api/users/me/api-tokens/stats'));
    expectUnavailable(await session('/api/users/me/api-tokens', { body: { name: 'made during the outage', scopes: ['account:read'] } }));
    expectUnavailable(await session(`/api/users/me/api-tokens/${unlimited.id}/revoke`, { method: 'POST' }));
    expectUnavailable(await timed(() => call(`${base}/api/auth/register`, { body: { username: 'during_outage', email: 'during-outage@example.com', password: 'long enough password' } })));
    expectUnavailable(await timed(() => call(`${base}/api/auth/login`, { body: { email: user.email, password: user.password } })));

    // A PAT the cache has never seen needs the database to be recognised.
    expectUnavailable(await timed(() => call(`${base}/api/users/me`, { token: neverUsed.token })));
    expectUnavailable(await timed(() => call(`${base}/api/v1/tokens/verify`, { body: { token: neverUsed.token } })));

    // Cached tokens are still verified (from the cache, with in-memory counters); their usage waits in memory.
    for (let index = 0; index < 5; index += 1) {
      expect((await verify(unlimited)).body.valid).toBe(true);
      expect((await verify(limited)).body.valid).toBe(true);
    }
    // A route whose handler reads the database fails with 503 after the token was admitted: counted, as a failure.
    expectUnavailable(await me(unlimited));
    expectUnavailable(await me(limited));
    // Give the recorder a few flush attempts against the dead database.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await health()).status).toBe(503);

    await proxy.restore();
    await waitForHealthy();

    // Service is back without a restart, for sessions and PATs alike.
    expect((await session('/api/users/me')).status).toBe(200);
    expect((await me(unlimited)).status).toBe(200);
    expect((await me(limited)).status).toBe(200);
    expect((await me(neverUsed)).status).toBe(200);
    // Nothing from the failed writes exists: no half-made token, account or revocation.
    expect(await t.prisma.apiToken.count({ where: { name: 'made during the outage' } })).toBe(0);
    expect(await t.prisma.user.count({ where: { username: 'during_outage' } })).toBe(0);
    expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: unlimited.id } })).status).toBe('ACTIVE');

    await reconcile([unlimited, limited, neverUsed]);
  });

  it('answers within seconds when the database stops answering (a black hole, not a refusal), and recovers', async () => {
    const token = await mint(t, user.session, { name: 'stall', scopes: ['account:read'] });
    expect((await me(token)).status).toBe(200);
    expect((await verify(token)).body.valid).toBe(true);

    proxy.stall();

    const down = await health();
    expect(down.status).toBe(503);
    expectUnavailable(await session('/api/users/me'));
    expectUnavailable(await session('/api/users/me/api-tokens', { body: { name: 'made during the stall', scopes: ['account:read'] } }));
    expect((await verify(token)).body.valid).toBe(true);
    // Several at once, so the whole pool is stuck at the same time.
    const parallel = await Promise.all(Array.from({ length: 12 }, () => session('/api/users/me')));
    for (const answer of parallel) expectUnavailable(answer);

    await proxy.restore();
    await waitForHealthy();
    expect((await session('/api/users/me')).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    expect(await t.prisma.apiToken.count({ where: { name: 'made during the stall' } })).toBe(0);
    await reconcile([token]);
  });
});
