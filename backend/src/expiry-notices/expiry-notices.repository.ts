import { Injectable } from '@nestjs/common';
import type { ApiToken, Application, ExpiryNotice, ExpiryWebhook, ServiceKey } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';

/** A notice claimed for one attempt, with what the attempt needs. */
export interface ClaimedNotice {
  id: string;
  userId: string;
  /** Null for an event about a service key. */
  tokenId: string | null;
  /** `token.expiring`, or an owner event queued by OwnerNotifier. */
  event: string;
  /** Null for an owner event. */
  expiresAt: Date | null;
  /** The event body of an owner event (null for `token.expiring`, which is built at send time). */
  payload: Record<string, unknown> | null;
  attempts: number;
  createdAt: Date;
}

export type NoticeWithToken = ExpiryNotice & { tokenId: string; token: Pick<ApiToken, 'name' | 'tokenPreview'> };

export type NoticeWithServiceKey = ExpiryNotice & {
  serviceKeyId: string;
  serviceKey: Pick<ServiceKey, 'name' | 'keyPreview'> & { application: Pick<Application, 'name'> };
};

/** How long a claim keeps other instances off a notice (longer than one attempt can take). */
const CLAIM_SECONDS = 60;

/** All Prisma access for expiry webhooks and their notices. */
@Injectable()
export class ExpiryNoticesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findWebhook(userId: string): Promise<ExpiryWebhook | null> {
    return this.prisma.expiryWebhook.findUnique({ where: { userId } });
  }

  saveWebhook(userId: string, url: string, newSecret: string): Promise<ExpiryWebhook> {
    return this.prisma.expiryWebhook.upsert({ where: { userId }, create: { userId, url, secret: newSecret }, update: { url } });
  }

  /** False when the user has no webhook. */
  async replaceSecret(userId: string, secret: string): Promise<boolean> {
    const { count } = await this.prisma.expiryWebhook.updateMany({ where: { userId }, data: { secret } });
    return count > 0;
  }

  async deleteWebhook(userId: string): Promise<boolean> {
    const { count } = await this.prisma.expiryWebhook.deleteMany({ where: { userId } });
    return count > 0;
  }

  recentNotices(userId: string, take: number): Promise<NoticeWithToken[]> {
    return this.prisma.expiryNotice.findMany({
      where: { userId, tokenId: { not: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: { token: { select: { name: true, tokenPreview: true } } },
    }) as Promise<NoticeWithToken[]>;
  }

  /** An admin's `service_key.leaked` deliveries: about a key, not one of the user's tokens. */
  recentServiceKeyNotices(userId: string, take: number): Promise<NoticeWithServiceKey[]> {
    return this.prisma.expiryNotice.findMany({
      where: { userId, serviceKeyId: { not: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: { serviceKey: { select: { name: true, keyPreview: true, application: { select: { name: true } } } } },
    }) as Promise<NoticeWithServiceKey[]>;
  }

  /**
   * Queues one notice per live, active token of a user with a webhook that expires within the
   * window. The unique (token, expiresAt) makes this idempotent across rounds and instances; a
   * token whose expiry changes gets a new notice when the new date comes into the window.
   */
  enqueueDue(noticeDays: number): Promise<number> {
    return this.prisma.$executeRaw`
      INSERT INTO expiry_notices (id, user_id, token_id, expires_at, updated_at)
      SELECT gen_random_uuid(), t.user_id, t.id, t.expires_at, now()
      FROM api_tokens t JOIN expiry_webhooks w ON w.user_id = t.user_id
      WHERE t.status = 'ACTIVE' AND t.deleted_at IS NULL
        AND t.expires_at > now() AND t.expires_at <= now() + make_interval(days => ${noticeDays}::int)
      ON CONFLICT (token_id, expires_at) DO NOTHING`;
  }

  /**
   * Claims up to `limit` due notices for this instance and counts the attempt. SKIP LOCKED and
   * the claim time let several instances work the queue without sending a notice twice at once.
   */
  claimDue(limit: number): Promise<ClaimedNotice[]> {
    return this.prisma.$queryRaw<ClaimedNotice[]>`
      WITH due AS (
        SELECT id FROM expiry_notices
        WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE expiry_notices n
      SET locked_until = now() + make_interval(secs => ${CLAIM_SECONDS}::int), attempts = n.attempts + 1, updated_at = now()
      FROM due WHERE n.id = due.id
      RETURNING n.id, n.user_id AS "userId", n.token_id AS "tokenId", n.event, n.expires_at AS "expiresAt", n.payload, n.attempts, n.created_at AS "createdAt"`;
  }

  /** Claims these notices (when still pending and unclaimed) for one attempt, like `claimDue`. */
  claimByIds(ids: string[]): Promise<ClaimedNotice[]> {
    return this.prisma.$queryRaw<ClaimedNotice[]>`
      WITH due AS (
        SELECT id FROM expiry_notices
        WHERE id = ANY(${ids}::uuid[]) AND status = 'PENDING' AND (locked_until IS NULL OR locked_until < now())
        FOR UPDATE SKIP LOCKED
      )
      UPDATE expiry_notices n
      SET locked_until = now() + make_interval(secs => ${CLAIM_SECONDS}::int), attempts = n.attempts + 1, updated_at = now()
      FROM due WHERE n.id = due.id
      RETURNING n.id, n.user_id AS "userId", n.token_id AS "tokenId", n.event, n.expires_at AS "expiresAt", n.payload, n.attempts, n.created_at AS "createdAt"`;
  }

  tokensById(ids: string[]): Promise<ApiToken[]> {
    return this.prisma.apiToken.findMany({ where: { id: { in: ids } } });
  }

  webhooksOf(userIds: string[]): Promise<ExpiryWebhook[]> {
    return this.prisma.expiryWebhook.findMany({ where: { userId: { in: userIds } } });
  }

  async markDelivered(id: string, status: number): Promise<void> {
    await this.prisma.expiryNotice.update({
      where: { id },
      data: { status: 'DELIVERED', deliveredAt: new Date(), lastStatus: status, lastError: null, lockedUntil: null },
    });
  }

  async markFailedAttempt(id: string, outcome: { status: number | null; error: string | null }, retryAt: Date | null): Promise<void> {
    await this.prisma.expiryNotice.update({
      where: { id },
      data: {
        status: retryAt ? 'PENDING' : 'FAILED',
        nextAttemptAt: retryAt ?? undefined,
        lastStatus: outcome.status,
        lastError: outcome.error?.slice(0, 500) ?? null,
        lockedUntil: null,
      },
    });
  }

  async markCancelled(id: string, reason: string): Promise<void> {
    await this.prisma.expiryNotice.update({ where: { id }, data: { status: 'CANCELLED', lastError: reason, lockedUntil: null } });
  }
}
