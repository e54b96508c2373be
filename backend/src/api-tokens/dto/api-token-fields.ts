import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { APPLICATION_RULES, QUOTA_REFILL_INTERVALS, TOKEN_RULES, type QuotaRefillInterval } from '../../contract';

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

/** Scope words; which ones are allowed is the token's application's catalogue (checked by the service). */
export const ScopesField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(APPLICATION_RULES.maxScopes),
    IsString({ each: true }),
    Matches(new RegExp(APPLICATION_RULES.scopePattern), { each: true, message: 'each value in scopes must be resource:action in lowercase' }),
  );

export class QuotaRefillDto {
  @ApiProperty({ minimum: 1, maximum: TOKEN_RULES.maxLimitValue, description: 'Units the quota is back to at each boundary; at most quotaLimit' })
  @IsInt({ message: 'amount must be an integer' }) @Min(1) @Max(TOKEN_RULES.maxLimitValue)
  amount!: number;

  @ApiProperty({ enum: QUOTA_REFILL_INTERVALS, description: 'UTC day, ISO week (from Monday) or calendar month' })
  @IsIn(QUOTA_REFILL_INTERVALS)
  interval!: QuotaRefillInterval;
}

export const QuotaRefillField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: QuotaRefillDto, nullable: true, description: 'The quota refills: the period of creation grants quotaLimit, every later one `amount`; null = never' }),
    ValidateNested(),
    Type(() => QuotaRefillDto),
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
