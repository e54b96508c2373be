import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTesseraClient, createVerifier, TesseraError, type VerifyResult } from '../src/index.js';
import { createRequireToken as createRequireTokenExpress, requireToken as requireTokenExpress } from '../src/express.js';
import { requireToken as requireTokenFastify } from '../src/fastify.js';
import { signUp, startTesseraServer, type TesseraServer } from './tessera-server.js';

let server: TesseraServer;
let session: string;

beforeAll(async () => {
  server = await startTesseraServer();
  ({ session } = await signUp(server.url));
});
afterAll(() => server?.stop());

async function mint(body: { name: string; scopes: ('account:read' | 'usage:read' | 'tokens:read')[]; rateLimit?: number | null; requestLimit?: number | null }): Promise<string> {
  const client = createTesseraClient({ baseUrl: server.url, token: session });
  const { data, error } = await client.POST('/api/users/me/api-tokens', { body });
  if (!data) throw new Error(JSON.stringify(error));
  return data.token;
}

describe('createTesseraClient', () => {
  it('drives the API with the generated types: create, list, show', async () => {
    const client = createTesseraClient({ baseUrl: `${server.url}/`, token: session });
    const created = await client.POST('/api/users/me/api-tokens', { body: { name: 'sdk client', scopes: ['tokens:read'], expiresAt: null } });
    expect(created.response.status).toBe(201);
    expect(created.data?.token).toMatch(/^tsr_/);
    const listed = await client.GET('/api/users/me/api-tokens', { params: { query: { search: 'sdk client' } } });
    expect(listed.data?.data.map((token) => token.name)).toEqual(['sdk client']);
    const missing = await client.GET('/api/users/me/api-tokens/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
  });
});

describe('createVerifier', () => {
  it('answers about a valid token, and about one without the scope, without throwing', async () => {
    const token = await mint({ name: 'verify me', scopes: ['account:read'] });
    const verifier = createVerifier({ baseUrl: server.url });
    const ok = await verifier.verify(token, { scopes: ['account:read'] });
    expect(ok.result).toMatchObject({ valid: true, code: 'VALID', scopes: ['account:read'] });
    const refused = await verifier.verify(token, { scopes: ['usage:read'], cost: 3 });
    expect(refused.result).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });
    const unknown = await verifier.verify('tsr_notatoken');
    expect(unknown.result.code).toBe('TOKEN_INVALID');
  });

  it('sends the service key as the Authorization header when it is given', async () => {
    const seen: (string | null)[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push((input instanceof Request ? input.headers : new Headers(init?.headers)).get('authorization'));
      return fetch(input, init);
    };
    const token = await mint({ name: 'service key', scopes: ['account:read'] });
    // A key that is not one (bad checksum) is refused by the server: the header did reach it.
    const refused = await createVerifier({ baseUrl: server.url, serviceKey: 'tsk_example', fetch: recording })
      .verify(token)
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(TesseraError);
    expect((refused as TesseraError).status).toBe(401);
    expect((refused as TesseraError).code).toBe('SERVICE_KEY_INVALID');
    // Without a key, Tessera's own tokens are answered while openVerifyForTesseraTokens allows it.
    expect((await createVerifier({ baseUrl: server.url, fetch: recording }).verify(token)).result.valid).toBe(true);
    expect(seen).toEqual(['Bearer tsk_example', null]);
  });

  it('throws a TesseraError for a call Tessera refuses as malformed', async () => {
    const verifier = createVerifier({ baseUrl: server.url });
    const error = await verifier.verify('tsr_x', { cost: -1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).status).toBe(400);
    expect((error as TesseraError).code).toBe('VALIDATION_FAILED');
  });
});

