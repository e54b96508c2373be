import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, ErrorFieldDetail } from '../contract';

/** An error with a stable `code`; the exception filter renders it in the shared error shape. */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorFieldDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }
}

export const notFound = (what = 'Resource') =>
  new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);

export const invalidState = (message: string) => new AppException(HttpStatus.CONFLICT, 'INVALID_STATE', message);

export const validationFailed = (details: ErrorFieldDetail[]) =>
  new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Validation failed', details);
