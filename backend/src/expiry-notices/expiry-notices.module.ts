import { Module } from '@nestjs/common';
import { ExpiryNoticeDispatcher } from './expiry-notice-dispatcher';
import { ExpiryNoticesRepository } from './expiry-notices.repository';
import { ExpiryWebhookController } from './expiry-webhook.controller';
import { ExpiryWebhookService } from './expiry-webhook.service';
import { OwnerNotifier } from './owner-notifier';
import { WebhookSender } from './webhook-sender';

@Module({
  controllers: [ExpiryWebhookController],
  providers: [ExpiryNoticesRepository, ExpiryWebhookService, ExpiryNoticeDispatcher, WebhookSender, OwnerNotifier],
  // The leak response and the idle-revocation job tell owners through the same queue, signed the same way.
  exports: [OwnerNotifier],
})
export class ExpiryNoticesModule {}
