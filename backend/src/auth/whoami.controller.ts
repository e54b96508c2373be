import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AnyCredential, CurrentPrincipal } from '../common/decorators/auth.decorators';
import type { Principal } from '../common/principal';
import { ALL_SCOPES } from '../contract';

export class WhoAmIView {
  @ApiProperty({ enum: ['session', 'token'] }) kind!: 'session' | 'token';
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The calling token (kind token)' }) tokenId?: string;
  @ApiPropertyOptional({ enum: ALL_SCOPES, isArray: true, description: 'Its scopes (kind token)' }) scopes?: string[];
  @ApiPropertyOptional({ description: 'The call used a secret retired by rotation, still in its grace period (kind token)' })
  usingRetiredSecret?: boolean;
}

/**
 * "Who am I": what the server made of the credential, answered from what the guard resolved, so
 * it costs no database query. A script can check its token's scopes before it needs them.
 */
@ApiTags('auth')
@Controller('auth/whoami')
export class WhoAmIController {
  @Get()
  @AnyCredential()
  @ApiOperation({ operationId: 'getWhoAmI', summary: 'The caller as the server sees it: a session, or which token with which scopes (any valid credential)' })
  @ApiOkResponse({ type: WhoAmIView })
  whoami(@CurrentPrincipal() principal: Principal): WhoAmIView {
    if (principal.kind === 'session') return { kind: 'session', userId: principal.userId };
    return {
      kind: 'token',
      userId: principal.userId,
      tokenId: principal.tokenId,
      scopes: principal.scopes,
      usingRetiredSecret: Boolean(principal.retiredSecretGraceUntil),
    };
  }
}
