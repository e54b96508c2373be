import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { AuditModule } from '../audit/audit.module';
import { UsageModule } from '../usage/usage.module';
import { TokenAccess } from './token-access';

@Module({
  imports: [ApiTokensModule, UsageModule, AuditModule],
  providers: [TokenAccess],
  exports: [TokenAccess],
})
export class AccessModule {}
