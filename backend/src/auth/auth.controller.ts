import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import { UserView } from '../users/user.view';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseView, RegisterDto } from './dto/auth.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiOperation({ operationId: 'registerUser', summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'CONFLICT: username or email taken (details names the field)' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After (REGISTRATIONS_PER_IP_PER_HOUR per client IP)' })
  @ApiErrorResponses('SIGNUP_CLOSED', 'INVITE_REQUIRED', 'INVITE_INVALID')
  register(@Body() body: RegisterDto, @Ip() ip: string): Promise<UserView> {
    return this.auth.register(body, ip);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Sign in; returns a session JWT' })
  @ApiOkResponse({ type: LoginResponseView })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS; USER_DISABLED when an admin disabled the account' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After (per IP and per account)' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseView> {
    return this.auth.login(body, ip);
  }
}
