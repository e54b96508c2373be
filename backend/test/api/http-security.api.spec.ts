import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type MintedToken, type TestUser } from '../support/fixtures';
import { ensureBuilt } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';

const FOREIGN = 'https://evil.example';
const PANEL = 'https://panel.example.com';

describe('HTTP hardening', () => {
  let t: TestApp;
  let user: TestUser;
  let pat: MintedToken;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'headers');
    pat = await mint(t, user.session, { scopes: ['account:read', 'tokens:read'] });
  });
  afterAll(() => t.close());

  describe('security headers', () => {
    const expectHardened = (headers: Record<string, string | string[] | undefined>) => {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-powered-by']).toBeUndefined();
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests');
    };

    it('are on successful answers, error answers, health and the API docs', async () => {
      expectHardened((await t.http.get('/api/users/me').set(bearer(user.session)).expect(200)).headers);
      expectHardened((await t.http.get('/api/users/me').expect(401)).headers);
      expectHardened((await t.http.get('/api/no-such-route').expect(404)).headers);
      expectHardened((await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{bad').expect(400)).headers);
      expectHardened((await t.http.get('/api/health').expect(200)).headers);
      expectHardened((await t.http.get('/api/docs').redirects(1)).headers);
    });

    it('route a trailing slash like the path without it, as before the move to Fastify', async () => {
      expectHardened((await t.http.get('/api/policy/').expect(200)).headers);
    });

    it('serve JSON as JSON (never sniffable HTML)', async () => {
      const answer = await t.http.get('/api/users/me').expect(401);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
    });
  });

  describe('CORS', () => {
    it('is off by default: no Access-Control-Allow-Origin for a foreign origin, simple or preflight', async () => {
      const simple = await t.http.get('/api/health').set('Origin', FOREIGN);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http
        .options('/api/users/me')
        .set('Origin', FOREIGN)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    });

    it('allows exactly the origins in CORS_ORIGINS when set', async () => {
      const cors = await startTestApp({ CORS_ORIGINS: `${PANEL}, https://other.example.com` });
      try {
        const allowed = await cors.http
          .options('/api/users/me')
          .set('Origin', PANEL)
          .set('Access-Control-Request-Method', 'GET')
          .set('Access-Control-Request-Headers', 'authorization');
        expect(allowed.status).toBeLessThan(300);
        expect(allowed.headers['access-control-allow-origin']).toBe(PANEL);
        expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
        expect((await cors.http.get('/api/health').set('Origin', PANEL)).headers['access-control-allow-origin']).toBe(PANEL);

        const refused = await cors.http.get('/api/health').set('Origin', FOREIGN);
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
        // Never the wildcard, and never credentials: the API's credential is a bearer header, not a cookie.
        expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      } finally {
        await cors.close();
      }
    });
  });

  describe('no secrets in URLs', () => {
    const QUERY_NAMES = ['access_token', 'token', 'api_key', 'apikey', 'key', 'jwt', 'auth', 'authorization', 'bearer'];

    it.each(QUERY_NAMES)('ignores a PAT or a session passed as ?%s=', async (name) => {
      for (const secret of [pat.token, user.session]) {
        const answer = await t.http.get(`/api/users/me?${name}=${encodeURIComponent(secret)}`);
        expect([answer.status, answer.body.code]).toEqual([401, 'UNAUTHENTICATED']);
        const list = await t.http.get(`/api/users/me/api-tokens?${name}=${encodeURIComponent(secret)}`);
        expect(list.status).not.toBe(200);
      }
    });

    it('takes the verify API\'s token only from the body', async () => {
      const answer = await t.http.post(`/api/v1/tokens/verify?token=${pat.token}`).send({});
      expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(answer.body.details.map((detail: { field: string }) => detail.field)).toContain('token');
    });

    it('puts no secret in any answer\'s Location or Link header', async () => {
      const minted = await t.http.post('/api/users/me/api-tokens').set(bearer(user.session)).send({ name: 'url check', scopes: ['account:read'] }).expect(201);
      expect(minted.headers.location ?? '').not.toContain('tsr_');
      expect(minted.headers.link ?? '').not.toContain('tsr_');
    });
  });
});

describe('production start-up', () => {
  const backend = path.resolve(__dirname, '..', '..');

  async function startProduction(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
    const child = spawn(process.execPath, [path.join(backend, 'dist', 'main.js')], {
      cwd: backend,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SERVE_PANEL: 'false', DATA_DIR: '/tmp/tessera-test-unused', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return { code, stderr, stdout };
  }

  beforeAll(() => ensureBuilt(), 200_000);

  it('refuses to start without JWT_SECRET, exits 1 and names the variable', async () => {
    const { code, stderr } = await startProduction({});
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_SECRET: is required when NODE_ENV=production/);
  });

  it.each(['changeme', 'secret', 'short-but-not-32'])('refuses to start with the weak JWT_SECRET %s', async (secret) => {
    const { code, stderr } = await startProduction({ JWT_SECRET: secret });
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_SECRET: is too weak/);
    // The message explains; it does not echo the value back.
    if (secret !== 'secret') expect(stderr).not.toContain(secret);
  });
});
