import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { ExpiryNoticeDispatcher } from './expiry-notice-dispatcher';

/** Owner events sent to the user's webhook besides `token.expiring`. Add a word here for a new one. */
export const OWNER_EVENTS = ['token.leaked'] as const;
export type OwnerEvent = (typeof OWNER_EVENTS)[number];

export interface OwnerNotice {
  userId: string;
  tokenId: string;
  event: OwnerEvent;
  /** The event body; `type`, `id`, `createdAt`, `attempt` and `userId` are added at send time. */
  payload: Prisma.InputJsonObject;
}

/**
 * Tells a token's owner about something that happened to it, through the same queue, signing,
 * retries and backoff as expiry notices (one `expiry_notices` row with an `event` word). Queue in
 * the transaction of the change itself, then call `deliverSoon(ids)` once it is committed.
 */
@Injectable()
export class OwnerNotifier {
  constructor(private readonly dispatcher: ExpiryNoticeDispatcher) {}

  /** Queues the notice when the owner has a webhook; answers its id, or null when there is no webhook. */
  async queue(db: Prisma.TransactionClient, notice: OwnerNotice): Promise<string | null> {
    const webhook = await db.expiryWebhook.findUnique({ where: { userId: notice.userId }, select: { userId: true } });
    if (!webhook) return null;
    const created = await db.expiryNotice.create({
      data: { userId: notice.userId, tokenId: notice.tokenId, event: notice.event, payload: notice.payload },
      select: { id: true },
    });
    return created.id;
  }

  /** First attempt now, in the background (after the commit); retries follow the expiry notice backoff. */
  deliverSoon(noticeIds: string[]): void {
    void this.dispatcher.deliverNow(noticeIds);
  }
}
