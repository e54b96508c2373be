import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { TOKEN_RULES } from '../../contract';

export class RotateApiTokenDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'New expiry, as for regenerate. Absent: unchanged' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: TOKEN_RULES.maxGracePeriodSeconds,
    default: 0,
    description: 'How long the old secret keeps working (0 to 7 days); then it fails with TOKEN_ROTATED',
  })
  @IsOptional()
  @IsInt({ message: 'gracePeriodSeconds must be an integer' })
  @Min(0)
  @Max(TOKEN_RULES.maxGracePeriodSeconds)
  gracePeriodSeconds?: number;
}

/** Regenerate (and rotate) may set a new expiry at the same time, as GitHub's regenerate does. */
export class NewExpiryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'New expiry for the token (future, at most MAX_TOKEN_LIFETIME_DAYS away; null = no expiry where allowed). Absent: unchanged',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string | null;
}
