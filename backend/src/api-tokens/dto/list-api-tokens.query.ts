import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';
import { TOKEN_SORT_FIELDS, TOKEN_STATES, TokenSortField, TokenState } from '../../contract';

export class ListApiTokensQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches name or description, case-insensitive' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: TOKEN_STATES, description: 'Absent: every token that is not deleted' })
  @IsOptional() @IsIn(TOKEN_STATES)
  status?: TokenState;

  @ApiPropertyOptional({ enum: TOKEN_SORT_FIELDS, default: 'createdAt' })
  @IsOptional() @IsIn(TOKEN_SORT_FIELDS)
  sort: TokenSortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
