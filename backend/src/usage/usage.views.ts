import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UsageSummaryView {
  @ApiProperty() totalRequests!: number;
  @ApiProperty() successCount!: number;
  @ApiProperty() failureCount!: number;
  @ApiProperty({ description: 'successCount / totalRequests, 0 when there were none' }) successRate!: number;
  @ApiProperty() totalCost!: number;
  @ApiProperty() last7DaysRequests!: number;
  @ApiProperty() last30DaysRequests!: number;
}

export class UsagePointView {
  @ApiProperty({ example: '2026-11-24' }) date!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() successes!: number;
  @ApiProperty() failures!: number;
  @ApiProperty() cost!: number;
}

export class TokenUsageView {
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ example: '2026-10-26' }) from!: string;
  @ApiProperty({ example: '2026-11-24' }) to!: string;
  @ApiProperty({ type: UsagePointView, isArray: true }) points!: UsagePointView[];
}

export class TokenStatsView {
  @ApiProperty() days!: number;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty() totalTokens!: number;
  @ApiProperty() activeTokens!: number;
  @ApiProperty() expiredTokens!: number;
  @ApiProperty() revokedTokens!: number;
  @ApiProperty() deletedTokens!: number;
  @ApiProperty() totalRequests!: number;
  @ApiProperty() successCount!: number;
  @ApiProperty() failureCount!: number;
  @ApiProperty() successRate!: number;
  @ApiProperty() totalCost!: number;
  @ApiPropertyOptional({ description: 'Sum of quotaUsed over live tokens' }) quotaUsed!: number;
  @ApiProperty() avgCostPerRequest!: number;
}
