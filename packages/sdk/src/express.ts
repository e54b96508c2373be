import { admit, type RequireTokenOptions } from './require-token.js';
import type { VerifyResult } from './verifier.js';

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

export type { RequireTokenOptions };

/**
 * Express middleware: `app.get('/reports', requireToken({ verifier, scopes: ['usage:read'] }), handler)`.
 * Answers 401/403/429 with Tessera's error envelope and its limit headers; on success the verified
 * token is `req.tessera`.
 */
export function requireToken(options: RequireTokenOptions) {
  return (request: ExpressRequest, response: ExpressResponse, next: (error?: unknown) => void): void => {
    admit(options, request.headers.authorization, request.ip).then((outcome) => {
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

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The token verified by `requireToken`. */
      tessera?: VerifyResult;
    }
  }
}
