import { Module } from '@nestjs/common';
import { ExpiryNoticeDispatcher } from './expiry-notice-dispatcher';
import { ExpiryNoticesRepository } from './expiry-notices.repository';
import { ExpiryWebhookController } from './expiry-webhook.controller';
import { ExpiryWebhookService } from './expiry-webhook.service';
import { WebhookSender } from './webhook-sender';

@Module({
  controllers: [ExpiryWebhookController],
  providers: [ExpiryNoticesRepository, ExpiryWebhookService, ExpiryNoticeDispatcher, WebhookSender],
  // The idle-revocation job notifies the same webhooks, signed the same way.
  exports: [ExpiryNoticesRepository, WebhookSender],
})
export class ExpiryNoticesModule {}
