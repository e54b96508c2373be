import { Module } from '@nestjs/common';
import { TokenInvalidation } from './token-invalidation';

/**
 * The one TokenInvalidation of an instance (its token cache and the Redis channel), on its own so
 * that ApplicationsModule, which ApiTokensModule imports, can share it for service keys.
 */
@Module({
  providers: [TokenInvalidation],
  exports: [TokenInvalidation],
})
export class TokenInvalidationModule {}
