import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsIP, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_RULES } from '../../contract';

/** Highest cost one verify call may charge: a sane bound, far above any real per-call price. */
export const MAX_VERIFY_COST = 1_000_000;

export class VerifyTokenDto {
  @ApiProperty({ example: 'tsr_…', description: 'The personal access token to check' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['deploy:write'],
    description: "Scopes the caller needs, from the catalogue of the service key's application (without a key: Tessera's own); granted by the token's scopes and what they imply",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(APPLICATION_RULES.maxScopes)
  @IsString({ each: true })
  @Matches(new RegExp(APPLICATION_RULES.scopePattern), { each: true, message: 'each value in scopes must be resource:action in lowercase' })
  scopes?: string[];

  @ApiPropertyOptional({
    example: '203.0.113.7',
    description:
      "The address of the client that presented the token to you. A token with an IP allowlist is checked against it, and is IP_NOT_ALLOWED when it is missing",
  })
  @IsOptional()
  @IsIP(undefined, { message: 'ip must be an IPv4 or IPv6 address' })
  ip?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_VERIFY_COST, default: 1, description: 'Cost units to charge when valid' })
  @IsOptional()
  @IsInt({ message: 'cost must be an integer' })
  @Min(0)
  @Max(MAX_VERIFY_COST)
  cost?: number;
}
