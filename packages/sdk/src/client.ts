import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';

export type TesseraClient = Client<paths>;

export interface ClientOptions {
  /** Where Tessera runs, e.g. `https://tessera.example.com` (the API is under `/api`). */
  baseUrl: string;
  /** A session JWT or a `tsr_` personal access token, sent as `Authorization: Bearer …`. */
  token?: string;
  fetch?: typeof fetch;
}

/**
 * A typed client for the whole API, built on the types generated from Tessera's OpenAPI document:
 * `client.GET('/api/users/me/api-tokens', { params: { query: { status: 'active' } } })`.
 */
export function createTesseraClient(options: ClientOptions): TesseraClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : undefined,
  });
  return client;
}
