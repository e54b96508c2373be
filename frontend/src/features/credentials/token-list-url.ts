import { TOKEN_SORT_FIELDS, TOKEN_STATES, isScope, type Scope, type TokenSortField, type TokenState } from '@tessera/backend/contract';
import type { ApiToken, TokenListQuery } from '../../api/types';
import { PAGE_SIZE_OPTIONS } from './TokenTable';
import { createFormDefaults, selectionFromScopes, type TokenFormValues } from './token-form-model';

export const DEFAULT_TOKEN_QUERY: TokenListQuery = { page: 1, limit: 10, sort: 'createdAt', order: 'desc' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const positive = (value: string | null) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

/**
 * Sort, filter, search and page live in the URL (`?q=…&status=…&app=…&sort=…&order=…&page=…&limit=…&expiring=7`),
 * so a reload, the back button or a shared link shows the same list. Unknown values fall back.
 */
export function queryFromParams(params: URLSearchParams): TokenListQuery {
  const status = params.get('status');
  const sort = params.get('sort');
  const order = params.get('order');
  const limit = positive(params.get('limit'));
  return {
    page: positive(params.get('page')) ?? 1,
    limit: limit && PAGE_SIZE_OPTIONS.includes(limit) ? limit : DEFAULT_TOKEN_QUERY.limit,
    search: params.get('q')?.trim() || undefined,
    status: (TOKEN_STATES as readonly string[]).includes(status ?? '') ? (status as TokenState) : undefined,
    sort: (TOKEN_SORT_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as TokenSortField) : DEFAULT_TOKEN_QUERY.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_TOKEN_QUERY.order,
    expiringWithinDays: positive(params.get('expiring')),
    applicationId: UUID.test(params.get('app') ?? '') ? params.get('app')! : undefined,
  };
}

/** The inverse; defaults are left out so the plain list has a plain URL. */
export function paramsFromQuery(query: TokenListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.status) params.set('status', query.status);
  if (query.expiringWithinDays) params.set('expiring', String(query.expiringWithinDays));
  if (query.applicationId) params.set('app', query.applicationId);
  if (query.sort && query.sort !== DEFAULT_TOKEN_QUERY.sort) params.set('sort', query.sort);
  if (query.order && query.order !== DEFAULT_TOKEN_QUERY.order) params.set('order', query.order);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.limit !== DEFAULT_TOKEN_QUERY.limit) params.set('limit', String(query.limit));
  return params;
}

/**
 * `/settings/credentials/new?name=…&description=…&scopes=account:read,tokens:read&expires=30d`, so
 * docs and CI guides can link to the exact token they need. Unknown scopes are dropped.
 */
export function prefillFromParams(params: URLSearchParams): Partial<TokenFormValues> {
  const scopes = (params.get('scopes') ?? '')
    .split(/[\s,]+/)
    .filter((scope): scope is Scope => isScope(scope));
  const expires = params.get('expires');
  const presets = ['7d', '30d', '60d', '90d', '1y', 'never'] as const;
  return {
    ...(params.get('name') ? { name: params.get('name')!.slice(0, 100) } : {}),
    ...(params.get('description') ? { description: params.get('description')!.slice(0, 500) } : {}),
    ...(scopes.length > 0 ? { scopes: selectionFromScopes(scopes) } : {}),
    ...((presets as readonly string[]).includes(expires ?? '') ? { expiryPreset: expires as (typeof presets)[number] } : {}),
  };
}

/** "Duplicate": the create form with this token's settings (a new secret, a new expiry from now). */
export function prefillFromToken(
  token: Pick<ApiToken, 'name' | 'description' | 'scopes' | 'requestLimit' | 'quotaLimit' | 'rateLimit' | 'allowedIps' | 'expiresAt'>,
  copySuffix: string,
): Partial<TokenFormValues> {
  return {
    name: `${token.name} ${copySuffix}`.slice(0, 100),
    description: token.description ?? '',
    scopes: selectionFromScopes(token.scopes),
    expiryPreset: token.expiresAt ? createFormDefaults().expiryPreset : 'never',
    requestLimit: token.requestLimit,
    quotaLimit: token.quotaLimit,
    rateLimit: token.rateLimit,
    allowedIps: (token.allowedIps ?? []).join('\n'),
  };
}
