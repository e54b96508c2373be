import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsIP, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ALL_SCOPES, type Scope } from '../../contract';

/** Highest cost one verify call may charge: a sane bound, far above any real per-call price. */
export const MAX_VERIFY_COST = 1_000_000;

export class VerifyTokenDto {
  @ApiProperty({ example: 'tsr_…', description: 'The personal access token to check' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({ enum: ALL_SCOPES, isArray: true, description: 'Scopes the caller needs; write implies read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ALL_SCOPES.length)
  @IsIn(ALL_SCOPES, { each: true, message: `each value in scopes must be one of ${ALL_SCOPES.join(', ')}` })
  scopes?: Scope[];

  @ApiPropertyOptional({
    example: '203.0.113.7',
    description:
      "The address of the client that presented the token to you. A token with an IP allowlist is checked against it, and is IP_NOT_ALLOWED when it is missing; failed guesses (unknown well-formed tokens) are counted per this client (TOKEN_FAILURES_PER_IP), else per your service's own address",
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
