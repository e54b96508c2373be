import { ERROR_CODES } from '@tessera/backend/contract';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { anErrorBody } from '../test/fixtures';
import { server } from '../test/server';
import { ApiError, describeError } from './api-error';
import { apiRequest, onSessionExpired } from './client';
import { writeSessionToken } from './session-store';

describe('apiRequest', () => {
  it('sends the stored session as a Bearer token to a relative /api URL with the query', async () => {
    writeSessionToken('jwt-123');
    let seen: { auth: string | null; url: string } | undefined;
    server.use(
      http.get('/api/users/me/api-tokens', ({ request }) => {
        seen = { auth: request.headers.get('Authorization'), url: request.url };
        return HttpResponse.json({ ok: true });
      }),
    );

    await apiRequest('/users/me/api-tokens', { query: { page: 2, search: '', status: undefined } });
    expect(seen?.auth).toBe('Bearer jwt-123');
    expect(new URL(seen!.url).search).toBe('?page=2');
  });

  it('turns the shared error shape into an ApiError with code, details and Retry-After', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        HttpResponse.json(anErrorBody(429, 'RATE_LIMITED', [{ field: 'email', constraint: 'x', message: 'y' }]), {
          status: 429,
          headers: { 'Retry-After': '30' },
        }),
      ),
    );

    const error = await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30, details: [{ field: 'email' }] });
    expect(describeError(error, i18n.t)).toBe('Too many attempts. Wait 30 seconds and try again.');
  });

  it('gives a known code even when the server answers without the error shape', async () => {
    server.use(http.get('/api/users/me', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));

    const error = await apiRequest('/users/me').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: ERROR_CODES.INTERNAL_ERROR });
  });

  it('reports an ended session only for calls that carried one', async () => {
    const listener = vi.fn();
    onSessionExpired(listener);
    server.use(http.get('/api/users/me', () => HttpResponse.json(anErrorBody(401, 'SESSION_EXPIRED'), { status: 401 })));
    server.use(http.post('/api/auth/login', () => HttpResponse.json(anErrorBody(401, 'INVALID_CREDENTIALS'), { status: 401 })));

    await apiRequest('/auth/login', { method: 'POST', body: {}, anonymous: true }).catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();
    writeSessionToken('expired-jwt');
    await apiRequest('/users/me').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    onSessionExpired(null);
  });
});

describe('describeError', () => {
  it('words every catalogue code in both languages without falling back to the key', async () => {
    for (const language of ['en-US', 'zh-CN']) {
      await i18n.changeLanguage(language);
      for (const code of Object.values(ERROR_CODES)) {
        const text = describeError(new ApiError(400, code, 'raw server English'), i18n.t);
        expect(text, `${language} ${code}`).not.toContain('errors.');
        expect(text).not.toBe('raw server English');
      }
    }
  });
});
