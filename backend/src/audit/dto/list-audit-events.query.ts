import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TOKEN_RULES } from '../../contract';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: TOKEN_RULES.maxPageSize })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(TOKEN_RULES.maxPageSize)
  limit: number = 20;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events of this token' })
  @IsOptional() @IsUUID()
  tokenId?: string;
}
