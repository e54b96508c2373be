import { createTesseraClient } from './client.js';
import { TesseraError, type ErrorBody } from './errors.js';
import type { components } from './generated/schema.js';

export type VerifyResult = components['schemas']['VerifyResultView'];
export type Scope = NonNullable<components['schemas']['VerifyTokenDto']['scopes']>[number];

export interface VerifierOptions {
  baseUrl: string;
  /**
   * A service key (`tsk_…`), sent as `Authorization: Bearer …` so Tessera answers for that
   * application's tokens. Optional: without it the verify API answers for the built-in application.
   */
  serviceKey?: string;
  /** Retries on 503 LIMITER_UNAVAILABLE (default 3), each after the server's Retry-After. */
  retries?: number;
  /** Longest wait between retries, whatever Retry-After says (default 10 s). */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

export interface VerifyOptions {
  /** Scopes the call needs; write implies read. */
  scopes?: Scope[];
  /** Cost units to charge when the token is valid (the server's default is 1). */
  cost?: number;
  /** The address of the client that presented the token (checked against its IP allowlist). */
  ip?: string;
}

export interface Verification {
  /** The answer about the token: `valid`, `code` (VALID or why not), its id, scopes, what is left. */
  result: VerifyResult;
  /** The limit headers Tessera sent (X-RateLimit-*, X-RequestLimit-*, X-Quota-*, Retry-After). */
  headers: Record<string, string>;
}

export interface Verifier {
  verify(token: string, options?: VerifyOptions): Promise<Verification>;
}

const LIMIT_HEADER = /^(x-ratelimit-|x-requestlimit-|x-quota-|retry-after$)/i;

function limitHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (LIMIT_HEADER.test(name)) picked[name] = value;
  });
  return picked;
}

/**
 * Asks Tessera whether a token may do something, and charges it: `POST /api/v1/tokens/verify`.
 * An answer about the token (valid or not) is a result; anything else (a malformed call, Tessera
 * unavailable) is a TesseraError. 503 LIMITER_UNAVAILABLE is retried after Retry-After.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const client = createTesseraClient({ baseUrl: options.baseUrl, token: options.serviceKey, fetch: options.fetch });
  const retries = options.retries ?? 3;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  return {
    async verify(token, { scopes, cost, ip } = {}) {
      for (let attempt = 0; ; attempt++) {
        const { data, error, response } = await client.POST('/api/v1/tokens/verify', { body: { token, scopes, cost, ip } });
        const headers = limitHeaders(response.headers);
        if (data) return { result: data, headers };
        const body = error as ErrorBody | undefined;
        if (response.status === 503 && body?.code === 'LIMITER_UNAVAILABLE' && attempt < retries) {
          const seconds = Number(response.headers.get('retry-after') ?? '1');
          await new Promise((resolve) => setTimeout(resolve, Math.min(maxDelay, (Number.isFinite(seconds) ? seconds : 1) * 1000)));
          continue;
        }
        throw new TesseraError(response.status, body ?? { statusCode: response.status, error: 'Error', code: 'INTERNAL_ERROR', message: `HTTP ${response.status}` }, headers);
      }
    },
  };
}
