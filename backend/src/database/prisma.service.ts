import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_POOL_SIZE = Symbol('DATABASE_POOL_SIZE');

/**
 * The one Prisma client, over the pg driver adapter (no engine binaries). It is disconnected by
 * `stopApp` after every shutdown hook has run, so the usage flush on shutdown can still write.
 *
 * DATABASE_TIMEOUT_MS bounds every wait on the database, so an unreachable or silent server
 * turns into a 503 DATABASE_UNAVAILABLE within seconds instead of a hung request:
 * - `connectionTimeoutMillis`: opening a connection, and waiting for a free one in the pool;
 * - `query_timeout`: the client gives up on an answer (the pool then discards that connection),
 *   which is what catches a network black hole where no error ever arrives;
 * - `statement_timeout`: the server abandons a statement the client has stopped waiting for.
 */
@Injectable()
export class PrismaService extends PrismaClient {
  constructor(
    @Inject(DATABASE_URL) connectionString: string,
    @Inject(DATABASE_POOL_SIZE) poolSize: number,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const timeout = config.DATABASE_TIMEOUT_MS;
    const pool = new Pool({
      connectionString,
      max: poolSize,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      statement_timeout: timeout,
    });
    // An idle connection that dies (database restarted, network cut) is dropped by the pool; the
    // next query opens a new one. Without a listener the 'error' event would crash the process.
    pool.on('error', () => undefined);
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    this.timeoutMs = timeout;
  }

  private readonly pool: Pool;
  private readonly timeoutMs: number;

  private poolEnded = false;

  /**
   * Disconnects Prisma, then closes the pool. Bounded: a connection that was never handed back
   * (seen once a transaction died in the middle of a database outage) would keep `pool.end()`
   * waiting forever, and with it the graceful shutdown; after DATABASE_TIMEOUT_MS such
   * connections are cut instead.
   */
  override async $disconnect(): Promise<void> {
    await super.$disconnect();
    if (this.poolEnded) return;
    this.poolEnded = true;
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      this.pool.end().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.timeoutMs))),
    ]);
    clearTimeout(timer);
    if (ended) return;
    const clients = (this.pool as unknown as { _clients?: { connection?: { stream?: { destroy(): void } } }[] })._clients ?? [];
    for (const client of clients) client.connection?.stream?.destroy();
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }
}
