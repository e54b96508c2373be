import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import { type Actor, CurrentActor } from '../audit/actor';
import { AdminOnly, CurrentPrincipal, ScopeGroup } from '../common/decorators/auth.decorators';
import { ReturnsSecret } from '../common/decorators/returns-secret.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import type { Principal } from '../common/principal';
import { ApplicationView, PublicApplicationView, RevealedServiceKeyView, ServiceKeyView } from './application.view';
import { ApplicationsAdminService } from './applications-admin.service';
import { ApplicationsRepository } from './applications.repository';
import { CreateApplicationDto, CreateServiceKeyDto, ForceQuery, UpdateApplicationDto } from './dto/application.dto';

const AppId = () => Param('id', new UuidParamPipe('id'));
const audit = (principal: Principal, actor: Actor) => ({ actorUserId: principal.userId, ip: actor.ip });

@ApiTags('admin')
@AdminOnly()
@Controller('admin/applications')
export class AdminApplicationsController {
  constructor(private readonly applications: ApplicationsAdminService) {}

  @Get()
  @ApiOperation({ operationId: 'listAdminApplications', summary: 'Applications with their scope catalogues (admin session)' })
  @ApiOkResponse({ type: ApplicationView, isArray: true })
  list(): Promise<ApplicationView[]> {
    return this.applications.list();
  }

  @Post()
  @ApiOperation({ operationId: 'createApplication', summary: 'Register an application with its scope catalogue (admin session)' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrorResponses('CONFLICT')
  create(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @Body() body: CreateApplicationDto): Promise<ApplicationView> {
    return this.applications.create(body, audit(principal, actor));
  }

  @Get(':id')
  @ApiErrorResponses('NOT_FOUND')
  @ApiOperation({ operationId: 'getApplication', summary: 'One application (admin session)' })
  @ApiOkResponse({ type: ApplicationView })
  get(@AppId() id: string): Promise<ApplicationView> {
    return this.applications.get(id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateApplication', summary: 'Edit name, description or the whole catalogue; removing scopes live tokens hold is SCOPE_IN_USE unless ?force=true (admin session)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrorResponses('SCOPE_IN_USE', 'APPLICATION_BUILT_IN', 'NOT_FOUND')
  update(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @AppId() id: string, @Query() query: ForceQuery, @Body() body: UpdateApplicationDto): Promise<ApplicationView> {
    return this.applications.update(id, body, query.force === 'true', audit(principal, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteApplication', summary: 'Delete an application: its service keys stop and its tokens are revoked; SCOPE_IN_USE while live tokens exist unless ?force=true (admin session)' })
  @ApiNoContentResponse()
  @ApiErrorResponses('SCOPE_IN_USE', 'APPLICATION_BUILT_IN', 'NOT_FOUND')
  remove(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @AppId() id: string, @Query() query: ForceQuery): Promise<void> {
    return this.applications.remove(id, query.force === 'true', audit(principal, actor));
  }

  @Post(':id/service-keys')
  @ApiErrorResponses('NOT_FOUND')
  @ApiOperation({ operationId: 'createServiceKey', summary: 'Create a service key; the answer holds the plaintext `key`, this once (admin session)' })
  @ApiCreatedResponse({ type: RevealedServiceKeyView })
  @ReturnsSecret()
  createKey(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @AppId() id: string, @Body() body: CreateServiceKeyDto): Promise<RevealedServiceKeyView> {
    return this.applications.createServiceKey(id, body.name, audit(principal, actor));
  }

  @Get(':id/service-keys')
  @ApiErrorResponses('NOT_FOUND')
  @ApiOperation({ operationId: 'listServiceKeys', summary: 'The service keys of an application, never their secrets (admin session)' })
  @ApiOkResponse({ type: ServiceKeyView, isArray: true })
  keys(@AppId() id: string): Promise<ServiceKeyView[]> {
    return this.applications.serviceKeys(id);
  }

  @Post(':id/service-keys/:keyId/revoke')
  @ApiErrorResponses('NOT_FOUND')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeServiceKey', summary: 'Revoke a service key for good (admin session)' })
  @ApiOkResponse({ type: ServiceKeyView })
  revokeKey(@CurrentPrincipal() principal: Principal, @CurrentActor() actor: Actor, @AppId() id: string, @Param('keyId', new UuidParamPipe('keyId')) keyId: string): Promise<ServiceKeyView> {
    return this.applications.revokeServiceKey(id, keyId, audit(principal, actor));
  }
}

@ApiTags('applications')
@ScopeGroup('tokens')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly repository: ApplicationsRepository) {}

  @Get()
  @ApiOperation({
    operationId: 'listApplications',
    summary: 'Applications a token can be minted for, with their scope catalogues (session or tokens:read)',
    description: 'Scope descriptions follow Accept-Language: zh… gives the Chinese text where the application has one.',
  })
  @ApiOkResponse({ type: PublicApplicationView, isArray: true })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'zh… for the Chinese scope descriptions', schema: { type: 'string' } })
  async list(@Req() request: { headers: Record<string, string | string[] | undefined> }): Promise<PublicApplicationView[]> {
    const language = request.headers['accept-language'];
    const chinese = /^\s*zh/i.test(typeof language === 'string' ? language : '');
    return (await this.repository.list()).map((app) => PublicApplicationView.from(app, chinese));
  }
}
