import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ALL_SCOPES, TOKEN_RULES } from '../../contract';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export const TokenNameField = () =>
  applyDecorators(trim, IsString(), MinLength(1, { message: 'name must not be empty' }), MaxLength(TOKEN_RULES.nameMaxLength));

export const TokenDescriptionField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: TOKEN_RULES.descriptionMaxLength }),
    trim,
    IsString(),
    MaxLength(TOKEN_RULES.descriptionMaxLength),
  );

export const ScopesField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(ALL_SCOPES.length),
    IsIn(ALL_SCOPES, { each: true, message: `each value in scopes must be one of ${ALL_SCOPES.join(', ')}` }),
  );

export const AllowedIpsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      isArray: true,
      maxItems: TOKEN_RULES.maxAllowedIps,
      example: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'],
      description: 'IPs and CIDR ranges (v4 and v6) the token may be used from; empty = anywhere',
    }),
    IsArray(),
    ArrayMaxSize(TOKEN_RULES.maxAllowedIps),
    IsString({ each: true }),
    MaxLength(64, { each: true }),
  );

export const ExpiresAtField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, format: 'date-time', description: 'Must be in the future; null or absent = never expires' }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: 'expiresAt must be an ISO 8601 date-time' }),
  );

const positiveInt = (name: string, max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, minimum: 1, maximum: max, description }),
    IsInt({ message: `${name} must be an integer` }),
    Min(1),
    Max(max),
  );

export const RequestLimitField = () =>
  positiveInt('requestLimit', TOKEN_RULES.maxLimitValue, 'Total calls allowed; null = unlimited');
export const QuotaLimitField = () =>
  positiveInt('quotaLimit', TOKEN_RULES.maxLimitValue, 'Total cost units allowed; null = unlimited');
export const RateLimitField = () =>
  positiveInt('rateLimit', TOKEN_RULES.maxRateLimitPerMinute, 'Calls per minute; null = unlimited');
