import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ThrottleStore } from '../auth/throttle-store';
import { auditDraft } from '../audit/audit-draft';
import { hasValidChecksum, hashToken, SERVICE_KEY_PREFIX, TOKEN_PREFIX } from '../api-tokens/token-format';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { ServiceKeyAuth } from '../applications/service-key-auth';
import { OwnerNotifier } from '../expiry-notices/owner-notifier';
import { LeakRecord, ServiceKeyMatch, TokenLeaksRepository } from './token-leaks.repository';

/** One reported value with where it was found. */
export interface ReportedSecret extends LeakRecord {
  token: string;
}

/** Per reported hash: whether it is a secret this server issued (the GitHub feedback label). */
export type LeakLabels = Map<string, 'true_positive' | 'false_positive'>;

/** A token (`tsr_`) or a service key (`tsk_`) with a right checksum: the only values that reach the database. */
export const scannable = (value: string): boolean => hasValidChecksum(value, TOKEN_PREFIX) || hasValidChecksum(value, SERVICE_KEY_PREFIX);

/**
 * Kills leaked tokens and service keys. Entries failing the checksum are dropped before any lookup
 * (pure, no I/O); the rest are looked up by hash, and each live token among them is revoked,
 * recorded in `token_leaks`, audited (`token.leak_revoked`), its owner's `token.leaked` event
 * queued, and every one of its secrets dropped from every instance's cache before `revoke` returns.
 * Each active service key among them is revoked with where it was found, audited
 * (`service_key.leak_revoked`) in every active admin's log, a `service_key.leaked` event queued for each
 * admin with a webhook, and the key dropped from every instance's service-key cache the same way.
 */
@Injectable()
export class LeakRevoker implements OnApplicationShutdown {
  private readonly logger = new Logger(LeakRevoker.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly leaks: TokenLeaksRepository,
    private readonly invalidation: TokenInvalidation,
    private readonly notifier: OwnerNotifier,
    private readonly throttle: ThrottleStore,
    private readonly serviceKeys: ServiceKeyAuth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public reports: LEAK_REPORTS_PER_IP_PER_MINUTE per client IP (shared by all instances with Redis). */
  async assertReportAllowed(ip: string, now = Date.now()): Promise<void> {
    const window = await this.throttle.hit(`leak-report:ip:${ip}`, 60_000, now);
    if (window.count <= this.config.LEAK_REPORTS_PER_IP_PER_MINUTE) return;
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    throw new AppException('RATE_LIMITED', 'Too many leak reports from this address; try again later', undefined, {
      'Retry-After': String(retryAfter),
    });
  }

  /**
   * The public report: the answer must not depend on which tokens exist, so the lookups and
   * revocations run after it, in the background (awaited at shutdown). Answers the number of
   * entries received, whatever they were.
   */
  acceptReport(secrets: ReportedSecret[], reporterIp: string | null): number {
    const checked = secrets.filter((secret) => scannable(secret.token));
    // Even the lookup starts after the answer is on its way: its duration cannot show in the answer's.
    if (checked.length > 0) this.inBackground(new Promise((resolve) => setImmediate(resolve)).then(() => this.revoke(checked, reporterIp)));
    return secrets.length;
  }

  /** Revokes what is live among `secrets` and labels every entry; checksum-invalid entries never reach the database. */
  async revoke(secrets: ReportedSecret[], reporterIp: string | null): Promise<LeakLabels> {
    const labels: LeakLabels = new Map(secrets.map((secret) => [hashToken(secret.token), 'false_positive']));
    const bySecret = new Map<string, ReportedSecret>();
    const byKey = new Map<string, ReportedSecret>();
    for (const secret of secrets) {
      if (hasValidChecksum(secret.token, TOKEN_PREFIX)) bySecret.set(hashToken(secret.token), secret);
      else if (hasValidChecksum(secret.token, SERVICE_KEY_PREFIX)) byKey.set(hashToken(secret.token), secret);
    }
    const now = new Date();
    const notices: string[] = [];
    if (byKey.size > 0) {
      for (const key of await this.leaks.findServiceKeysByHashes([...byKey.keys()])) {
        labels.set(key.keyHash, 'true_positive');
        if (!key.revokedAt) notices.push(...(await this.revokeServiceKey(key, byKey.get(key.keyHash)!, now, reporterIp)));
      }
    }
    if (bySecret.size > 0) notices.push(...(await this.revokeTokens(bySecret, labels, now, reporterIp)));
    if (notices.length > 0) this.notifier.deliverSoon(notices);
    return labels;
  }

  /** Revokes the live tokens among `bySecret` (current or in-grace secrets), labelling each match; answers the owners' queued notices. */
  private async revokeTokens(bySecret: Map<string, ReportedSecret>, labels: LeakLabels, now: Date, reporterIp: string | null): Promise<string[]> {
    const notices: string[] = [];
    const matches = await this.leaks.findByHashes([...bySecret.keys()], now);
    const done = new Set<string>();
    for (const match of matches) {
      labels.set(match.hash, 'true_positive');
      if (!match.secretWorks || done.has(match.token.id)) continue;
      done.add(match.token.id);
      const { source, url } = bySecret.get(match.hash)!;
      const token = match.token;
      const changed = await this.leaks.revokeLeaked(
        token,
        { source, url },
        now,
        auditDraft(token.userId, 'token.leak_revoked', { kind: 'reporter', ip: reporterIp }, { name: token.name, source, url }),
        {
          userId: token.userId,
          tokenId: token.id,
          event: 'token.leaked',
          payload: (reportedAt) => ({
            token: { id: token.id, name: token.name, tokenPreview: token.tokenPreview, scopes: token.scopes, revokedAt: reportedAt.toISOString() },
            leak: { source, url, reportedAt: reportedAt.toISOString() },
          }),
        },
      );
      if (!changed) continue;
      for (const hash of changed.hashes) await this.invalidation.invalidate(hash);
      if (changed.noticeId) notices.push(changed.noticeId);
    }
    return notices;
  }

  /** Revokes one active service key as leaked and drops it from every instance's cache; answers the admins' queued notices. */
  private async revokeServiceKey(key: ServiceKeyMatch, { source, url }: ReportedSecret, now: Date, reporterIp: string | null): Promise<string[]> {
    const application = { id: key.application.id, slug: key.application.slug, name: key.application.name };
    const changed = await this.leaks.revokeLeakedServiceKey(
      key,
      { source, url },
      now,
      (adminId) =>
        auditDraft(adminId, 'service_key.leak_revoked', { kind: 'reporter', ip: reporterIp }, { applicationId: application.id, serviceKeyId: key.id, name: key.name, keyPreview: key.keyPreview, source, url }),
      {
        serviceKey: { id: key.id, name: key.name, keyPreview: key.keyPreview, createdById: key.createdById, revokedAt: now.toISOString() },
        application,
        leak: { source, url, reportedAt: now.toISOString() },
      },
    );
    if (!changed) return [];
    await this.serviceKeys.forget([key.keyHash]);
    return changed.noticeIds;
  }

  /** Lets reports in progress finish before the database connection closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: Error) => this.logger.error(`A leak report could not be processed: ${error.message}`))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
