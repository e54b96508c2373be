import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal } from '../common/decorators/auth.decorators';
import type { Principal } from '../common/principal';
import { CreatedInviteView, CreateInviteDto, InvitePageView, InviteView, ListInvitesQuery } from './dto/invite.dto';
import { InvitesService } from './invites.service';

interface HeadersAndIp {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/** The panel's address as the admin reached it (Origin, else the Host the request came to). */
function panelOrigin(request: HeadersAndIp): string {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  const proto = request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return typeof host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `${proto}://${host}` : '';
}

@ApiTags('admin')
@AdminOnly()
@Controller('admin/invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post()
  @ApiOperation({ operationId: 'createInvite', summary: 'Create a single-use invite (admin session); the code is in this answer only' })
  @ApiCreatedResponse({ type: CreatedInviteView })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateInviteDto, @Req() request: HeadersAndIp): Promise<CreatedInviteView> {
    return this.invites.create(principal.userId, body, request.ip ?? null, panelOrigin(request));
  }

  @Get()
  @ApiOperation({ operationId: 'listInvites', summary: 'Invites not deleted, newest first (admin session)' })
  @ApiOkResponse({ type: InvitePageView })
  list(@Query() query: ListInvitesQuery): Promise<InvitePageView> {
    return this.invites.list(query);
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteInvite', summary: 'Delete an invite: its code stops working (admin session)' })
  @ApiOkResponse({ type: InviteView })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', new UuidParamPipe('id')) id: string, @Req() request: HeadersAndIp): Promise<InviteView> {
    return this.invites.remove(principal.userId, id, request.ip ?? null);
  }
}
