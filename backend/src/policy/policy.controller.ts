import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators/auth.decorators';
import { SIGNUP_MODES, type SignupMode, type TokenPolicy } from '../contract';
import { RuntimePolicyService } from '../runtime-policy/runtime-policy.service';

export class TokenPolicyView implements TokenPolicy {
  @ApiProperty({ example: 365 }) maxTokenLifetimeDays!: number;
  @ApiProperty({ example: true }) allowNoExpiry!: boolean;
  @ApiProperty({ example: 7 }) expiryNoticeDays!: number;
  @ApiProperty({ example: 100 }) maxTokensPerUser!: number;
  @ApiProperty({ example: 90, nullable: true, type: Number, description: 'Live tokens unused this many days are revoked; null = never' })
  idleRevokeDays!: number | null;
  @ApiProperty({ enum: SIGNUP_MODES }) signupMode!: SignupMode;
  @ApiProperty({ description: 'Whether POST /v1/tokens/verify answers about tokens of the tessera application without a service key' })
  openVerifyForTesseraTokens!: boolean;
}

@ApiTags('policy')
@Public()
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: RuntimePolicyService) {}

  @Get()
  @ApiOperation({
    operationId: 'getPolicy',
    summary: 'The token rules of this install: longest lifetime, whether "no expiry" is allowed, notice window, cap, idle revocation, sign-up mode (public; admins change it at runtime)',
  })
  @ApiOkResponse({ type: TokenPolicyView })
  current(): TokenPolicyView {
    return this.policy.current();
  }
}
