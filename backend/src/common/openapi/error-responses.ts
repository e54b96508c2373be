import { INestApplication, SetMetadata, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../../contract';
import { IS_PUBLIC, SESSION_ONLY } from '../decorators/auth.decorators';

export const API_ERROR_CODES = 'tessera:apiErrorCodes';

/**
 * Error codes a route answers beyond the ones that follow from its metadata (see
 * `documentErrorResponses`), e.g. `@ApiErrorResponses('TOKEN_LIMIT_REACHED', 'INVALID_STATE')`.
 * Each becomes an example of the shared error shape under its HTTP status in the OpenAPI document.
 */
export const ApiErrorResponses = (...codes: ErrorCode[]) => SetMetadata(API_ERROR_CODES, codes);

/**
 * The HTTP status each code is answered with, for the document (the one catalogue of codes is
 * contract/error-codes.ts). A code missing here is left out of the document, never guessed.
 */
export const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CURRENT_PASSWORD_INVALID: 403,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  TOKEN_DELETED: 401,
  TOKEN_ROTATED: 401,
  INSUFFICIENT_SCOPE: 403,
  SESSION_REQUIRED: 403,
  IP_NOT_ALLOWED: 403,
  REQUEST_LIMIT_EXCEEDED: 429,
  QUOTA_EXCEEDED: 429,
  RATE_LIMITED: 429,
  TOKEN_LIMIT_REACHED: 409,
  USER_DISABLED: 401,
  ADMIN_REQUIRED: 403,
  LAST_ADMIN: 409,
  CANNOT_CHANGE_SELF: 409,
  INVITE_REQUIRED: 403,
  INVITE_INVALID: 403,
  SIGNUP_CLOSED: 403,
  SERVICE_KEY_REQUIRED: 401,
  SERVICE_KEY_INVALID: 401,
  SCOPE_IN_USE: 409,
  APPLICATION_BUILT_IN: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  DATABASE_UNAVAILABLE: 503,
  LIMITER_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'Validation failed',
  MALFORMED_JSON: 'The request body is not valid JSON',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNAUTHENTICATED: 'Authentication required',
  SESSION_EXPIRED: 'The session has expired; sign in again',
  INVALID_CREDENTIALS: 'Wrong email or password',
  CURRENT_PASSWORD_INVALID: 'The current password is wrong',
  TOKEN_INVALID: 'The token is not valid',
  TOKEN_EXPIRED: 'The token has expired',
  TOKEN_REVOKED: 'The token was revoked',
  TOKEN_DELETED: 'The token was deleted',
  TOKEN_ROTATED: 'This secret was replaced by a rotation and its grace period is over; use the new secret',
  INSUFFICIENT_SCOPE: 'This action needs the tokens:write scope',
  SESSION_REQUIRED: 'This action needs a signed-in session, not a token',
  REQUEST_LIMIT_EXCEEDED: 'The token has used all of its request limit',
  QUOTA_EXCEEDED: 'The token has used all of its quota',
  RATE_LIMITED: 'Too many calls with this token; see Retry-After',
  TOKEN_LIMIT_REACHED: 'You already have 100 tokens; delete one before creating another',
  SERVICE_KEY_REQUIRED: "Call the verify API with your application's service key: Authorization: Bearer tsk_…",
  SERVICE_KEY_INVALID: 'The service key is not valid (unknown, revoked, or its application was deleted)',
  SCOPE_IN_USE: '3 live token(s) hold deploy:write; send ?force=true to remove the scopes from them',
  APPLICATION_BUILT_IN: "The built-in tessera application (Tessera's own API) cannot be edited or deleted",
  NOT_FOUND: 'Token not found',
  CONFLICT: 'username is already taken',
  INVALID_STATE: 'Only a deleted token can be restored',
  DATABASE_UNAVAILABLE: 'The database is unavailable, try again shortly',
  LIMITER_UNAVAILABLE: 'Usage limits cannot be checked right now; try again shortly',
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const PAT_REFUSALS: ErrorCode[] = ['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOKEN_DELETED', 'TOKEN_ROTATED'];
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

export const ERROR_BODY_SCHEMA = {
  type: 'object',
  description: 'The one error shape of every answer with status >= 400',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: { type: 'string', enum: Object.values(ERROR_CODES), description: 'Stable machine word; see contract/error-codes.ts' },
    message: { type: 'string', description: 'English, for people; clients match on `code`' },
    details: {
      type: 'array',
      description: 'On VALIDATION_FAILED and CONFLICT: one entry per offending field',
      items: {
        type: 'object',
        required: ['field', 'constraint', 'message'],
        properties: {
          field: { type: 'string', example: 'scopes.0' },
          constraint: { type: 'string', example: 'isIn' },
          message: { type: 'string' },
        },
      },
    },
  },
};

