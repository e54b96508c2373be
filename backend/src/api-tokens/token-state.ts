import type { TokenState } from '../contract';
import type { ApiToken } from '@prisma/client';

type StateFields = Pick<ApiToken, 'status' | 'expiresAt' | 'deletedAt'>;

/** What a person sees, in order of precedence: deleted, revoked, expired, active. */
export function tokenStateOf(token: StateFields, now: Date = new Date()): TokenState {
  if (token.deletedAt) return 'deleted';
  if (token.status === 'REVOKED') return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
