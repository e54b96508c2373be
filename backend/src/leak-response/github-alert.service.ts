import { Injectable } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { hashToken } from '../api-tokens/token-format';
import { parseGithubAlert } from './github-alert';
import { GithubKeyring } from './github-keyring';
import type { SecretScanningFeedbackView } from './leak-report.view';
import { LeakRevoker } from './leak-revoker';

const httpUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** A signed alert from GitHub: checked, then handled like a leak report, answered with GitHub's feedback array. */
@Injectable()
export class GithubAlertService {
  constructor(
    private readonly keyring: GithubKeyring,
    private readonly revoker: LeakRevoker,
  ) {}

  async handle(rawBody: Buffer, keyId: string | undefined, signature: string | undefined, ip: string | null): Promise<SecretScanningFeedbackView[]> {
    if (!(await this.keyring.verify(rawBody, keyId, signature))) {
      throw new AppException('SIGNATURE_INVALID', 'The alert is not signed by a configured GitHub secret scanning key');
    }
    const entries = parseGithubAlert(rawBody);
    // Signed by GitHub, so answering which values are ours is no oracle: revoke before answering.
    const labels = await this.revoker.revoke(
      entries.map((entry) => ({ token: entry.token, source: (entry.source ? `github (${entry.source})` : 'github').slice(0, 200), url: httpUrl(entry.url) })),
      ip,
    );
    return entries.map((entry) => {
      const token_hash = hashToken(entry.token);
      return { token_hash, token_type: entry.type, label: labels.get(token_hash) ?? 'false_positive' };
    });
  }
}
