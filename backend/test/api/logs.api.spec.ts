import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, PASSWORD, signUp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('server logs', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await startTestApp({ LOG_LEVEL: 'trace', REQUEST_LOG: 'all' }, { logDestination: destination });
  });
  afterAll(() => t.close());

  it('log one structured line per request, and never a password, a token or the Authorization header', async () => {
    const user = await signUp(t, 'logged');
    const minted = await mint(t, user.session, { scopes: ['account:read'] });
    await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200);
    // A different last character (a token that already ends in x must change too).
    const tampered = `${minted.token.slice(0, -1)}${minted.token.endsWith('x') ? 'y' : 'x'}`;
    await t.http.get('/api/users/me').set(bearer(tampered)).expect(401);
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong password here' }).expect(401);
    const regenerated = await t.http.post(`/api/users/me/api-tokens/${minted.id}/regenerate`).set(bearer(user.session)).expect(200);
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ newPassword: 'brand new password', currentPassword: PASSWORD }).expect(200);
    await t.http.post('/api/users/me/api-tokens').set('Content-Type', 'application/json').set(bearer(user.session)).send('{"broken').expect(400);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const requestLines = lines.map((line) => JSON.parse(line)).filter((entry) => entry.req && entry.res);
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    expect(requestLines.find((entry) => entry.req.path === '/api/users/me' && entry.res.statusCode === 401)).toBeDefined();

    const everything = lines.join('\n');
    for (const secret of [PASSWORD, 'wrong password here', 'brand new password', minted.token, regenerated.body.token, user.session]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything.toLowerCase()).not.toContain('authorization');
    expect(everything).not.toContain('tsr_');
  });
});

describe('server logs in the default summary mode', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await startTestApp({ LOG_LEVEL: 'info', REQUEST_LOG_SUMMARY_SECONDS: '1' }, { logDestination: destination });
  });
  afterAll(() => t.close());

  it('logs each refusal as its own line, and successes only as counts per route in the summary line', async () => {
    const user = await signUp(t, 'summary');
    const minted = await mint(t, user.session, { scopes: ['account:read'] });
    for (let call = 0; call < 3; call += 1) await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200);
    await t.http.get('/api/users/me').expect(401);
    await t.http.post('/api/v1/tokens/verify').send({ token: minted.token }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1_300));

    const entries = lines.map((line) => JSON.parse(line));
    const requestLines = entries.filter((entry) => entry.req && entry.res);
    expect(requestLines.map((entry) => `${entry.req.method} ${entry.req.path} ${entry.res.statusCode}`)).toEqual(['GET /api/users/me 401']);
    const summaries = entries.filter((entry) => entry.requests);
    const counted: Record<string, number> = {};
    for (const summary of summaries) {
      for (const [route, count] of Object.entries(summary.requests.routes as Record<string, number>)) counted[route] = (counted[route] ?? 0) + count;
    }
    expect(counted['GET /api/users/me']).toBe(3);
    expect(counted['POST /api/v1/tokens/verify']).toBe(1);
    expect(lines.join('\n')).not.toContain('tsr_');
  });
});
