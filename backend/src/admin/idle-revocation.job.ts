import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ExpiryNoticesRepository } from '../expiry-notices/expiry-notices.repository';
import { WebhookSender } from '../expiry-notices/webhook-sender';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { AdminRepository } from './admin.repository';

const BATCH = 200;

/** What a receiver gets for `token.idle_revoked` (signed and sent like `token.expiring`). */
export interface IdleRevokedTokenEvent {
  type: 'token.idle_revoked';
  id: string;
  createdAt: string;
  idleDays: number;
  userId: string;
  token: { id: string; name: string; tokenPreview: string; scopes: string[]; lastUsedAt: string | null };
}

export interface IdleRoundResult {
  /** False when the policy is off or another instance held the job's lock. */
  ran: boolean;
  revoked: number;
  notified: number;
}

/**
 * Every IDLE_REVOKE_INTERVAL_SECONDS, when the policy's idleRevokeDays is set: revokes live tokens
 * unused for that many days (never used: counted from creation). A PostgreSQL advisory lock lets
 * one instance run it at a time; the others skip the round. Each owner's webhook, if any, gets a
 * signed `token.idle_revoked` event (one attempt: the audit log keeps the record).
 */
@Injectable()
export class IdleRevocationJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdleRevocationJob.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<IdleRoundResult> | null = null;

  constructor(
    private readonly admin: AdminRepository,
    private readonly policy: RuntimePolicyService,
    private readonly invalidation: TokenInvalidation,
    private readonly webhooks: ExpiryNoticesRepository,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const seconds = this.config.IDLE_REVOKE_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.runOnce().catch((error: Error) => this.logger.warn(`Idle revocation failed: ${error.message}`)), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One round now, as of `now` (tests pass their own clock); a round in progress is joined. */
  runOnce(now = new Date()): Promise<IdleRoundResult> {
    this.running ??= this.round(now).finally(() => (this.running = null));
    return this.running;
  }

  private async round(now: Date): Promise<IdleRoundResult> {
    const idleDays = this.policy.current().idleRevokeDays;
    const result: IdleRoundResult = { ran: false, revoked: 0, notified: 0 };
    if (idleDays === null) return result;
    const before = new Date(now.getTime() - idleDays * 86_400_000);
    for (;;) {
      const revoked = await this.admin.revokeIdle(before, now, idleDays, BATCH);
      if (revoked === null) return result;
      result.ran = true;
      if (revoked.length === 0) break;
      result.revoked += revoked.length;
      for (const hash of await this.admin.hashesOfTokens(revoked.map((token) => token.id), now)) await this.invalidation.invalidate(hash);
      result.notified += await this.notify(revoked, idleDays, now);
      if (revoked.length < BATCH) break;
    }
    if (result.revoked > 0) this.logger.log(`Revoked ${result.revoked} token(s) unused for ${idleDays} days`);
    return result;
  }

  private async notify(tokens: { id: string; userId: string; name: string; tokenPreview: string; scopes: string[]; lastUsedAt: Date | null }[], idleDays: number, now: Date): Promise<number> {
    const hooks = new Map((await this.webhooks.webhooksOf([...new Set(tokens.map((token) => token.userId))])).map((hook) => [hook.userId, hook]));
    const outcomes = await Promise.all(
      tokens.map(async (token) => {
        const hook = hooks.get(token.userId);
        if (!hook) return false;
        const event: IdleRevokedTokenEvent = {
          type: 'token.idle_revoked',
          id: randomUUID(),
          createdAt: now.toISOString(),
          idleDays,
          userId: token.userId,
          token: { id: token.id, name: token.name, tokenPreview: token.tokenPreview, scopes: token.scopes, lastUsedAt: token.lastUsedAt?.toISOString() ?? null },
        };
        const outcome = await this.sender.send({ url: hook.url, secret: hook.secret, event: event.type, deliveryId: event.id, payload: event });
        if (!outcome.ok) this.logger.warn(`token.idle_revoked notice for token ${token.id} failed: ${outcome.error}`);
        return outcome.ok;
      }),
    );
    return outcomes.filter(Boolean).length;
  }
}
