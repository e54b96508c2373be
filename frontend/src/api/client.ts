import { ERROR_CODES } from '@tessera/backend/contract';
import { ApiError, NETWORK_FAILURE_STATUS, parseApiError } from './api-error';
import { readSessionToken } from './session-store';

type QueryValue = string | number | undefined | null;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Login and registration must not send a stale session along. */
  anonymous?: boolean;
  /** Extra request headers (e.g. Accept-Language for translated catalogues). */
  headers?: Record<string, string>;
}

type SessionExpiredListener = () => void;
let sessionExpiredListener: SessionExpiredListener | null = null;

/** The auth layer registers here so that any call answered "session gone" signs the person out. */
export function onSessionExpired(listener: SessionExpiredListener | null): void {
  sessionExpiredListener = listener;
}

const SESSION_GONE_CODES: readonly string[] = [ERROR_CODES.SESSION_EXPIRED, ERROR_CODES.UNAUTHENTICATED];

function buildUrl(path: string, query: RequestOptions['query']): string {
  // Absolute against the page's origin: same-origin in production, and Node's fetch (tests) needs a base.
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const sessionToken = options.anonymous ? null : readSessionToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (sessionToken) headers.Authorization = `Bearer ${sessionToken}`;
  Object.assign(headers, options.headers);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(NETWORK_FAILURE_STATUS, ERROR_CODES.INTERNAL_ERROR, 'Network request failed');
  }

  const body = await readJson(response);
  if (response.ok) return body as T;

  const error = parseApiError(response.status, body, response.headers.get('Retry-After'));
  if (sessionToken && response.status === 401 && SESSION_GONE_CODES.includes(error.code)) {
    sessionExpiredListener?.();
  }
  throw error;
}
