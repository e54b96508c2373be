import { Body, Controller, Headers, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import { VerifyTokenDto } from './dto/verify-token.dto';
import { VerifyResultView } from './verify-result.view';
import { VerifyService } from './verify.service';

@ApiTags('verify')
@Controller('v1/tokens')
export class VerifyController {
  constructor(private readonly verify: VerifyService) {}

  /** Public to the guard: the token in the body is the credential, checked by the service. */
  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a token for another service and charge `cost` when it is valid',
    description:
      'Authenticated by the token in the body. 200 with `valid` and `code` for every answer about the token ' +
      '(VALID or the code the API itself would give); 400 for a malformed body; 503 LIMITER_UNAVAILABLE when a ' +
      'limited token cannot be checked. An invalid call charges nothing.',
  })
  @ApiOkResponse({ type: VerifyResultView })
  @ApiErrorResponses('SERVICE_KEY_REQUIRED', 'SERVICE_KEY_INVALID')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or MALFORMED_JSON' })
  @ApiServiceUnavailableResponse({ description: 'LIMITER_UNAVAILABLE (Redis down, token has limits)' })
  async check(@Body() body: VerifyTokenDto, @Ip() ip: string, @Res({ passthrough: true }) response: Response, @Headers('authorization') authorization?: string): Promise<VerifyResultView> {
    const { result, headers } = await this.verify.verify(body, ip ?? null, authorization);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    return result;
  }
}
