import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';
import { TOKEN_SORT_FIELDS, TOKEN_STATES, TokenSortField, TokenState } from '../../contract';

export class ListApiTokensQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches name or description, case-insensitive' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: TOKEN_STATES, description: 'Absent: every token that is not deleted' })
  @IsOptional() @IsIn(TOKEN_STATES)
  status?: TokenState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tokens of this application' })
  @IsOptional() @IsUUID(undefined, { message: 'applicationId must be a UUID' })
  applicationId?: string;

  @ApiPropertyOptional({ enum: TOKEN_SORT_FIELDS, default: 'createdAt' })
  @IsOptional() @IsIn(TOKEN_SORT_FIELDS)
  sort: TokenSortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

export class DaysQuery {
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 366 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366)
  days: number = 30;
}
