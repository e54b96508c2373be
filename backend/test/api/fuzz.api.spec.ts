import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApiTokenDto } from '../../src/api-tokens/dto/create-api-token.dto';
import { RotateApiTokenDto } from '../../src/api-tokens/dto/rotate-api-token.dto';
import { UpdateApiTokenDto } from '../../src/api-tokens/dto/update-api-token.dto';
import { LoginDto, RegisterDto } from '../../src/auth/dto/auth.dto';
import { ERROR_CODES } from '../../src/contract';
import { SaveExpiryWebhookDto } from '../../src/expiry-notices/dto/save-expiry-webhook.dto';
import { UpdateProfileDto } from '../../src/users/dto/update-profile.dto';
import { VerifyTokenDto } from '../../src/verify/dto/verify-token.dto';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const CODES = new Set(Object.values(ERROR_CODES));

/** Values that break naive handlers: wrong types, huge numbers, odd strings, nesting. */
const nasty = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', '\u0000', '../../etc', '{"a":1}', 'tsr_', '2026-13-45T99:99:99Z', 'NaN'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);
const field = (names: readonly string[]) => fc.dictionary(fc.constantFrom(...names), nasty, { maxKeys: names.length });
const bodyFor = (names: readonly string[]) => fc.oneof(field(names), fc.dictionary(fc.string({ maxLength: 10 }), nasty, { maxKeys: 4 }), nasty);

function expectErrorShape(status: number, body: unknown): void {
  expect(status, JSON.stringify(body)).toBeLessThan(500);
  if (status >= 400) {
    const error = body as Record<string, unknown>;
    expect(error.statusCode).toBe(status);
    expect(typeof error.error).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(CODES.has(error.code as never), `unknown code ${String(error.code)}`).toBe(true);
    if (error.details !== undefined) {
      for (const detail of error.details as Array<Record<string, unknown>>) expect(typeof detail.field).toBe('string');
    }
  }
}

