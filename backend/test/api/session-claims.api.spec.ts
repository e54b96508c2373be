import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(payload: unknown, secret = TEST_JWT_SECRET, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const head = `${b64(header)}.${b64(payload)}`;
  const digest = (header as { alg?: string }).alg === 'HS512' ? 'sha512' : (header as { alg?: string }).alg === 'HS384' ? 'sha384' : 'sha256';
  return `${head}.${createHmac(digest, secret).update(head).digest('base64url')}`;
}

/**
 * A session JWT is trusted only in the shape this server issues: even signed with JWT_SECRET,
 * any other claim shape is a 401 UNAUTHENTICATED, never accepted forever and never a 500.
 */
describe('session JWT claims', () => {
  let t: TestApp;
  let user: TestUser;
  const now = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    t = await startTestApp({ JWT_EXPIRES_IN_SECONDS: '3600' });
    user = await signUp(t, 'claims');
  });
  afterAll(() => t.close());

  const good = () => ({ sub: user.id, typ: 'session', sv: 0, iat: now(), exp: now() + 600 });

  it('the shape the server issues is accepted (the control case)', async () => {
    await t.http.get('/api/users/me').set(bearer(jwt(good()))).expect(200);
    await t.http.get('/api/users/me').set(bearer(user.session)).expect(200);
  });

  const refused: Array<[string, () => unknown, object?]> = [
    ['no exp (it would never end)', () => ({ ...good(), exp: undefined })],
    ['exp as a string', () => ({ ...good(), exp: String(now() + 600) })],
    ['no iat', () => ({ ...good(), iat: undefined })],
    ['iat in the future', () => ({ ...good(), iat: now() + 3600, exp: now() + 4000 })],
    ['a lifetime longer than JWT_EXPIRES_IN_SECONDS', () => ({ ...good(), exp: now() + 10 * 365 * 86400 })],
    ['no sub', () => ({ ...good(), sub: undefined })],
    ['a sub that is not a uuid', () => ({ ...good(), sub: 'admin' })],
    ['a sub that is a uuid with junk after it', () => ({ ...good(), sub: `${user.id}'--` })],
    ['a numeric sub', () => ({ ...good(), sub: 12345 })],
    ['a sub that is an object', () => ({ ...good(), sub: { id: user.id } })],
    ['another typ', () => ({ ...good(), typ: 'refresh' })],
    ['no typ', () => ({ ...good(), typ: undefined })],
    ['a negative session version', () => ({ ...good(), sv: -1 })],
    ['a fractional session version', () => ({ ...good(), sv: 0.5 })],
    ['a string session version', () => ({ ...good(), sv: '0' })],
    ['a payload that is an array', () => [user.id]],
    ['a payload that is a string', () => user.id],
    ['HS512 instead of HS256', () => good(), { alg: 'HS512', typ: 'JWT' }],
    ['alg none', () => good(), { alg: 'none', typ: 'JWT' }],
  ];

  for (const [what, payload, header] of refused) {
    it(`refuses ${what} with 401 UNAUTHENTICATED`, async () => {
      const response = await t.http.get('/api/users/me').set(bearer(jwt(payload(), TEST_JWT_SECRET, header)));
      expect(response.status, JSON.stringify(response.body)).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });
  }
});
