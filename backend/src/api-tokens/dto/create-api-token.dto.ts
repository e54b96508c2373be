import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsOptional, IsUUID } from 'class-validator';
import { Scope, TOKEN_RULES } from '../../contract';
import {
  AllowedIpsField,
  ExpiresAtField,
  QuotaLimitField,
  RateLimitField,
  RequestLimitField,
  QuotaRefillDto,
  QuotaRefillField,
  ScopesField,
  TokenDescriptionField,
  TokenNameField,
} from './api-token-fields';

export class CreateApiTokenDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The application the token is for (GET /applications); default: tessera, Tessera\'s own API' })
  @IsOptional() @IsUUID(undefined, { message: 'applicationId must be a UUID' })
  applicationId?: string;

  @ApiProperty({ example: 'CI deploy', maxLength: TOKEN_RULES.nameMaxLength })
  @TokenNameField()
  name!: string;

  @IsOptional() @TokenDescriptionField() description?: string | null;

  @ApiProperty({ type: String, isArray: true, example: ['account:read', 'tokens:read'], minItems: 1, description: "Scopes from the application's catalogue (GET /applications)" })
  @ScopesField()
  @ArrayMinSize(1, { message: 'scopes must contain at least one scope' })
  scopes!: Scope[];

  @IsOptional() @ExpiresAtField() expiresAt?: string | null;
  @IsOptional() @RequestLimitField() requestLimit?: number | null;
  @IsOptional() @QuotaLimitField() quotaLimit?: number | null;
  @IsOptional() @RateLimitField() rateLimit?: number | null;
  @IsOptional() @QuotaRefillField() quotaRefill?: QuotaRefillDto | null;
  @IsOptional() @AllowedIpsField() allowedIps?: string[];
}
