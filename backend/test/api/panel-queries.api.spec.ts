/**
 * The small API additions the panel needs (issue 18): a list filter for exactly the tokens the
 * "expiring soon" banner counts, search that also matches scopes, and a new expiry set together
 * with regenerate or rotate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const tokens = '/api/users/me/api-tokens';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('token list queries and a new expiry on regenerate/rotate', () => {
  let t: TestApp;
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'panelq');
    other = await signUp(t, 'panelq-other');
  });
  afterAll(() => t.close());

  const names = (body: { data: { name: string }[] }) => body.data.map((token) => token.name).sort();

  it('expiringWithinDays lists exactly the tokens the expiring-soon count counts', async () => {
    await mint(t, user.session, { name: 'soon', scopes: ['account:read'], expiresAt: inDays(3) });
    await mint(t, user.session, { name: 'later', scopes: ['account:read'], expiresAt: inDays(30) });
    await mint(t, user.session, { name: 'never', scopes: ['account:read'], expiresAt: null });
    const revoked = await mint(t, user.session, { name: 'soon but revoked', scopes: ['account:read'], expiresAt: inDays(2) });
    await t.http.post(`${tokens}/${revoked.id}/revoke`).set(bearer(user.session)).expect(200);
    await mint(t, other.session, { name: 'someone else soon', scopes: ['account:read'], expiresAt: inDays(1) });

    const all = await t.http.get(tokens).set(bearer(user.session)).expect(200);
    const soon = await t.http.get(`${tokens}?expiringWithinDays=7`).set(bearer(user.session)).expect(200);
    expect(names(soon.body)).toEqual(['soon']);
    expect(soon.body.total).toBe(all.body.expiringSoonCount);
    const month = await t.http.get(`${tokens}?expiringWithinDays=31`).set(bearer(user.session)).expect(200);
    expect(names(month.body)).toEqual(['later', 'soon']);
  });

  it.each(['0', '-1', '3651', 'soon', '1.5'])('refuses expiringWithinDays=%s with 400 naming the field', async (value) => {
    const response = await t.http.get(`${tokens}?expiringWithinDays=${value}`).set(bearer(user.session)).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('expiringWithinDays');
  });

  it('search also matches scopes: a whole scope, a group prefix or a level', async () => {
    const searcher = await signUp(t, 'panelq-search');
    await mint(t, searcher.session, { name: 'reader', scopes: ['account:read'] });
    await mint(t, searcher.session, { name: 'writer', scopes: ['tokens:write'] });
    await mint(t, searcher.session, { name: 'stats', description: 'usage for grafana', scopes: ['usage:read'] });
    const search = async (q: string) => names((await t.http.get(`${tokens}?search=${encodeURIComponent(q)}`).set(bearer(searcher.session)).expect(200)).body);

    expect(await search('tokens:write')).toEqual(['writer']);
    expect(await search('tokens:')).toEqual(['writer']);
    expect(await search('WRITE')).toEqual(['writer']);
    expect(await search('read')).toEqual(['reader', 'stats']);
    expect(await search('grafana')).toEqual(['stats']); // name and description still match
    expect(await search('nothing-like-it')).toEqual([]);
  });

  it('regenerate sets a new expiry with the new secret; absent keeps the old one', async () => {
    const token = await mint(t, user.session, { name: 'regen', scopes: ['account:read'], expiresAt: inDays(5) });
    const before = (await t.http.get(`${tokens}/${token.id}`).set(bearer(user.session)).expect(200)).body.expiresAt;
    const kept = await t.http.post(`${tokens}/${token.id}/regenerate`).set(bearer(user.session)).expect(200);
    expect(kept.body.expiresAt).toBe(before);

    const next = inDays(90);
    const moved = await t.http.post(`${tokens}/${token.id}/regenerate`).set(bearer(user.session)).send({ expiresAt: next }).expect(200);
    expect(moved.body.expiresAt).toBe(next);
    expect(moved.body.token).toMatch(/^tsr_/);
    const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.expiresAt?.toISOString()).toBe(next);
    // the new secret works, with the new expiry
    const me = await t.http.get('/api/users/me').set(bearer(moved.body.token)).expect(200);
    expect(me.body.id).toBe(user.id);
  });

  it('rotate with a grace period may set a new expiry too', async () => {
    const token = await mint(t, user.session, { name: 'rot', scopes: ['account:read'], expiresAt: inDays(5) });
    const next = inDays(60);
    const rotated = await t.http.post(`${tokens}/${token.id}/rotate`).set(bearer(user.session)).send({ gracePeriodSeconds: 3600, expiresAt: next }).expect(200);
    expect(rotated.body.expiresAt).toBe(next);
    expect(Date.parse(rotated.body.graceUntil)).toBeGreaterThan(Date.now());
  });

  it.each([
    ['in the past', () => new Date(Date.now() - 60_000).toISOString()],
    ['beyond the maximum lifetime', () => inDays(4000)],
    ['not a date', () => 'next tuesday'],
  ])('refuses a new expiry %s with 400 on expiresAt and changes nothing', async (_, value) => {
    const token = await mint(t, user.session, { name: `bad expiry ${Math.random()}`, scopes: ['account:read'], expiresAt: inDays(5) });
    const before = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    for (const action of ['regenerate', 'rotate']) {
      const response = await t.http.post(`${tokens}/${token.id}/${action}`).set(bearer(user.session)).send({ expiresAt: value() }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('expiresAt');
    }
    const after = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(after.tokenHash).toBe(before.tokenHash);
    expect(after.expiresAt?.toISOString()).toBe(before.expiresAt?.toISOString());
  });

  it('another user’s token is 404 for regenerate with an expiry', async () => {
    const token = await mint(t, other.session, { name: 'theirs', scopes: ['account:read'] });
    await t.http.post(`${tokens}/${token.id}/regenerate`).set(bearer(user.session)).send({ expiresAt: inDays(10) }).expect(404);
  });
});
