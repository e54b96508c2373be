import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentPrincipal } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import type { Principal } from '../common/principal';
import { CurrentActor, type Actor } from '../audit/actor';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';
import { AdminOverviewService } from './admin-overview.service';
import { AdminTokensService } from './admin-tokens.service';
import { AdminUsersService } from './admin-users.service';
import {
  AdminApiTokenPageView,
  AdminApiTokenView,
  AdminAuditEventPageView,
  AdminPolicyView,
  AdminUsageView,
  AdminUserPageView,
  AdminUserView,
  BulkRevokeView,
} from './admin.views';
import { BulkRevokeDto, ListAdminAuditQuery, ListAdminTokensQuery, ListUsersQuery, PolicyDto, UpdateUserDto, UsageDaysQuery } from './dto/admin.dto';

const Id = () => Param('id', new UuidParamPipe('id'));

/** Operators: every route needs an admin's session (@AdminOnly). Thin: the rules live in the services. */
@ApiTags('admin')
@AdminOnly()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly tokens: AdminTokensService,
    private readonly overview: AdminOverviewService,
    private readonly policy: RuntimePolicyService,
  ) {}

  @Get('users')
  @ApiOperation({ operationId: 'listAdminUsers', summary: 'Every account with role, status, token counts and last activity (admin session)' })
  @ApiOkResponse({ type: AdminUserPageView })
  listUsers(@Query() query: ListUsersQuery): Promise<AdminUserPageView> {
    return this.users.list(query);
  }

  @Patch('users/:id')
  @ApiOperation({ operationId: 'updateAdminUser', summary: 'Change role or disable / enable an account (admin session); disabling stops its sessions and tokens at once' })
  @ApiOkResponse({ type: AdminUserView })
  @ApiErrorResponses('CANNOT_CHANGE_SELF', 'LAST_ADMIN', 'NOT_FOUND')
  updateUser(@CurrentPrincipal() principal: Principal, @Id() id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<AdminUserView> {
    return this.users.update(principal.userId, id, body, actor.ip);
  }

  @Get('api-tokens')
  @ApiOperation({ operationId: 'listAdminApiTokens', summary: 'The credentials inventory: every user\'s tokens with owner, state and usage, never a secret (admin session)' })
  @ApiOkResponse({ type: AdminApiTokenPageView })
  listTokens(@Query() query: ListAdminTokensQuery): Promise<AdminApiTokenPageView> {
    return this.tokens.list(query);
  }

  @Post('api-tokens/revoke')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeAdminApiTokens', summary: 'Revoke up to 500 tokens of any users; all ids must exist or nothing is revoked (admin session)' })
  @ApiOkResponse({ type: BulkRevokeView })
  @ApiErrorResponses('NOT_FOUND')
  bulkRevoke(@CurrentPrincipal() principal: Principal, @Body() body: BulkRevokeDto, @CurrentActor() actor: Actor): Promise<BulkRevokeView> {
    return this.tokens.bulkRevoke(principal.userId, body, actor.ip);
  }

  @Post('api-tokens/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeAdminApiToken', summary: "Revoke any user's token (admin session); the owner sees revokedBy: admin" })
  @ApiOkResponse({ type: AdminApiTokenView })
  @ApiErrorResponses('NOT_FOUND')
  revokeToken(@CurrentPrincipal() principal: Principal, @Id() id: string, @CurrentActor() actor: Actor): Promise<AdminApiTokenView> {
    return this.tokens.revoke(principal.userId, id, actor.ip);
  }

  @Get('policy')
  @ApiOperation({ operationId: 'getAdminPolicy', summary: 'The runtime policy (admin session)' })
  @ApiOkResponse({ type: AdminPolicyView })
  getPolicy(): AdminPolicyView {
    return this.policy.current();
  }

  @Put('policy')
  @ApiOperation({ operationId: 'updateAdminPolicy', summary: 'Replace the runtime policy (admin session); every instance applies it within POLICY_REFRESH_SECONDS' })
  @ApiOkResponse({ type: AdminPolicyView })
  putPolicy(@CurrentPrincipal() principal: Principal, @Body() body: PolicyDto, @CurrentActor() actor: Actor): Promise<AdminPolicyView> {
    return this.policy.replace(
      { ...body, idleRevokeDays: body.idleRevokeDays ?? null, openVerifyForTesseraTokens: body.openVerifyForTesseraTokens ?? this.policy.current().openVerifyForTesseraTokens },
      principal.userId,
      actor.ip,
    );
  }

  @Get('audit-events')
  @ApiOperation({ operationId: 'listAdminAuditEvents', summary: 'The audit log across every account, newest first, with filters (admin session)' })
  @ApiOkResponse({ type: AdminAuditEventPageView })
  audit(@Query() query: ListAdminAuditQuery): Promise<AdminAuditEventPageView> {
    return this.overview.audit(query);
  }

  @Get('usage')
  @ApiOperation({ operationId: 'getAdminUsage', summary: 'Instance-wide requests per day and the top tokens and users (admin session)' })
  @ApiOkResponse({ type: AdminUsageView })
  usage(@Query() query: UsageDaysQuery): Promise<AdminUsageView> {
    return this.overview.usage(query.days);
  }
}
