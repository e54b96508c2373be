import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import type { ErrorCode, Scope } from '../contract';
import { ApiTokensRepository } from './api-tokens.repository';
import { hasValidChecksum, hashToken } from './token-format';
import { tokenStateOf } from './token-state';

/** What a verified PAT may do; enough for the guard and the verify API. */
export interface VerifiedToken {
  tokenId: string;
  userId: string;
  scopes: Scope[];
  expiresAt: Date | null;
  requestLimit: number | null;
  quotaLimit: number | null;
  rateLimit: number | null;
}

const REFUSALS: Record<'expired' | 'revoked' | 'deleted', { code: ErrorCode; message: string }> = {
  expired: { code: 'TOKEN_EXPIRED', message: 'The token has expired' },
  revoked: { code: 'TOKEN_REVOKED', message: 'The token was revoked' },
  deleted: { code: 'TOKEN_DELETED', message: 'The token was deleted' },
};

export const tokenInvalid = () => new AppException(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID', 'The token is not valid');

/** Turns a presented secret into a VerifiedToken or a 401 with the reason's code. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async verify(plaintext: string, now = new Date()): Promise<VerifiedToken> {
    // The checksum rejects typos and forgeries before any database work.
    if (!hasValidChecksum(plaintext)) throw tokenInvalid();
    // Lookup by SHA-256 through a unique index: no secret is compared in memory.
    const token = await this.tokens.findByHash(hashToken(plaintext));
    if (!token) throw tokenInvalid();
    const state = tokenStateOf(token, now);
    if (state !== 'active') {
      const refusal = REFUSALS[state];
      throw new AppException(HttpStatus.UNAUTHORIZED, refusal.code, refusal.message);
    }
    return {
      tokenId: token.id,
      userId: token.userId,
      scopes: token.scopes as Scope[],
      expiresAt: token.expiresAt,
      requestLimit: token.requestLimit,
      quotaLimit: token.quotaLimit,
      rateLimit: token.rateLimit,
    };
  }
}
