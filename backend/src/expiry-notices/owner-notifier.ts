import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { ExpiryNoticeDispatcher } from './expiry-notice-dispatcher';

/**
 * Owner events sent to the user's webhook besides `token.expiring`: `token.leaked` (the leak
 * response), `token.idle_revoked` (the idle-revocation job) and, to admins, `service_key.leaked`
 * (a service key revoked by the leak response). Add a word here for a new one.
 */
export const OWNER_EVENTS = ['token.leaked', 'token.idle_revoked', 'service_key.leaked'] as const;
export type OwnerEvent = (typeof OWNER_EVENTS)[number];

/** An event about one token (`tokenId`) or, for `service_key.leaked`, one service key (`serviceKeyId`). */
export interface OwnerNotice {
  userId: string;
  tokenId?: string;
  serviceKeyId?: string;
  event: OwnerEvent;
  /** The event body; `type`, `id`, `createdAt`, `attempt` and `userId` are added at send time. */
  payload: Prisma.InputJsonObject;
}

/**
 * Tells a token's owner (or, for a service key, the admins) about something that happened to it, through the same queue, signing,
 * retries and backoff as expiry notices (one `expiry_notices` row with an `event` word). Queue in
 * the transaction of the change itself, then call `deliverSoon(ids)` (or await `deliver(ids)`)
 * once it is committed.
 */
@Injectable()
export class OwnerNotifier {
  constructor(private readonly dispatcher: ExpiryNoticeDispatcher) {}

  /** Queues the notice when the owner has a webhook; answers its id, or null when there is no webhook. */
  async queue(db: Prisma.TransactionClient, notice: OwnerNotice): Promise<string | null> {
    const [id] = await this.queueMany(db, [notice]);
    return id ?? null;
  }

  /** Queues each notice whose owner has a webhook (one lookup, one insert); answers the ids of those queued. */
  async queueMany(db: Prisma.TransactionClient, notices: OwnerNotice[]): Promise<string[]> {
    if (notices.length === 0) return [];
    const hooks = await db.expiryWebhook.findMany({ where: { userId: { in: [...new Set(notices.map((notice) => notice.userId))] } }, select: { userId: true } });
    const withHook = new Set(hooks.map((hook) => hook.userId));
    const due = notices.filter((notice) => withHook.has(notice.userId));
    if (due.length === 0) return [];
    const created = await db.expiryNotice.createManyAndReturn({
      data: due.map((notice) => ({ userId: notice.userId, tokenId: notice.tokenId ?? null, serviceKeyId: notice.serviceKeyId ?? null, event: notice.event, payload: notice.payload })),
      select: { id: true },
    });
    return created.map((row) => row.id);
  }

  /** First attempt now, in the background (after the commit); retries follow the expiry notice backoff. */
  deliverSoon(noticeIds: string[]): void {
    void this.deliver(noticeIds);
  }

  /** The first attempt of each notice, awaited (a failed one is retried by the expiry notice rounds). */
  deliver(noticeIds: string[]): Promise<void> {
    return this.dispatcher.deliverNow(noticeIds);
  }
}
