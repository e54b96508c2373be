import { Injectable } from '@nestjs/common';
import type { ApiToken, Prisma, ServiceKey, TokenLeak } from '@prisma/client';
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

/** A reported service key that is one of ours, with its application. */
export type ServiceKeyMatch = ServiceKey & { application: { id: string; slug: string; name: string } };

/** A leaked service key whose Administration banner no admin has dismissed. */
export type UndismissedServiceKeyLeak = ServiceKeyMatch & { leakReportedAt: Date };

const KEY_APPLICATION = { application: { select: { id: true, slug: true, name: true } } } as const satisfies Prisma.ServiceKeyInclude;

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

  /** One indexed lookup for the service keys of a report (revoked ones too: they are still ours). */
  findServiceKeysByHashes(hashes: string[]): Promise<ServiceKeyMatch[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.prisma.serviceKey.findMany({ where: { keyHash: { in: hashes } }, include: KEY_APPLICATION });
  }

  /**
   * Revokes the key if it is still active (compare-and-set) with `revokedBy: 'leaked'` and where it
   * was found, and tells the admins (every active admin; see docs/secret-scanning.md): one
   * `service_key.leak_revoked` row in each one's log and a `service_key.leaked` event queued for each
   * one with a webhook, in one transaction. Answers the queued notice ids, or null when nothing changed.
   */
  revokeLeakedServiceKey(
    key: ServiceKeyMatch,
    leak: LeakRecord,
    now: Date,
    audit: (adminId: string) => AuditDraft,
    payload: Prisma.InputJsonObject,
  ): Promise<{ noticeIds: string[] } | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.serviceKey.updateMany({
        where: { id: key.id, revokedAt: null },
        data: { revokedAt: now, revokedBy: 'leaked', leakSource: leak.source, leakUrl: leak.url, leakReportedAt: now, leakDismissedAt: null },
      });
      if (count !== 1) return null;
      const admins = await tx.user.findMany({ where: { role: 'admin', disabledAt: null }, select: { id: true }, orderBy: { createdAt: 'asc' } });
      if (admins.length > 0) await tx.auditEvent.createMany({ data: admins.map((admin) => ({ ...audit(admin.id), createdAt: now })) });
      const noticeIds = await this.notifier.queueMany(
        tx,
        admins.map((admin) => ({ userId: admin.id, serviceKeyId: key.id, event: 'service_key.leaked' as const, payload })),
      );
      return { noticeIds };
    });
  }

  /** The Administration banner: leaked keys no admin has dismissed, newest first. */
  undismissedServiceKeyLeaks(): Promise<UndismissedServiceKeyLeak[]> {
    return this.prisma.serviceKey.findMany({
      where: { leakReportedAt: { not: null }, leakDismissedAt: null },
      orderBy: [{ leakReportedAt: 'desc' }, { id: 'asc' }],
      include: KEY_APPLICATION,
    }) as Promise<UndismissedServiceKeyLeak[]>;
  }

  /** False when there is no such key or it never leaked. Dismissing twice is fine. */
  async dismissServiceKeyLeak(keyId: string, now: Date): Promise<boolean> {
    const key = await this.prisma.serviceKey.findFirst({ where: { id: keyId, leakReportedAt: { not: null } }, select: { leakDismissedAt: true } });
    if (!key) return false;
    if (!key.leakDismissedAt) await this.prisma.serviceKey.update({ where: { id: keyId }, data: { leakDismissedAt: now } });
    return true;
  }
}
