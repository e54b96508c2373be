import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

/** Most tokens one report may carry. */
export const MAX_REPORTED_TOKENS = 1000;

export class ReportLeakDto {
  @ApiProperty({ type: String, isArray: true, minItems: 1, maxItems: MAX_REPORTED_TOKENS, example: ['tsr_…'], description: 'Tokens (`tsr_…`) and service keys (`tsk_…`) found in public' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPORTED_TOKENS)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  tokens!: string[];

  @ApiPropertyOptional({ maxLength: 200, example: 'public gist', description: 'Where they were found, in words (shown to the owner)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({ maxLength: 2048, example: 'https://gist.github.com/octo/1234', description: 'An http(s) link to where they were found (shown to the owner)' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http:// or https:// URL' })
  @MaxLength(2048)
  url?: string;
}
