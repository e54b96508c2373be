import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, type Scope } from '../../src/contract';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: (id: string) => string;
  body?: Record<string, unknown>;
  /** The scope a PAT needs; undefined = session only. */
  needs?: Scope;
}

const base = '/api/users/me/api-tokens';
/** Every authenticated route, with the rule DESIGN.md gives it. */
const ROUTES: Route[] = [
  { method: 'get', path: () => '/api/users/me', needs: 'account:read' },
  { method: 'patch', path: () => '/api/users/me', body: {}, needs: 'account:write' },
  { method: 'get', path: () => base, needs: 'tokens:read' },
  { method: 'post', path: () => base, body: { name: 'x', scopes: ['account:read'] } },
  { method: 'get', path: (id) => `${base}/${id}`, needs: 'tokens:read' },
  { method: 'patch', path: (id) => `${base}/${id}`, body: { name: 'renamed' } },
  { method: 'post', path: (id) => `${base}/${id}/revoke`, needs: 'tokens:write' },
  { method: 'post', path: (id) => `${base}/${id}/regenerate` },
  { method: 'post', path: (id) => `${base}/${id}/rotate`, body: { gracePeriodSeconds: 60 } },
  { method: 'delete', path: (id) => `${base}/${id}` },
  { method: 'post', path: (id) => `${base}/${id}/restore` },
  { method: 'get', path: () => `${base}/stats`, needs: 'usage:read' },
  { method: 'get', path: (id) => `${base}/${id}/usage`, needs: 'usage:read' },
  { method: 'get', path: () => '/api/users/me/token-leaks', needs: 'tokens:read' },
  // Needs a leak record: `prepare` gives the target one.
  { method: 'post', path: (id) => `${base}/${id}/leak/dismiss` },
  // The applications a token can be minted for (issue 15): what the create form offers.
  { method: 'get', path: () => '/api/applications', needs: 'tokens:read' },
  // The expiry webhook holds a signing secret: sessions only. In this order a session creates, reads, re-keys, removes it.
  { method: 'put', path: () => '/api/users/me/expiry-webhook', body: { url: 'https://hooks.example.com/tessera' } },
  { method: 'get', path: () => '/api/users/me/expiry-webhook' },
  { method: 'post', path: () => '/api/users/me/expiry-webhook/secret' },
  { method: 'delete', path: () => '/api/users/me/expiry-webhook' },
];
const label = (route: Route) => `${route.method.toUpperCase()} ${route.path(':id')}`;
const needsLeak = (route: Route) => route.path('x').endsWith('/leak/dismiss');

describe('authorization', () => {
  let t: TestApp;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    // Every case mints its own tokens: lift the per-user cap out of the way.
    t = await startTestApp({ MAX_TOKENS_PER_USER: '10000' });
    [owner, stranger] = [await signUp(t, 'owner'), await signUp(t, 'stranger')];
  });
  afterAll(() => t.close());

  const call = (route: Route, id: string, credential: string) => {
    const request = t.http[route.method](route.path(id)).set(bearer(credential));
    return route.body ? request.send(route.body) : request;
  };

  describe.each(ALL_SCOPES.map((scope) => [scope]))('a PAT with only %s', (scope) => {
    it.each(ROUTES.map((route) => [label(route), route]))('is allowed or refused on %s by the scope rule', async (_name, route) => {
      const target = await mint(t, owner.session, { name: 'target' });
      const caller = await mint(t, owner.session, { name: `caller ${scope}`, scopes: [scope] });
      if (route.path('x').endsWith('/restore')) await t.http.delete(`${base}/${target.id}`).set(bearer(owner.session)).expect(200);
      if (needsLeak(route)) await t.prisma.tokenLeak.create({ data: { tokenId: target.id } });
      const response = await call(route, target.id, caller.token);

      if (!route.needs) {
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('SESSION_REQUIRED');
        return;
      }
      // The rule, spelled out independently of the code: the exact scope, or the group's write for a read.
      // A special scope (tokens:rotate-self) is neither a read nor a write and grants none of these routes.
      const allowed = scope === route.needs || (scope.endsWith(':write') && route.needs === scope.replace(/:write$/, ':read'));
      if (allowed) expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      else expect([response.status, response.body.code]).toEqual([403, 'INSUFFICIENT_SCOPE']);
    });
  });

  it('lets a session call every route', async () => {
    for (const route of ROUTES) {
      const target = await mint(t, owner.session, { name: 'target' });
      if (route.path('x').endsWith('/restore')) await t.http.delete(`${base}/${target.id}`).set(bearer(owner.session)).expect(200);
      if (needsLeak(route)) await t.prisma.tokenLeak.create({ data: { tokenId: target.id } });
      const response = await call(route, target.id, owner.session);
      expect(response.status, `${label(route)} ${JSON.stringify(response.body)}`).toBeLessThan(300);
    }
  });

  it('never lets a PAT mint a token or widen its own scopes, whatever it holds', async () => {
    const strongest = await mint(t, owner.session, { scopes: [...ALL_SCOPES] });
    const create = await t.http.post(base).set(bearer(strongest.token)).send({ name: 'child', scopes: [...ALL_SCOPES] });
    expect([create.status, create.body.code]).toEqual([403, 'SESSION_REQUIRED']);
    const weak = await mint(t, owner.session, { scopes: ['tokens:write'] });
    const widen = await t.http.patch(`${base}/${weak.id}`).set(bearer(weak.token)).send({ scopes: [...ALL_SCOPES] });
    expect([widen.status, widen.body.code]).toEqual([403, 'SESSION_REQUIRED']);
    expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: weak.id } })).scopes).toEqual(['tokens:write']);
  });

  describe('another user\'s token is a 404 on every route', () => {
    const byId = ROUTES.filter((route) => route.path('ID').includes('ID'));

    it.each(byId.map((route) => [label(route), route]))('with a session: %s', async (_name, route) => {
      const theirs = await mint(t, owner.session, { name: 'theirs' });
      if (route.path('x').endsWith('/restore')) await t.http.delete(`${base}/${theirs.id}`).set(bearer(owner.session)).expect(200);
      if (needsLeak(route)) await t.prisma.tokenLeak.create({ data: { tokenId: theirs.id } });
      const before = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: theirs.id } });
      const response = await call(route, theirs.id, stranger.session);
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await t.prisma.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
    });

    it.each(byId.filter((route) => route.needs).map((route) => [label(route), route]))('with a PAT holding every scope: %s', async (_name, route) => {
      const theirs = await mint(t, owner.session, { name: 'theirs' });
      const mine = await mint(t, stranger.session, { scopes: [...ALL_SCOPES] });
      const response = await call(route, theirs.id, mine.token);
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    });
  });
});
