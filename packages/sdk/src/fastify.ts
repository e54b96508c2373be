import { admit, resolveVerifier, type Requirement, type RequireTokenOptions } from './require-token.js';
import type { Verifier, VerifyResult } from './verifier.js';

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

export type FastifyPreHandler = (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<void>;

export type { RequireTokenOptions };

function preHandler(requirement: Requirement): FastifyPreHandler {
  return async (request, reply) => {
    const outcome = await admit(requirement, request.headers.authorization, request.ip);
    for (const [name, value] of Object.entries(outcome.headers)) reply.header(name, value);
    if (!outcome.ok) {
      await reply.code(outcome.status).send(outcome.body);
      return;
    }
    request.tessera = outcome.token;
  };
}

/**
 * Fastify hook: `app.get('/deployments', { preHandler: requireToken({ scopes: ['deploy:read'] }) }, handler)`.
 * Asks the verifier given as `verifier`, else one for `TESSERA_URL` + `TESSERA_SERVICE_KEY` (an
 * Error at once when they are not set). Answers 401/403/429 with Tessera's error envelope and its
 * limit headers; on success the verified token is `request.tessera` (declare it with
 * `app.decorateRequest('tessera', null)`).
 */
export function requireToken(options: RequireTokenOptions = {}): FastifyPreHandler {
  return preHandler({ verifier: resolveVerifier(options), scopes: options.scopes, cost: options.cost });
}

/** `requireToken` bound to one verifier: `const requireToken = createRequireToken(createVerifier({ baseUrl, serviceKey }))`. */
export function createRequireToken(verifier: Verifier): (options?: Omit<RequireTokenOptions, 'verifier'>) => FastifyPreHandler {
  return (options = {}) => preHandler({ verifier, scopes: options.scopes, cost: options.cost });
}
