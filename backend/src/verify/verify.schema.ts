import { APPLICATION_RULES } from '../contract';
import { MAX_VERIFY_COST } from './dto/verify-token.dto';

/**
 * The verify API's body and answer as Fastify JSON schemas: Fastify compiles them once (Ajv for
 * the body, fast-json-stringify for the 200 answer), so the hot path runs no class-validator or
 * class-transformer and no generic JSON.stringify. The same rules as VerifyTokenDto, which stays
 * for the OpenAPI document; verify.api.spec.ts checks both.
 */
export const VERIFY_BODY_SCHEMA = {
  type: 'object',
  required: ['token'],
  additionalProperties: false,
  properties: {
    // No NUL characters (PostgreSQL text cannot hold them), as the ValidationPipe checks elsewhere.
    token: { type: 'string', maxLength: 200, pattern: '^[^\\u0000]*$' },
    // Scopes of any application (resource:action); which ones exist is the service key's application's call (400 naming an unknown one).
    scopes: { type: 'array', maxItems: APPLICATION_RULES.maxScopes, items: { type: 'string', maxLength: APPLICATION_RULES.scopeMaxLength, pattern: APPLICATION_RULES.scopePattern } },
    ip: { type: 'string', maxLength: 64, format: 'ip' },
    cost: { type: 'integer', minimum: 0, maximum: MAX_VERIFY_COST },
  },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

export const VERIFY_RESULT_SCHEMA = {
  type: 'object',
  required: ['valid', 'code', 'tokenId', 'userId', 'scopes', 'expiresAt', 'application', 'owner', 'name', 'quotaResetsAt', 'remaining', 'rateLimit'],
  properties: {
    valid: { type: 'boolean' },
    code: { type: 'string' },
    tokenId: nullableString,
    userId: nullableString,
    scopes: { type: 'array', items: { type: 'string' } },
    expiresAt: nullableString,
    // Issue 15: the token's application (that of the service key), owner and name; when a refilling quota next refills.
    application: {
      anyOf: [{ type: 'null' }, { type: 'object', required: ['id', 'slug'], properties: { id: { type: 'string' }, slug: { type: 'string' } } }],
    },
    owner: {
      anyOf: [{ type: 'null' }, { type: 'object', required: ['id', 'username'], properties: { id: { type: 'string' }, username: { type: 'string' } } }],
    },
    name: nullableString,
    quotaResetsAt: nullableString,
    remaining: {
      type: 'object',
      required: ['requests', 'quota'],
      properties: { requests: nullableInteger, quota: nullableInteger },
    },
    rateLimit: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['limit', 'remaining', 'reset'],
          properties: { limit: { type: 'integer' }, remaining: { type: 'integer' }, reset: { type: 'string' } },
        },
      ],
    },
  },
} as const;

export const VERIFY_ROUTE_SCHEMA = { body: VERIFY_BODY_SCHEMA, response: { 200: VERIFY_RESULT_SCHEMA } };
