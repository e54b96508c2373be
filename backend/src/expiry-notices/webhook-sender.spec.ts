import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/app-config';
import { WebhookSender } from './webhook-sender';
import { verifyWebhookSignature } from './webhook-signature';

describe('WebhookSender', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

  async function receiver(handle: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handle);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  const sender = () => new WebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true } as AppConfig);
  const delivery = (url: string) => ({ url, secret: 'whsec_unit', event: 'ping', deliveryId: 'd-1', payload: { type: 'ping' } });

  it('POSTs the signed JSON and takes a 2xx as delivered', async () => {
    let seen: { headers: Record<string, unknown>; body: string } | undefined;
    const url = await receiver((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen = { headers: request.headers, body };
        response.writeHead(202).end('ignored');
      });
    });
    expect(await sender().send(delivery(url))).toEqual({ ok: true, status: 202, error: null, permanent: false });
    expect(seen!.body).toBe('{"type":"ping"}');
    expect(seen!.headers['x-tessera-delivery']).toBe('d-1');
    expect(verifyWebhookSignature('whsec_unit', seen!.headers['x-tessera-signature'] as string, seen!.body)).toBe(true);
  });

  it('does not follow a redirect', async () => {
    const url = await receiver((_request, response) => response.writeHead(302, { Location: 'http://169.254.169.254/' }).end());
    expect(await sender().send(delivery(url))).toMatchObject({ ok: false, status: 302, error: 'answered HTTP 302' });
  });

  it('gives up on a receiver that never answers, within the attempt deadline', async () => {
    const url = await receiver(() => undefined);
    const slow = sender();
    slow.timeoutMs = 300;
    const started = Date.now();
    const outcome = await slow.send(delivery(url));
    expect(outcome).toMatchObject({ ok: false, status: null, error: 'no answer within 0.3 s', permanent: false });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a private address at connect time when the install does not allow it', async () => {
    const url = await receiver((_request, response) => response.end());
    const strict = new WebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: false } as AppConfig);
    const outcome = await strict.send(delivery(url.replace('127.0.0.1', 'localhost')));
    expect(outcome).toMatchObject({ ok: false, status: null, permanent: true, error: expect.stringMatching(/private/) });
  });
});

describe('WebhookSender checks the target when sending', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

  it('refuses a URL saved while private networks were allowed, once they are not: IP literals, every spelling, nothing reaches the receiver', async () => {
    let received = 0;
    server = createServer((_request, response) => {
      received += 1;
      response.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const strict = new WebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: false } as AppConfig);
    const open = new WebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true } as AppConfig);
    const payload = { secret: 'whsec_unit', event: 'ping', deliveryId: 'd-2', payload: { type: 'ping' } };
    for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '127.1', '[::ffff:127.0.0.1]', 'localhost']) {
      const outcome = await strict.send({ ...payload, url: `http://${host}:${port}/hook` });
      expect(outcome, host).toMatchObject({ ok: false, status: null, permanent: true, error: expect.stringMatching(/private/) });
    }
    expect(received).toBe(0);
    // The control case: allowed, the same receiver gets it.
    expect(await open.send({ ...payload, url: `http://127.0.0.1:${port}/hook` })).toMatchObject({ ok: true });
    expect(received).toBe(1);
  });
});
