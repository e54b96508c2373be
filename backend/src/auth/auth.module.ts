import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessModule } from '../access/access.module';
import { UsersModule } from '../users/users.module';
import { InvitesModule } from '../invites/invites.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionAuthenticator } from './session-authenticator';
import { SessionTokens } from './session-tokens';
import { ThrottleModule } from './throttle.module';
import { WhoAmIController } from './whoami.controller';

@Module({
  imports: [UsersModule, AccessModule, InvitesModule, ThrottleModule],
  controllers: [AuthController, WhoAmIController],
  providers: [AuthService, SessionTokens, SessionAuthenticator, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
