import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const tokens = '/api/users/me/api-tokens';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('token lifetime policy', () => {
  describe('defaults', () => {
    let t: TestApp;
    let user: TestUser;
    beforeAll(async () => {
      t = await startTestApp();
      user = await signUp(t, 'policy');
    });
    afterAll(() => t.close());

    it('publishes the policy without credentials', async () => {
      const policy = await t.http.get('/api/policy').expect(200);
      expect(policy.body).toEqual({ maxTokenLifetimeDays: 365, allowNoExpiry: true, expiryNoticeDays: 7, maxTokensPerUser: 100, idleRevokeDays: null, signupMode: 'open', openVerifyForTesseraTokens: true });
    });

    it('allows no expiry and up to 365 days (a one-year expiry across a leap day included), refuses more with maxLifetime', async () => {
      await mint(t, user.session);
      await mint(t, user.session, { expiresAt: inDays(366) });
      const tooFar = await t.http.post(tokens).set(bearer(user.session)).send({ name: 'x', scopes: ['account:read'], expiresAt: inDays(367) }).expect(400);
      expect(tooFar.body.details).toEqual([expect.objectContaining({ field: 'expiresAt', constraint: 'maxLifetime' })]);
    });
  });

  describe('strict: ALLOW_NO_EXPIRY=false, MAX_TOKEN_LIFETIME_DAYS=30', () => {
    let t: TestApp;
    let user: TestUser;
    beforeAll(async () => {
      t = await startTestApp({ ALLOW_NO_EXPIRY: 'false', MAX_TOKEN_LIFETIME_DAYS: '30', EXPIRY_NOTICE_DAYS: '3' });
      user = await signUp(t, 'strict');
    });
    afterAll(() => t.close());

    it('publishes the stricter policy', async () => {
      expect((await t.http.get('/api/policy').expect(200)).body).toMatchObject({ maxTokenLifetimeDays: 30, allowNoExpiry: false, expiryNoticeDays: 3 });
    });

    it('refuses a token without expiry (required) or beyond 30 days (maxLifetime) on create, and on edit', async () => {
      const none = await t.http.post(tokens).set(bearer(user.session)).send({ name: 'x', scopes: ['account:read'] }).expect(400);
      expect(none.body.details).toEqual([expect.objectContaining({ field: 'expiresAt', constraint: 'required' })]);
      const nulled = await t.http.post(tokens).set(bearer(user.session)).send({ name: 'x', scopes: ['account:read'], expiresAt: null }).expect(400);
      expect(nulled.body.details[0].constraint).toBe('required');
      const far = await t.http.post(tokens).set(bearer(user.session)).send({ name: 'x', scopes: ['account:read'], expiresAt: inDays(45) }).expect(400);
      expect(far.body.details[0]).toMatchObject({ field: 'expiresAt', constraint: 'maxLifetime' });

      const ok = await mint(t, user.session, { expiresAt: inDays(30) });
      const clear = await t.http.patch(`${tokens}/${ok.id}`).set(bearer(user.session)).send({ expiresAt: null }).expect(400);
      expect(clear.body.details[0].constraint).toBe('required');
      const extend = await t.http.patch(`${tokens}/${ok.id}`).set(bearer(user.session)).send({ expiresAt: inDays(90) }).expect(400);
      expect(extend.body.details[0].constraint).toBe('maxLifetime');
      // An edit that does not touch the expiry is fine.
      await t.http.patch(`${tokens}/${ok.id}`).set(bearer(user.session)).send({ name: 'renamed' }).expect(200);
    });

    it('flags active tokens expiring within EXPIRY_NOTICE_DAYS and counts them over all pages', async () => {
      const noticeUser = await signUp(t, 'notice');
      const soon = await mint(t, noticeUser.session, { name: 'soon', expiresAt: inDays(2) });
      const later = await mint(t, noticeUser.session, { name: 'later', expiresAt: inDays(10) });
      const revoked = await mint(t, noticeUser.session, { name: 'revoked soon', expiresAt: inDays(1) });
      await t.http.post(`${tokens}/${revoked.id}/revoke`).set(bearer(noticeUser.session)).expect(200);

      const page = await t.http.get(`${tokens}?limit=1&sort=name&order=asc`).set(bearer(noticeUser.session)).expect(200);
      expect(page.body.expiringSoonCount).toBe(1);
      const all = await t.http.get(`${tokens}?limit=10`).set(bearer(noticeUser.session)).expect(200);
      const flags = Object.fromEntries(all.body.data.map((token: { id: string; expiringSoon: boolean }) => [token.id, token.expiringSoon]));
      expect(flags).toEqual({ [soon.id]: true, [later.id]: false, [revoked.id]: false });
      expect((await t.http.get(`${tokens}/${soon.id}`).set(bearer(noticeUser.session)).expect(200)).body.expiringSoon).toBe(true);
    });
  });
});
