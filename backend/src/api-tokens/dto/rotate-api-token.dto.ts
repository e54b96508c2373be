import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TOKEN_RULES } from '../../contract';

export class RotateApiTokenDto {
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
