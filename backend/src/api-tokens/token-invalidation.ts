import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { TokenCache } from './token-cache';

/**
 * Keeps every instance's verification cache honest. A change invalidates the token's hash in this
 * instance's cache and, with REDIS_URL, publishes it to every other instance over pub/sub before
 * the change is answered. While the subscription is down an instance cannot hear invalidations,
 * so it stops using its cache (every lookup reads PostgreSQL) and clears it when the
 * subscription is back: a stale entry can live no longer than the publish takes.
 *
 * Other caches of secrets by hash (the service keys of ServiceKeyAuth) listen on the same channel
 * through `onInvalidate`, and get the same bound: a hash published here leaves them on every instance.
 */
@Injectable()
export class TokenInvalidation implements OnModuleInit {
  private readonly logger = new Logger(TokenInvalidation.name);
  readonly cache: TokenCache;
  private readonly channel: string;
  private subscribed = false;
  private readonly listeners: Array<{ invalidate: (hash: string) => void; clear: () => void }> = [];

  constructor(
    private readonly redis: RedisConnections,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new TokenCache(config.TOKEN_CACHE_SIZE, config.TOKEN_CACHE_TTL_SECONDS * 1000);
    this.channel = `${redis.prefix}token-invalidations`;
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.subscriber;
    if (!subscriber) return;
    subscriber.on('message', (channel: string, hash: string) => {
      if (channel === this.channel) this.dropLocally(hash);
    });
    subscriber.on('close', () => this.lost());
    subscriber.on('end', () => this.lost());
    // ioredis re-subscribes by itself after a reconnect; 'ready' follows that.
    subscriber.on('ready', () => void this.subscribe());
    await this.redis.ready();
    if (subscriber.status === 'ready') await this.subscribe();
  }

  /** The cache may be read: always in process mode, in Redis mode only while subscribed. */
  get cacheUsable(): boolean {
    return this.cache.enabled && this.hearsInvalidations;
  }

  /** Every invalidation reaches this instance: always in process mode, in Redis mode only while subscribed. */
  get hearsInvalidations(): boolean {
    return !this.redis.subscriber || this.subscribed;
  }

  /**
   * Another cache keyed by secret hash: told of every invalidation (this instance's and, with
   * Redis, every other's), and cleared whenever the token cache is (the subscription was lost or is back).
   */
  onInvalidate(listener: { invalidate: (hash: string) => void; clear: () => void }): void {
    this.listeners.push(listener);
  }

  /** Call after the change is committed to PostgreSQL and before answering it. */
  async invalidate(hash: string): Promise<void> {
    this.dropLocally(hash);
    if (!this.redis.commands) return;
    try {
      await this.redis.commands.publish(this.channel, hash);
    } catch (error) {
      // Other instances whose subscription is also down bypass their caches; one still
      // subscribed keeps its entry until its backstop lifetime ends. Logged loudly for that reason.
      this.logger.error(`Could not publish a token invalidation: ${(error as Error).message}`);
    }
  }

  private async subscribe(): Promise<void> {
    try {
      await this.redis.subscriber!.subscribe(this.channel);
      // Whatever was published while we were not listening is unknown: start from empty.
      this.clearLocally();
      this.subscribed = true;
    } catch (error) {
      this.logger.warn(`Could not subscribe to token invalidations: ${(error as Error).message}`);
    }
  }

  private lost(): void {
    this.subscribed = false;
    this.clearLocally();
  }

  private dropLocally(hash: string): void {
    this.cache.invalidate(hash);
    for (const listener of this.listeners) listener.invalidate(hash);
  }

  private clearLocally(): void {
    this.cache.clear();
    for (const listener of this.listeners) listener.clear();
  }
}
