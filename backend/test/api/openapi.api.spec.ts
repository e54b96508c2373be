import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/contract';
import { schemaProblems } from '../../src/common/openapi/exact-schemas';
import { startTestApp, type TestApp } from '../support/test-app';

type Schema = { $ref?: string; type?: string | string[]; anyOf?: Schema[]; properties?: Record<string, Schema>; required?: string[]; example?: unknown; enum?: unknown[]; default?: unknown; items?: Schema; allOf?: Schema[] };
type Media = { schema?: Schema; examples?: Record<string, { value: Record<string, unknown> }>; example?: unknown };
type Response = { description?: string; content?: Record<string, Media> };
type Operation = {
  operationId: string;
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean; content?: Record<string, Media> };
  tags?: string[];
  responses: Record<string, Response>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const CODES = new Set<string>(Object.values(ERROR_CODES));

describe('OpenAPI document (/api/docs-json)', () => {
  let t: TestApp;
  let document: Document;
  const operations: { label: string; path: string; method: string; operation: Operation }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        if (item[method]) operations.push({ label: `${method.toUpperCase()} ${path}`, path, method, operation: item[method] });
      }
    }
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return document.components.schemas[schema.$ref.split('/').pop()!];
  };

  it('lists every route of the API', () => {
    const labels = operations.map((entry) => entry.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/register',
        'POST /api/auth/login',
        'GET /api/users/me',
        'PATCH /api/users/me',
        'GET /api/users/me/api-tokens',
        'POST /api/users/me/api-tokens',
        'GET /api/users/me/api-tokens/stats',
        'GET /api/users/me/api-tokens/{id}',
        'PATCH /api/users/me/api-tokens/{id}',
        'DELETE /api/users/me/api-tokens/{id}',
        'POST /api/users/me/api-tokens/{id}/revoke',
        'POST /api/users/me/api-tokens/{id}/regenerate',
        'POST /api/users/me/api-tokens/{id}/restore',
        'GET /api/users/me/api-tokens/{id}/usage',
        'POST /api/v1/tokens/verify',
      ]),
    );
  });

  it('gives every operation a summary and a 2xx answer with a schema', () => {
    for (const { label, operation } of operations) {
      expect(operation.summary?.length, `${label} summary`).toBeGreaterThan(5);
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(success.length, `${label} 2xx`).toBeGreaterThan(0);
      for (const [status, response] of success) {
        // 204 No Content has no body to describe.
        if (status === '204') expect(response.content, `${label} 204 content`).toBeUndefined();
        else expect(response.content?.['application/json']?.schema, `${label} ${status} schema`).toBeDefined();
      }
    }
  });

  it('describes every request body with a schema whose required fields have an example, an enum or a default', () => {
    for (const { label, operation } of operations.filter((entry) => entry.operation.requestBody)) {
      const schema = resolve(operation.requestBody!.content?.['application/json']?.schema);
      expect(schema?.properties, `${label} body schema`).toBeDefined();
      for (const field of schema!.required ?? []) {
        const property = resolve(schema!.properties![field])!;
        const shown = property.example !== undefined || property.enum !== undefined || property.default !== undefined || property.items?.enum !== undefined;
        expect(shown, `${label} body field ${field} has no example`).toBe(true);
      }
    }
  });

  it('documents the error answers of every operation in the shared shape, with an example per code', () => {
    const errorBody = document.components.schemas.ErrorBody;
    expect(errorBody.required).toEqual(['statusCode', 'error', 'code', 'message']);
    for (const { label, path, operation } of operations) {
      const statuses = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
      // Whether a route is public is checked against the server itself (the security test below).
      if ((operation.security ?? []).length > 0) {
        expect(statuses, `${label} documents 401`).toContain('401');
        expect(statuses, `${label} documents 403`).toContain('403');
      }
      if (operation.requestBody || (operation.parameters ?? []).length > 0) expect(statuses, `${label} documents 400`).toContain('400');
      if (path.includes('{id}')) expect(statuses, `${label} documents 404`).toContain('404');
      for (const status of statuses) {
        const media = operation.responses[status].content?.['application/json'];
        if (path === '/api/health') continue; // its 503 is the health body, by design
        expect(media?.schema?.$ref, `${label} ${status} schema`).toBe('#/components/schemas/ErrorBody');
        const examples = Object.entries(media?.examples ?? {});
        expect(examples.length, `${label} ${status} examples`).toBeGreaterThan(0);
        for (const [code, example] of examples) {
          expect(CODES.has(code), `${label} ${status}: ${code} is in the catalogue`).toBe(true);
          expect(example.value).toMatchObject({ statusCode: Number(status), code });
          expect(typeof example.value.message).toBe('string');
          expect(typeof example.value.error).toBe('string');
        }
        expect(operation.responses[status].description).toContain(examples[0][0]);
      }
    }
  });

  it('names the codes the routes really answer', () => {
    const responses = (method: string, path: string) => document.paths[path][method].responses;
    const codesOf = (method: string, path: string, status: number) => Object.keys(responses(method, path)[String(status)]?.content?.['application/json']?.examples ?? {});
    expect(codesOf('post', '/api/users/me/api-tokens', 409)).toContain('TOKEN_LIMIT_REACHED');
    expect(codesOf('post', '/api/users/me/api-tokens', 403)).toEqual(['IP_NOT_ALLOWED', 'SESSION_REQUIRED']);
    expect(codesOf('get', '/api/users/me/api-tokens', 403)).toContain('INSUFFICIENT_SCOPE');
    expect(codesOf('get', '/api/users/me', 401)).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED']));
    expect(codesOf('get', '/api/users/me', 429)).toEqual(expect.arrayContaining(['RATE_LIMITED', 'REQUEST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED']));
    expect(codesOf('post', '/api/auth/login', 401)).toContain('INVALID_CREDENTIALS');
    expect(codesOf('post', '/api/auth/login', 429)).toContain('RATE_LIMITED');
    expect(codesOf('post', '/api/auth/register', 409)).toContain('CONFLICT');
    expect(codesOf('post', '/api/v1/tokens/verify', 503)).toContain('LIMITER_UNAVAILABLE');
    expect(codesOf('post', '/api/v1/tokens/verify', 400)).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'MALFORMED_JSON']));
    expect(codesOf('patch', '/api/users/me', 403)).toContain('CURRENT_PASSWORD_INVALID');
    expect(codesOf('get', '/api/users/me/api-tokens/{id}', 404)).toEqual(['NOT_FOUND']);
  });

  // The rules below hold for every route, so a new endpoint is checked without being listed here.
  it('names every operation with a unique verb-first operationId that leaks no class name', () => {
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(new Set(ids).size, 'unique').toBe(ids.length);
    for (const { label, operation } of operations) {
      expect(operation.operationId, label).toMatch(/^(get|list|create|update|delete|register|login|logout|revoke|rotate|regenerate|restore|verify|save|test|report|disable|enable|invite|accept|set|send|scan|search|check)[A-Z]?[A-Za-z]*$/);
      expect(operation.operationId, label).not.toMatch(/Controller|_/);
    }
    expect(document.paths['/api/users/me/api-tokens'].post.operationId).toBe('createApiToken');
    expect(document.paths['/api/users/me/api-tokens'].get.operationId).toBe('listApiTokens');
    expect(document.paths['/api/v1/tokens/verify'].post.operationId).toBe('verifyToken');
  });

  it('gives every operation exactly one tag, declared at the top', () => {
    const declared = new Set(((document as unknown as { tags: { name: string }[] }).tags ?? []).map((tag) => tag.name));
    for (const { label, operation } of operations) {
      expect(operation.tags, label).toHaveLength(1);
      expect(declared.has(operation.tags![0]), `${label} tag declared`).toBe(true);
    }
  });

  it('marks with security: [] exactly the operations that answer without credentials, every other with one bearer entry', async () => {
    for (const { label, path, method, operation } of operations) {
      const url = path.replace(/\{id\}/g, '00000000-0000-4000-8000-000000000000');
      const answer = await (t.http as unknown as Record<string, (url: string) => { send(body: unknown): Promise<{ status: number; body: { code?: string } }> }>)[method](url).send({});
      const refused = answer.status === 401 && answer.body.code === 'UNAUTHENTICATED';
      expect(operation.security, `${label} (answered ${answer.status} ${answer.body.code ?? ''} without credentials)`).toEqual(refused ? [{ bearer: [] }] : []);
    }
  });

  it('has no untyped field, no nullable keyword and no allOf wrapper in any schema', () => {
    expect(schemaProblems(document as never)).toEqual([]);
    const create = document.components.schemas.CreateApiTokenDto;
    expect(create.required).toEqual(['name', 'scopes']);
    expect(create.properties!.expiresAt.type).toEqual(['string', 'null']);
    expect(create.properties!.description.type).toEqual(['string', 'null']);
    expect(create.properties!.requestLimit.type).toEqual(['integer', 'null']);
    expect(document.components.schemas.VerifyResultView.properties!.rateLimit.anyOf).toEqual([{ $ref: '#/components/schemas/RateLimitView' }, { type: 'null' }]);
    expect(document.components.schemas.UpdateProfileDto.required ?? []).toEqual([]);
  });

  it('requires a request body only where a field of it is required', () => {
    for (const { label, operation } of operations.filter((entry) => entry.operation.requestBody)) {
      const schema = resolve(operation.requestBody!.content?.['application/json']?.schema);
      expect(operation.requestBody!.required, label).toBe((schema?.required ?? []).length > 0);
    }
    expect(document.paths['/api/users/me/api-tokens/{id}/rotate'].post.requestBody!.required).toBe(false);
  });

  it('documents each error code under the status the catalogue gives it', () => {
    for (const { label, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const code of Object.keys(response.content?.['application/json']?.examples ?? {})) {
          expect(String(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE]?.status), `${label} ${code}`).toBe(status);
        }
      }
    }
  });

  it('describes /api/health with a schema for both answers', () => {
    const responses = document.paths['/api/health'].get.responses;
    expect(responses['200'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/HealthView');
    expect(responses['503'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/HealthView');
  });
});
