import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/app-exception';
import { CurrentPrincipal, ScopeGroup, SessionOnly } from '../common/decorators/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import type { Principal } from '../common/principal';
import { UndismissedLeakView } from './leak-report.view';
import { TokenLeaksRepository } from './token-leaks.repository';

/** The owner's side of a leak: the panel banner's list, and dismissing it. */
@ApiTags('leak-response')
@ScopeGroup('tokens')
@Controller('users/me')
export class TokenLeaksController {
  constructor(private readonly leaks: TokenLeaksRepository) {}

  @Get('token-leaks')
  @ApiOperation({ operationId: 'listTokenLeaks', summary: 'Your tokens revoked because they leaked, whose banner you have not dismissed, newest first (session or tokens:read)' })
  @ApiOkResponse({ type: UndismissedLeakView, isArray: true })
  async undismissed(@CurrentPrincipal() principal: Principal): Promise<UndismissedLeakView[]> {
    return (await this.leaks.undismissedOf(principal.userId)).map(UndismissedLeakView.from);
  }

  @Post('api-tokens/:id/leak/dismiss')
  @SessionOnly()
  @HttpCode(204)
  @ApiOperation({ operationId: 'setTokenLeakDismissed', summary: "Hide a leaked token's banner; the token stays revoked and keeps its leak record (session only)" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such token of yours, or it never leaked (NOT_FOUND)' })
  async dismiss(@CurrentPrincipal() principal: Principal, @Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    if (!(await this.leaks.dismiss(principal.userId, id, new Date()))) throw notFound('Token leak');
  }
}
