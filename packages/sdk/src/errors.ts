import { ERROR_STATUS, type ErrorCode } from './generated/error-statuses.js';
import type { components } from './generated/schema.js';

export type ErrorBody = components['schemas']['ErrorBody'];
export { ERROR_STATUS, type ErrorCode };

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** Tessera's error envelope for `code`, with the status Tessera itself gives it. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  const statusCode = ERROR_STATUS[code];
  return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message };
}

/** A call Tessera refused (or could not answer): its status and error envelope. */
export class TesseraError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${body.code}: ${body.message}`);
    this.name = 'TesseraError';
  }

  get code(): ErrorCode {
    return this.body.code;
  }
}
