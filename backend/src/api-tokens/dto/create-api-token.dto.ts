import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsOptional } from 'class-validator';
import { ALL_SCOPES, Scope, TOKEN_RULES } from '../../contract';
import {
  AllowedIpsField,
  ExpiresAtField,
  QuotaLimitField,
  RateLimitField,
  RequestLimitField,
  ScopesField,
  TokenDescriptionField,
  TokenNameField,
} from './api-token-fields';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CI deploy', maxLength: TOKEN_RULES.nameMaxLength })
  @TokenNameField()
  name!: string;

  @IsOptional() @TokenDescriptionField() description?: string | null;

  @ApiProperty({ enum: ALL_SCOPES, isArray: true, example: ['account:read', 'tokens:read'], minItems: 1 })
  @ScopesField()
  @ArrayMinSize(1, { message: 'scopes must contain at least one scope' })
  scopes!: Scope[];

  @IsOptional() @ExpiresAtField() expiresAt?: string | null;
  @IsOptional() @RequestLimitField() requestLimit?: number | null;
  @IsOptional() @QuotaLimitField() quotaLimit?: number | null;
  @IsOptional() @RateLimitField() rateLimit?: number | null;
  @IsOptional() @AllowedIpsField() allowedIps?: string[];
}
