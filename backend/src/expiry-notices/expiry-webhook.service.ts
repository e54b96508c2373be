import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { notFound, validationFailed } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ExpiryNoticesRepository } from './expiry-notices.repository';
import { ExpiryWebhookView, WebhookTestResultView } from './expiry-webhook.view';
import { WebhookSender } from './webhook-sender';
import { webhookUrlProblem } from './webhook-target';

const RECENT_NOTICES = 10;

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** A user's expiry webhook: where notices go, the key they are signed with, how they fared. */
@Injectable()
export class ExpiryWebhookService {
  constructor(
    private readonly notices: ExpiryNoticesRepository,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(userId: string): Promise<ExpiryWebhookView> {
    const webhook = await this.notices.findWebhook(userId);
    if (!webhook) throw notFound('Expiry webhook');
    const [tokenNotices, serviceKeyNotices] = await Promise.all([
      this.notices.recentNotices(userId, RECENT_NOTICES),
      this.notices.recentServiceKeyNotices(userId, RECENT_NOTICES),
    ]);
    return ExpiryWebhookView.from(webhook, tokenNotices, serviceKeyNotices);
  }

  /** Creates the webhook with a new signing secret, or changes its URL and keeps the secret. */
  async save(userId: string, url: string): Promise<ExpiryWebhookView> {
    const problem = webhookUrlProblem(url, this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
    if (problem) throw validationFailed([{ field: 'url', ...problem }]);
    await this.notices.saveWebhook(userId, url, newSecret());
    return this.get(userId);
  }

  /** A new signing secret; the old one stops signing at once. */
  async rotateSecret(userId: string): Promise<ExpiryWebhookView> {
    if (!(await this.notices.replaceSecret(userId, newSecret()))) throw notFound('Expiry webhook');
    return this.get(userId);
  }

  async remove(userId: string): Promise<void> {
    if (!(await this.notices.deleteWebhook(userId))) throw notFound('Expiry webhook');
  }

  /** Sends a signed `ping` event now and says how the receiver answered. */
  async test(userId: string): Promise<WebhookTestResultView> {
    const webhook = await this.notices.findWebhook(userId);
    if (!webhook) throw notFound('Expiry webhook');
    const id = randomUUID();
    const outcome = await this.sender.send({
      url: webhook.url,
      secret: webhook.secret,
      event: 'ping',
      deliveryId: id,
      payload: { type: 'ping', id, createdAt: new Date().toISOString(), userId },
    });
    return { ok: outcome.ok, status: outcome.status, error: outcome.error };
  }
}
