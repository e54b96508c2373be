import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ApiToken, ExpiryWebhook } from '@prisma/client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { tokenStateOf } from '../contract';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { ClaimedNotice, ExpiryNoticesRepository } from './expiry-notices.repository';
import { retryDelaySeconds } from './webhook-signature';
import { WebhookSender } from './webhook-sender';

const EXPIRING = 'token.expiring';

/** Notices attempted at once by one instance. */
const BATCH = 20;

export interface RoundResult {
  queued: number;
  delivered: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

/** What a receiver gets for `token.expiring` (documented in docs/rotation-and-policies.md). */
export interface ExpiringTokenEvent {
  type: 'token.expiring';
  /** The notice id, the same on every retry: receivers can drop duplicates by it. */
  id: string;
  createdAt: string;
  attempt: number;
  noticeDays: number;
  userId: string;
  token: { id: string; name: string; tokenPreview: string; scopes: string[]; expiresAt: string };
}

/**
 * Every EXPIRY_WEBHOOK_INTERVAL_SECONDS: queue a notice for each token newly in the expiry
 * window, then claim due notices and POST them, signed, to their user's webhook. A failed attempt
 * is retried with exponential backoff up to EXPIRY_WEBHOOK_MAX_ATTEMPTS. Any number of instances
 * may run this: queueing is idempotent and claims are exclusive.
 */
@Injectable()
export class ExpiryNoticeDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiryNoticeDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<RoundResult> | null = null;
  private stopping = false;
  private failing = false;
  /** Deliveries of just-queued owner events, awaited at shutdown like a round. */
  private readonly immediate = new Set<Promise<void>>();

  constructor(
    private readonly notices: ExpiryNoticesRepository,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: RuntimePolicyService,
  ) {}

  onModuleInit(): void {
    const seconds = this.config.EXPIRY_WEBHOOK_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.runOnce(), seconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and lets a round in progress finish (attempts are bounded by the send timeout). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await Promise.all([this.running, ...this.immediate]);
  }

  /** One round now; a round already in progress is joined, not doubled. */
  runOnce(): Promise<RoundResult> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * First attempt of notices just queued by OwnerNotifier, now rather than at the next round (and
   * from this instance even when its rounds are off); a failed attempt is retried by the rounds.
   * Claims only these ids, so it never takes over other notices.
   */
  deliverNow(ids: string[]): Promise<void> {
    if (this.stopping || ids.length === 0) return Promise.resolve();
    const result: RoundResult = { queued: 0, delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
    const work = this.notices
      .claimByIds(ids)
      .then((claimed) => (claimed.length > 0 ? this.attemptAll(claimed, result) : undefined))
      .catch((error: Error) => this.logger.warn(`Owner notices ${ids.join(', ')}: first attempt failed, the rounds retry: ${error.message}`))
      .finally(() => this.immediate.delete(work));
    this.immediate.add(work);
    return work;
  }

  private async round(): Promise<RoundResult> {
    const result: RoundResult = { queued: 0, delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
    try {
      result.queued = await this.notices.enqueueDue(this.policy.current().expiryNoticeDays);
      for (;;) {
        const claimed = await this.notices.claimDue(BATCH);
        if (claimed.length > 0) await this.attemptAll(claimed, result);
        if (claimed.length < BATCH || this.stopping) break;
      }
      if (this.failing) this.logger.log('Expiry notices: the database answers again');
      this.failing = false;
    } catch (error) {
      // A database outage: claimed notices are picked up again once their claim runs out.
      if (!this.failing) this.logger.warn(`Expiry notices round failed, will try again: ${(error as Error).message}`);
      this.failing = true;
    }
    return result;
  }

  private async attemptAll(claimed: ClaimedNotice[], result: RoundResult): Promise<void> {
    const [tokens, webhooks] = await Promise.all([
      this.notices.tokensById(claimed.flatMap((notice) => (notice.tokenId ? [notice.tokenId] : []))),
      this.notices.webhooksOf([...new Set(claimed.map((notice) => notice.userId))]),
    ]);
    const tokenById = new Map(tokens.map((token) => [token.id, token]));
    const webhookOf = new Map(webhooks.map((webhook) => [webhook.userId, webhook]));
    // Every attempt runs to its end (so shutdown waits for all of them); then a failed write fails the round.
    const settled = await Promise.allSettled(
      claimed.map((notice) => this.attempt(notice, notice.tokenId ? tokenById.get(notice.tokenId) : undefined, webhookOf.get(notice.userId), result)),
    );
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async attempt(notice: ClaimedNotice, token: ApiToken | undefined, webhook: ExpiryWebhook | undefined, result: RoundResult): Promise<void> {
    const reason = this.cancelReason(notice, token, webhook);
    if (reason) {
      await this.notices.markCancelled(notice.id, reason);
      result.cancelled += 1;
      return;
    }
    const outcome = await this.sender.send({
      url: webhook!.url,
      secret: webhook!.secret,
      event: notice.event,
      deliveryId: notice.id,
      payload: notice.event === EXPIRING ? this.eventOf(notice, token!) : this.ownerEventOf(notice),
    });
    if (outcome.ok) {
      await this.notices.markDelivered(notice.id, outcome.status!);
      result.delivered += 1;
      return;
    }
    const exhausted = outcome.permanent || notice.attempts >= this.config.EXPIRY_WEBHOOK_MAX_ATTEMPTS;
    const retryAt = exhausted ? null : new Date(Date.now() + retryDelaySeconds(notice.attempts, this.config.EXPIRY_WEBHOOK_RETRY_SECONDS) * 1000);
    await this.notices.markFailedAttempt(notice.id, outcome, retryAt);
    // The URL is left out on purpose: chat webhook URLs carry their own secret.
    this.logger.warn(
      `Expiry notice ${notice.id} (${notice.tokenId ? `token ${notice.tokenId}` : notice.event}) attempt ${notice.attempts} failed: ${outcome.error}; ` +
        (retryAt ? `retrying at ${retryAt.toISOString()}` : 'giving up'),
    );
    if (retryAt) result.retrying += 1;
    else result.failed += 1;
  }

  private cancelReason(notice: ClaimedNotice, token: ApiToken | undefined, webhook: ExpiryWebhook | undefined): string | null {
    if (!webhook) return 'the webhook was removed';
    // An event about a service key has no token (the key's row going takes the notice with it).
    if (!token) return notice.tokenId ? 'the token no longer exists' : null;
    // Owner events (token.leaked, ...) are about a token that is no longer active: always sent.
    if (notice.event !== EXPIRING) return null;
    const state = tokenStateOf(token, new Date());
    if (state !== 'active') return `the token is ${state}`;
    if (token.expiresAt?.getTime() !== notice.expiresAt?.getTime()) return 'the token got another expiry';
    return null;
  }

  private eventOf(notice: ClaimedNotice, token: ApiToken): ExpiringTokenEvent {
    return {
      type: 'token.expiring',
      id: notice.id,
      createdAt: notice.createdAt.toISOString(),
      attempt: notice.attempts,
      noticeDays: this.policy.current().expiryNoticeDays,
      userId: notice.userId,
      token: {
        id: token.id,
        name: token.name,
        tokenPreview: token.tokenPreview,
        scopes: token.scopes,
        expiresAt: notice.expiresAt!.toISOString(),
      },
    };
  }

  /** The stored body of an owner event, with the fields every event carries (same id on every retry). */
  private ownerEventOf(notice: ClaimedNotice): Record<string, unknown> {
    return { type: notice.event, id: notice.id, createdAt: notice.createdAt.toISOString(), attempt: notice.attempts, userId: notice.userId, ...notice.payload };
  }
}
