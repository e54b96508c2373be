import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NO_HEADERS } from '../access/admittance';
import { Public } from '../common/decorators/auth.decorators';
import { ApiErrorResponses } from '../common/openapi/error-responses';
import { VerifyTokenDto } from './dto/verify-token.dto';
import { VERIFY_ROUTE_SCHEMA } from './verify.schema';
import { VerifyResultView } from './verify-result.view';
import { VerifyService, type VerifyAnswer } from './verify.service';

@ApiTags('verify')
@Controller('v1/tokens')
export class VerifyController {
  constructor(private readonly verify: VerifyService) {}

  /**
   * Public to the guard: the token in the body is the credential, checked by the service.
   * The hot path: Fastify validates the body and serialises the answer with the compiled schemas
   * of VERIFY_ROUTE_SCHEMA (400 VALIDATION_FAILED naming each field, as elsewhere), so no pipe or
   * class-validator runs here (`@Req()` takes no pipe); VerifyTokenDto documents the same body.
   */
  @Post('verify')
  @Public()
  @HttpCode(200)
  @RouteSchema(VERIFY_ROUTE_SCHEMA)
  @ApiOperation({
    operationId: 'verifyToken',
    summary: 'Check a token for another service and charge `cost` when it is valid',
    description:
      'Authenticated by the token in the body. 200 with `valid` and `code` for every answer about the token ' +
      '(VALID or the code the API itself would give); 400 for a malformed body; 503 LIMITER_UNAVAILABLE when a ' +
      'limited token cannot be checked. An invalid call charges nothing.',
  })
  @ApiBody({ type: VerifyTokenDto })
  @ApiOkResponse({ type: VerifyResultView })
  @ApiErrorResponses('SERVICE_KEY_REQUIRED', 'SERVICE_KEY_INVALID')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or MALFORMED_JSON' })
  @ApiServiceUnavailableResponse({ description: 'LIMITER_UNAVAILABLE (Redis down, token has limits)' })
  check(@Req() request: FastifyRequest<{ Body: VerifyTokenDto }>, @Res({ passthrough: true }) reply: FastifyReply): VerifyResultView | Promise<VerifyResultView> {
    const answered = this.verify.verify(request.body, request.ip ?? null, request.headers.authorization);
    return answered instanceof Promise ? answered.then((known) => withHeaders(known, reply)) : withHeaders(answered, reply);
  }
}

function withHeaders({ result, headers }: VerifyAnswer, reply: FastifyReply): VerifyResultView {
  if (headers !== NO_HEADERS) reply.headers(headers);
  return result;
}
