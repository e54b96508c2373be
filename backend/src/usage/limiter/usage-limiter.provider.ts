import type { Provider } from '@nestjs/common';
import { RedisConnections } from '../../redis/redis-connections';
import { InMemoryLimiter } from './in-memory-limiter';
import { RedisLimiter } from './redis-limiter';
import { UsageLimiter } from './usage-limiter';

/** Redis when REDIS_URL is set (limits shared by every instance), in process otherwise. */
export const usageLimiterProvider: Provider = {
  provide: UsageLimiter,
  inject: [RedisConnections],
  useFactory: (redis: RedisConnections): UsageLimiter =>
    redis.commands ? new RedisLimiter(redis.commands, redis.prefix) : new InMemoryLimiter(),
};
