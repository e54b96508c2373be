import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { isIP } from 'node:net';
import type { ErrorFieldDetail } from '../../contract';
import { validationFailed } from '../app-exception';

/**
 * Ajv options for the routes that validate with a Fastify JSON schema (the verify API's hot
 * path): the same strictness as the ValidationPipe elsewhere — no type coercion ("3" is not a
 * number), unknown fields are errors rather than silently dropped, every bad field is reported —
 * and an `ip` format that accepts what `net.isIP` accepts.
 */
export const AJV_OPTIONS = {
  customOptions: {
    coerceTypes: false,
    removeAdditional: false,
    allErrors: true,
    useDefaults: false,
    formats: { ip: { type: 'string', validate: (value: string) => isIP(value) !== 0 } },
  },
} as const;

/**
 * Fastify's schema errors as the API's one error shape: 400 VALIDATION_FAILED with one detail per
 * problem, named by its dotted path (`scopes.1`) and a class-validator-like constraint name.
 */
export function schemaErrorFormatter(errors: FastifySchemaValidationError[], _dataVar: string): Error {
  return validationFailed(errors.map(detailOf));
}

function detailOf(error: FastifySchemaValidationError): ErrorFieldDetail {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  switch (error.keyword) {
    case 'required': {
      const field = joined(path, String(params.missingProperty));
      return { field, constraint: 'isDefined', message: `${field} is required` };
    }
    case 'additionalProperties': {
      const field = joined(path, String(params.additionalProperty));
      return { field, constraint: 'unknownField', message: `property ${field} should not exist` };
    }
    default:
      return detailAt(path || 'body', error.keyword, params, error.message);
  }
}

function detailAt(field: string, keyword: string, params: Record<string, unknown>, message: string | undefined): ErrorFieldDetail {
  const item = /\.\d+$/.test(field);
  const owner = item ? field.replace(/\.\d+$/, '') : field;
  switch (keyword) {
    case 'type': {
      const type = String(params.type);
      const constraint = { string: 'isString', integer: 'isInt', number: 'isNumber', array: 'isArray', object: 'isObject', boolean: 'isBoolean' }[type] ?? 'type';
      const noun = type === 'integer' ? 'an integer' : type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
      return { field, constraint, message: `${field} must be ${noun}` };
    }
    case 'maxLength':
      return { field, constraint: 'maxLength', message: `${field} must be shorter than or equal to ${params.limit} characters` };
    case 'minLength':
      return { field, constraint: 'minLength', message: `${field} must be longer than or equal to ${params.limit} characters` };
    case 'maxItems':
      return { field, constraint: 'arrayMaxSize', message: `${field} must contain no more than ${params.limit} elements` };
    case 'minimum':
      return { field, constraint: 'min', message: `${field} must not be less than ${params.limit}` };
    case 'maximum':
      return { field, constraint: 'max', message: `${field} must not be greater than ${params.limit}` };
    case 'enum':
      return { field, constraint: 'isIn', message: `each value in ${owner} must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'format':
      return params.format === 'ip'
        ? { field, constraint: 'isIp', message: `${field} must be an IPv4 or IPv6 address` }
        : { field, constraint: 'format', message: `${field} must match format ${String(params.format)}` };
    case 'pattern':
      // A token's pattern keeps NUL characters out (PostgreSQL text cannot hold them); a scope's is resource:action.
      return owner === 'scopes'
        ? { field, constraint: 'matches', message: `each value in scopes must be resource:action in lowercase (${String(params.pattern)})` }
        : { field, constraint: 'noNulCharacter', message: `${field} must not contain NUL characters` };
    default:
      return { field, constraint: keyword, message: `${field} ${message ?? 'is invalid'}` };
  }
}

const joined = (path: string, name: string) => (path ? `${path}.${name}` : name);
