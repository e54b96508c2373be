import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DailyUsageDelta, RECENT_IPS_PER_TOKEN, TokenUsageDelta, UsageRepository } from './usage.repository';
import { UsageEvent, utcDay } from './usage-event';

export const FLUSH_INTERVAL_MS = 1_000;
/**
 * A batch is written early once this many events wait: counts are summed per token, so the
 * batch's size follows the tokens in use, not the calls; at thousands of calls a second a lower
 * trigger only multiplies the writes (each costs Prisma and PostgreSQL CPU beside the requests).
 */
export const FLUSH_AT_EVENTS = 5_000;

/**
 * Keeps PAT usage off the request path: events are summed in memory and written to PostgreSQL
 * in one transaction per batch (every second, every FLUSH_AT_EVENTS events, and on shutdown). A failed
 * write puts the batch back, so a database outage delays counts but loses none; while writes
 * fail, only the one-second timer retries (no retry per event, no pile-up of queued writes).
 *
 * Delivery is at least once: if the connection drops after PostgreSQL committed a batch but
 * before the answer arrived, the batch is written again on the next try.
 */
@Injectable()
export class UsageRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UsageRecorder.name);
  private tokens = new Map<string, TokenUsageDelta>();
  private days = new Map<string, DailyUsageDelta>();
  private pendingEvents = 0;
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  /** Writes queued or running; the timer and the size trigger add none while one is pending. */
  private queuedWrites = 0;
  /** The last write failed: leave retries to the timer until one succeeds. */
  private failing = false;

  constructor(private readonly usage: UsageRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.queuedWrites === 0) void this.flush();
    }, FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(event: UsageEvent): void {
    this.addToToken(event);
    this.addToDay(event);
    this.pendingEvents += 1;
    if (this.pendingEvents >= FLUSH_AT_EVENTS && this.queuedWrites === 0 && !this.failing) void this.flush();
  }

  get pending(): number {
    return this.pendingEvents;
  }

  /** Writes everything recorded so far; resolves once it is in the database (or re-queued). */
  flush(): Promise<void> {
    this.queuedWrites += 1;
    this.flushing = this.flushing.then(() => this.writeBatch()).finally(() => (this.queuedWrites -= 1));
    return this.flushing;
  }

  private async writeBatch(): Promise<void> {
    if (this.pendingEvents === 0) return;
    const tokens = this.tokens;
    const days = this.days;
    const events = this.pendingEvents;
    this.tokens = new Map();
    this.days = new Map();
    this.pendingEvents = 0;
    try {
      await this.usage.applyBatch([...tokens.values()], [...days.values()]);
      if (this.failing) this.logger.log('Usage flush succeeded again; the held-back counts are written');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Usage flush failed, will retry every second: ${(error as Error).message}`);
      this.failing = true;
      this.requeue(tokens, days, events);
    }
  }

  private requeue(tokens: Map<string, TokenUsageDelta>, days: Map<string, DailyUsageDelta>, events: number): void {
    for (const delta of tokens.values()) this.mergeToken(delta);
    for (const delta of days.values()) this.mergeDay(delta);
    this.pendingEvents += events;
  }

  /** Only an admitted call is a use (lastUsedAt/Ip, recent IPs); a refused one is noted apart. */
  private addToToken(event: UsageEvent): void {
    const admitted = event.counted;
    const current = this.tokens.get(event.tokenId);
    if (current !== undefined) {
      // The common case, a token already in this batch: counted in place, nothing allocated.
      current.quotaUsed += event.cost;
      if (admitted) {
        current.requestCount += 1;
        if (event.ip) current.recentIps = noteRecentIp(current.recentIps, event.ip, event.at);
        if (!current.lastUsedAt || event.at >= current.lastUsedAt) {
          current.lastUsedAt = event.at;
          current.lastUsedIp = event.ip ?? current.lastUsedIp;
        }
      } else if (!current.lastRefusedAt || event.at >= current.lastRefusedAt) {
        current.lastRefusedAt = event.at;
        current.lastRefusedCode = event.refusedCode ?? 'REFUSED';
      }
      return;
    }
    this.mergeToken({
      tokenId: event.tokenId,
      requestCount: admitted ? 1 : 0,
      quotaUsed: event.cost,
      lastUsedAt: admitted ? event.at : null,
      lastUsedIp: admitted ? event.ip : null,
      lastRefusedAt: admitted ? null : event.at,
      lastRefusedCode: admitted ? null : (event.refusedCode ?? 'REFUSED'),
      recentIps: admitted && event.ip ? new Map([[event.ip, event.at]]) : undefined,
    });
  }

  private addToDay(event: UsageEvent): void {
    const day = utcDay(event.at);
    const current = this.days.get(`${event.tokenId}|${day}`);
    if (current !== undefined) {
      current.requests += 1;
      current.successes += event.success ? 1 : 0;
      current.failures += event.success ? 0 : 1;
      current.cost += event.cost;
      return;
    }
    this.mergeDay({
      tokenId: event.tokenId,
      day,
      requests: 1,
      successes: event.success ? 1 : 0,
      failures: event.success ? 0 : 1,
      cost: event.cost,
    });
  }

  private mergeToken(delta: TokenUsageDelta): void {
    const current = this.tokens.get(delta.tokenId);
    if (!current) {
      this.tokens.set(delta.tokenId, { ...delta, recentIps: delta.recentIps ? new Map(delta.recentIps) : undefined });
      return;
    }
    if (delta.recentIps) current.recentIps = mergeRecentIps(current.recentIps, delta.recentIps);
    current.requestCount += delta.requestCount;
    current.quotaUsed += delta.quotaUsed;
    if (delta.lastUsedAt && (!current.lastUsedAt || delta.lastUsedAt >= current.lastUsedAt)) {
      current.lastUsedAt = delta.lastUsedAt;
      current.lastUsedIp = delta.lastUsedIp ?? current.lastUsedIp;
    }
    if (delta.lastRefusedAt && (!current.lastRefusedAt || delta.lastRefusedAt >= current.lastRefusedAt)) {
      current.lastRefusedAt = delta.lastRefusedAt;
      current.lastRefusedCode = delta.lastRefusedCode;
    }
  }

  private mergeDay(delta: DailyUsageDelta): void {
    const key = `${delta.tokenId}|${delta.day}`;
    const current = this.days.get(key);
    if (!current) {
      this.days.set(key, { ...delta });
      return;
    }
    current.requests += delta.requests;
    current.successes += delta.successes;
    current.failures += delta.failures;
    current.cost += delta.cost;
  }
}

/** One address seen at `at`: the same as merging a one-entry map, without allocating it. */
function noteRecentIp(into: Map<string, Date> | undefined, ip: string, at: Date): Map<string, Date> {
  const merged = into ?? new Map<string, Date>();
  const known = merged.get(ip);
  if (known !== undefined && at <= known) return merged;
  merged.set(ip, at);
  if (merged.size <= RECENT_IPS_PER_TOKEN) return merged;
  return new Map([...merged].sort((a, b) => b[1].getTime() - a[1].getTime()).slice(0, RECENT_IPS_PER_TOKEN));
}

/** Union of two ip -> last time maps, keeping the latest time and only the most recent few addresses. */
function mergeRecentIps(into: Map<string, Date> | undefined, from: Map<string, Date>): Map<string, Date> {
  const merged = into ?? new Map<string, Date>();
  for (const [ip, at] of from) {
    const known = merged.get(ip);
    if (!known || at > known) merged.set(ip, at);
  }
  if (merged.size <= RECENT_IPS_PER_TOKEN) return merged;
  return new Map([...merged].sort((a, b) => b[1].getTime() - a[1].getTime()).slice(0, RECENT_IPS_PER_TOKEN));
}
