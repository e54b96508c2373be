import { admit, resolveVerifier, type Requirement, type RequireTokenOptions } from './require-token.js';
import type { Verifier, VerifyResult } from './verifier.js';

// Structural types, so the SDK does not depend on Express itself.
interface ExpressRequest {
  headers: { authorization?: string | string[] };
  ip?: string;
  tessera?: VerifyResult;
}
interface ExpressResponse {
  setHeader(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): unknown };
}

export type ExpressMiddleware = (request: ExpressRequest, response: ExpressResponse, next: (error?: unknown) => void) => void;

export type { RequireTokenOptions };

function middleware(requirement: Requirement): ExpressMiddleware {
  return (request, response, next) => {
    admit(requirement, request.headers.authorization, request.ip).then((outcome) => {
      for (const [name, value] of Object.entries(outcome.headers)) response.setHeader(name, value);
      if (!outcome.ok) {
        response.status(outcome.status).json(outcome.body);
        return;
      }
      request.tessera = outcome.token;
      next();
    }, next);
  };
}

/**
 * Express middleware: `app.get('/deployments', requireToken({ scopes: ['deploy:read'] }), handler)`.
 * Asks the verifier given as `verifier`, else one for `TESSERA_URL` + `TESSERA_SERVICE_KEY` (an
 * Error at once when they are not set). Answers 401/403/429 with Tessera's error envelope and its
 * limit headers; on success the verified token is `req.tessera`.
 */
export function requireToken(options: RequireTokenOptions = {}): ExpressMiddleware {
  return middleware({ verifier: resolveVerifier(options), scopes: options.scopes, cost: options.cost });
}

/**
 * `requireToken` bound to one verifier, for a service that configures it in code (or talks to
 * more than one application): `const requireToken = createRequireToken(createVerifier({ baseUrl, serviceKey }))`.
 */
export function createRequireToken(verifier: Verifier): (options?: Omit<RequireTokenOptions, 'verifier'>) => ExpressMiddleware {
  return (options = {}) => middleware({ verifier, scopes: options.scopes, cost: options.cost });
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The token verified by `requireToken`. */
      tessera?: VerifyResult;
    }
  }
}
