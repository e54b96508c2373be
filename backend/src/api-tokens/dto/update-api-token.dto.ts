import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsOptional, ValidateIf } from 'class-validator';
import { Scope } from '../../contract';
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

/** Absent = unchanged; `null` clears the optional settings (description, expiry, limits). */
export class UpdateApiTokenDto {
  @ApiPropertyOptional({ example: 'CI deploy' })
  @ValidateIf((_object, value) => value !== undefined)
  @TokenNameField()
  name?: string;

  @IsOptional() @TokenDescriptionField() description?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, description: "Scopes from the token's application's catalogue" })
  @ValidateIf((_object, value) => value !== undefined)
  @ScopesField()
  @ArrayMinSize(1, { message: 'scopes must contain at least one scope' })
  scopes?: Scope[];

  @IsOptional() @ExpiresAtField() expiresAt?: string | null;
  @IsOptional() @RequestLimitField() requestLimit?: number | null;
  @IsOptional() @QuotaLimitField() quotaLimit?: number | null;
  @IsOptional() @RateLimitField() rateLimit?: number | null;
  @IsOptional() @QuotaRefillField() quotaRefill?: QuotaRefillDto | null;
  @IsOptional() @AllowedIpsField() allowedIps?: string[];
}
