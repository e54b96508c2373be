import { Injectable } from '@nestjs/common';
import type { TokenLeak } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';

/**
 * Reads the `token_leaks` rows the token views take `leak` (where it was found) from, for tokens
 * with `revokedBy: 'leaked'` (both written in one transaction by the leak-response module). One
 * query per view or per page.
 */
@Injectable()
export class TokenLeakLookup {
  constructor(private readonly prisma: PrismaService) {}

  async of(tokenIds: string[]): Promise<Map<string, TokenLeak>> {
    if (tokenIds.length === 0) return new Map();
    const rows = await this.prisma.tokenLeak.findMany({ where: { tokenId: { in: tokenIds } } });
    return new Map(rows.map((row) => [row.tokenId, row]));
  }
}
