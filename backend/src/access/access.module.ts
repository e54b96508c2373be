import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { AuditModule } from '../audit/audit.module';
import { UsageModule } from '../usage/usage.module';
import { ThrottleModule } from '../auth/throttle.module';
import { TokenAccess } from './token-access';
import { TokenFailureThrottle } from './token-failure-throttle';

@Module({
  imports: [ApiTokensModule, UsageModule, AuditModule, ThrottleModule],
  providers: [TokenAccess, TokenFailureThrottle],
  exports: [TokenAccess],
})
export class AccessModule {}
