import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpiryNoticeDispatcher } from '../../src/expiry-notices/expiry-notice-dispatcher';
import { bearer, mint, signUp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const webhookPath = '/api/users/me/expiry-webhook';

/**
 * The private-address rule holds when sending: a webhook saved while the operator allowed
 * private networks is refused at send time once WEBHOOK_ALLOW_PRIVATE_NETWORKS is off again
 * (here: a second instance on the same database without it), whatever spelling of loopback
 * the URL uses. Nothing reaches the receiver.
 */
describe('webhook targets are checked when sending', () => {
  let open: TestApp;
  let strict: TestApp;
  let server: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    [open, strict] = await Promise.all([startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', EXPIRY_WEBHOOK_MAX_ATTEMPTS: '3' }), startTestApp({ EXPIRY_WEBHOOK_MAX_ATTEMPTS: '3' })]);
    server = createServer((_request, response) => {
      received += 1;
      response.statusCode = 204;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all([open.close(), strict.close()]);
    await new Promise((resolve) => server.close(resolve));
  });

  for (const host of ['127.0.0.1', '2130706433', '0x7f.0.0.1', '127.1']) {
    it(`a test ping to a saved http://${host}:… is refused by an instance that does not allow private networks`, async () => {
      const user = await signUp(open, 'sendtime');
      await open.http.put(webhookPath).set(bearer(user.session)).send({ url: `http://${host}:${port}/hook` }).expect(200);
      const before = received;
      // The control case: the instance that allows it delivers.
      expect((await open.http.post(`${webhookPath}/test`).set(bearer(user.session)).expect(200)).body.ok).toBe(true);
      expect(received).toBe(before + 1);
      const refused = await strict.http.post(`${webhookPath}/test`).set(bearer(user.session)).expect(200);
      expect(refused.body).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private/) });
      expect(received).toBe(before + 1);
    });
  }

  it('an expiry notice to such a URL fails for good at the first attempt, and is never sent', async () => {
    const user = await signUp(open, 'sendtime');
    await open.http.put(webhookPath).set(bearer(user.session)).send({ url: `http://127.0.0.1:${port}/notice` }).expect(200);
    await mint(t(), user.session, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const before = received;
    await strict.app.get(ExpiryNoticeDispatcher).runOnce();
    const notices = await strict.prisma.expiryNotice.findMany({ where: { userId: user.id } });
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice.attempts).toBe(1);
      expect(notice.status).toBe('FAILED');
      expect(notice.lastError).toMatch(/private/);
    }
    expect(received).toBe(before);
  });

  const t = () => open;
});
