import { Module } from '@nestjs/common';
import { ApiTokensModule } from '../api-tokens/api-tokens.module';
import { throttleStoreProvider } from '../auth/throttle-store.provider';
import { ExpiryNoticesModule } from '../expiry-notices/expiry-notices.module';
import { GithubAlertService } from './github-alert.service';
import { GithubKeyring } from './github-keyring';
import { LeakReportController } from './leak-report.controller';
import { LeakRevoker } from './leak-revoker';
import { TokenLeaksController } from './token-leaks.controller';
import { TokenLeaksRepository } from './token-leaks.repository';
import { TrufflehogVerify } from './trufflehog-verify';

/** Leak response: public leak reports, GitHub secret scanning alerts, and the owner's banner. */
@Module({
  imports: [ApiTokensModule, ExpiryNoticesModule],
  controllers: [LeakReportController, TokenLeaksController],
  providers: [LeakRevoker, GithubAlertService, GithubKeyring, TokenLeaksRepository, TrufflehogVerify, throttleStoreProvider],
})
export class LeakResponseModule {}
