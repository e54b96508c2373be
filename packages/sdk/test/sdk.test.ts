import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTesseraClient, createVerifier, TesseraError, type VerifyResult } from '../src/index.js';
import { requireToken as requireTokenExpress } from '../src/express.js';
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
