import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExpiryNoticeDispatcher } from '../../src/expiry-notices/expiry-notice-dispatcher';
import { verifyWebhookSignature } from '../../src/expiry-notices/webhook-signature';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const webhookPath = '/api/users/me/expiry-webhook';
const tokensPath = '/api/users/me/api-tokens';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { type: string; id: string; attempt?: number; userId: string; token?: { id: string; name: string; expiresAt: string } };
}

/** A real HTTP receiver on loopback; `answer` decides each response's status. */
class Receiver {
  readonly received: Received[] = [];
  answer: (count: number) => number = () => 204;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
        response.statusCode = this.answer(this.received.length);
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/tessera`;
  }

  of(user: TestUser): Received[] {
    return this.received.filter((entry) => entry.body.userId === user.id);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('expiry notice webhooks', () => {
  // `strict` is a default install (no private targets); `open` and `openTwin` allow loopback so
  // the receiver can live in this process, retry after 1 s and give up after 3 attempts.
  let strict: TestApp;
  let open: TestApp;
  let openTwin: TestApp;
  let receiver: Receiver;
  const openEnv = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', EXPIRY_WEBHOOK_RETRY_SECONDS: '1', EXPIRY_WEBHOOK_MAX_ATTEMPTS: '3' };
  const round = (app: TestApp) => app.app.get(ExpiryNoticeDispatcher).runOnce();

  beforeAll(async () => {
    [strict, open, openTwin] = await Promise.all([startTestApp(), startTestApp(openEnv), startTestApp(openEnv)]);
  });
  afterAll(() => Promise.all([strict.close(), open.close(), openTwin.close()]));

  let receiverUrl: string;
  beforeAll(async () => {
    receiver = new Receiver();
    receiverUrl = await receiver.start();
  });
  afterAll(() => receiver.stop());
  afterEach(() => {
    receiver.answer = () => 204;
  });

  async function userWithWebhook(prefix: string, url = receiverUrl): Promise<{ user: TestUser; secret: string }> {
    const user = await signUp(open, prefix);
    const saved = await open.http.put(webhookPath).set(bearer(user.session)).send({ url }).expect(200);
    return { user, secret: saved.body.secret };
  }

  const noticesOf = (user: TestUser) =>
    open.prisma.expiryNotice.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });

  describe('the webhook setting', () => {
    it('is created with a signing secret, edited without losing it, re-keyed, and removed', async () => {
      const user = await signUp(strict, 'hook');
      await strict.http.get(webhookPath).set(bearer(user.session)).expect(404);

      const created = await strict.http.put(webhookPath).set(bearer(user.session)).send({ url: 'https://hooks.example.com/a' }).expect(200);
      expect(created.body).toMatchObject({ url: 'https://hooks.example.com/a', recentNotices: [] });
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);

      const edited = await strict.http.put(webhookPath).set(bearer(user.session)).send({ url: 'https://hooks.example.com/b' }).expect(200);
      expect(edited.body).toMatchObject({ url: 'https://hooks.example.com/b', secret: created.body.secret });

      const rekeyed = await strict.http.post(`${webhookPath}/secret`).set(bearer(user.session)).expect(200);
      expect(rekeyed.body.secret).toMatch(/^whsec_/);
      expect(rekeyed.body.secret).not.toBe(created.body.secret);
      expect((await strict.http.get(webhookPath).set(bearer(user.session)).expect(200)).body.secret).toBe(rekeyed.body.secret);

      await strict.http.delete(webhookPath).set(bearer(user.session)).expect(204);
      await strict.http.get(webhookPath).set(bearer(user.session)).expect(404);
      await strict.http.delete(webhookPath).set(bearer(user.session)).expect(404);
    });

    it('refuses a bad or private URL with a 400 naming the field, and keeps the old setting', async () => {
      const user = await signUp(strict, 'hookbad');
      await strict.http.put(webhookPath).set(bearer(user.session)).send({ url: 'https://hooks.example.com/keep' }).expect(200);
      for (const body of [{}, { url: 42 }, { url: 'ftp://example.com/x' }, { url: 'not a url' }, { url: `https://example.com/${'a'.repeat(2048)}` }]) {
        const response = await strict.http.put(webhookPath).set(bearer(user.session)).send(body).expect(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('url');
      }
      for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/hook']) {
        const response = await strict.http.put(webhookPath).set(bearer(user.session)).send({ url }).expect(400);
        expect(response.body.details).toEqual([expect.objectContaining({ field: 'url', constraint: 'publicAddress', message: expect.stringMatching(/private/) })]);
      }
      expect((await strict.http.get(webhookPath).set(bearer(user.session)).expect(200)).body.url).toBe('https://hooks.example.com/keep');
    });

    it('is for sessions only: no token may read the secret or change the URL, whatever its scopes', async () => {
      const user = await signUp(strict, 'hookpat');
      const pat = await mint(strict, user.session, { scopes: ['account:write', 'tokens:write', 'usage:write'] });
      await strict.http.put(webhookPath).set(bearer(user.session)).send({ url: 'https://hooks.example.com/x' }).expect(200);
      for (const [method, path] of [['get', webhookPath], ['put', webhookPath], ['post', `${webhookPath}/secret`], ['post', `${webhookPath}/test`], ['delete', webhookPath]] as const) {
        const response = await strict.http[method](path).set(bearer(pat.token)).send({ url: 'https://evil.example.com/' });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(response.body.code).toBe('SESSION_REQUIRED');
      }
    });
  });

  describe('delivery', () => {
    it('POSTs one signed notice per token entering the window, and a new one when its expiry moves', async () => {
      const { user, secret } = await userWithWebhook('notice');
      const soon = await mint(open, user.session, { name: 'deploy bot', expiresAt: inDays(2), scopes: ['tokens:read'] });
      await mint(open, user.session, { name: 'later', expiresAt: inDays(30) });
      await mint(open, user.session, { name: 'forever' });
      const revoked = await mint(open, user.session, { name: 'revoked', expiresAt: inDays(1) });
      await open.http.post(`${tokensPath}/${revoked.id}/revoke`).set(bearer(user.session)).expect(200);
      const deleted = await mint(open, user.session, { name: 'deleted', expiresAt: inDays(1) });
      await open.http.delete(`${tokensPath}/${deleted.id}`).set(bearer(user.session)).expect(200);

      await round(open);
      const [delivery] = receiver.of(user);
      expect(receiver.of(user)).toHaveLength(1);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['x-tessera-event']).toBe('token.expiring');
      expect(delivery.headers['x-tessera-delivery']).toBe(delivery.body.id);
      expect(verifyWebhookSignature(secret, delivery.headers['x-tessera-signature'] as string, delivery.raw)).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', delivery.headers['x-tessera-signature'] as string, delivery.raw)).toBe(false);
      expect(delivery.body).toMatchObject({
        type: 'token.expiring',
        attempt: 1,
        noticeDays: 7,
        userId: user.id,
        token: { id: soon.id, name: 'deploy bot', scopes: ['tokens:read'], expiresAt: soon.body.expiresAt, tokenPreview: soon.body.tokenPreview },
      });
      // The secret never travels in a notice.
      expect(delivery.raw).not.toContain(soon.token);

      // Once per window: more rounds, on either instance, send nothing new.
      await round(open);
      await round(openTwin);
      expect(receiver.of(user)).toHaveLength(1);

      // A later expiry that is still in the window is a new notice window.
      await open.http.patch(`${tokensPath}/${soon.id}`).set(bearer(user.session)).send({ expiresAt: inDays(3) }).expect(200);
      await round(open);
      expect(receiver.of(user)).toHaveLength(2);
      expect(receiver.of(user)[1].body.id).not.toBe(delivery.body.id);

      const shown = await open.http.get(webhookPath).set(bearer(user.session)).expect(200);
      expect(shown.body.recentNotices).toHaveLength(2);
      expect(shown.body.recentNotices[0]).toMatchObject({ tokenId: soon.id, tokenName: 'deploy bot', status: 'DELIVERED', attempts: 1, lastStatus: 204 });
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('retries a failed attempt with backoff under the same id, then gives up after the last attempt', async () => {
      const { user } = await userWithWebhook('retry');
      const flaky = await mint(open, user.session, { name: 'flaky', expiresAt: inDays(1) });
      receiver.answer = () => 500;

      await round(open);
      let [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: 500, lastError: 'answered HTTP 500' });
      expect(notice.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      // Not due yet: a round now does not try again.
      await round(open);
      expect(receiver.of(user)).toHaveLength(1);

      await pause(1_100);
      await round(open);
      [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'PENDING', attempts: 2 });
      // The second retry waits twice as long as the first.
      expect(notice.nextAttemptAt.getTime() - notice.updatedAt.getTime()).toBeGreaterThanOrEqual(1_900);

      await pause(2_100);
      await round(open);
      [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'FAILED', attempts: 3, lastStatus: 500 });
      const attempts = receiver.of(user);
      expect(attempts.map((entry) => entry.body.attempt)).toEqual([1, 2, 3]);
      expect(new Set(attempts.map((entry) => entry.body.id))).toEqual(new Set([notice.id]));
      expect(attempts[0].body.token?.id).toBe(flaky.id);

      await pause(4_100);
      await round(open);
      expect(receiver.of(user)).toHaveLength(3);
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('delivers after a failure once the receiver is back', async () => {
      const { user, secret } = await userWithWebhook('recover');
      await mint(open, user.session, { expiresAt: inDays(1) });
      receiver.answer = () => 502;
      await round(open);
      receiver.answer = () => 200;
      await pause(1_100);
      await round(open);
      const [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatus: 200, lastError: null });
      const last = receiver.of(user).at(-1)!;
      expect(verifyWebhookSignature(secret, last.headers['x-tessera-signature'] as string, last.raw)).toBe(true);
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('cancels a pending notice when the token is revoked before the retry', async () => {
      const { user } = await userWithWebhook('cancel');
      const token = await mint(open, user.session, { expiresAt: inDays(1) });
      receiver.answer = () => 500;
      await round(open);
      await open.http.post(`${tokensPath}/${token.id}/revoke`).set(bearer(user.session)).expect(200);
      await pause(1_100);
      await round(open);
      const [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'CANCELLED', lastError: 'the token is revoked' });
      expect(receiver.of(user)).toHaveLength(1);
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('sends each notice once when two instances run their rounds at the same time', async () => {
      const { user } = await userWithWebhook('twins');
      const minted = await Promise.all(Array.from({ length: 12 }, (_unused, index) => mint(open, user.session, { name: `t${index}`, expiresAt: inDays(1 + index / 10) })));
      await Promise.all([round(open), round(openTwin), round(open), round(openTwin)]);
      const deliveries = receiver.of(user);
      expect(deliveries).toHaveLength(12);
      expect(new Set(deliveries.map((entry) => entry.body.token?.id))).toEqual(new Set(minted.map((token) => token.id)));
      expect((await noticesOf(user)).every((notice) => notice.status === 'DELIVERED' && notice.attempts === 1)).toBe(true);
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('leaves a notice claimed by another instance alone until that claim runs out (a crashed sender)', async () => {
      const { user } = await userWithWebhook('claimed');
      await mint(open, user.session, { expiresAt: inDays(1) });
      receiver.answer = () => 500;
      await round(open);
      receiver.answer = () => 204;
      const [queued] = await noticesOf(user);
      // As if another instance had claimed it and died mid-attempt.
      await open.prisma.expiryNotice.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date(Date.now() - 1000), lockedUntil: new Date(Date.now() + 60_000) } });
      await round(open);
      expect(receiver.of(user)).toHaveLength(1);
      await open.prisma.expiryNotice.update({ where: { id: queued.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
      await round(openTwin);
      expect(receiver.of(user)).toHaveLength(2);
      expect((await noticesOf(user))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2, lockedUntil: null });
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('never connects into a private network on an install that does not allow it, even through a host name', async () => {
      // Saved where loopback is allowed, sent from a default install: refused at connect time.
      const { user } = await userWithWebhook('ssrf', receiverUrl.replace('127.0.0.1', 'localhost'));
      await mint(open, user.session, { expiresAt: inDays(1) });
      await round(strict);
      const [notice] = await noticesOf(user);
      expect(notice).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(notice.lastError).toMatch(/private/);
      expect(receiver.of(user)).toHaveLength(0);
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });

    it('sends a signed ping on demand and reports how the receiver answered', async () => {
      const { user, secret } = await userWithWebhook('ping');
      const ok = await open.http.post(`${webhookPath}/test`).set(bearer(user.session)).expect(200);
      expect(ok.body).toEqual({ ok: true, status: 204, error: null });
      const [ping] = receiver.of(user);
      expect(ping.body.type).toBe('ping');
      expect(ping.headers['x-tessera-event']).toBe('ping');
      expect(verifyWebhookSignature(secret, ping.headers['x-tessera-signature'] as string, ping.raw)).toBe(true);

      receiver.answer = () => 410;
      expect((await open.http.post(`${webhookPath}/test`).set(bearer(user.session)).expect(200)).body).toEqual({ ok: false, status: 410, error: 'answered HTTP 410' });
      await open.http.put(webhookPath).set(bearer(user.session)).send({ url: 'http://127.0.0.1:9/closed' }).expect(200);
      const refused = await open.http.post(`${webhookPath}/test`).set(bearer(user.session)).expect(200);
      expect(refused.body).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/ECONNREFUSED/) });
      await open.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    });
  });
});

describe('expiry notices on their own schedule', () => {
  it('are sent by the timer every EXPIRY_WEBHOOK_INTERVAL_SECONDS, with no one calling', async () => {
    const receiver = new Receiver();
    const url = await receiver.start();
    const t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', EXPIRY_WEBHOOK_INTERVAL_SECONDS: '1' });
    try {
      const user = await signUp(t, 'timer');
      await t.http.put(webhookPath).set(bearer(user.session)).send({ url }).expect(200);
      const token = await mint(t, user.session, { expiresAt: inDays(5) });
      const deadline = Date.now() + 10_000;
      while (receiver.of(user).length === 0 && Date.now() < deadline) await pause(100);
      expect(receiver.of(user).map((entry) => entry.body.token?.id)).toEqual([token.id]);
      await t.http.delete(webhookPath).set(bearer(user.session)).expect(204);
    } finally {
      await t.close();
      await receiver.stop();
    }
  });
});
