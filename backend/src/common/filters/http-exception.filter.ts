import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ErrorBody, ErrorCode } from '../../contract';
import { AppException } from '../app-exception';
import { requestReadError } from '../http/body-parsing';
import { isDatabaseUnavailable } from './database-unavailable';

const DEFAULT_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'INSUFFICIENT_SCOPE',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'DATABASE_UNAVAILABLE',
};

/** Renders every error as `{statusCode, error, code, message, details?}`; nothing else leaves the server. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(host.switchToHttp().getResponse<FastifyReply>(), exception);
  }

  /** Answers with the error's shape; also used for Fastify's own routing errors (a bad URL). */
  send(response: FastifyReply, exception: unknown): void {
    const { body, headers } = this.toBody(requestReadError(exception) ?? exception);
    if (response.sent) return;
    response.headers(headers);
    response.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): { body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof AppException) {
      return {
        body: this.shape(exception.getStatus(), exception.code, exception.message, exception.details),
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = DEFAULT_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
      return { body: this.shape(status, code, this.messageOf(exception)), headers: {} };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      return {
        body: this.shape(HttpStatus.SERVICE_UNAVAILABLE, 'DATABASE_UNAVAILABLE', 'The database is unavailable, try again shortly'),
        headers: { 'Retry-After': '5' },
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    return { body: this.shape(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Internal server error'), headers: {} };
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }

  private shape(statusCode: number, code: ErrorCode, message: string, details?: ErrorBody['details']): ErrorBody {
    const error = (HttpStatus[statusCode] ?? 'Error')
      .toString()
      .toLowerCase()
      .replace(/(^|_)(\w)/g, (_match, separator: string, letter: string) => (separator ? ' ' : '') + letter.toUpperCase());
    return details && details.length > 0 ? { statusCode, error, code, message, details } : { statusCode, error, code, message };
  }
}
