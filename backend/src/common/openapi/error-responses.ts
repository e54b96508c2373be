import { HttpStatus } from '@nestjs/common';
import { defaultMessageOf, ERROR_CATALOGUE, type ErrorCode, statusOf } from '../../contract';
import type { RouteRules } from './route-rules';

export { ApiErrorResponses, API_ERROR_CODES } from './api-error-responses.decorator';

/** Each code's status, read from the catalogue (kept for code that imported it from here). */
export const ERROR_STATUS: Record<ErrorCode, number> = Object.fromEntries(
  Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [code, entry.status]),
) as Record<ErrorCode, number>;

const PAT_REFUSALS: ErrorCode[] = ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOKEN_DELETED', 'TOKEN_ROTATED'];
const KNOWN_CODES = new Set<string>(Object.keys(ERROR_CATALOGUE));

export const ERROR_BODY_SCHEMA = {
  type: 'object',
  description: 'The one error shape of every answer with status >= 400',
  required: ['statusCode', 'error', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE), description: 'Stable machine word; see contract/error-codes.ts' },
    message: { type: 'string', description: 'English, for people; clients match on `code`' },
    details: {
      type: 'array',
      description: 'On VALIDATION_FAILED and CONFLICT: one entry per offending field; on SCOPE_IN_USE: one entry with the count of live tokens',
      items: {
        type: 'object',
        required: ['field', 'constraint', 'message'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', example: 'scopes.0' },
          constraint: { type: 'string', example: 'isIn' },
          message: { type: 'string' },
          count: { type: 'integer', minimum: 1, description: 'On SCOPE_IN_USE: how many live tokens hold the scopes (or belong to the application)' },
        },
      },
    },
  },
};

/** `404` -> `Not Found`. */
export function reasonOf(status: number): string {
  return (HttpStatus[status] ?? 'Error')
    .toString()
    .toLowerCase()
    .replace(/(^|_)(\w)/g, (_match, separator: string, letter: string) => (separator ? ' ' : '') + letter.toUpperCase());
}

export function exampleOf(code: ErrorCode): Record<string, unknown> {
  const statusCode = statusOf(code);
  const body: Record<string, unknown> = { statusCode, error: reasonOf(statusCode), code, message: defaultMessageOf(code) };
  if (code === 'VALIDATION_FAILED') body.details = [{ field: 'name', constraint: 'isNotEmpty', message: 'name must not be empty' }];
  if (code === 'CONFLICT') body.details = [{ field: 'username', constraint: 'unique', message: 'username is already taken' }];
  if (code === 'SCOPE_IN_USE') body.details = [{ field: 'scopes', constraint: 'inUse', message: '3 live token(s) hold deploy:write', count: 3 }];
  return body;
}

export type Operation = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> };
  parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown; examples?: unknown }> }>;
};

/**
 * The codes one operation can answer, from the same metadata the AuthGuard reads:
 * - a body: 400 VALIDATION_FAILED / MALFORMED_JSON and 413 PAYLOAD_TOO_LARGE; path or query
 *   parameters: 400 VALIDATION_FAILED; an `{id}` in the path: 404 NOT_FOUND;
 * - any route but @Public: 401 (UNAUTHENTICATED, SESSION_EXPIRED, USER_DISABLED, the TOKEN_* refusals) and 403
 *   IP_NOT_ALLOWED; ADMIN_REQUIRED for @AdminOnly; then SESSION_REQUIRED for session-only routes, or else INSUFFICIENT_SCOPE when
 *   a scope is needed, TOKEN_REQUIRED for @TokenSelf, and the limits (429, 503 LIMITER_UNAVAILABLE);
 * - every route: 503 DATABASE_UNAVAILABLE and 500 INTERNAL_ERROR;
 * - plus @ApiErrorResponses and any catalogue code named in a hand-written response description.
 */
export function errorCodesOf(path: string, operation: Operation, rule: RouteRules | undefined): Set<ErrorCode> {
  const codes = new Set<ErrorCode>(rule?.codes ?? []);
  const add = (...list: ErrorCode[]) => list.forEach((code) => codes.add(code));
  if (operation.requestBody) add('VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE');
  if ((operation.parameters ?? []).length > 0) add('VALIDATION_FAILED');
  if (/\{id\}/.test(path)) add('NOT_FOUND');
  if (rule && !rule.isPublic) {
    add('UNAUTHENTICATED', 'SESSION_EXPIRED', 'USER_DISABLED', ...PAT_REFUSALS, 'IP_NOT_ALLOWED');
    if (rule.adminOnly) add('ADMIN_REQUIRED');
    if (rule.sessionOnly) add('SESSION_REQUIRED');
    else {
      if (rule.needsScope) add('INSUFFICIENT_SCOPE');
      if (rule.tokenSelf) add('TOKEN_REQUIRED');
      add('REQUEST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED', 'RATE_LIMITED', 'LIMITER_UNAVAILABLE');
    }
  }
  add('DATABASE_UNAVAILABLE', 'INTERNAL_ERROR');
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) < 400) continue;
    for (const word of response.description?.match(/\b[A-Z][A-Z_]+[A-Z]\b/g) ?? []) {
      if (KNOWN_CODES.has(word)) codes.add(word as ErrorCode);
    }
  }
  return codes;
}

/** Writes each status's error response: the shared ErrorBody schema and one example per code. */
export function documentErrorResponses(path: string, operation: Operation, rule: RouteRules | undefined): void {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(path, operation, rule)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const existing = operation.responses[String(status)];
    // A response with its own, non-error body (health's 503) is left as it is.
    const schema = existing?.content?.['application/json']?.schema;
    if (schema && !JSON.stringify(schema).includes('ErrorBody')) continue;
    const own = existing?.description && !/^Codes: /.test(existing.description) ? `${existing.description.replace(/\.$/, '')}. ` : '';
    operation.responses[String(status)] = {
      description: `${own}Codes: ${list.join(', ')}`,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorBody' },
          examples: Object.fromEntries(list.map((code) => [code, { summary: code, value: exampleOf(code) }])),
        },
      },
    };
  }
}
