import type { TestApp } from './test-app';

export interface CallResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Makes the test app listen on a loopback port (for real concurrent HTTP) and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** One HTTP call with fetch; the body is parsed as JSON when there is one. */
export async function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** `count` calls all in flight at once; answers in the order they were made. */
export function burst(count: number, make: (index: number) => Promise<CallResult>): Promise<CallResult[]> {
  return Promise.all(Array.from({ length: count }, (_unused, index) => make(index)));
}

/** How many results had each status, e.g. `{200: 100, 429: 300}`. */
export function statusCounts(results: CallResult[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return counts;
}

export const codesOf = (results: CallResult[]) => new Set(results.filter((result) => result.status >= 400).map((result) => result.body.code));
