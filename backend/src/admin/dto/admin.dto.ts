import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';
import {
  AUDIT_EVENT_TYPES,
  BULK_REVOKE_MAX,
  POLICY_LIMITS,
  SIGNUP_MODES,
  TOKEN_SORT_FIELDS,
  TOKEN_STATES,
  USER_ROLES,
  type AuditEventType,
  type SignupMode,
  type TokenSortField,
  type TokenState,
  type UserRole,
} from '../../contract';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches username or email, case-insensitive' })
  @IsOptional() @trim @IsString() @MaxLength(254)
  search?: string;

  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES) role?: UserRole;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @IsOptional() @IsIn(['active', 'disabled']) status?: 'active' | 'disabled';
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES) role?: UserRole;

  @ApiPropertyOptional({ description: 'true stops every session and token of the user at once; false lets the tokens that are otherwise valid work again' })
  @IsOptional() @IsBoolean()
  disabled?: boolean;
}

export class ListAdminTokensQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Matches the token's name, preview, or its owner's username or email" })
  @IsOptional() @trim @IsString() @MaxLength(254)
  search?: string;

  @ApiPropertyOptional({ enum: TOKEN_STATES, description: 'Absent: every token that is not deleted' })
  @IsOptional() @IsIn(TOKEN_STATES)
  state?: TokenState;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only tokens of this application' }) @IsOptional() @IsUUID() applicationId?: string;

  @ApiPropertyOptional({ description: 'Active tokens unused for N days (or never used and created N days ago)', minimum: 1, maximum: 3650 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650)
  idleDays?: number;

  @ApiPropertyOptional({ description: 'Active tokens that expire within N days', minimum: 1, maximum: 3650 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3650)
  expiringWithinDays?: number;

  @ApiPropertyOptional({ enum: TOKEN_SORT_FIELDS, default: 'createdAt' }) @IsOptional() @IsIn(TOKEN_SORT_FIELDS) sort: TokenSortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'desc';
}

export class BulkRevokeDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true, maxItems: BULK_REVOKE_MAX, minItems: 1, example: ['3f6c1a52-8d0e-4b7a-9c21-5e4f0a9b7d13'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(BULK_REVOKE_MAX) @IsUUID('all', { each: true })
  ids!: string[];
}

export class PolicyDto {
  @ApiProperty({ example: 365, minimum: POLICY_LIMITS.maxTokenLifetimeDays.min, maximum: POLICY_LIMITS.maxTokenLifetimeDays.max })
  @IsInt() @Min(POLICY_LIMITS.maxTokenLifetimeDays.min) @Max(POLICY_LIMITS.maxTokenLifetimeDays.max)
  maxTokenLifetimeDays!: number;

  @ApiProperty({ example: true }) @IsBoolean() allowNoExpiry!: boolean;

  @ApiProperty({ example: 100, minimum: POLICY_LIMITS.maxTokensPerUser.min, maximum: POLICY_LIMITS.maxTokensPerUser.max })
  @IsInt() @Min(POLICY_LIMITS.maxTokensPerUser.min) @Max(POLICY_LIMITS.maxTokensPerUser.max)
  maxTokensPerUser!: number;

  @ApiProperty({ example: 7, minimum: POLICY_LIMITS.expiryNoticeDays.min, maximum: POLICY_LIMITS.expiryNoticeDays.max })
  @IsInt() @Min(POLICY_LIMITS.expiryNoticeDays.min) @Max(POLICY_LIMITS.expiryNoticeDays.max)
  expiryNoticeDays!: number;

  @ApiPropertyOptional({ example: 90, minimum: POLICY_LIMITS.idleRevokeDays.min, maximum: POLICY_LIMITS.idleRevokeDays.max, nullable: true, type: Number, description: 'null or absent: never revoke idle tokens' })
  @IsOptional() @IsInt() @Min(POLICY_LIMITS.idleRevokeDays.min) @Max(POLICY_LIMITS.idleRevokeDays.max)
  idleRevokeDays?: number | null;

  @ApiProperty({ enum: SIGNUP_MODES }) @IsIn(SIGNUP_MODES) signupMode!: SignupMode;

  @ApiPropertyOptional({ description: 'Whether verify answers about tokens of the tessera application without a service key; absent = unchanged' })
  @IsOptional() @IsBoolean()
  openVerifyForTesseraTokens?: boolean;
}

export class ListAdminAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this account' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Events done by this admin' }) @IsOptional() @IsUUID() actorUserId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() tokenId?: string;
  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES }) @IsOptional() @IsIn(AUDIT_EVENT_TYPES) type?: AuditEventType;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only events at or after this time' }) @IsOptional() @IsISO8601({ strict: true }) since?: string;
}

export class UsageDaysQuery {
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 366 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366)
  days: number = 30;
}
