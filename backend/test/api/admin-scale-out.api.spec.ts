import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/fixtures';
import { call } from '../support/http-burst';
import type { ServerProcess } from '../support/server-process';
import { twoInstances } from '../support/two-instances';

/**
 * Two real server processes on one PostgreSQL (an install of their own) and one Redis: what an
 * admin does on instance A holds on instance B at once (disable) or within 5 s (policy).
 */
describe('operators with two instances', () => {
  const twins = twoInstances({}, { ownDatabase: true });
  let a: ServerProcess;
  let b: ServerProcess;
  let adminSession: string;
  const account = (name: string) => twins.account(name);

  beforeAll(async () => {
    ({ a, b } = twins);
    adminSession = (await account('boss')).session; // the first account of this install
  });

  it("refuses a disabled user's PAT and session on the other instance on its very next call, and takes them back on enable", async () => {
    const user = await account('leaver');
    const minted = await call(`${a.url}/api/users/me/api-tokens`, { token: user.session, body: { name: 'ci', scopes: ['account:read'] } });
    expect(minted.status).toBe(201);
    const pat = minted.body.token as string;
    // Both instances now hold the token in their verification caches.
    expect((await call(`${a.url}/api/users/me`, { token: pat })).status).toBe(200);
    expect((await call(`${b.url}/api/users/me`, { token: pat })).status).toBe(200);

    const disabled = await call(`${a.url}/api/admin/users/${user.id}`, { method: 'PATCH', token: adminSession, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    const onB = await call(`${b.url}/api/users/me`, { token: pat });
    expect([onB.status, onB.body.code]).toEqual([401, 'USER_DISABLED']);
    const verifyOnB = await call(`${b.url}/api/v1/tokens/verify`, { body: { token: pat } });
    expect(verifyOnB.body).toMatchObject({ valid: false, code: 'USER_DISABLED' });
    const sessionOnB = await call(`${b.url}/api/users/me`, { token: user.session });
    expect([sessionOnB.status, sessionOnB.body.code]).toEqual([401, 'USER_DISABLED']);

    expect((await call(`${a.url}/api/admin/users/${user.id}`, { method: 'PATCH', token: adminSession, body: { disabled: false } })).status).toBe(200);
    expect((await call(`${b.url}/api/users/me`, { token: pat })).status).toBe(200);
  });

  it("refuses an admin-revoked token on the other instance on its next call", async () => {
    const user = await account('owner');
    const minted = await call(`${b.url}/api/users/me/api-tokens`, { token: user.session, body: { name: 'ci', scopes: ['account:read'] } });
    const pat = minted.body.token as string;
    expect((await call(`${b.url}/api/users/me`, { token: pat })).status).toBe(200);
    const revoked = await call(`${a.url}/api/admin/api-tokens/revoke`, { token: adminSession, body: { ids: [minted.body.id] } });
    expect(revoked.body).toMatchObject({ revoked: 1 });
    expect((await call(`${b.url}/api/users/me`, { token: pat })).body.code).toBe('TOKEN_REVOKED');
  });

  it('shows a policy change made on one instance on the other within 5 seconds, without a restart', async () => {
    const before = await call(`${b.url}/api/policy`);
    expect(before.body.signupMode).toBe('open');
    const put = await call(`${a.url}/api/admin/policy`, {
      method: 'PUT',
      token: adminSession,
      body: { maxTokenLifetimeDays: 90, allowNoExpiry: false, maxTokensPerUser: 5, expiryNoticeDays: 3, idleRevokeDays: 60, signupMode: 'closed' },
    });
    expect(put.status).toBe(200);
    const started = Date.now();
    let seen: Record<string, unknown> = {};
    while (Date.now() - started < 5_000) {
      seen = (await call(`${b.url}/api/policy`)).body;
      if (seen.signupMode === 'closed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = Date.now() - started;
    expect(seen).toEqual({ maxTokenLifetimeDays: 90, allowNoExpiry: false, maxTokensPerUser: 5, expiryNoticeDays: 3, idleRevokeDays: 60, signupMode: 'closed', openVerifyForTesseraTokens: true });
    expect(elapsed).toBeLessThan(5_000);
    // And B applies it, not only publishes it.
    const refused = await call(`${b.url}/api/auth/register`, { body: { username: `late_${randomBytes(3).toString('hex')}`, email: `late_${randomBytes(3).toString('hex')}@example.com`, password: PASSWORD } });
    expect([refused.status, refused.body.code]).toEqual([403, 'SIGNUP_CLOSED']);
  });
});
