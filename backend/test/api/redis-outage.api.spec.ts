import { ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mint, signUp, type TestUser } from '../support/fixtures';
import { call, listen } from '../support/http-burst';
import { freePort } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';

/** A Redis of this test's own (so stopping it disturbs nobody else), on a fixed port it can restart on. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { createConnection } = await import('node:net');
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('when Redis goes away', () => {
  let port: number;
  let redis: ChildProcess;
  let t: TestApp;
  let base: string;
  let user: TestUser;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: 'outage:' });
    base = await listen(t);
    user = await signUp(t, 'outage');
  });
  afterAll(async () => {
    await t?.close();
    if (redis) await stopRedis(redis);
  });

  it('fails closed for limited tokens with 503 LIMITER_UNAVAILABLE, keeps serving unlimited ones, and recovers by itself', async () => {
    const limited = await mint(t, user.session, { requestLimit: 5 });
    const unlimited = await mint(t, user.session);
    const me = (token: string) => call(`${base}/api/users/me`, { token });
    expect((await me(limited.token)).status).toBe(200);
    expect((await me(unlimited.token)).status).toBe(200);
    await t.flushUsage();

    await stopRedis(redis);
    const refused = await me(limited.token);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('LIMITER_UNAVAILABLE');
    const verify = await call(`${base}/api/v1/tokens/verify`, { body: { token: limited.token } });
    expect(verify.status).toBe(503);
    expect(verify.body.code).toBe('LIMITER_UNAVAILABLE');
    expect((await me(unlimited.token)).status).toBe(200);
    expect((await call(`${base}/api/v1/tokens/verify`, { body: { token: unlimited.token } })).body.valid).toBe(true);

    // Token changes still take effect on the next call while Redis is down.
    const revoked = await mint(t, user.session);
    expect((await me(revoked.token)).status).toBe(200);
    await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set('Authorization', `Bearer ${user.session}`).expect(200);
    expect((await me(revoked.token)).body.code).toBe('TOKEN_REVOKED');

    redis = await startRedis(port);
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await me(limited.token)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    // The new Redis knew nothing: its counters were seeded from PostgreSQL (1 call) and go on from there.
    for (let index = 0; index < 3; index += 1) expect((await me(limited.token)).status).toBe(200);
    expect((await me(limited.token)).body.code).toBe('REQUEST_LIMIT_EXCEEDED');
  });
});
