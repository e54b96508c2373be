import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { APPLICATION_RULES } from '../../contract';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** One scope of a catalogue; its format, uniqueness and implications are checked on the whole catalogue. */
export class CatalogueScopeDto {
  @ApiProperty({ example: 'deploy:write', pattern: APPLICATION_RULES.scopePattern })
  @IsString() @MaxLength(APPLICATION_RULES.scopeMaxLength)
  scope!: string;

  @ApiProperty({ example: 'Start deployments', maxLength: APPLICATION_RULES.scopeDescriptionMaxLength })
  @trim @IsString() @MinLength(1, { message: 'description must not be empty' }) @MaxLength(APPLICATION_RULES.scopeDescriptionMaxLength)
  description!: string;

  @ApiPropertyOptional({ example: '发起部署', nullable: true, maxLength: APPLICATION_RULES.scopeDescriptionMaxLength })
  @IsOptional() @trim @IsString() @MaxLength(APPLICATION_RULES.scopeDescriptionMaxLength)
  descriptionZh?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['deploy:read'], description: 'Other scopes of this application that this one grants' })
  @IsOptional() @IsArray() @ArrayMaxSize(APPLICATION_RULES.maxScopes) @IsString({ each: true })
  implies?: string[];
}

const ScopesField = () => (target: object, key: string) => {
  ApiProperty({ type: CatalogueScopeDto, isArray: true, maxItems: APPLICATION_RULES.maxScopes, example: [{ scope: 'deploy:read', description: 'List deployments' }, { scope: 'deploy:write', description: 'Start deployments', implies: ['deploy:read'] }] })(target, key);
  IsArray()(target, key);
  ArrayMaxSize(APPLICATION_RULES.maxScopes)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => CatalogueScopeDto)(target, key);
};

export class CreateApplicationDto {
  @ApiProperty({ example: 'Deploy API', maxLength: APPLICATION_RULES.nameMaxLength })
  @trim @IsString() @MinLength(1, { message: 'name must not be empty' }) @MaxLength(APPLICATION_RULES.nameMaxLength)
  name!: string;

  @ApiProperty({ example: 'deploy-api', pattern: APPLICATION_RULES.slugPattern, description: 'Unique; fixed once created' })
  @IsString() @Matches(new RegExp(APPLICATION_RULES.slugPattern), { message: `slug must match ${APPLICATION_RULES.slugPattern}` })
  slug!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: APPLICATION_RULES.descriptionMaxLength })
  @IsOptional() @trim @IsString() @MaxLength(APPLICATION_RULES.descriptionMaxLength)
  description?: string | null;

  @ScopesField()
  scopes!: CatalogueScopeDto[];
}

/** Absent = unchanged; `scopes` replaces the whole catalogue. */
export class UpdateApplicationDto {
  @ApiPropertyOptional({ maxLength: APPLICATION_RULES.nameMaxLength })
  @IsOptional() @trim @IsString() @MinLength(1, { message: 'name must not be empty' }) @MaxLength(APPLICATION_RULES.nameMaxLength)
  name?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: APPLICATION_RULES.descriptionMaxLength })
  @IsOptional() @trim @IsString() @MaxLength(APPLICATION_RULES.descriptionMaxLength)
  description?: string | null;

  @IsOptional() @ScopesField()
  scopes?: CatalogueScopeDto[];
}

export class ForceQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Go ahead although live tokens hold what is removed (they lose it; audited)' })
  @IsOptional() @IsIn(['true', 'false'])
  force?: 'true' | 'false';
}

export class CreateServiceKeyDto {
  @ApiProperty({ example: 'deploy-api production', maxLength: APPLICATION_RULES.serviceKeyNameMaxLength })
  @trim @IsString() @MinLength(1, { message: 'name must not be empty' }) @MaxLength(APPLICATION_RULES.serviceKeyNameMaxLength)
  name!: string;
}
