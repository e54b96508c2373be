import { HttpException } from '@nestjs/common';
import { type ErrorCode, type ErrorFieldDetail, statusOf } from '../contract';

/**
 * An error with a stable `code`; the exception filter renders it in the shared error shape. Its
 * HTTP status is the code's, from the catalogue (contract/error-codes.ts): never chosen here.
 * `new AppException(code, message?, details?, headers?)`.
 */
export class AppException extends HttpException {
  readonly code: ErrorCode;
  readonly details?: ErrorFieldDetail[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, details?: ErrorFieldDetail[], headers?: Record<string, string>) {
    super(message ?? code, statusOf(code));
    this.code = code;
    this.details = details;
    this.headers = headers ?? {};
  }
}

export const notFound = (what = 'Resource') => new AppException('NOT_FOUND', `${what} not found`);

export const invalidState = (message: string) => new AppException('INVALID_STATE', message);

export const validationFailed = (details: ErrorFieldDetail[]) => new AppException('VALIDATION_FAILED', 'Validation failed', details);