describe('fuzzed input never breaks the API', () => {
  let t: TestApp;
  let user: TestUser;
  let tokenId: string;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '10000', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100000' });
    user = await signUp(t, 'fuzz');
    tokenId = (await mint(t, user.session)).id;
  });
  afterAll(() => t.close());

  const TOKEN_FIELDS = ['name', 'description', 'scopes', 'expiresAt', 'requestLimit', 'quotaLimit', 'rateLimit'];

  it('POST /users/me/api-tokens: no 500, every error in the shared shape, nothing half-written', async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(TOKEN_FIELDS), async (body) => {
        const before = await t.prisma.apiToken.count({ where: { userId: user.id } });
        const response = await t.http.post('/api/users/me/api-tokens').set(bearer(user.session)).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectErrorShape(response.status, response.body);
        const after = await t.prisma.apiToken.count({ where: { userId: user.id } });
        expect(after - before).toBe(response.status === 201 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('PATCH /users/me/api-tokens/:id: no 500, and a refused edit changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(bodyFor(TOKEN_FIELDS), async (body) => {
        const before = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
        const response = await t.http.patch(`/api/users/me/api-tokens/${tokenId}`).set(bearer(user.session)).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectErrorShape(response.status, response.body);
        if (response.status >= 400) expect(await t.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /users/me/api-tokens with fuzzed query strings: no 500', async () => {
    const query = fc.dictionary(
      fc.constantFrom('page', 'limit', 'search', 'status', 'sort', 'order', 'other'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('active', 'name', 'desc', '-1', '1e9', '%', '%%')),
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const search = new URLSearchParams(params).toString();
        const response = await t.http.get(`/api/users/me/api-tokens?${search}`).set(bearer(user.session));
        expectErrorShape(response.status, response.body);
      }),
      { numRuns: RUNS },
    );
  });

  it('path ids of every shape: no 500 on any token route', async () => {
    const id = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.uuid(), fc.constantFrom('stats', '..', '%00', '%E0%A4%A', 'null'));
    await fc.assert(
      fc.asyncProperty(id, fc.constantFrom('get', 'patch', 'delete', 'revoke', 'regenerate', 'restore', 'usage'), async (raw, action) => {
        const path = `/api/users/me/api-tokens/${encodeURIComponent(raw).replace(/%25/g, '%')}`;
        const request =
          action === 'get' ? t.http.get(path)
          : action === 'patch' ? t.http.patch(path).send({ name: 'x' })
          : action === 'delete' ? t.http.delete(path)
          : action === 'usage' ? t.http.get(`${path}/usage`)
          : t.http.post(`${path}/${action}`);
        const response = await request.set(bearer(user.session));
        expectErrorShape(response.status, response.body);
      }),
      { numRuns: RUNS },
    );
  });

  it('register, login, profile edit and expiry webhook with fuzzed bodies: no 500', async () => {
    const route = fc.constantFrom(
      { method: 'post' as const, path: '/api/auth/register', fields: ['username', 'email', 'password'] },
      { method: 'post' as const, path: '/api/auth/login', fields: ['email', 'password'] },
      { method: 'patch' as const, path: '/api/users/me', fields: ['username', 'email', 'newPassword', 'currentPassword'] },
      { method: 'put' as const, path: '/api/users/me/expiry-webhook', fields: ['url'] },
    );
    await fc.assert(
      fc.asyncProperty(route.chain((r) => fc.tuple(fc.constant(r), bodyFor(r.fields))), async ([r, body]) => {
        const response = await t.http[r.method](r.path).set(bearer(user.session)).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectErrorShape(response.status, response.body);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/tokens/verify with fuzzed bodies: no 500; 200 answers say valid and code; only a valid call charges', async () => {
    const verifier = await mint(t, user.session, { name: 'fuzz verify', scopes: ['account:read', 'usage:write'], quotaLimit: 1_000_000_000 });
    const tokenValue = fc.oneof(
      fc.constant(verifier.token),
      fc.constant(`${verifier.token.slice(0, -1)}${verifier.token.endsWith('A') ? 'B' : 'A'}`),
      fc.string({ maxLength: 60 }).map((value) => `tsr_${value}`),
      nasty,
    );
    const body = fc.oneof(
      fc.record({ token: tokenValue, scopes: fc.option(nasty, { nil: undefined }), cost: fc.option(nasty, { nil: undefined }) }, { requiredKeys: ['token'] }),
      fc.record({ token: tokenValue, scopes: fc.subarray(['account:read', 'account:write', 'tokens:read', 'usage:write', 'usage:read']), cost: fc.integer({ min: -5, max: 2_000_000 }) }),
      bodyFor(['token', 'scopes', 'cost']),
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await t.http.post('/api/v1/tokens/verify').set('Content-Type', 'application/json').send(JSON.stringify(input));
        expectErrorShape(response.status, response.body);
        if (response.status === 200) {
          expect(typeof response.body.valid).toBe('boolean');
          expect(response.body.valid ? 'VALID' : CODES.has(response.body.code)).toBeTruthy();
          if (!response.body.valid) expect(response.body.code).not.toBe('VALID');
        } else {
          expect(response.status).toBe(400);
        }
      }),
      { numRuns: RUNS },
    );
    await t.flushUsage();
    // What PostgreSQL charged is exactly what the valid answers charged: nothing for a 400 or a refusal.
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: verifier.id } });
    const daily = await t.prisma.apiTokenUsageDaily.findMany({ where: { tokenId: verifier.id } });
    expect(Number(row.quotaUsed)).toBe(daily.reduce((sum, day) => sum + Number(day.cost), 0));
    expect(Number(row.requestCount)).toBe(daily.reduce((sum, day) => sum + day.successes, 0));
  });

  it('GET stats and :id/usage with fuzzed ?days (and other keys): no 500, 400 names the field', async () => {
    const query = fc.dictionary(
      fc.constantFrom('days', 'days', 'page', 'other'),
      fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String), fc.constantFrom('0', '1', '366', '367', '-1', '1.5', '1e3', '30abc', ' 30', '0x10', 'Infinity', 'NaN', '')),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (params, stats) => {
        const path = stats ? '/api/users/me/api-tokens/stats' : `/api/users/me/api-tokens/${tokenId}/usage`;
        const response = await t.http.get(`${path}?${new URLSearchParams(params).toString()}`).set(bearer(user.session));
        expectErrorShape(response.status, response.body);
        if (response.status === 200) {
          expect(Number.isInteger(response.body.days)).toBe(true);
          expect(response.body.days).toBeGreaterThanOrEqual(1);
          expect(response.body.days).toBeLessThanOrEqual(366);
        } else {
          expect(response.status).toBe(400);
          expect(response.body.details.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('random Authorization headers: 401 in the shared shape, never a 500', async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 60 }).map((value) => `Bearer ${value}`),
      fc.string({ maxLength: 40 }).map((value) => `tsr_${value}`).map((value) => `Bearer ${value}`),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        const safe = value.replace(/[^\x20-\x7e]/g, 'x');
        const response = await t.http.get('/api/users/me').set('Authorization', safe);
        expectErrorShape(response.status, response.body);
        expect(response.status).toBe(401);
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * Every body field of every endpoint that takes a body, read from the DTO's own validation
 * metadata (so a field added later is fuzzed too): a lone UTF-16 surrogate, and nesting tens of
 * thousands of levels deep, are a 400 VALIDATION_FAILED naming that field, never a 500.
 */
describe('malformed text and deep nesting in every body field', () => {
  let t: TestApp;
  let user: TestUser;
  let tokenId: string;
  let selfToken: string;

  beforeAll(async () => {
    t = await startTestApp({ MAX_TOKENS_PER_USER: '10000', LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '100000' });
    user = await signUp(t, 'fuzzutf');
    tokenId = (await mint(t, user.session)).id;
    selfToken = (await mint(t, user.session, { name: 'self', scopes: ['tokens:rotate-self'] })).token;
  });
  afterAll(() => t.close());

  type Route = { method: 'post' | 'patch' | 'put'; path: () => string; dto: new () => object; credential: () => string | null };
  const routes = (): Route[] => [
    { method: 'post', path: () => '/api/auth/register', dto: RegisterDto, credential: () => null },
    { method: 'post', path: () => '/api/auth/login', dto: LoginDto, credential: () => null },
    { method: 'patch', path: () => '/api/users/me', dto: UpdateProfileDto, credential: () => user.session },
    { method: 'post', path: () => '/api/users/me/api-tokens', dto: CreateApiTokenDto, credential: () => user.session },
    { method: 'patch', path: () => `/api/users/me/api-tokens/${tokenId}`, dto: UpdateApiTokenDto, credential: () => user.session },
    { method: 'post', path: () => `/api/users/me/api-tokens/${tokenId}/rotate`, dto: RotateApiTokenDto, credential: () => user.session },
    { method: 'post', path: () => '/api/users/me/api-tokens/self/rotate', dto: RotateApiTokenDto, credential: () => selfToken },
    { method: 'put', path: () => '/api/users/me/expiry-webhook', dto: SaveExpiryWebhookDto, credential: () => user.session },
    { method: 'post', path: () => '/api/v1/tokens/verify', dto: VerifyTokenDto, credential: () => null },
  ];
  const fieldsOf = (dto: new () => object) => [
    ...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((meta) => meta.propertyName)),
  ];

  function deep(levels: number): string {
    return '['.repeat(levels) + ']'.repeat(levels);
  }
  const badValues: Array<{ what: string; json: string; constraint: string }> = [
    { what: 'a lone high surrogate', json: '"a\\ud800b"', constraint: 'wellFormedString' },
    { what: 'a lone low surrogate', json: '"\\udfff"', constraint: 'wellFormedString' },
    { what: 'a lone surrogate inside an array', json: '["ok","\\ud83d"]', constraint: 'wellFormedString' },
    { what: '20 000 levels of nesting', json: deep(20_000), constraint: 'maxDepth' },
    { what: 'objects nested 5 000 levels deep', json: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), constraint: 'maxDepth' },
  ];

  it('each DTO has fields to fuzz (the metadata lookup works)', () => {
    for (const route of routes()) expect(fieldsOf(route.dto).length, route.path()).toBeGreaterThan(0);
    expect(fieldsOf(UpdateProfileDto)).toEqual(expect.arrayContaining(['username', 'email', 'newPassword', 'currentPassword']));
  });

  it('every field of every body route answers 400 VALIDATION_FAILED naming the field', async () => {
    const before = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    for (const route of routes()) {
      for (const field of fieldsOf(route.dto)) {
        for (const bad of badValues) {
          const request = t.http[route.method](route.path()).set('Content-Type', 'application/json');
          const credential = route.credential();
          if (credential) request.set(bearer(credential));
          const response = await request.send(`{${JSON.stringify(field)}:${bad.json}}`);
          const label = `${route.method.toUpperCase()} ${route.path()} ${field} with ${bad.what}`;
          expect(response.status, `${label}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(400);
          expectErrorShape(response.status, response.body);
          expect(response.body.code, label).toBe('VALIDATION_FAILED');
          expect(response.body.details[0].field.split('.')[0], label).toBe(field);
          expect(response.body.details[0].constraint, label).toBe(bad.constraint);
        }
      }
    }
    // Nothing was written by any of them.
    expect(await t.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).toEqual(before);
  });

  it('fuzzed strings with lone surrogates anywhere in a body: 400, never a 500', async () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    const broken = fc.tuple(fc.string({ maxLength: 8 }), surrogate, fc.string({ maxLength: 8 })).map(([a, s, b]) => `${a}${s}${b}`);
    const input = fc.constantFrom(...routes()).chain((route) =>
      fc.tuple(fc.constant(route), fc.dictionary(fc.constantFrom(...fieldsOf(route.dto)), fc.oneof(broken, fc.array(broken, { minLength: 1, maxLength: 3 })), { minKeys: 1 })),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([route, body]) => {
        const request = t.http[route.method](route.path()).set('Content-Type', 'application/json');
        const credential = route.credential();
        if (credential) request.set(bearer(credential));
        const response = await request.send(JSON.stringify(body));
        expectErrorShape(response.status, response.body);
        expect(response.status).toBe(400);
        expect(Object.keys(body)).toContain(response.body.details[0].field.split('.')[0]);
      }),
      { numRuns: RUNS },
    );
  });

  it('deep nesting on a route that takes no body, and in a query string, is never a 500', async () => {
    const revoke = await t.http.post(`/api/users/me/api-tokens/${tokenId}/regenerate`).set(bearer(user.session)).set('Content-Type', 'application/json').send(deep(20_000));
    expect(revoke.status).toBeLessThan(500);
    const list = await t.http.get(`/api/users/me/api-tokens?search=${encodeURIComponent('a\ud800'.slice(0, 1))}%ED%A0%80`).set(bearer(user.session));
    expectErrorShape(list.status, list.body);
  });
});
