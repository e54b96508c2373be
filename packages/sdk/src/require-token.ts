import { errorBody, TesseraError, type ErrorBody, type ErrorCode } from './errors.js';
import { createVerifier, type Scope, type Verifier, type VerifyResult } from './verifier.js';

export interface RequireTokenOptions {
  /**
   * The verifier to ask. Without one, `requireToken` builds one from the environment:
   * `TESSERA_URL` and `TESSERA_SERVICE_KEY` (`tsk_…`), and throws at once when either is missing.
   */
  verifier?: Verifier;
  /** Scopes every request must carry, from the catalogue of the service key's application. */
  scopes?: Scope[];
  /** Cost units each request charges (the server's default is 1). */
  cost?: number;
}

/** The options once a verifier is known: what `admit` works with. */
export interface Requirement {
  verifier: Verifier;
  scopes?: Scope[];
  cost?: number;
}

/** The outcome for one request, the same for every framework. */
export type Admission =
  | { ok: true; token: VerifyResult; headers: Record<string, string> }
  | { ok: false; status: number; body: ErrorBody; headers: Record<string, string> };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** One verifier per configuration read from the environment, shared by every route that uses it. */
const fromEnvironment = new Map<string, Verifier>();

/**
 * The verifier `requireToken` uses: the one given, else one for `TESSERA_URL` + `TESSERA_SERVICE_KEY`.
 * Called when the middleware is built, so a service that is not configured fails at start, not
 * on its first request.
 */
export function resolveVerifier(options: RequireTokenOptions, env: NodeJS.ProcessEnv = process.env): Verifier {
  if (options.verifier) return options.verifier;
  const baseUrl = env.TESSERA_URL?.trim();
  const serviceKey = env.TESSERA_SERVICE_KEY?.trim();
  const missing = [!baseUrl && 'TESSERA_URL', !serviceKey && 'TESSERA_SERVICE_KEY'].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `requireToken: set ${missing.join(' and ')} (Tessera's address and this service's key, tsk_…), or pass a verifier: requireToken({ verifier: createVerifier({ baseUrl, serviceKey }), … })`,
    );
  }
  if (!serviceKey!.startsWith('tsk_')) throw new Error('requireToken: TESSERA_SERVICE_KEY is not a service key (they start with tsk_)');
  if (!/^https?:\/\/[^/]/i.test(baseUrl!) || !URL.canParse(baseUrl!)) throw new Error(`requireToken: TESSERA_URL is not an http(s) URL: ${baseUrl}`);
  const cacheKey = `${baseUrl}\n${serviceKey}`;
  let verifier = fromEnvironment.get(cacheKey);
  if (!verifier) {
    verifier = createVerifier({ baseUrl: baseUrl!, serviceKey });
    fromEnvironment.set(cacheKey, verifier);
  }
  return verifier;
}

/** Reads the bearer token, verifies it, and says how to answer: the core of both middlewares. */
export async function admit(requirement: Requirement, authorization: string | string[] | undefined, ip: string | undefined): Promise<Admission> {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return { ok: false, status: 401, body: errorBody('UNAUTHENTICATED', 'Send a personal access token as Authorization: Bearer tsr_…'), headers: {} };
  try {
    const { result, headers } = await requirement.verifier.verify(token, { scopes: requirement.scopes, cost: requirement.cost, ip });
    if (result.valid) return { ok: true, token: result, headers };
    const body = errorBody(result.code as ErrorCode, `The token was refused: ${result.code}`);
    return { ok: false, status: body.statusCode, body, headers };
  } catch (error) {
    if (error instanceof TesseraError) return { ok: false, status: error.status, body: error.body, headers: error.headers };
    // Not an answer from Tessera at all (refused connection, DNS, a body that is not JSON).
    return { ok: false, status: 503, body: { ...errorBody('INTERNAL_ERROR', 'Tessera could not be reached'), statusCode: 503, error: 'Service Unavailable' }, headers: {} };
  }
}
