import { Body, Controller, Get, Ip, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ScopeGroup } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import type { Principal } from '../common/principal';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { UserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@ScopeGroup('account')
@Controller('users/me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ operationId: 'getProfile', summary: 'The signed-in user (session or account:read)' })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return UserView.from(await this.users.getById(principal.userId));
  }

  @Patch()
  @ApiOperation({
    operationId: 'updateProfile',
    summary: 'Change username, email or password (email and password changes need currentPassword, throttled like sign-in: 429 RATE_LIMITED)',
  })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses('CURRENT_PASSWORD_INVALID', 'CONFLICT', 'RATE_LIMITED')
  async update(@CurrentPrincipal() principal: Principal, @Body() body: UpdateProfileDto, @Ip() ip: string): Promise<UserView> {
    return UserView.from(await this.users.updateProfile(principal.userId, body, ip));
  }
}
