import type { Provider } from '@nestjs/common';
import { RedisConnections } from '../redis/redis-connections';
import { InMemoryThrottleStore, RedisThrottleStore, ThrottleStore } from './throttle-store';

/** Redis when REDIS_URL is set (one count for every instance), in process otherwise. */
export const throttleStoreProvider: Provider = {
  provide: ThrottleStore,
  inject: [RedisConnections],
  useFactory: (redis: RedisConnections): ThrottleStore =>
    redis.commands ? new RedisThrottleStore(redis.commands, redis.prefix) : new InMemoryThrottleStore(),
};
