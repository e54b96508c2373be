import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ScopeGroup, SessionOnly } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/api-error-responses.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import type { Principal } from '../common/principal';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiTokenDetailView, ApiTokenPageView, ApiTokenView, RevealedApiTokenView } from './api-token.view';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { ListApiTokensQuery } from './dto/list-api-tokens.query';
import { NewExpiryDto, RotateApiTokenDto } from './dto/rotate-api-token.dto';
import { UpdateApiTokenDto } from './dto/update-api-token.dto';
import { ReturnsSecret } from '../common/decorators/returns-secret.decorator';

const TokenId = () => Param('id', new UuidParamPipe('id'));

@ApiTags('api-tokens')
@ScopeGroup('tokens')
@Controller('users/me/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ operationId: 'listApiTokens', summary: 'List your tokens (session or tokens:read)' })
  @ApiOkResponse({ type: ApiTokenPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListApiTokensQuery): Promise<ApiTokenPageView> {
    return this.tokens.list(principal.userId, query);
  }

  @Post()
  @SessionOnly()
  @ApiOperation({ operationId: 'createApiToken', summary: 'Mint a token; the answer holds the plaintext `token`, this once (session only)' })
  @ApiCreatedResponse({ type: RevealedApiTokenView })
  @ApiConflictResponse({ description: 'TOKEN_LIMIT_REACHED' })
  @ReturnsSecret()
  create(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @Body() body: CreateApiTokenDto): Promise<RevealedApiTokenView> {
    return this.tokens.create(principal.userId, body, actor);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getApiToken', summary: 'One token with its usage summary (session or tokens:read)' })
  @ApiOkResponse({ type: ApiTokenDetailView })
  detail(@CurrentPrincipal() principal: Principal, @TokenId() id: string): Promise<ApiTokenDetailView> {
    return this.tokens.detail(principal.userId, id);
  }

  @Patch(':id')
  @SessionOnly()
  @ApiOperation({ operationId: 'updateApiToken', summary: 'Edit name, description, scopes, expiry or limits (session only)' })
  @ApiOkResponse({ type: ApiTokenView })
  @ApiErrorResponses('INVALID_STATE')
  update(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string, @Body() body: UpdateApiTokenDto): Promise<ApiTokenView> {
    return this.tokens.update(principal.userId, id, body, actor);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeApiToken', summary: 'Revoke for good (session or tokens:write)' })
  @ApiOkResponse({ type: ApiTokenView })
  revoke(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string): Promise<ApiTokenView> {
    return this.tokens.revoke(principal.userId, id, actor);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @SessionOnly()
  @ApiOperation({
    operationId: 'rotateApiToken',
    summary: 'New secret, same settings and usage; the old secret works for gracePeriodSeconds, then fails with TOKEN_ROTATED (session only)',
  })
  @ApiOkResponse({ type: RevealedApiTokenView })
  @ApiConflictResponse({ description: 'INVALID_STATE: revoked or deleted' })
  @ReturnsSecret()
  rotate(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string, @Body() body: RotateApiTokenDto): Promise<RevealedApiTokenView> {
    return this.tokens.rotate(principal.userId, id, body.gracePeriodSeconds ?? 0, actor, 'rotate', body.expiresAt);
  }

  @Post(':id/regenerate')
  @HttpCode(200)
  @SessionOnly()
  @ApiOperation({ operationId: 'regenerateApiToken', summary: 'Rotate with no grace: new secret, same settings; the old secret fails at once with TOKEN_ROTATED (session only)' })
  @ApiOkResponse({ type: RevealedApiTokenView })
  @ApiErrorResponses('INVALID_STATE')
  @ReturnsSecret()
  regenerate(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string, @Body() body: NewExpiryDto): Promise<RevealedApiTokenView> {
    return this.tokens.regenerate(principal.userId, id, actor, body?.expiresAt);
  }

  @Delete(':id')
  @SessionOnly()
  @ApiOperation({ operationId: 'deleteApiToken', summary: 'Soft delete (session only)' })
  @ApiOkResponse({ type: ApiTokenView })
  remove(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string): Promise<ApiTokenView> {
    return this.tokens.remove(principal.userId, id, actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @SessionOnly()
  @ApiOperation({ operationId: 'restoreApiToken', summary: 'Undo a soft delete; a revoked token stays revoked (session only)' })
  @ApiOkResponse({ type: ApiTokenView })
  @ApiErrorResponses('INVALID_STATE', 'TOKEN_LIMIT_REACHED')
  restore(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @TokenId() id: string): Promise<ApiTokenView> {
    return this.tokens.restore(principal.userId, id, actor);
  }
}
