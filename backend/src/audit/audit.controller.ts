import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ScopeGroup } from '../common/decorators/auth.decorators';
import type { Principal } from '../common/principal';
import { AuditEventPageView } from './audit-event.view';
import { AuditService } from './audit.service';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

@ApiTags('audit')
@ScopeGroup('tokens')
@Controller('users/me/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'What happened to your tokens, newest first (session or tokens:read)' })
  @ApiOkResponse({ type: AuditEventPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAuditEventsQuery): Promise<AuditEventPageView> {
    return this.audit.list(principal.userId, query);
  }
}
