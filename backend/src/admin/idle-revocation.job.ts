import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OwnerNotifier } from '../expiry-notices/owner-notifier';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { AdminRepository } from './admin.repository';

const BATCH = 200;

/**
 * What a receiver gets for `token.idle_revoked`: an owner event (OwnerNotifier), queued, signed and
 * retried like `token.expiring` and `token.leaked`.
 */
export interface IdleRevokedTokenEvent {
  type: 'token.idle_revoked';
  /** The notice id, the same on every retry. */
  id: string;
  createdAt: string;
  attempt: number;
  idleDays: number;
  userId: string;
  token: { id: string; name: string; tokenPreview: string; scopes: string[]; lastUsedAt: string | null; revokedAt: string };
}

export interface IdleRoundResult {
  /** False when the policy is off or another instance held the job's lock. */
  ran: boolean;
  revoked: number;
  /** Owner notices queued (the owner has a webhook); each had its first attempt before the round ended. */
  notified: number;
}

/**
 * Every IDLE_REVOKE_INTERVAL_SECONDS, when the policy's idleRevokeDays is set: revokes live tokens
 * unused for that many days (never used: counted from creation). A PostgreSQL advisory lock lets
 * one instance run it at a time; the others skip the round. Each owner's webhook, if any, gets a
 * signed `token.idle_revoked` owner event, queued in the revoking transaction and retried like
 * every expiry notice (OwnerNotifier).
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
    private readonly notifier: OwnerNotifier,
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
      const step = await this.admin.revokeIdle(before, now, idleDays, BATCH);
      if (step === null) return result;
      result.ran = true;
      if (step.revoked.length === 0) break;
      result.revoked += step.revoked.length;
      for (const hash of await this.admin.hashesOfTokens(step.revoked, now)) await this.invalidation.invalidate(hash);
      // First attempts now (committed); a failed one is retried by the expiry notice rounds.
      await this.notifier.deliver(step.noticeIds);
      result.notified += step.noticeIds.length;
      if (step.revoked.length < BATCH) break;
    }
    if (result.revoked > 0) this.logger.log(`Revoked ${result.revoked} token(s) unused for ${idleDays} days`);
    return result;
  }
}