describe('createVerifier with the limiter unavailable (a real server whose Redis is unreachable)', () => {
  let outage: TesseraServer;
  beforeAll(async () => {
    outage = await startTesseraServer({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => outage?.stop());

  it('retries 503 LIMITER_UNAVAILABLE after Retry-After, then throws it', async () => {
    const { session: outageSession } = await signUp(outage.url);
    const client = createTesseraClient({ baseUrl: outage.url, token: outageSession });
    const { data } = await client.POST('/api/users/me/api-tokens', { body: { name: 'limited', scopes: ['account:read'], requestLimit: 10 } });
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const verifier = createVerifier({ baseUrl: outage.url, fetch: counting, retries: 1 });
    const started = Date.now();
    const error = await verifier.verify(data!.token).catch((caught: unknown) => caught);
    expect((error as TesseraError).code).toBe('LIMITER_UNAVAILABLE');
    expect((error as TesseraError).headers['retry-after']).toBe('5');
    expect(calls).toBe(2);
    // The server said Retry-After: 5.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
  }, 30_000);

  it('the middleware retries too, then passes the 503 LIMITER_UNAVAILABLE on in the envelope with Retry-After', async () => {
    const { session: outageSession } = await signUp(outage.url);
    const client = createTesseraClient({ baseUrl: outage.url, token: outageSession });
    const { data } = await client.POST('/api/users/me/api-tokens', { body: { name: 'limited behind middleware', scopes: ['usage:read'], requestLimit: 10 } });
    let verifyCalls = 0;
    const counting: typeof fetch = (input, init) => {
      verifyCalls++;
      return fetch(input, init);
    };
    const app = express();
    app.get('/report', createRequireTokenExpress(createVerifier({ baseUrl: outage.url, fetch: counting, retries: 1 }))({ scopes: ['usage:read'] }), (_request, response) => {
      response.json({ reached: true });
    });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const started = Date.now();
      const answer = await fetch(`http://127.0.0.1:${(listener.address() as AddressInfo).port}/report`, { headers: { Authorization: `Bearer ${data!.token}` } });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ statusCode: 503, code: 'LIMITER_UNAVAILABLE' });
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(verifyCalls).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  }, 30_000);
});

/** The two middlewares, each in front of a real app, answering the same way. */
const frameworks = {
  async express(options: Parameters<typeof requireTokenExpress>[0]) {
    const app = express();
    app.get('/report', requireTokenExpress(options), (request, response) => {
      response.json({ tokenId: (request as { tessera?: VerifyResult }).tessera?.tokenId });
    });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    return { url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => listener.close(() => resolve())) };
  },
  async fastify(options: Parameters<typeof requireTokenFastify>[0]) {
    const app = Fastify();
    app.decorateRequest('tessera', null);
    app.get('/report', { preHandler: requireTokenFastify(options) }, async (request) => ({ tokenId: (request as { tessera?: VerifyResult }).tessera?.tokenId }));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: address, close: () => app.close() };
  },
};

