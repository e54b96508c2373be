import { DynamicModule, Module } from '@nestjs/common';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { ExpiryNoticesModule } from './expiry-notices/expiry-notices.module';
import { PolicyModule } from './policy/policy.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LeakResponseModule } from './leak-response/leak-response.module';
import { UsageModule } from './usage/usage.module';
import { RedisModule } from './redis/redis.module';
import { UsersModule } from './users/users.module';
import { VerifyModule } from './verify/verify.module';
import { ApplicationsApiModule } from './applications/applications-api.module';
import { RuntimePolicyModule } from './runtime-policy/runtime-policy.module';
import { AdminModule } from './admin/admin.module';
import { InvitesModule } from './invites/invites.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  poolSize: number;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, poolSize }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, poolSize),
        RedisModule,
        RuntimePolicyModule,
        HealthModule,
        AuthModule,
        UsersModule,
        // Before ApiTokensModule: its `stats` route must be matched before `:id`.
        UsageModule,
        ApiTokensModule,
        AuditModule,
        PolicyModule,
        ExpiryNoticesModule,
        VerifyModule,
        ApplicationsApiModule,
        InvitesModule,
        AdminModule,
        LeakResponseModule,
      ],
    };
  }
}
