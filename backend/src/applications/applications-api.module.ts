import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { ApplicationsAdminService } from './applications-admin.service';
import { AdminApplicationsController, ApplicationsController } from './applications.controller';
import { ApplicationsModule } from './applications.module';

/** The HTTP side of applications: /admin/applications (admins) and /applications (any signed-in user). */
@Module({
  imports: [ApplicationsModule, ApiTokensModule],
  controllers: [AdminApplicationsController, ApplicationsController],
  providers: [ApplicationsAdminService],
})
export class ApplicationsApiModule {}
