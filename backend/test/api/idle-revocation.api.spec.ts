import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdleRevocationJob } from '../../src/admin/idle-revocation.job';
import { RuntimePolicyService } from '../../src/runtime-policy/runtime-policy.service';
import { verifyWebhookSignature } from '../../src/expiry-notices/webhook-signature';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { type: string; userId: string; idleDays: number; token: { id: string; name: string } };
}

/**
 * The idle-revocation job with a clock the test controls (`runOnce(now)`), on an install of its
 * own, run by two instances at once to show it is safe with several.
 */
describe('idle revocation', () => {
  let database: OwnDatabase;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let server: Server;
  let hookUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    database = await createOwnDatabase();
    const env = { DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
    admin = await signUp(a, 'admin');
    server = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await new Promise((resolve) => server?.close(resolve));
    await database?.drop();
  });

  const setIdleDays = (idleRevokeDays: number | null) =>
    a.http
      .put('/api/admin/policy')
      .set(bearer(admin.session))
      .send({ maxTokenLifetimeDays: 365, allowNoExpiry: true, maxTokensPerUser: 100, expiryNoticeDays: 7, idleRevokeDays, signupMode: 'open' })
      .expect(200);

  it('does nothing while the policy is off', async () => {
    const user = await signUp(a, 'off');
    await mint(a, user.session);
    expect(await a.app.get(IdleRevocationJob).runOnce(new Date(Date.now() + 3650 * DAY))).toEqual({ ran: false, revoked: 0, notified: 0 });
  });

  it('revokes live tokens unused for idleRevokeDays (never used: since creation), once, audited and told to the owner, signed', async () => {
    const user = await signUp(a, 'idle');
    const saved = await a.http.put('/api/users/me/expiry-webhook').set(bearer(user.session)).send({ url: hookUrl }).expect(200);
    const secret = saved.body.secret as string;
    const fresh = await mint(a, user.session, { name: 'used today' });
    const neverUsed = await mint(a, user.session, { name: 'never used' });
    const usedLongAgo = await mint(a, user.session, { name: 'used long ago' });
    const alreadyRevoked = await mint(a, user.session, { name: 'revoked' });
    await a.http.post(`/api/users/me/api-tokens/${alreadyRevoked.id}/revoke`).set(bearer(user.session)).expect(200);
    const now = Date.now();
    await a.prisma.apiToken.update({ where: { id: fresh.id }, data: { createdAt: new Date(now - 100 * DAY), lastUsedAt: new Date(now - 5 * DAY) } });
    await a.prisma.apiToken.update({ where: { id: neverUsed.id }, data: { createdAt: new Date(now - 31 * DAY) } });
    await a.prisma.apiToken.update({ where: { id: usedLongAgo.id }, data: { createdAt: new Date(now - 100 * DAY), lastUsedAt: new Date(now - 45 * DAY) } });
    // Warm b's cache (the revocation must reach it too), then forget that use again.
    await b.http.get('/api/users/me').set(bearer(neverUsed.token)).expect(200);
    await b.flushUsage();
    await a.prisma.apiToken.update({ where: { id: neverUsed.id }, data: { lastUsedAt: null } });
    await setIdleDays(30);
    await b.app.get(RuntimePolicyService).refresh();

    // Both instances run the round at the same moment: each token is revoked once.
    const clock = new Date(now);
    const [ra, rb] = await Promise.all([a.app.get(IdleRevocationJob).runOnce(clock), b.app.get(IdleRevocationJob).runOnce(clock)]);
    expect(ra.revoked + rb.revoked).toBe(2);

    const states = await a.prisma.apiToken.findMany({ where: { userId: user.id }, select: { id: true, status: true, revokedBy: true } });
    const byId = new Map(states.map((row) => [row.id, row]));
    expect(byId.get(fresh.id)).toMatchObject({ status: 'ACTIVE', revokedBy: null });
    expect(byId.get(neverUsed.id)).toMatchObject({ status: 'REVOKED', revokedBy: 'idle' });
    expect(byId.get(usedLongAgo.id)).toMatchObject({ status: 'REVOKED', revokedBy: 'idle' });
    expect(byId.get(alreadyRevoked.id)).toMatchObject({ status: 'REVOKED', revokedBy: 'owner' });
    expect((await b.http.get('/api/users/me').set(bearer(neverUsed.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');

    const log = await a.http.get('/api/users/me/audit-events').set(bearer(user.session)).expect(200);
    const idleEvents = log.body.data.filter((event: { type: string }) => event.type === 'token.idle_revoked');
    expect(idleEvents.map((event: { tokenId: string }) => event.tokenId).sort()).toEqual([neverUsed.id, usedLongAgo.id].sort());
    expect(idleEvents[0]).toMatchObject({ actorKind: 'system', details: { idleDays: 30 } });

    const mine = received.filter((entry) => entry.body.userId === user.id);
    expect(mine.map((entry) => entry.body.token.id).sort()).toEqual([neverUsed.id, usedLongAgo.id].sort());
    for (const entry of mine) {
      expect(entry.headers['x-tessera-event']).toBe('token.idle_revoked');
      expect(entry.body).toMatchObject({ type: 'token.idle_revoked', idleDays: 30 });
      expect(verifyWebhookSignature(secret, entry.headers['x-tessera-signature'] as string, entry.raw)).toBe(true);
    }

    // Later by the test's clock: the token used 5 days ago goes idle 26 days from now, not before.
    expect((await a.app.get(IdleRevocationJob).runOnce(new Date(now + 24 * DAY))).revoked).toBe(0);
    expect((await a.app.get(IdleRevocationJob).runOnce(new Date(now + 26 * DAY))).revoked).toBe(1);
    await setIdleDays(null);
  });
});
