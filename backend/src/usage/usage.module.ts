import { Module } from '@nestjs/common';
import { UsageController } from './usage.controller';
import { UsageRecorder } from './usage-recorder';
import { UsageRepository } from './usage.repository';
import { UsageStatsService } from './usage-stats.service';

@Module({
  controllers: [UsageController],
  providers: [UsageRepository, UsageRecorder, UsageStatsService],
  exports: [UsageRecorder, UsageStatsService],
})
export class UsageModule {}
