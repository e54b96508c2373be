import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';
import { TOKEN_SORT_FIELDS, TOKEN_STATES, TokenSortField, TokenState } from '../../contract';

export class ListApiTokensQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches name or description, case-insensitive, or any scope whose name contains it (e.g. "tokens:" or "write")' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: TOKEN_STATES, description: 'Absent: every token that is not deleted' })
  @IsOptional() @IsIn(TOKEN_STATES)
  status?: TokenState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tokens of this application' })
  @IsOptional() @IsUUID(undefined, { message: 'applicationId must be a UUID' })
  applicationId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3650,
    description: 'Only active tokens that expire within this many days from now (the panel\'s "expiring soon" banner uses EXPIRY_NOTICE_DAYS)',
  })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650)
  expiringWithinDays?: number;

  @ApiPropertyOptional({ enum: TOKEN_SORT_FIELDS, default: 'createdAt' })
  @IsOptional() @IsIn(TOKEN_SORT_FIELDS)
  sort: TokenSortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
