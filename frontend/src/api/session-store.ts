/**
 * Where the session JWT lives between reloads. One key, read and written only here
 * (see docs/panel.md for why localStorage and not a cookie).
 */
export const SESSION_STORAGE_KEY = 'tessera.session';

export function readSessionToken(): string | null {
  try {
    return window.localStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeSessionToken(token: string): void {
  window.localStorage.setItem(SESSION_STORAGE_KEY, token);
}

export function clearSessionToken(): void {
  window.localStorage.removeItem(SESSION_STORAGE_KEY);
}
