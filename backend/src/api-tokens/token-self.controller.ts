import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, TokenSelf } from '../common/decorators/auth.decorators';
import type { Principal } from '../common/principal';
import { type Actor, CurrentActor } from '../audit/actor';
import { RevealedApiTokenView, SelfApiTokenView } from './api-token.view';
import { ApiTokensService } from './api-tokens.service';
import { RotateApiTokenDto } from './dto/rotate-api-token.dto';
import { ReturnsSecret } from '../common/decorators/returns-secret.decorator';

/**
 * Routes about the calling token itself. Listed before ApiTokensController in ApiTokensModule so
 * `self` is never taken for an `:id` (whose UUID pipe would refuse it).
 */
@ApiTags('api-tokens')
@Controller('users/me/api-tokens/self')
export class TokenSelfController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @TokenSelf(null)
  @ApiOperation({ operationId: 'getSelfApiToken', summary: 'The calling token as it now is (any valid PAT, whatever its scopes; not a session)' })
  @ApiOkResponse({ type: SelfApiTokenView })
  self(@CurrentPrincipal() principal: Principal): Promise<SelfApiTokenView> {
    return this.tokens.self(principal);
  }

  @Post('rotate')
  @HttpCode(200)
  @TokenSelf('tokens:rotate-self')
  @ApiOperation({
    operationId: 'rotateSelfApiToken',
    summary: 'The calling token replaces its own secret (needs tokens:rotate-self); scopes, limits and expiry stay exactly as they are',
  })
  @ApiOkResponse({ type: RevealedApiTokenView })
  @ReturnsSecret()
  rotate(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @Body() body: RotateApiTokenDto): Promise<RevealedApiTokenView> {
    return this.tokens.rotateSelf(principal, body.gracePeriodSeconds ?? 0, actor);
  }
}
