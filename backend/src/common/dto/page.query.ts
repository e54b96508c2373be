import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TOKEN_RULES } from '../../contract';

/** `?page=&limit=` of every paged list; a list's query extends it with its own filters. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: TOKEN_RULES.maxPageSize })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(TOKEN_RULES.maxPageSize)
  limit: number = 20;
}