export function exampleOf(code: ErrorCode): Record<string, unknown> {
  const statusCode = ERROR_STATUS[code] ?? 400;
  const body: Record<string, unknown> = { statusCode, error: REASONS[statusCode] ?? 'Error', code, message: MESSAGES[code] ?? code };
  if (code === 'VALIDATION_FAILED') {
    body.details = [{ field: 'name', constraint: 'isNotEmpty', message: 'name must not be empty' }];
  }
  if (code === 'CONFLICT') body.details = [{ field: 'username', constraint: 'unique', message: 'username is already taken' }];
  return body;
}

interface RouteRules {
  isPublic: boolean;
  sessionOnly: boolean;
  codes: ErrorCode[];
}

/** `Controller_method` (Nest's default operationId) -> what the guard and the route declare. */
function routeRules(app: INestApplication): Map<string, RouteRules> {
  const reflector = new Reflector();
  const rules = new Map<string, RouteRules>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        rules.set(`${controller.name}_${name}`, {
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          sessionOnly: reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) ?? false,
          codes: reflector.getAllAndOverride<ErrorCode[]>(API_ERROR_CODES, targets) ?? [],
        });
      }
    }
  }
  return rules;
}

type Operation = {
  operationId?: string;
  requestBody?: unknown;
  parameters?: { in: string }[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown; examples?: unknown }> }>;
};

/**
 * Completes every operation's error responses in the OpenAPI document, from the same metadata the
 * AuthGuard reads, so they cannot drift from what the server does:
 * - a body: 400 VALIDATION_FAILED / MALFORMED_JSON and 413 PAYLOAD_TOO_LARGE; path or query
 *   parameters: 400 VALIDATION_FAILED; an `{id}` in the path: 404 NOT_FOUND;
 * - any route but @Public: 401 (UNAUTHENTICATED, SESSION_EXPIRED, and the TOKEN_* refusals), 403
 *   (SESSION_REQUIRED for @SessionOnly, INSUFFICIENT_SCOPE otherwise); routes a PAT may call also
 *   429 for its limits and 503 LIMITER_UNAVAILABLE;
 * - every route: 503 DATABASE_UNAVAILABLE;
 * - plus the codes of @ApiErrorResponses and any catalogue code named in a response description.
 * Each status gets the shared ErrorBody schema and one example per code.
 */
export function documentErrorResponses(app: INestApplication, document: OpenAPIObject): void {
  const rules = routeRules(app);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = ERROR_BODY_SCHEMA as never;

  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      const rule = rules.get(operation.operationId ?? '') ?? { isPublic: false, sessionOnly: false, codes: [] };
      const codes = new Set<ErrorCode>(rule.codes);
      const parameters = operation.parameters ?? [];
      if (operation.requestBody) ['VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE'].forEach((code) => codes.add(code as ErrorCode));
      if (parameters.length > 0) codes.add('VALIDATION_FAILED');
      if (/\{id\}/.test(path)) codes.add('NOT_FOUND');
      if (!rule.isPublic) {
        ['UNAUTHENTICATED', 'SESSION_EXPIRED', ...PAT_REFUSALS].forEach((code) => codes.add(code as ErrorCode));
        if (rule.sessionOnly) codes.add('SESSION_REQUIRED');
        else ['INSUFFICIENT_SCOPE', 'REQUEST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED', 'RATE_LIMITED', 'LIMITER_UNAVAILABLE'].forEach((code) => codes.add(code as ErrorCode));
      }
      codes.add('DATABASE_UNAVAILABLE');
      // Codes already named in hand-written descriptions (e.g. "TOKEN_LIMIT_REACHED").
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        for (const word of response.description?.match(/\b[A-Z][A-Z_]+[A-Z]\b/g) ?? []) {
          if (KNOWN_CODES.has(word)) codes.add(word as ErrorCode);
        }
      }

      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of codes) {
        const status = ERROR_STATUS[code];
        if (status) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [status, list] of byStatus) {
        const existing = operation.responses[String(status)];
        // A response with its own, non-error body (health's 503) is left as it is.
        if (existing?.content && !JSON.stringify(existing.content).includes('ErrorBody') && existing.content['application/json']?.schema) continue;
        const own = existing?.description ? `${existing.description}. ` : '';
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
  }
}
