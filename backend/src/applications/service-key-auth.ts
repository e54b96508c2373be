import { Injectable, Logger } from '@nestjs/common';
import { hasValidChecksum, hashToken, SERVICE_KEY_PREFIX } from '../api-tokens/token-format';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { AppException } from '../common/app-exception';
import { TESSERA_APPLICATION_ID, type Scope } from '../contract';
import type { AccessRequirement } from '../access/token-access';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { ApplicationDirectory, DIRECTORY_TTL_MS, type ResolvedApplication } from './application-directory';
import { ApplicationsRepository } from './applications.repository';
import { assertScopesOf, grantsWithin } from './scope-implications';

/** Who called the verify API: a service with its key, or nobody (open verify of Tessera's own tokens). */
export type VerifyCaller = { kind: 'open' } | { kind: 'service'; keyId: string; application: ResolvedApplication };

interface CachedKey {
  keyId: string;
  applicationId: string | null;
  at: number;
}

/** What the verify API asks TokenAccess for, and about which application it answers. */
export interface VerifyRule {
  requirement: AccessRequirement;
  application: ResolvedApplication;
}

const OPEN_CALLER: VerifyCaller = Object.freeze({ kind: 'open' });

function ruleOf(application: ResolvedApplication | null, scopes: readonly string[]): VerifyRule {
  if (!application) throw new Error('The built-in tessera application is missing: the database was not migrated');
  assertScopesOf(application, scopes);
  return { application, requirement: { sessionOnly: false, scopes: scopes as Scope[], applicationId: application.id, grants: grantsWithin(application) } };
}

const required = () => new AppException('SERVICE_KEY_REQUIRED', 'Call the verify API with your application\'s service key: Authorization: Bearer tsk_…');
export const SERVICE_KEY_INVALID_MESSAGE = 'The service key is not valid (unknown, revoked, or its application was deleted)';
const invalid = () => new AppException('SERVICE_KEY_INVALID', SERVICE_KEY_INVALID_MESSAGE);

/**
 * Authenticates the verify API's caller by its service key (`Authorization: Bearer tsk_…`) and
 * turns the call into the token rule it asks for: tokens of that application only, scopes from its
 * catalogue with their implications. Without a key, only tokens of the built-in `tessera`
 * application are answered, and only while the runtime policy `openVerifyForTesseraTokens` allows.
 * Keys are cached by hash for DIRECTORY_TTL_MS. A revoked key leaves this cache through
 * TokenInvalidation, like a token: at once here and, with Redis, on every other instance before the
 * revocation is answered; while an instance cannot hear invalidations it reads every key from
 * PostgreSQL, as it does for tokens.
 */
@Injectable()
export class ServiceKeyAuth {
  private readonly logger = new Logger(ServiceKeyAuth.name);
  private readonly keys = new Map<string, CachedKey>();

  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly directory: ApplicationDirectory,
    private readonly policy: RuntimePolicyService,
    private readonly invalidation: TokenInvalidation,
  ) {
    invalidation.onInvalidate({ invalidate: (hash) => this.keys.delete(hash), clear: () => this.keys.clear() });
  }

  /** Who is asking; synchronous when the key (or no key) and its application are known to this instance. */
  authenticate(authorization: string | undefined): VerifyCaller | Promise<VerifyCaller> {
    const key = /^Bearer\s+(tsk_\S*)\s*$/i.exec(authorization ?? '')?.[1];
    if (!key) {
      // Any other Authorization header is not a service key and is ignored, as before applications.
      if (!this.policy.current().openVerifyForTesseraTokens) throw required();
      return OPEN_CALLER;
    }
    if (!hasValidChecksum(key, SERVICE_KEY_PREFIX)) throw invalid();
    const hash = hashToken(key);
    const hit = this.keys.get(hash);
    if (hit?.applicationId && Date.now() - hit.at < DIRECTORY_TTL_MS) {
      const application = this.directory.peek(hit.applicationId);
      if (application) return { kind: 'service', keyId: hit.keyId, application };
    }
    return this.authenticateByLookup(hash);
  }

  private async authenticateByLookup(hash: string): Promise<VerifyCaller> {
    const found = await this.lookup(hash);
    if (!found.applicationId) throw invalid();
    const application = await this.directory.get(found.applicationId);
    if (!application) throw invalid();
    return { kind: 'service', keyId: found.keyId, application };
  }

  /**
   * The whole verify-side rule in one call: who is asking (401 SERVICE_KEY_* when the key is
   * missing but needed, or bad), then the TokenAccess requirement: tokens of that application
   * only, `scopes` from its catalogue (a 400 naming an unknown one), granted with implications.
   * Synchronous when everything it needs is cached here (the verify hot path).
   */
  resolve(authorization: string | undefined, scopes: readonly string[]): VerifyRule | Promise<VerifyRule> {
    const caller = this.authenticate(authorization);
    return caller instanceof Promise ? caller.then((known) => this.ruleFor(known, scopes)) : this.ruleFor(caller, scopes);
  }

  private ruleFor(caller: VerifyCaller, scopes: readonly string[]): VerifyRule | Promise<VerifyRule> {
    if (caller.kind === 'service') return ruleOf(caller.application, scopes);
    const builtIn = this.directory.peek(TESSERA_APPLICATION_ID);
    return builtIn !== undefined ? ruleOf(builtIn, scopes) : this.directory.get(TESSERA_APPLICATION_ID).then((app) => ruleOf(app, scopes));
  }

  /** Whether the key works now, read from PostgreSQL; records no use (TruffleHog's verification). */
  async isLive(key: string): Promise<boolean> {
    if (!hasValidChecksum(key, SERVICE_KEY_PREFIX)) return false;
    const row = await this.repository.findServiceKeyByHash(hashToken(key));
    return !!row && !row.revokedAt && !row.application.deletedAt;
  }

  /** After a revocation is committed: the key leaves this cache and every other instance's before this resolves. */
  async forget(keyHashes: readonly string[]): Promise<void> {
    for (const hash of keyHashes) await this.invalidation.invalidate(hash);
  }

  private async lookup(hash: string): Promise<CachedKey> {
    // Deaf to other instances' revocations (Redis subscription down): no cached answer can be trusted.
    if (!this.invalidation.hearsInvalidations) return this.reload(hash);
    const hit = this.keys.get(hash);
    const now = Date.now();
    if (hit && now - hit.at < DIRECTORY_TTL_MS) return hit;
    if (hit && hit.applicationId) {
      // A known good key past its lifetime: answered once more, re-read off the request path.
      this.keys.set(hash, { ...hit, at: now });
      this.reload(hash).catch((error: Error) => this.logger.warn(`Could not re-read a service key: ${error.message}`));
      return hit;
    }
    return this.reload(hash);
  }

  private async reload(hash: string): Promise<CachedKey> {
    const now = Date.now();
    const row = await this.repository.findServiceKeyByHash(hash);
    const usable = row && !row.revokedAt && !row.application.deletedAt;
    const entry: CachedKey = { keyId: row?.id ?? '', applicationId: usable ? row.applicationId : null, at: now };
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(hash, entry);
    if (usable) {
      this.repository.touchServiceKey(row.id, new Date(now)).catch((error: Error) => this.logger.warn(`Could not note a service key's use: ${error.message}`));
    }
    return entry;
  }
}
