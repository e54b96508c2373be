import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds, signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"type":"token.expiring"}';
  const now = 1_790_000_000_000;
  const timestamp = now / 1000;

  it('is an HMAC-SHA256 over "<timestamp>.<body>" that the receiver can check', () => {
    const header = signWebhook(secret, timestamp, body);
    // Known answer, so a change of scheme breaks this test and every receiver's code with it.
    expect(header).toBe('t=1790000000,v1=de607af40b06d47bcf1d7ea7143c9d7f973b01bdfaa6eb92fe0212bc9805eabf');
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
  });

  it('fails for another secret, a changed body, a changed timestamp or an old delivery', () => {
    const header = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature('whsec_other', header, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, `${body} `, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${timestamp}`, `t=${timestamp + 1}`), body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, 't=abc,v1=zz', body, { now })).toBe(false);
  });
});

describe('retry backoff', () => {
  it('doubles from the base after each failed attempt, up to a ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 30))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30, 30)).toBe(MAX_RETRY_DELAY_SECONDS);
  });
});
