import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type ErrorBody, type ErrorCode, defaultMessageOf, fallbackCodeFor, statusOf } from '../../contract';
import { AppException } from '../app-exception';
import { requestReadError } from '../http/body-parsing';
import { isDatabaseUnavailable } from './database-unavailable';

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
      const code = fallbackCodeFor(status);
      return { body: this.shape(status, code, this.messageOf(exception)), headers: {} };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      return {
        body: this.shape(statusOf('DATABASE_UNAVAILABLE'), 'DATABASE_UNAVAILABLE', defaultMessageOf('DATABASE_UNAVAILABLE')),
        headers: { 'Retry-After': '5' },
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    return { body: this.shape(statusOf('INTERNAL_ERROR'), 'INTERNAL_ERROR', defaultMessageOf('INTERNAL_ERROR')), headers: {} };
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
