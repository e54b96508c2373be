import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ScopeGroup, SessionOnly } from '../common/decorators/auth.decorators';
import type { Principal } from '../common/principal';
import { SaveExpiryWebhookDto } from './dto/save-expiry-webhook.dto';
import { ExpiryWebhookView, WebhookTestResultView } from './expiry-webhook.view';
import { ExpiryWebhookService } from './expiry-webhook.service';
import { ReturnsSecret } from '../common/decorators/returns-secret.decorator';

/** Session only: the answer holds the signing secret, which no token should be able to read. */
@ApiTags('expiry-webhook')
@ScopeGroup('account')
@SessionOnly()
@ApiNotFoundResponse({ description: 'No webhook is set (NOT_FOUND)' })
@Controller('users/me/expiry-webhook')
export class ExpiryWebhookController {
  constructor(private readonly webhooks: ExpiryWebhookService) {}

  @Get()
  @ApiOperation({ operationId: 'getExpiryWebhook', summary: 'Your expiry webhook, its signing secret and its 10 most recent notices (session only)' })
  @ApiOkResponse({ type: ExpiryWebhookView })
  @ReturnsSecret()
  get(@CurrentPrincipal() principal: Principal): Promise<ExpiryWebhookView> {
    return this.webhooks.get(principal.userId);
  }

  @Put()
  @ApiOperation({ operationId: 'saveExpiryWebhook', summary: 'Set the URL that gets a signed POST when a token enters the expiry window; a new webhook gets a new secret (session only)' })
  @ApiOkResponse({ type: ExpiryWebhookView })
  @ReturnsSecret()
  save(@CurrentPrincipal() principal: Principal, @Body() body: SaveExpiryWebhookDto): Promise<ExpiryWebhookView> {
    return this.webhooks.save(principal.userId, body.url);
  }

  @Post('secret')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rotateExpiryWebhookSecret', summary: 'Replace the signing secret (session only)' })
  @ApiOkResponse({ type: ExpiryWebhookView })
  @ReturnsSecret()
  rotateSecret(@CurrentPrincipal() principal: Principal): Promise<ExpiryWebhookView> {
    return this.webhooks.rotateSecret(principal.userId);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ operationId: 'testExpiryWebhook', summary: 'Send a signed `ping` event now and report the answer (session only)' })
  @ApiOkResponse({ type: WebhookTestResultView })
  test(@CurrentPrincipal() principal: Principal): Promise<WebhookTestResultView> {
    return this.webhooks.test(principal.userId);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteExpiryWebhook', summary: 'Stop sending expiry notices (session only)' })
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.webhooks.remove(principal.userId);
  }
}
