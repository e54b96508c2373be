import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { ApplicationsModule } from '../applications/applications.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { TokenInvalidation } from './token-invalidation';
import { TokenLeakLookup } from './token-leak-lookup';
import { TokenSelfController } from './token-self.controller';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [UsageModule, ApplicationsModule],
  // TokenSelfController first: `self` must be matched before `:id`.
  controllers: [TokenSelfController, ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService, TokenInvalidation, TokenVerifier, TokenLeakLookup],
  exports: [TokenVerifier, TokenInvalidation, ApiTokensService, TokenLeakLookup],
})
export class ApiTokensModule {}
