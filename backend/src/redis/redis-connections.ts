import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The Redis clients of this instance when REDIS_URL is set (none otherwise): one for commands
 * (limiter scripts, publishing invalidations) and one for the pub/sub subscription.
 *
 * Commands never wait for a connection: with the offline queue off, a command sent while Redis
 * is unreachable fails at once, so callers can fail closed quickly. ioredis keeps reconnecting
 * in the background, which is how the instance recovers by itself.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly commands: Redis | null;
  readonly subscriber: Redis | null;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.REDIS_PREFIX;
    if (!config.REDIS_URL) {
      this.commands = null;
      this.subscriber = null;
      return;
    }
    const options: RedisOptions = {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2_000,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    };
    this.commands = this.connect(config.REDIS_URL, options, 'commands');
    this.subscriber = this.connect(config.REDIS_URL, options, 'subscriber');
  }

  get enabled(): boolean {
    return this.commands !== null;
  }

  /** Resolves once both clients are connected, or after `timeoutMs` (the app then starts degraded). */
  async ready(timeoutMs = 3_000): Promise<boolean> {
    if (!this.commands || !this.subscriber) return true;
    const clients = [this.commands, this.subscriber];
    const readyOf = (client: Redis) =>
      client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.all(clients.map(readyOf)), timeout]);
    clearTimeout(timer);
    return outcome !== 'timeout';
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.commands, this.subscriber].map((client) => client?.quit().catch(() => client.disconnect())));
  }

  private connect(url: string, options: RedisOptions, role: string): Redis {
    const client = new Redis(url, options);
    let down = false;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn(`Redis ${role} connection failed: ${error.message}; retrying in the background`);
    });
    client.on('ready', () => {
      if (down) this.logger.log(`Redis ${role} connection is back`);
      down = false;
    });
    return client;
  }
}
