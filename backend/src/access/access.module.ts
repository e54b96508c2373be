import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { UsageModule } from '../usage/usage.module';
import { TokenAccess } from './token-access';

@Module({
  imports: [ApiTokensModule, UsageModule],
  providers: [TokenAccess],
  exports: [TokenAccess],
})
export class AccessModule {}
