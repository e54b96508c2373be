import type { Scope } from '../contract';
import type { QuotaRefill } from '../usage/limiter/quota-refill';

/** What the verifier needs of a token row; everything that can change is invalidated on change. */
export interface CachedToken {
  tokenId: string;
  userId: string;
  scopes: Scope[];
  status: 'ACTIVE' | 'REVOKED';
  /** Kept so expiry is checked on every call, cached or not. */
  expiresAt: Date | null;
  deletedAt: Date | null;
  requestLimit: number | null;
  quotaLimit: number | null;
  rateLimit: number | null;
  allowedIps: string[];
  /** The application the token is for (issue 15), and what a verify answer tells about it. */
  applicationId: string;
  name: string;
  ownerUsername: string;
  createdAt: Date;
  quotaRefill: QuotaRefill | null;
  /** The owner was disabled by an admin: every call is USER_DISABLED (invalidated on enable/disable). */
  userDisabled: boolean;
  /** Set when the hash is a secret retired by rotation: it stands for the token until graceUntil. */
  retired: { secretId: string; graceUntil: Date } | null;
  /** Preview of the secret this hash is (the current one, or the retired one): what the audit log credits a call to. */
  secretPreview: string;
  /**
   * The verifier's answer for this entry while it is a current secret, built on first use and
   * shared by every call that hits the entry (read-only; a change replaces the whole entry).
   */
  view?: unknown;
}

interface Entry {
  token: CachedToken;
  storedAt: number;
}

/**
 * The verification cache: token hash -> token state, so verifying a known token needs no
 * database query. Bounded (least recently stored goes first) and with a backstop lifetime, but
 * correctness comes from invalidation: every change to a token removes its hash here, and in
 * Redis mode on every instance (see TokenInvalidation).
 *
 * A lookup that started before an invalidation must not store what it read: `generation` is
 * bumped by every invalidation and a store is dropped when it changed since the read began.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private generationNumber = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Take this before reading the database; pass it to `store`. */
  get generation(): number {
    return this.generationNumber;
  }

  get(hash: string): CachedToken | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.token;
  }

  store(hash: string, token: CachedToken, generationAtRead: number): void {
    if (!this.enabled || generationAtRead !== this.generationNumber) return;
    this.entries.delete(hash);
    this.entries.set(hash, { token, storedAt: this.clock() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(hash: string): void {
    this.generationNumber += 1;
    this.entries.delete(hash);
  }

  clear(): void {
    this.generationNumber += 1;
    this.entries.clear();
  }
}
