import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Content-Security-Policy for everything the server sends (the panel, Swagger UI, JSON).
 * The panel and Swagger UI load scripts only from their own origin as files (no inline script,
 * no eval), so `script-src 'self'` holds; antd and Swagger UI put styles inline, hence
 * `style-src 'unsafe-inline'`. No `upgrade-insecure-requests`: a plain-HTTP install on a LAN
 * address would otherwise break its own assets. This is the second line of defence for the
 * session kept in localStorage (see docs/security.md): injected markup cannot load or run script.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * helmet with our CSP: also X-Content-Type-Options nosniff, X-Frame-Options SAMEORIGIN (CSP
 * frame-ancestors 'none' is the stricter rule browsers follow), Referrer-Policy no-referrer,
 * Strict-Transport-Security (ignored by browsers over plain HTTP), Cross-Origin-Opener-Policy
 * and Cross-Origin-Resource-Policy same-origin. Cross-Origin-Embedder-Policy stays off: it would
 * stop nothing here and breaks Swagger UI's data: images in some browsers.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers helmet sets, computed once: none of them depends on the request, so the server
 * adds this fixed set to every answer (an `onRequest` hook) instead of running helmet per call.
 * Computed by running helmet itself against a recording response, so the values stay helmet's.
 */
export function securityHeaderValues(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let finished = false;
  securityHeaders()({} as IncomingMessage, response, () => (finished = true));
  if (!finished) throw new Error('helmet did not complete synchronously');
  return Object.freeze(headers);
}
