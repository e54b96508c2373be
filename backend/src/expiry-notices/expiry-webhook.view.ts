import { ApiProperty } from '@nestjs/swagger';
import type { ExpiryNotice, ExpiryWebhook } from '@prisma/client';
import type { NoticeWithServiceKey, NoticeWithToken } from './expiry-notices.repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** How one delivery to the webhook fared, whatever it was about. */
abstract class NoticeDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Also the X-Tessera-Delivery header and the event id' }) id!: string;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last answer' }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When a PENDING notice is tried next' }) nextAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

function deliveryOf(notice: ExpiryNotice): NoticeDeliveryView {
  return {
    id: notice.id,
    status: notice.status,
    attempts: notice.attempts,
    lastStatus: notice.lastStatus,
    lastError: notice.lastError,
    nextAttemptAt: notice.nextAttemptAt.toISOString(),
    deliveredAt: iso(notice.deliveredAt),
    createdAt: notice.createdAt.toISOString(),
  };
}

export class ExpiryNoticeView extends NoticeDeliveryView {
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty() tokenName!: string;
  @ApiProperty({ example: 'tsr_Ab3d…9xYz' }) tokenPreview!: string;
  @ApiProperty({ example: 'token.expiring', description: 'The webhook event: token.expiring, or an owner event such as token.leaked' }) event!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'For token.expiring; null for other events' }) expiresAt!: string | null;

  static from(notice: NoticeWithToken): ExpiryNoticeView {
    return {
      ...deliveryOf(notice),
      tokenId: notice.tokenId,
      tokenName: notice.token.name,
      tokenPreview: notice.token.tokenPreview,
      event: notice.event,
      expiresAt: iso(notice.expiresAt),
    };
  }
}

/** A delivery about a service key (`service_key.leaked`, sent to every active admin). */
export class ServiceKeyNoticeView extends NoticeDeliveryView {
  @ApiProperty({ format: 'uuid' }) serviceKeyId!: string;
  @ApiProperty({ example: 'ci runner' }) serviceKeyName!: string;
  @ApiProperty({ example: 'tsk_Ab12…x9Yz' }) keyPreview!: string;
  @ApiProperty({ example: 'Deploy API' }) applicationName!: string;
  @ApiProperty({ example: 'service_key.leaked', description: 'The webhook event' }) event!: string;

  static from(notice: NoticeWithServiceKey): ServiceKeyNoticeView {
    return {
      ...deliveryOf(notice),
      serviceKeyId: notice.serviceKeyId,
      serviceKeyName: notice.serviceKey.name,
      keyPreview: notice.serviceKey.keyPreview,
      applicationName: notice.serviceKey.application.name,
      event: notice.event,
    };
  }
}

export class ExpiryWebhookView {
  @ApiProperty({ example: 'https://hooks.example.com/tessera' }) url!: string;
  @ApiProperty({ example: 'whsec_3q2x…', description: 'HMAC-SHA256 key of X-Tessera-Signature' }) secret!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: ExpiryNoticeView, isArray: true, description: 'The 10 most recent notices about the user\'s tokens, newest first' })
  recentNotices!: ExpiryNoticeView[];
  @ApiProperty({
    type: ServiceKeyNoticeView,
    isArray: true,
    description: 'The 10 most recent notices about service keys (service_key.leaked, sent to administrators), newest first; empty for most users',
  })
  recentServiceKeyNotices!: ServiceKeyNoticeView[];

  static from(webhook: ExpiryWebhook, notices: NoticeWithToken[], serviceKeyNotices: NoticeWithServiceKey[]): ExpiryWebhookView {
    return {
      url: webhook.url,
      secret: webhook.secret,
      createdAt: webhook.createdAt.toISOString(),
      updatedAt: webhook.updatedAt.toISOString(),
      recentNotices: notices.map(ExpiryNoticeView.from),
      recentServiceKeyNotices: serviceKeyNotices.map(ServiceKeyNoticeView.from),
    };
  }
}

export class WebhookTestResultView {
  @ApiProperty({ description: 'The receiver answered 2xx' }) ok!: boolean;
  @ApiProperty({ type: Number, nullable: true }) status!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}
