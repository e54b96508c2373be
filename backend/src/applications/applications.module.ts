import { Module } from '@nestjs/common';
import { TokenInvalidationModule } from '../api-tokens/token-invalidation.module';
import { ApplicationDirectory } from './application-directory';
import { ApplicationsRepository } from './applications.repository';
import { ServiceKeyAuth } from './service-key-auth';

/** Applications as the token rules read them: catalogues (cached) and service-key authentication. */
@Module({
  imports: [TokenInvalidationModule],
  providers: [ApplicationsRepository, ApplicationDirectory, ServiceKeyAuth],
  exports: [ApplicationsRepository, ApplicationDirectory, ServiceKeyAuth],
})
export class ApplicationsModule {}
