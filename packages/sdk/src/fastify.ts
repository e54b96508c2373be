import { admit, type RequireTokenOptions } from './require-token.js';
import type { VerifyResult } from './verifier.js';

// Structural types, so the SDK does not depend on Fastify itself.
interface FastifyRequestLike {
  headers: { authorization?: string | string[] };
  ip?: string;
  tessera?: VerifyResult;
}
interface FastifyReplyLike {
  header(name: string, value: string): unknown;
  code(status: number): { send(body: unknown): unknown };
}

export type { RequireTokenOptions };

/**
 * Fastify hook: `app.get('/reports', { preHandler: requireToken({ verifier, scopes: ['usage:read'] }) }, handler)`.
 * Answers 401/403/429 with Tessera's error envelope and its limit headers; on success the verified
 * token is `request.tessera` (declare it with `app.decorateRequest('tessera', null)`).
 */
export function requireToken(options: RequireTokenOptions) {
  return async (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<void> => {
    const outcome = await admit(options, request.headers.authorization, request.ip);
    for (const [name, value] of Object.entries(outcome.headers)) reply.header(name, value);
    if (!outcome.ok) {
      await reply.code(outcome.status).send(outcome.body);
      return;
    }
    request.tessera = outcome.token;
  };
}
