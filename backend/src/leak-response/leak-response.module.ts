import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { ApplicationsModule } from '../applications/applications.module';
import { throttleStoreProvider } from '../auth/throttle-store.provider';
import { ExpiryNoticesModule } from '../expiry-notices/expiry-notices.module';
import { GithubAlertService } from './github-alert.service';
import { GithubKeyring } from './github-keyring';
import { LeakReportController } from './leak-report.controller';
import { LeakRevoker } from './leak-revoker';
import { ServiceKeyLeaksController } from './service-key-leaks.controller';
import { TokenLeaksController } from './token-leaks.controller';
import { TokenLeaksRepository } from './token-leaks.repository';
import { TrufflehogVerify } from './trufflehog-verify';

/** Leak response: public leak reports, GitHub secret scanning alerts, the owner's banner and the admins' (service keys). */
@Module({
  imports: [ApiTokensModule, ApplicationsModule, ExpiryNoticesModule],
  controllers: [LeakReportController, TokenLeaksController, ServiceKeyLeaksController],
  providers: [LeakRevoker, GithubAlertService, GithubKeyring, TokenLeaksRepository, TrufflehogVerify, throttleStoreProvider],
})
export class LeakResponseModule {}
