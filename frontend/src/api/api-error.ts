import { ERROR_CODES, fallbackCodeFor, type ErrorBody, type ErrorCode, type ErrorFieldDetail } from '@tessera/backend/contract';
import type { TFunction } from 'i18next';

/** Any failed call: the server's error shape, or a network failure mapped to INTERNAL_ERROR. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ErrorFieldDetail[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: ErrorCode, serverMessage: string, details: ErrorFieldDetail[] = [], retryAfterSeconds: number | null = null) {
    super(serverMessage);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Network failures have no server code; they are reported as this pseudo-status. */
export const NETWORK_FAILURE_STATUS = 0;

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ERROR_CODES) as string[]).includes(value);
}

function isFieldDetail(value: unknown): value is ErrorFieldDetail {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string';
}


/** Reads the shared error shape; anything else (a proxy page, an old server) still yields a known code. */
export function parseApiError(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const shape = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof ErrorBody, unknown>>;
  const code = isErrorCode(shape.code) ? shape.code : fallbackCodeFor(status);
  const details = Array.isArray(shape.details) ? shape.details.filter(isFieldDetail) : [];
  const message = typeof shape.message === 'string' ? shape.message : `HTTP ${status}`;
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  return new ApiError(status, code, message, details, retryAfter);
}

/**
 * The one place that turns any failure into words for a person: always the translation of
 * `errors.<CODE>`, never the server's English `message`.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === NETWORK_FAILURE_STATUS) return t('errors.NETWORK');
    return t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? '?' });
  }
  return t('errors.INTERNAL_ERROR');
}

/** Words for one field rejected by the server, chosen by its stable `constraint` word. */
export function describeFieldDetail(detail: ErrorFieldDetail, t: TFunction, i18nExists: (key: string) => boolean): string {
  const key = `errors.constraint.${detail.constraint}`;
  return i18nExists(key) ? t(key) : t('errors.constraint.fallback');
}
