import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { ApplicationsModule } from '../applications/applications.module';
import { ExpiryNoticesModule } from '../expiry-notices/expiry-notices.module';
import { AdminOverviewService } from './admin-overview.service';
import { AdminTokensService } from './admin-tokens.service';
import { AdminUsersService } from './admin-users.service';
import { AdminController } from './admin.controller';
import { AdminRepository } from './admin.repository';
import { IdleRevocationJob } from './idle-revocation.job';

@Module({
  imports: [ApiTokensModule, ExpiryNoticesModule, ApplicationsModule],
  controllers: [AdminController],
  providers: [AdminRepository, AdminUsersService, AdminTokensService, AdminOverviewService, IdleRevocationJob],
})
export class AdminModule {}
