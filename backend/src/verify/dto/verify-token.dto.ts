import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { APPLICATION_RULES } from '../../contract';

/** Highest cost one verify call may charge: a sane bound, far above any real per-call price. */
export const MAX_VERIFY_COST = 1_000_000;

/**
 * The verify API's body, for the OpenAPI document and the service's types. The route validates
 * it with the compiled JSON schema in verify.schema.ts (the hot path runs no class-validator):
 * keep the two in step (verify.api.spec.ts checks each rule over HTTP). `@IsOptional` marks what the
 * schema leaves out of `required`, for the OpenAPI document (common/openapi reads the validators).
 */
export class VerifyTokenDto {
  @ApiProperty({ example: 'tsr_…', maxLength: 200, description: 'The personal access token to check' })
  token!: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: APPLICATION_RULES.maxScopes,
    pattern: APPLICATION_RULES.scopePattern,
    example: ['deploy:write'],
    description: "Scopes the caller needs, from the catalogue of the service key's application (without a key: Tessera's own); granted by the token's scopes and what they imply",
  })
  @IsOptional()
  scopes?: string[];

  @ApiPropertyOptional({
    example: '203.0.113.7',
    description:
      "The address of the client that presented the token to you. A token with an IP allowlist is checked against it, and is IP_NOT_ALLOWED when it is missing; failed guesses (unknown well-formed tokens) are counted per this client (TOKEN_FAILURES_PER_IP), else per your service's own address",
  })
  @IsOptional()
  ip?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_VERIFY_COST, default: 1, description: 'Cost units to charge when valid' })
  @IsOptional()
  cost?: number;
}
