import { errorBody, TesseraError, type ErrorBody, type ErrorCode } from './errors.js';
import type { Scope, Verifier, VerifyResult } from './verifier.js';

export interface RequireTokenOptions {
  verifier: Verifier;
  /** Scopes every request must carry; write implies read. */
  scopes?: Scope[];
  /** Cost units each request charges (the server's default is 1). */
  cost?: number;
}

/** The outcome for one request, the same for every framework. */
export type Admission =
  | { ok: true; token: VerifyResult; headers: Record<string, string> }
  | { ok: false; status: number; body: ErrorBody; headers: Record<string, string> };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Reads the bearer token, verifies it, and says how to answer: the core of both middlewares. */
export async function admit(options: RequireTokenOptions, authorization: string | string[] | undefined, ip: string | undefined): Promise<Admission> {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return { ok: false, status: 401, body: errorBody('UNAUTHENTICATED', 'Send a personal access token as Authorization: Bearer tsr_…'), headers: {} };
  try {
    const { result, headers } = await options.verifier.verify(token, { scopes: options.scopes, cost: options.cost, ip });
    if (result.valid) return { ok: true, token: result, headers };
    const body = errorBody(result.code as ErrorCode, `The token was refused: ${result.code}`);
    return { ok: false, status: body.statusCode, body, headers };
  } catch (error) {
    if (error instanceof TesseraError) return { ok: false, status: error.status, body: error.body, headers: error.headers };
    return { ok: false, status: 503, body: errorBody('INTERNAL_ERROR', 'Tessera could not be reached'), headers: {} };
  }
}
