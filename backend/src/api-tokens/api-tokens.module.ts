import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { ApplicationsModule } from '../applications/applications.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { TokenInvalidation } from './token-invalidation';
import { TokenSelfController } from './token-self.controller';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [UsageModule, ApplicationsModule],
  // TokenSelfController first: `self` must be matched before `:id`.
  controllers: [TokenSelfController, ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService, TokenInvalidation, TokenVerifier],
  exports: [TokenVerifier, TokenInvalidation, ApiTokensService],
})
export class ApiTokensModule {}
