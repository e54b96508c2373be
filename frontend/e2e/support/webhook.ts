/** A real webhook receiver on loopback, and the signature check a receiver makes. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived: the signature is over these bytes, not over re-serialised JSON. */
  raw: string;
  body: { type: string; id: string; attempt?: number; noticeDays?: number; userId: string; token?: { id: string; name: string; tokenPreview: string; expiresAt: string } };
}

/** Records every request (headers + raw body) and answers 204, as a well-behaved receiver does. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server?: Server;

  /** Listens on a free port of 127.0.0.1; resolves to the URL to register as the webhook. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (raw += chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, raw, body: JSON.parse(raw) as ReceivedWebhook['body'] });
        response.statusCode = 204;
        response.end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tessera`;
  }

  of(type: string): ReceivedWebhook[] {
    return this.received.filter((entry) => entry.body.type === type);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * What docs/rotation-and-policies.md tells a receiver to do with `X-Tessera-Signature:
 * t=<unix>,v1=<hex>`: recompute HMAC-SHA256(secret, "<t>.<raw body>"), compare in constant time, and
 * refuse a timestamp more than 5 minutes away. Written out here rather than imported from the
 * backend, so the server's signing is checked against the documented recipe.
 */
export function verifyWebhookSignature(secret: string, header: string | string[] | undefined, raw: string, now = Date.now()): boolean {
  if (typeof header !== 'string') return false;
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2))) as Record<string, string | undefined>;
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '') || Math.abs(now / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1 ?? '', 'hex'));
}
