import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { TokenPolicy } from '../contract';

export class TokenPolicyView implements TokenPolicy {
  @ApiProperty({ example: 365 }) maxTokenLifetimeDays!: number;
  @ApiProperty({ example: true }) allowNoExpiry!: boolean;
  @ApiProperty({ example: 7 }) expiryNoticeDays!: number;
  @ApiProperty({ example: 100 }) maxTokensPerUser!: number;
}

export function tokenPolicyOf(config: AppConfig): TokenPolicy {
  return {
    maxTokenLifetimeDays: config.MAX_TOKEN_LIFETIME_DAYS,
    allowNoExpiry: config.ALLOW_NO_EXPIRY,
    expiryNoticeDays: config.EXPIRY_NOTICE_DAYS,
    maxTokensPerUser: config.MAX_TOKENS_PER_USER,
  };
}

@ApiTags('policy')
@Public()
@Controller('policy')
export class PolicyController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ operationId: 'getPolicy', summary: 'The token rules of this install: longest lifetime, whether "no expiry" is allowed, notice window, cap (public)' })
  @ApiOkResponse({ type: TokenPolicyView })
  policy(): TokenPolicyView {
    return tokenPolicyOf(this.config);
  }
}