describe.each(Object.keys(frameworks) as (keyof typeof frameworks)[])('requireToken for %s', (framework) => {
  let service: { url: string; close(): Promise<unknown> };
  beforeAll(async () => {
    service = await frameworks[framework]({ verifier: createVerifier({ baseUrl: server.url }), scopes: ['usage:read'], cost: 2 });
  });
  afterAll(() => service?.close());

  const call = (token?: string) => fetch(`${service.url}/report`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('answers 401 in Tessera\'s envelope without a bearer token or with an unknown one', async () => {
    const none = await call();
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    const unknown = await call('tsr_notatoken');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ statusCode: 401, code: 'TOKEN_INVALID' });
  });

  it('answers 403 INSUFFICIENT_SCOPE for a token without the scope', async () => {
    const answer = await call(await mint({ name: `${framework} no scope`, scopes: ['account:read'] }));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ statusCode: 403, code: 'INSUFFICIENT_SCOPE' });
  });

  it('lets a valid token through with the verified token on the request, then 429 with limit headers past its rate limit', async () => {
    const token = await mint({ name: `${framework} limited`, scopes: ['usage:read'], rateLimit: 1 });
    const first = await call(token);
    expect(first.status).toBe(200);
    expect((await first.json()).tokenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    const second = await call(token);
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});

/** A call with the session of the install's first account, its admin. */
async function asAdmin(method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await fetch(`${server.url}/api${route}`, { method, headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(json)}`);
  return json;
}

const savedEnvironment = { TESSERA_URL: process.env.TESSERA_URL, TESSERA_SERVICE_KEY: process.env.TESSERA_SERVICE_KEY };
function restoreTesseraEnvironment(): void {
  for (const [name, value] of Object.entries(savedEnvironment)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/**
 * The shape of the issue: `requireToken({ scopes, cost })`, the verifier read from TESSERA_URL +
 * TESSERA_SERVICE_KEY, in front of an application's own scopes, with a real service key.
 */
describe('requireToken({ scopes, cost }) configured from the environment', () => {
  let deployApp: { id: string };
  let serviceKey: string;
  const restoreEnvironment = restoreTesseraEnvironment;

  const mintFor = async (body: Record<string, unknown>) => (await asAdmin('POST', '/users/me/api-tokens', { applicationId: deployApp.id, ...body })) as { id: string; token: string };

  beforeAll(async () => {
    // The first account of the fresh install (signed up above) is its admin.
    deployApp = (await asAdmin('POST', '/admin/applications', {
      name: 'Deploy API',
      slug: 'sdk-deploy',
      scopes: [
        { scope: 'deploy:read', description: 'List deployments' },
        { scope: 'deploy:write', description: 'Start deployments', implies: ['deploy:read'] },
      ],
    })) as { id: string };
    serviceKey = (await asAdmin('POST', `/admin/applications/${deployApp.id}/service-keys`, { name: 'sdk test' })).key as string;
  });
  afterEach(restoreEnvironment);

  it('refuses to build without TESSERA_URL and TESSERA_SERVICE_KEY, naming what is missing', () => {
    delete process.env.TESSERA_URL;
    delete process.env.TESSERA_SERVICE_KEY;
    expect(() => requireTokenExpress({ scopes: ['deploy:read'] })).toThrow(/set TESSERA_URL and TESSERA_SERVICE_KEY/);
    expect(() => requireTokenFastify({ scopes: ['deploy:read'] })).toThrow(/set TESSERA_URL and TESSERA_SERVICE_KEY/);
    process.env.TESSERA_URL = server.url;
    expect(() => requireTokenExpress({ scopes: ['deploy:read'] })).toThrow(/set TESSERA_SERVICE_KEY \(/);
    process.env.TESSERA_SERVICE_KEY = 'tsr_not_a_service_key';
    expect(() => requireTokenFastify({ scopes: ['deploy:read'] })).toThrow(/TESSERA_SERVICE_KEY is not a service key/);
    process.env.TESSERA_URL = 'localhost:3000';
    process.env.TESSERA_SERVICE_KEY = serviceKey;
    expect(() => requireTokenExpress()).toThrow(/TESSERA_URL is not an http\(s\) URL/);
    // A verifier given in code needs no environment.
    delete process.env.TESSERA_URL;
    expect(() => requireTokenExpress({ verifier: createVerifier({ baseUrl: server.url, serviceKey }) })).not.toThrow();
  });

  /** A deploy service: GET needs deploy:read (cost 1), POST deploy:write (cost 5), as in the issue. */
  const services = {
    async express() {
      const app = express();
      app.get('/deployments', requireTokenExpress({ scopes: ['deploy:read'], cost: 1 }), (request, response) => {
        response.json({ application: request.tessera?.application?.slug, remaining: request.tessera?.remaining });
      });
      app.post('/deployments', requireTokenExpress({ scopes: ['deploy:write'], cost: 5 }), (request, response) => {
        response.status(201).json({ deployedBy: request.tessera?.owner?.username, token: request.tessera?.name, remaining: request.tessera?.remaining });
      });
      const listener = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => listener.once('listening', resolve));
      return { url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => listener.close(() => resolve())) };
    },
    async fastify() {
      const app = Fastify();
      app.decorateRequest('tessera', null);
      type Verified = { tessera?: VerifyResult };
      app.get('/deployments', { preHandler: requireTokenFastify({ scopes: ['deploy:read'], cost: 1 }) }, async (request) => {
        const { tessera } = request as Verified;
        return { application: tessera?.application?.slug, remaining: tessera?.remaining };
      });
      app.post('/deployments', { preHandler: requireTokenFastify({ scopes: ['deploy:write'], cost: 5 }) }, async (request, reply) => {
        const { tessera } = request as Verified;
        return reply.code(201).send({ deployedBy: tessera?.owner?.username, token: tessera?.name, remaining: tessera?.remaining });
      });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      return { url: address, close: () => app.close() };
    },
  };

  describe.each(Object.keys(services) as (keyof typeof services)[])('with %s', (framework) => {
    let service: { url: string; close(): Promise<unknown> };
    beforeAll(async () => {
      process.env.TESSERA_URL = server.url;
      process.env.TESSERA_SERVICE_KEY = serviceKey;
      service = await services[framework]();
      // Read once, when the middleware was built.
      restoreEnvironment();
    });
    afterAll(() => service?.close());

    const call = async (method: 'GET' | 'POST', token?: string) => {
      const answer = await fetch(`${service.url}/deployments`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
      return { status: answer.status, headers: answer.headers, body: (await answer.json()) as Record<string, unknown> };
    };

    it('answers 401 without a token, and 401 TOKEN_INVALID for a token of another application', async () => {
      expect(await call('GET')).toMatchObject({ status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' } });
      const own = await mint({ name: `${framework} tessera token`, scopes: ['account:read'] });
      expect(await call('GET', own)).toMatchObject({ status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'TOKEN_INVALID' } });
    });

    it('lets a read token list and answers 403 INSUFFICIENT_SCOPE when it deploys; a write token deploys at cost 5', async () => {
      const reader = await mintFor({ name: `${framework} reader`, scopes: ['deploy:read'] });
      expect(await call('GET', reader.token)).toMatchObject({ status: 200, body: { application: 'sdk-deploy' } });
      expect(await call('POST', reader.token)).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden', code: 'INSUFFICIENT_SCOPE' } });

      const writer = await mintFor({ name: `${framework} writer`, scopes: ['deploy:write'], quotaLimit: 100 });
      const deployed = await call('POST', writer.token);
      expect(deployed).toMatchObject({ status: 201, body: { deployedBy: expect.stringMatching(/^pkg_/), token: `${framework} writer`, remaining: { quota: 95 } } });
      expect(deployed.headers.get('x-quota-limit')).toBe('100');
      expect(deployed.headers.get('x-quota-remaining')).toBe('95');
      // deploy:write implies deploy:read.
      const listed = await call('GET', writer.token);
      expect(listed).toMatchObject({ status: 200, body: { remaining: { quota: 94 } } });
      expect(listed.headers.get('x-quota-remaining')).toBe('94');
    });

    it('answers 429 in the envelope with the limit headers: out of quota, and past the rate limit with Retry-After', async () => {
      const small = await mintFor({ name: `${framework} small`, scopes: ['deploy:write'], quotaLimit: 7 });
      expect((await call('POST', small.token)).status).toBe(201);
      const out = await call('POST', small.token);
      expect(out).toMatchObject({ status: 429, body: { statusCode: 429, error: 'Too Many Requests', code: 'QUOTA_EXCEEDED' } });
      expect(out.headers.get('x-quota-limit')).toBe('7');
      expect(out.headers.get('x-quota-remaining')).toBe('2');

      const hasty = await mintFor({ name: `${framework} hasty`, scopes: ['deploy:read'], rateLimit: 1 });
      expect((await call('GET', hasty.token)).status).toBe(200);
      const limited = await call('GET', hasty.token);
      expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, code: 'RATE_LIMITED' } });
      expect(limited.headers.get('x-ratelimit-limit')).toBe('1');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    });

    it('refuses a revoked token on its next call', async () => {
      const writer = await mintFor({ name: `${framework} revoked`, scopes: ['deploy:write'] });
      expect((await call('POST', writer.token)).status).toBe(201);
      await asAdmin('POST', `/users/me/api-tokens/${writer.id}/revoke`);
      expect(await call('POST', writer.token)).toMatchObject({ status: 401, body: { statusCode: 401, code: 'TOKEN_REVOKED' } });
    });
  });

  it('createRequireToken binds the middleware to a verifier configured in code', async () => {
    delete process.env.TESSERA_URL;
    delete process.env.TESSERA_SERVICE_KEY;
    const requireDeployToken = createRequireTokenExpress(createVerifier({ baseUrl: server.url, serviceKey }));
    const app = express();
    app.get('/deployments', requireDeployToken({ scopes: ['deploy:read'] }), (request, response) => {
      response.json({ scopes: request.tessera?.scopes });
    });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/deployments`;
      const writer = await mintFor({ name: 'bound writer', scopes: ['deploy:write'] });
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${writer.token}` } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ scopes: ['deploy:write'] });
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});

/** The README's example is what works: type-checked against the built package, then run. */
describe('README.md', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const scratch = path.join(root, 'test', '.readme-example');
  afterAll(() => rm(scratch, { recursive: true, force: true }));
  afterEach(restoreTesseraEnvironment);

  it('its ten-line example type-checks, and serves deploy:read and deploy:write routes', async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    expect(example.trim().split('\n')).toHaveLength(10);
    expect(example).toContain("from '@tessera/sdk/express'");
    await mkdir(scratch, { recursive: true });
    // As written, against the package's own name (its exports, its .d.ts): what a user's tsc sees.
    await writeFile(path.join(scratch, 'example.ts'), example);
    await promisify(execFile)(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', path.join(scratch, 'example.ts')], { cwd: root }).catch((error: { stdout?: string }) => {
      throw new Error(`the README example does not type-check:\n${error.stdout}`);
    });

    // Run, on a free port and with the server kept to close it, for an application of its own.
    const readmeApp = (await asAdmin('POST', '/admin/applications', { name: 'README', slug: 'sdk-readme', scopes: [{ scope: 'deploy:read', description: 'List' }, { scope: 'deploy:write', description: 'Deploy' }] })) as { id: string };
    const key = (await asAdmin('POST', `/admin/applications/${readmeApp.id}/service-keys`, { name: 'readme' })) as { key: string };
    process.env.TESSERA_URL = server.url;
    process.env.TESSERA_SERVICE_KEY = key.key;
    const runnable = example.replace("'@tessera/sdk/express'", `'${path.join(root, 'src', 'express.js')}'`).replace('app.listen(8080);', "export const listener = app.listen(0, '127.0.0.1');");
    await writeFile(path.join(scratch, 'runnable.ts'), runnable);
    const { listener } = (await import(path.join(scratch, 'runnable.ts'))) as { listener: import('node:http').Server };
    try {
      if (!listener.listening) await new Promise((resolve) => listener.once('listening', resolve));
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/deployments`;
      const reader = (await asAdmin('POST', '/users/me/api-tokens', { name: 'readme reader', applicationId: readmeApp.id, scopes: ['deploy:read'] })) as { token: string };
      const listed = await fetch(url, { headers: { Authorization: `Bearer ${reader.token}` } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual({ by: expect.stringMatching(/^pkg_/) });
      const refused = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${reader.token}` } });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});
