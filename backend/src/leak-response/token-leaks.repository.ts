import { Injectable } from '@nestjs/common';
import type { ApiToken, TokenLeak } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { AuditDraft } from '../audit/audit-draft';
import { OwnerNotifier, type OwnerNotice } from '../expiry-notices/owner-notifier';

/** A reported secret that is one of ours: the token it belongs to and whether the secret still works. */
export interface LeakMatch {
  hash: string;
  token: ApiToken;
  /** The token's current secret, or a rotated-out one still within its grace period. */
  secretWorks: boolean;
}

export interface LeakRecord {
  source: string | null;
  url: string | null;
}

/** All Prisma access of the leak response. */
@Injectable()
export class TokenLeaksRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: OwnerNotifier,
  ) {}

  /** Two indexed lookups for the whole report: current secrets, then rotated-out ones. */
  async findByHashes(hashes: string[], now: Date): Promise<LeakMatch[]> {
    const [current, retired] = await Promise.all([
      this.prisma.apiToken.findMany({ where: { tokenHash: { in: hashes } } }),
      this.prisma.apiTokenRetiredSecret.findMany({ where: { tokenHash: { in: hashes } }, include: { token: true } }),
    ]);
    return [
      ...current.map((token) => ({ hash: token.tokenHash, token, secretWorks: true })),
      ...retired.map((secret) => ({ hash: secret.tokenHash, token: secret.token, secretWorks: secret.graceUntil > now })),
    ];
  }

  /**
   * Revokes the token if it is still live (active, not deleted, not expired: compare-and-set) with
   * `revokedBy: 'leaked'`, records where it was found, audits it and queues the owner's `token.leaked` webhook event, in
   * one transaction. Answers the hashes that must leave every cache, or null when nothing changed.
   */
  revokeLeaked(token: ApiToken, leak: LeakRecord, now: Date, audit: AuditDraft, notice: Omit<OwnerNotice, 'payload'> & { payload: (reportedAt: Date) => OwnerNotice['payload'] }): Promise<{ hashes: string[]; noticeId: string | null } | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.apiToken.updateMany({
        where: { id: token.id, status: 'ACTIVE', deletedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        data: { status: 'REVOKED', revokedAt: now, revokedBy: 'leaked' },
      });
      if (count !== 1) return null;
      await tx.tokenLeak.upsert({
        where: { tokenId: token.id },
        create: { tokenId: token.id, source: leak.source, url: leak.url, reportedAt: now },
        update: { source: leak.source, url: leak.url, reportedAt: now, dismissedAt: null },
      });
      await tx.auditEvent.create({ data: { ...audit, tokenId: token.id } });
      const noticeId = await this.notifier.queue(tx, { ...notice, payload: notice.payload(now) });
      const retired = await tx.apiTokenRetiredSecret.findMany({ where: { tokenId: token.id, graceUntil: { gt: now } }, select: { tokenHash: true } });
      return { hashes: [token.tokenHash, ...retired.map((row) => row.tokenHash)], noticeId };
    });
  }

  undismissedOf(userId: string): Promise<Array<TokenLeak & { token: Pick<ApiToken, 'name' | 'tokenPreview'> }>> {
    return this.prisma.tokenLeak.findMany({
      where: { dismissedAt: null, token: { userId, deletedAt: null } },
      orderBy: [{ reportedAt: 'desc' }, { tokenId: 'asc' }],
      include: { token: { select: { name: true, tokenPreview: true } } },
    });
  }

  /** False when the user has no such token or it has no leak record. Dismissing twice is fine. */
  async dismiss(userId: string, tokenId: string, now: Date): Promise<boolean> {
    const leak = await this.prisma.tokenLeak.findFirst({ where: { tokenId, token: { userId } }, select: { tokenId: true, dismissedAt: true } });
    if (!leak) return false;
    if (!leak.dismissedAt) await this.prisma.tokenLeak.update({ where: { tokenId }, data: { dismissedAt: now } });
    return true;
  }
}
