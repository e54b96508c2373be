import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const tokens = '/api/users/me/api-tokens';
const events = '/api/users/me/audit-events';

interface EventBody {
  type: string;
  tokenId: string | null;
  tokenName: string | null;
  actorKind: string;
  actorTokenId: string | null;
  actorTokenPreview: string | null;
  actorSecretPreview: string | null;
  ip: string | null;
  createdAt: string;
  details: Record<string, unknown>;
}

describe('audit log', () => {
  let t: TestApp;
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'audit');
    other = await signUp(t, 'audit-other');
  });
  afterAll(() => t.close());

  const eventsOf = async (as: TestUser, query = ''): Promise<EventBody[]> =>
    (await t.http.get(`${events}?limit=100${query}`).set(bearer(as.session)).expect(200)).body.data;

  /** Refusal events are written off the request path: wait for them. */
  async function eventually(as: TestUser, query: string, count: number): Promise<EventBody[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = await eventsOf(as, query);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('records create, edit, rotate, regenerate, self-rotation, revoke, delete and restore with actor and IP, newest first', async () => {
    const minted = await mint(t, user.session, { name: 'audited', scopes: ['tokens:write', 'tokens:rotate-self'] });
    const id = minted.id;
    await t.http.patch(`${tokens}/${id}`).set(bearer(user.session)).send({ name: 'audited 2' }).expect(200);
    await t.http.post(`${tokens}/${id}/rotate`).set(bearer(user.session)).send({ gracePeriodSeconds: 60 }).expect(200);
    const regenerated = await t.http.post(`${tokens}/${id}/regenerate`).set(bearer(user.session)).expect(200);
    const self = await t.http.post(`${tokens}/self/rotate`).set(bearer(regenerated.body.token)).send({}).expect(200);
    await t.http.post(`${tokens}/${id}/revoke`).set(bearer(self.body.token)).expect(200);
    await t.http.post(`${tokens}/${id}/revoke`).set(bearer(user.session)).expect(200); // already revoked: nothing new
    await t.http.delete(`${tokens}/${id}`).set(bearer(user.session)).expect(200);
    await t.http.delete(`${tokens}/${id}`).set(bearer(user.session)).expect(200); // already deleted: nothing new
    await t.http.post(`${tokens}/${id}/restore`).set(bearer(user.session)).expect(200);

    const found = await eventsOf(user, `&tokenId=${id}`);
    expect(found.map((event) => event.type)).toEqual([
      'token.restored',
      'token.deleted',
      'token.revoked',
      'token.rotated',
      'token.rotated',
      'token.rotated',
      'token.updated',
      'token.created',
    ]);
    expect(found.map((event) => event.details.via).filter(Boolean)).toEqual(['self', 'regenerate', 'rotate']);
    expect(found.find((event) => event.details.via === 'rotate')?.details.gracePeriodSeconds).toBe(60);
    for (const event of found) {
      expect(event.tokenId).toBe(id);
      expect(event.tokenName).toBe('audited 2');
      expect(event.ip).toMatch(/127\.0\.0\.1|::1/);
    }
    const byToken = found.filter((event) => event.actorKind === 'token').map((event) => event.type);
    expect(byToken).toEqual(['token.revoked', 'token.rotated']);
    const revoked = found.find((event) => event.type === 'token.revoked')!;
    expect(revoked.actorTokenId).toBe(id);
    expect(revoked.actorTokenPreview).toBe(self.body.tokenPreview);
    expect(found.find((event) => event.type === 'token.created')).toMatchObject({ actorKind: 'session', actorTokenId: null });
    expect(found.find((event) => event.type === 'token.updated')?.details.changed).toEqual(['name']);
  });

  it('records a call from a disallowed IP and a rotated-out secret reused, at most once a minute per token', async () => {
    const fenced = await mint(t, user.session, { allowedIps: ['203.0.113.0/24'] });
    for (let i = 0; i < 5; i += 1) await t.http.get('/api/users/me').set(bearer(fenced.token)).expect(403);
    const refused = await eventually(user, `&tokenId=${fenced.id}`, 2);
    expect(refused.map((event) => event.type)).toEqual(['token.ip_refused', 'token.created']);
    expect(refused[0]).toMatchObject({ actorKind: 'token', actorTokenId: fenced.id });
    expect(refused[0].ip).toMatch(/127\.0\.0\.1|::1/);

    const rotatedOut = await mint(t, user.session);
    await t.http.post(`${tokens}/${rotatedOut.id}/regenerate`).set(bearer(user.session)).expect(200);
    for (let i = 0; i < 3; i += 1) {
      expect((await t.http.get('/api/users/me').set(bearer(rotatedOut.token)).expect(401)).body.code).toBe('TOKEN_ROTATED');
    }
    const reused = await eventually(user, `&tokenId=${rotatedOut.id}`, 3);
    expect(reused.map((event) => event.type)).toEqual(['token.rotated_secret_reused', 'token.rotated', 'token.created']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await eventsOf(user, `&tokenId=${rotatedOut.id}`)).toHaveLength(3);
    expect(await eventsOf(user, `&tokenId=${fenced.id}`)).toHaveLength(2);
  });

  it('credits an event to the secret the call presented: the old one within a rotation grace period, not the new one', async () => {
    const minted = await mint(t, user.session, { name: 'graced', scopes: ['tokens:write'] });
    const rotated = await t.http.post(`${tokens}/${minted.id}/rotate`).set(bearer(user.session)).send({ gracePeriodSeconds: 600 }).expect(200);
    expect(rotated.body.tokenPreview).not.toBe(minted.body.tokenPreview);
    // Revoking is what a PAT may do to tokens: one victim with the old secret, one with the new.
    const first = await mint(t, user.session, { name: 'first' });
    const second = await mint(t, user.session, { name: 'second' });
    await t.http.post(`${tokens}/${first.id}/revoke`).set(bearer(minted.token)).expect(200);
    await t.http.post(`${tokens}/${second.id}/revoke`).set(bearer(rotated.body.token)).expect(200);

    const revokedBy = async (id: string) => (await eventsOf(user, `&tokenId=${id}`)).find((event) => event.type === 'token.revoked')!;
    const byOld = await revokedBy(first.id);
    const byNew = await revokedBy(second.id);
    expect(byOld).toMatchObject({ actorKind: 'token', actorTokenId: minted.id, actorSecretPreview: minted.body.tokenPreview });
    expect(byNew).toMatchObject({ actorKind: 'token', actorTokenId: minted.id, actorSecretPreview: rotated.body.tokenPreview });
    // actorTokenPreview is the token's current secret: the event made with the old one must not be read from it.
    expect(byOld.actorTokenPreview).toBe(rotated.body.tokenPreview);
    const sessionMade = (await eventsOf(user, `&tokenId=${minted.id}`)).filter((event) => event.actorKind === 'session');
    expect(sessionMade.length).toBeGreaterThan(0);
    expect(sessionMade.every((event) => event.actorSecretPreview === null)).toBe(true);

    // A refusal written off the request path is credited the same way.
    const fenced = await mint(t, user.session, { allowedIps: ['203.0.113.0/24'] });
    const fencedRotated = await t.http.post(`${tokens}/${fenced.id}/rotate`).set(bearer(user.session)).send({ gracePeriodSeconds: 600 }).expect(200);
    await t.http.get('/api/users/me').set(bearer(fenced.token)).expect(403);
    const refused = (await eventually(user, `&tokenId=${fenced.id}`, 3)).find((event) => event.type === 'token.ip_refused');
    expect(refused).toMatchObject({ actorKind: 'token', actorTokenId: fenced.id, actorSecretPreview: fenced.body.tokenPreview });
    expect(refused!.actorSecretPreview).not.toBe(fencedRotated.body.tokenPreview);
  });

  it('shows only your own events, paginated; tokens:read may read them, other scopes may not', async () => {
    const mine = await mint(t, other.session, { name: 'theirs' });
    expect((await eventsOf(other)).map((event) => event.tokenId)).toEqual([mine.id]);
    expect(await eventsOf(user, `&tokenId=${mine.id}`)).toEqual([]);
    expect((await eventsOf(user)).some((event) => event.tokenId === mine.id)).toBe(false);

    const page = await t.http.get(`${events}?page=2&limit=3`).set(bearer(user.session)).expect(200);
    expect(page.body).toMatchObject({ page: 2, limit: 3, data: expect.any(Array) });
    expect(page.body.data).toHaveLength(3);
    expect(page.body.totalPages).toBe(Math.ceil(page.body.total / 3));
    const times = (await eventsOf(user)).map((event) => event.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const reader = await mint(t, user.session, { scopes: ['tokens:read'] });
    await t.http.get(events).set(bearer(reader.token)).expect(200);
    const outsider = await mint(t, user.session, { scopes: ['account:read'] });
    expect((await t.http.get(events).set(bearer(outsider.token)).expect(403)).body.code).toBe('INSUFFICIENT_SCOPE');
    await t.http.get(events).expect(401);
    expect((await t.http.get(`${events}?tokenId=nope`).set(bearer(user.session)).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
