import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestUser } from '../support/fixtures';
import { listen } from '../support/http-burst';
import { freePort } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = path.join(repoRoot, 'examples', 'deploy-api', 'server.mjs');

/** Starts examples/deploy-api against `tessera` with `key`; resolves once it listens. */
async function startExample(tessera: string, key: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, TESSERA_URL: tessera, TESSERA_SERVICE_KEY: key, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`deploy-api exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * The example service end to end: a real Tessera (own install, so its first account is the admin)
 * and examples/deploy-api (Express + @tessera/sdk's requireToken, so the SDK must be built: turbo's
 * @tessera/backend#test depends on @tessera/sdk#build) as its own process, with a service key.
 */
describe('examples/deploy-api, protected by Tessera', () => {
  let t: TestApp;
  let tessera: string;
  let admin: TestUser;
  let example: { url: string; child: ChildProcess } | undefined;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    tessera = await listen(t);
    admin = await signUp(t, 'deployadmin');
  });
  afterAll(async () => {
    example?.child.kill('SIGTERM');
    await t?.close();
  });

  const deploy = (method: 'GET' | 'POST', token: string | null, body?: unknown) =>
    fetch(`${example!.url}/deployments`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {}, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (response) => ({
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    }));

  it('refuses to start without its service key, saying what to set', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TESSERA_URL: tessera, PORT: String(await freePort()) };
    delete env.TESSERA_SERVICE_KEY;
    const failed = await run(process.execPath, [EXAMPLE], { env, timeout: 30_000 }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/set TESSERA_SERVICE_KEY/);
  });

  it('lets a read-only token list and not deploy, a write token deploy at cost 5, and refuses a revoked token on its next call', async () => {
    const app = await t.http
      .post('/api/admin/applications')
      .set(bearer(admin.session))
      .send({ name: 'Deploy API', slug: 'deploy-api-e2e', scopes: [{ scope: 'deploy:read', description: 'List' }, { scope: 'deploy:write', description: 'Deploy', implies: ['deploy:read'] }] })
      .expect(201);
    const key = (await t.http.post(`/api/admin/applications/${app.body.id}/service-keys`).set(bearer(admin.session)).send({ name: 'e2e' }).expect(201)).body.key as string;
    example = await startExample(tessera, key);

    const mint = async (body: Record<string, unknown>) =>
      (await t.http.post('/api/users/me/api-tokens').set(bearer(admin.session)).send({ applicationId: app.body.id, ...body }).expect(201)).body as { id: string; token: string };
    const reader = await mint({ name: 'reader', scopes: ['deploy:read'] });
    const writer = await mint({ name: 'writer', scopes: ['deploy:write'], quotaLimit: 100 });

    expect((await deploy('GET', null)).status).toBe(401);
    const listed = await deploy('GET', reader.token);
    expect(listed).toMatchObject({ status: 200, body: { data: [] } });
    const refused = await deploy('POST', reader.token, { service: 'web' });
    expect(refused).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden', code: 'INSUFFICIENT_SCOPE' } });

    const deployed = await deploy('POST', writer.token, { service: 'web', version: '1.4.2' });
    expect(deployed).toMatchObject({ status: 201, body: { service: 'web', version: '1.4.2', deployedBy: admin.username, remaining: { quota: 95 } } });
    expect(deployed.headers.get('x-quota-remaining')).toBe('95');
    const detail = await t.http.get(`/api/users/me/api-tokens/${writer.id}`).set(bearer(admin.session)).expect(200);
    await t.flushUsage();
    expect((await t.http.get(`/api/users/me/api-tokens/${writer.id}`).set(bearer(admin.session)).expect(200)).body.quotaUsed).toBe(5);
    expect(detail.body.application.slug).toBe('deploy-api-e2e');
    // deploy:write implies deploy:read.
    expect((await deploy('GET', writer.token)).body.data).toHaveLength(1);

    // A token of Tessera's own API is unknown to this application's key.
    const own = (await t.http.post('/api/users/me/api-tokens').set(bearer(admin.session)).send({ name: 'own', scopes: ['account:read'] }).expect(201)).body.token as string;
    expect(await deploy('GET', own)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });

    await t.http.post(`/api/users/me/api-tokens/${writer.id}/revoke`).set(bearer(admin.session)).expect(200);
    expect(await deploy('POST', writer.token, { service: 'web' })).toMatchObject({ status: 401, body: { code: 'TOKEN_REVOKED' } });

    // Out of quota: 429 in the same shape.
    const small = await mint({ name: 'small', scopes: ['deploy:write'], quotaLimit: 7 });
    expect((await deploy('POST', small.token, { service: 'api' })).status).toBe(201);
    expect(await deploy('POST', small.token, { service: 'api' })).toMatchObject({ status: 429, body: { code: 'QUOTA_EXCEEDED' } });
  });
});

describe('docs/protect-your-api.md', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    base = await listen(t);
  });
  afterAll(() => t?.close());

  it('runs as written: registers the application, starts the example, and shows each answer', async () => {
    const text = await readFile(path.join(repoRoot, 'docs', 'protect-your-api.md'), 'utf8');
    const blocks = [...text.matchAll(/<!-- doc-test -->\n```bash\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toHaveLength(6);
    const script = blocks.join('\n').replaceAll('http://localhost:3000', base);
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: repoRoot,
      timeout: 60_000,
      env: { ...process.env, DEPLOY_PORT: String(await freePort()) },
    });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^application [0-9a-f-]{36}$/);
    expect(lines[1]).toBe('service key tsk_…');
    expect(stdout).toMatch(/^\{"data":\[\],"remaining":\{"requests":null,"quota":null\}\} 200$/m);
    expect(stdout).toMatch(/"code":"INSUFFICIENT_SCOPE".* 403$/m);
    expect(stdout).toMatch(/"deployedBy":"grace".*"remaining":\{"requests":null,"quota":95\}\} 201$/m);
    expect(stdout).toMatch(/^x-quota-remaining: 94/im);
    expect(stdout).toMatch(/^x-quota-reset: \d{10}/im);
    expect(stdout).toMatch(/"code":"TOKEN_INVALID".* 401$/m);
    expect(lines.at(-1)).toMatch(/"code":"TOKEN_REVOKED".* 401$/);
  });
});
