import type { Prisma } from '@prisma/client';
import type { TokenSortField, TokenState } from '../contract';

/**
 * The token list's query words as Prisma filters, in one place for the owner's list
 * (ApiTokensRepository) and the admin inventory (AdminRepository), so both mean the same by a state.
 */

/** Live: active, not deleted, not expired at `now`. */
export function liveTokenWhere(now: Date): Prisma.ApiTokenWhereInput {
  return { deletedAt: null, status: 'ACTIVE', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** The tokens in one state (contract/token-state.ts); no state: every token not deleted. */
export function tokenStateWhere(state: TokenState | undefined, now: Date): Prisma.ApiTokenWhereInput {
  switch (state) {
    case undefined:
      return { deletedAt: null };
    case 'deleted':
      return { deletedAt: { not: null } };
    case 'revoked':
      return { deletedAt: null, status: 'REVOKED' };
    case 'expired':
      return { deletedAt: null, status: 'ACTIVE', expiresAt: { lte: now } };
    case 'active':
      return liveTokenWhere(now);
  }
}

/** The sort, then the id (a stable page order). Tokens never used or never expiring go last, whichever the direction. */
export function tokenOrderBy(sort: TokenSortField, order: 'asc' | 'desc'): Prisma.ApiTokenOrderByWithRelationInput[] {
  const first: Prisma.ApiTokenOrderByWithRelationInput = sort === 'expiresAt' || sort === 'lastUsedAt' ? { [sort]: { sort: order, nulls: 'last' } } : { [sort]: order };
  return [first, { id: 'asc' }];
}
