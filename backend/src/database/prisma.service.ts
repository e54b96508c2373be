import { Inject, Injectable } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_POOL_SIZE = Symbol('DATABASE_POOL_SIZE');

/**
 * The one Prisma client, over the pg driver adapter (no engine binaries). It is disconnected by
 * `stopApp` after every shutdown hook has run, so the usage flush on shutdown can still write.
 */
@Injectable()
export class PrismaService extends PrismaClient {
  constructor(@Inject(DATABASE_URL) connectionString: string, @Inject(DATABASE_POOL_SIZE) poolSize: number) {
    super({
      adapter: new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 }),
    });
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
