import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/app-exception';
import { AdminOnly } from '../common/decorators/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { UndismissedServiceKeyLeakView } from './leak-report.view';
import { TokenLeaksRepository } from './token-leaks.repository';

/**
 * The admins' side of a leaked service key: the Administration banner's list, and dismissing it.
 * One admin dismissing it dismisses it for all (see docs/secret-scanning.md).
 */
@ApiTags('leak-response')
@AdminOnly()
@Controller('admin/service-key-leaks')
export class ServiceKeyLeaksController {
  constructor(private readonly leaks: TokenLeaksRepository) {}

  @Get()
  @ApiOperation({ operationId: 'listServiceKeyLeaks', summary: 'Service keys revoked because they leaked, whose banner no admin has dismissed, newest first (admin session)' })
  @ApiOkResponse({ type: UndismissedServiceKeyLeakView, isArray: true })
  async undismissed(): Promise<UndismissedServiceKeyLeakView[]> {
    return (await this.leaks.undismissedServiceKeyLeaks()).map(UndismissedServiceKeyLeakView.from);
  }

  @Post(':keyId/dismiss')
  @HttpCode(204)
  @ApiOperation({ operationId: 'setServiceKeyLeakDismissed', summary: "Hide a leaked service key's banner for every admin; the key stays revoked and keeps its leak record (admin session)" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such service key, or it never leaked (NOT_FOUND)' })
  async dismiss(@Param('keyId', new UuidParamPipe('keyId')) keyId: string): Promise<void> {
    if (!(await this.leaks.dismissServiceKeyLeak(keyId, new Date()))) throw notFound('Service key leak');
  }
}
