import { Module } from '@nestjs/common';
import { UsageLimiter } from './limiter/usage-limiter';
import { usageLimiterProvider } from './limiter/usage-limiter.provider';
import { UsageClock } from './usage-clock';
import { UsageController } from './usage.controller';
import { UsageRecorder } from './usage-recorder';
import { UsageRepository } from './usage.repository';
import { UsageStatsService } from './usage-stats.service';

@Module({
  controllers: [UsageController],
  providers: [UsageRepository, UsageRecorder, UsageStatsService, usageLimiterProvider, UsageClock],
  exports: [UsageRecorder, UsageStatsService, UsageRepository, UsageLimiter, UsageClock],
})
export class UsageModule {}
