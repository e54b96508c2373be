import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). */
export const SIGNATURE_HEADER = 'X-Tessera-Signature';

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and what docs/rotation-and-policies.md shows): recompute the HMAC over
 * the raw body, compare in constant time, and refuse old timestamps so a captured delivery cannot
 * be replayed later.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  { now = Date.now(), toleranceSeconds = 300 }: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(digest(secret, timestamp, body), 'hex'), Buffer.from(given, 'hex'));
}

/** The longest wait between two attempts, however many have failed. */
export const MAX_RETRY_DELAY_SECONDS = 6 * 3600;

/** Exponential backoff: `base` after the first failed attempt, then twice as long each time. */
export function retryDelaySeconds(failedAttempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_SECONDS);
}
