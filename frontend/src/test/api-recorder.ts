import { http, HttpResponse } from 'msw';
import type { ApiToken, Page, TokenStats } from '../api/types';
import { someStats } from './fixtures';
import { server } from './server';

/** Serves the token list and stats, and remembers each list query so tests can assert on it. */
export function serveTokenList(page: Page<ApiToken> | ((url: URL) => Page<ApiToken>), stats: TokenStats = someStats) {
  const listQueries: URLSearchParams[] = [];
  server.use(
    http.get('/api/users/me/api-tokens/stats', () => HttpResponse.json(stats)),
    http.get('/api/users/me/api-tokens', ({ request }) => {
      const url = new URL(request.url);
      listQueries.push(url.searchParams);
      return HttpResponse.json(typeof page === 'function' ? page(url) : page);
    }),
  );
  return {
    listQueries,
    lastQuery: () => Object.fromEntries(listQueries[listQueries.length - 1] ?? []),
  };
}
