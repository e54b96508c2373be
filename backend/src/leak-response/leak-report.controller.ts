import type { IncomingHttpHeaders } from 'node:http';
import { Body, Controller, HttpCode, HttpStatus, Ip, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppException } from '../common/app-exception';
import { Public } from '../common/decorators/auth.decorators';
import { ReportLeakDto } from './dto/report-leak.dto';
import { GithubAlertService } from './github-alert.service';
import { LeakReportReceivedView, SecretScanningFeedbackView } from './leak-report.view';
import { LeakRevoker } from './leak-revoker';
import { TrufflehogVerify } from './trufflehog-verify';

@ApiTags('leak-response')
@Controller('v1')
export class LeakReportController {
  constructor(
    private readonly revoker: LeakRevoker,
    private readonly github: GithubAlertService,
    private readonly trufflehog: TrufflehogVerify,
  ) {}

  /** Public: whoever holds a token or a service key may kill it. */
  @Post('tokens/revoke-leaked')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    operationId: 'reportLeakedTokens',
    summary: 'Report tokens or service keys found in public; each live one is revoked within seconds and its owner (for a service key, the admins) told',
    description:
      'No authentication. Always 202 `{received}` for a well-formed body, whatever the tokens are: the answer never says which ' +
      'existed, and the lookups run after it. Entries failing the checksum are dropped without a lookup. Rate-limited per client IP.',
  })
  @ApiAcceptedResponse({ type: LeakReportReceivedView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED or MALFORMED_JSON' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: LEAK_REPORTS_PER_IP_PER_MINUTE reached; see Retry-After' })
  async report(@Body() body: ReportLeakDto, @Ip() ip: string | undefined): Promise<LeakReportReceivedView> {
    await this.revoker.assertReportAllowed(ip ?? 'unknown');
    const leak = { source: body.source ?? null, url: body.url ?? null };
    return { received: this.revoker.acceptReport(body.tokens.map((token) => ({ token, ...leak })), ip ?? null) };
  }

  /** Public to the guard: the ECDSA signature is the credential, checked by the service. */
  @Post('secret-scanning/github')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'reportGithubSecretScanningAlert',
    summary: "GitHub secret scanning partner endpoint: revokes live tokens and service keys in a signed alert and answers GitHub's feedback",
    description: 'The body is a JSON array of `{token, type, url, source}`, signed by GitHub (see docs/secret-scanning.md).',
  })
  @ApiHeader({ name: 'Github-Public-Key-Identifier', required: true })
  @ApiHeader({ name: 'Github-Public-Key-Signature', required: true, description: 'base64 DER ECDSA P-256 / SHA-256 signature of the raw body' })
  @ApiOkResponse({ type: SecretScanningFeedbackView, isArray: true })
  @ApiUnauthorizedResponse({ description: 'SIGNATURE_INVALID: missing, unknown key or wrong signature' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (a signed body that is not an alert)' })
  githubAlert(@Req() request: RawBodyRequest<{ headers: IncomingHttpHeaders }>, @Ip() ip: string | undefined): Promise<SecretScanningFeedbackView[]> {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (!request.rawBody) throw new AppException('SIGNATURE_INVALID', 'The alert has no body to check');
    return this.github.handle(request.rawBody, header('github-public-key-identifier'), header('github-public-key-signature'), ip ?? null);
  }

  /** Public: the matched token is its own credential, as for the verify API. */
  @Post('secret-scanning/trufflehog')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'verifyTrufflehogMatches',
    summary: 'TruffleHog custom detector verification: 200 when one of the matched values is a token or service key that works now',
    description:
      'TruffleHog POSTs `{"<detector>": {"<regex name>": ["tsr_…"]}}` and reads 200 as verified. Charges nothing, records no use, revokes ' +
      'nothing (see docs/secret-scanning.md). 401 TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_DELETED, TOKEN_ROTATED, USER_DISABLED or SERVICE_KEY_INVALID otherwise.',
  })
  // Not `required` in the document: no named field is (the detector name is the caller's), the
  // house rule for request bodies (openapi.api.spec.ts); an empty or value-less body is a 400.
  @ApiBody({
    required: false,
    description: 'Detector name -> regex name -> matched values (the detector name is yours: `Tessera` in docs/secret-scanning.md); 1 to 100 values, else 400',
    schema: {
      type: 'object',
      properties: { Tessera: { type: 'object', properties: { token: { type: 'array', items: { type: 'string' }, example: ['tsr_…'] } } } },
      additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { verified: { type: 'boolean', enum: [true] } } } })
  @ApiUnauthorizedResponse({ description: 'None of the values is a working token or service key: TOKEN_INVALID, TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_DELETED, TOKEN_ROTATED, USER_DISABLED or SERVICE_KEY_INVALID' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (not the TruffleHog shape)' })
  trufflehogVerify(@Body() body: Record<string, unknown>): Promise<{ verified: true }> {
    return this.trufflehog.verify(body);
  }
}
