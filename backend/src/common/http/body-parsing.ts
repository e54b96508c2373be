import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { AppException, validationFailed } from '../app-exception';
import { inputShapeProblem } from '../pipes/input-shape';
import { appendRouteHook } from './route-hooks';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`100kb`, `1mb`, `512b`; 1 kb = 1024 bytes, as Express's parser counted) in bytes. */
export function parseBodyLimit(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`BODY_LIMIT must look like 100kb, not ${limit}`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}

export const malformedJson = () => new AppException('MALFORMED_JSON', 'The request body is not valid JSON');
const tooLarge = () => new AppException('PAYLOAD_TOO_LARGE', 'The request body is too large');
const unreadable = () => new AppException('VALIDATION_FAILED', 'The request body cannot be read');

/**
 * JSON bodies as the API has always read them: `application/json` only (another type's body is
 * not read: the route sees no body and names its missing fields), an empty body is `{}`, and the
 * text must be an object or an array (strict, like Express's parser); anything else is
 * 400 MALFORMED_JSON. Fastify itself enforces the byte limit (413 PAYLOAD_TOO_LARGE).
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    // The exact bytes, for routes that check a signature over them (`RawBodyRequest`, Nest's
    // rawBody option): a reference to the buffer read anyway, no copy.
    (request as { rawBody?: Buffer }).rawBody = raw as Buffer;
    const body = (raw as Buffer).toString('utf8');
    if (body.length === 0) return done(null, {});
    const first = firstNonSpace(body);
    if (first !== 0x7b && first !== 0x5b) return done(malformedJson(), undefined);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return done(malformedJson(), undefined);
    }
    done(null, value);
  });
  // A route validated by a compiled JSON schema (the verify API) runs no ValidationPipe: the same
  // input-shape rule (no lone surrogates, no deep nesting; 400 naming the field) runs before its
  // schema, as a hook of that route alone (decided once, when the route is registered).
  fastify.addHook('onRoute', (route) => {
    if (route.schema?.body === undefined) return;
    const checkShape: preValidationHookHandler = (request, _reply, done) => {
      const problem = inputShapeProblem(request.body);
      done(problem ? validationFailed([problem]) : undefined);
    };
    appendRouteHook(route, 'preValidation', checkShape);
  });
  // Any other content type: the body is left unread, as before (the route sees no body).
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

function firstNonSpace(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return code;
  }
  return -1;
}

/**
 * Fastify's own errors about reading a request (`FST_ERR_CTP_*`: too large, bad Content-Length,
 * aborted...) as coded API errors; undefined for anything else.
 */
export function requestReadError(exception: unknown): AppException | undefined {
  const code = (exception as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_CTP_')) return undefined;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge();
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return malformedJson();
  return unreadable();
}
