import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { ApplicationsModule } from '../applications/applications.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { TokenInvalidationModule } from './token-invalidation.module';
import { TokenLeakLookup } from './token-leak-lookup';
import { TokenSelfController } from './token-self.controller';
import { TokenVerifier } from './token-verifier';

@Module({
  imports: [UsageModule, ApplicationsModule, TokenInvalidationModule],
  // TokenSelfController first: `self` must be matched before `:id`.
  controllers: [TokenSelfController, ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService, TokenVerifier, TokenLeakLookup],
  exports: [TokenVerifier, TokenInvalidationModule, ApiTokensService, TokenLeakLookup],
})
export class ApiTokensModule {}
