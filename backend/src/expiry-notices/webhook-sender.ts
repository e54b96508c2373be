import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PrivateAddressError, publicOnlyLookup, webhookUrlProblem } from './webhook-target';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/** A receiver gets this long to answer; then the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookDelivery {
  url: string;
  secret: string;
  /** `token.expiring` or `ping`. */
  event: string;
  deliveryId: string;
  payload: unknown;
}

export interface DeliveryOutcome {
  ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  status: number | null;
  error: string | null;
  /** Retrying cannot help (the URL points into a private network). */
  permanent: boolean;
}

/**
 * POSTs one signed JSON event. A 2xx answer is a delivery; anything else (another status, a
 * redirect, which is not followed, a timeout or a network error) is a failed attempt.
 */
@Injectable()
export class WebhookSender {
  /** How long one attempt may take in all (a field so tests can shorten it). */
  timeoutMs = WEBHOOK_TIMEOUT_MS;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(delivery: WebhookDelivery): Promise<DeliveryOutcome> {
    // The rule holds when sending, not only when saving: the URL may be from before the operator
    // turned WEBHOOK_ALLOW_PRIVATE_NETWORKS off, and an IP literal never goes through `lookup`.
    const problem = webhookUrlProblem(delivery.url, this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
    if (problem) return { ok: false, status: null, error: `not sent: ${problem.message}`, permanent: true };
    const body = JSON.stringify(delivery.payload);
    const url = new URL(delivery.url);
    const client = url.protocol === 'https:' ? https : http;
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body).toString(),
      'User-Agent': 'Tessera-Webhook/1',
      'X-Tessera-Event': delivery.event,
      'X-Tessera-Delivery': delivery.deliveryId,
      [SIGNATURE_HEADER]: signWebhook(delivery.secret, Math.floor(Date.now() / 1000), body),
    };
    return new Promise<DeliveryOutcome>((resolve) => {
      // A whole-attempt deadline: the socket timeout alone would let a receiver that trickles bytes hold us forever.
      const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      const settle = (outcome: DeliveryOutcome) => {
        clearTimeout(deadline);
        resolve(outcome);
      };
      const request = client.request(
        url,
        {
          method: 'POST',
          headers,
          lookup: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS ? undefined : publicOnlyLookup,
          // No connection reuse: each delivery resolves (and checks) the host again.
          agent: false,
        },
        (response) => {
          // Only the status matters; no connection is reused, so drop the body instead of reading it.
          response.destroy();
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          settle({ ok, status, error: ok ? null : `answered HTTP ${status}`, permanent: false });
        },
      );
      request.on('error', (error) =>
        settle({ ok: false, status: null, error: error.message.slice(0, 500), permanent: error instanceof PrivateAddressError }),
      );
      request.end(body);
    });
  }
}
