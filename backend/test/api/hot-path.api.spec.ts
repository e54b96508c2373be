import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mint, signUp, type TestUser } from '../support/fixtures';
import { call, listen } from '../support/http-burst';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every SQL text sent to PostgreSQL by this process, captured where the driver sends it. */
function captureQueries(): { texts: string[]; restore: () => void } {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    texts.push(typeof config === 'string' ? config : String((config as { text?: string })?.text));
    return (original as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof original;
  return { texts, restore: () => (pg.Client.prototype.query = original) };
}

/** Work done on timers, off the request path: the recorder's batch (and its transaction) and the runtime policy's refresh. */
const isTimerWork = (text: string) =>
  /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(text) ||
  /UPDATE api_tokens AS t SET/.test(text) ||
  /INSERT INTO api_token_usage_daily/.test(text) ||
  // "Last used from": upserted and trimmed to 5 per token in the same batch.
  /INSERT INTO api_token_recent_ips/.test(text) ||
  /DELETE FROM api_token_recent_ips r/.test(text) ||
  // The runtime policy's refresh timer (every POLICY_REFRESH_SECONDS), not a request's work.
  /FROM "public"\."runtime_policy"/.test(text);

describe('the hot path of a valid token', () => {
  let t: TestApp;
  let base: string;
  let user: TestUser;
  beforeAll(async () => {
    // Timer work that lands inside a counted window (the runtime policy re-read every
    // POLICY_REFRESH_SECONDS, the usage batch) is left out of the counts by isTimerWork.
    t = await startTestApp();
    base = await listen(t);
    user = await signUp(t, 'hot');
  });
  afterAll(() => t.close());

  it('verifies a known token with no database query and no synchronous write, limits included', async () => {
    const unlimited = await mint(t, user.session);
    const limited = await mint(t, user.session, { requestLimit: 1000, quotaLimit: 1000, rateLimit: 1000 });
    // Warm up: the first call of each loads the token (and the limited one its counters).
    for (const { token } of [unlimited, limited]) expect((await call(`${base}/api/v1/tokens/verify`, { body: { token } })).body.valid).toBe(true);
    await t.flushUsage();

    const capture = captureQueries();
    try {
      for (let index = 0; index < 50; index += 1) {
        for (const { token } of [unlimited, limited]) {
          expect((await call(`${base}/api/v1/tokens/verify`, { body: { token, cost: 2 } })).body.valid).toBe(true);
        }
      }
      const onRequestPath = capture.texts.filter((text) => !isTimerWork(text));
      expect(onRequestPath).toEqual([]);
    } finally {
      capture.restore();
    }
    // The calls were counted all the same, and reach PostgreSQL with the next batch.
    await t.flushUsage();
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: limited.id } });
    expect({ requestCount: Number(row.requestCount), quotaUsed: Number(row.quotaUsed) }).toEqual({ requestCount: 51, quotaUsed: 101 });
  });

  it('answers GET /auth/whoami with a PAT with no database query, counting the call all the same', async () => {
    const { id, token } = await mint(t, user.session, { scopes: ['usage:read'], requestLimit: 100 });
    await call(`${base}/api/auth/whoami`, { token });
    await t.flushUsage();
    const capture = captureQueries();
    try {
      for (let index = 0; index < 20; index += 1) {
        const answer = await call(`${base}/api/auth/whoami`, { token });
        expect(answer.body).toEqual({ kind: 'token', userId: user.id, tokenId: id, scopes: ['usage:read'], usingRetiredSecret: false });
        expect(answer.headers.get('x-requestlimit-remaining')).toBe(String(100 - 2 - index));
      }
      expect(capture.texts.filter((text) => !isTimerWork(text))).toEqual([]);
    } finally {
      capture.restore();
    }
    await t.flushUsage();
    expect(Number((await t.prisma.apiToken.findUniqueOrThrow({ where: { id } })).requestCount)).toBe(21);
  });

  it('adds no query to a route called with a PAT; a session adds exactly its version check', async () => {
    const { token } = await mint(t, user.session, { requestLimit: 1000 });
    await call(`${base}/api/users/me`, { token });
    await t.flushUsage();
    // The version check reads that one column; the handler's read of the user selects them all.
    const isSessionCheck = (text: string) => /FROM "public"\."users"/.test(text) && /"session_version"/.test(text) && !/"password_hash"/.test(text);
    const count = async (credential: string) => {
      const capture = captureQueries();
      try {
        for (let index = 0; index < 20; index += 1) expect((await call(`${base}/api/users/me`, { token: credential })).status).toBe(200);
        const texts = capture.texts.filter((text) => !isTimerWork(text));
        return { sessionChecks: texts.filter(isSessionCheck).length, handler: texts.filter((text) => !isSessionCheck(text)).length };
      } finally {
        capture.restore();
      }
    };
    const withSession = await count(user.session);
    const withToken = await count(token);
    expect(withSession.handler).toBeGreaterThan(0); // the handler itself reads the user
    expect(withToken.handler).toBe(withSession.handler);
    expect(withSession.sessionChecks).toBe(20); // one primary-key read per session call (password changes sign sessions out)
    expect(withToken.sessionChecks).toBe(0);
  });

  it('rejects a malformed token before any lookup', async () => {
    const capture = captureQueries();
    try {
      const answer = await call(`${base}/api/users/me`, { token: 'tsr_0000000000000000000000000000000000000' });
      expect(answer.body.code).toBe('TOKEN_INVALID');
      expect((await call(`${base}/api/v1/tokens/verify`, { body: { token: 'tsr_tooshort' } })).body.code).toBe('TOKEN_INVALID');
      expect(capture.texts.filter((text) => !isTimerWork(text))).toEqual([]);
    } finally {
      capture.restore();
    }
  });

  it('goes to the database on every call when the cache is turned off', async () => {
    const uncached = await startTestApp({ TOKEN_CACHE_SIZE: '0' });
    try {
      const uncachedBase = await listen(uncached);
      const { token } = await mint(uncached, user.session);
      const capture = captureQueries();
      try {
        for (let index = 0; index < 5; index += 1) await call(`${uncachedBase}/api/v1/tokens/verify`, { body: { token } });
        expect(capture.texts.filter((text) => /api_tokens/.test(text) && !isTimerWork(text)).length).toBe(5);
      } finally {
        capture.restore();
      }
    } finally {
      await uncached.close();
    }
  });
});
