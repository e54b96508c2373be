import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface PublishedKey {
  key_identifier: string;
  key: string;
  is_current?: boolean;
}

/**
 * Checks GitHub secret scanning alerts: an ECDSA P-256 / SHA-256 signature (base64 DER) over the
 * raw body, made with the key GitHub names in `Github-Public-Key-Identifier`. The keys come from
 * SECRET_SCANNING_GITHUB_KEYS_FILE, in the shape GitHub publishes them
 * (https://api.github.com/meta/public_keys/secret_scanning), read on every alert so an operator
 * can replace the file without a restart. Any key in the file is accepted, current or not:
 * GitHub may still sign with a key it is phasing out.
 */
@Injectable()
export class GithubKeyring {
  private readonly logger = new Logger(GithubKeyring.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async verify(rawBody: Buffer, keyId: string | undefined, signature: string | undefined): Promise<boolean> {
    if (!keyId || !signature) return false;
    const key = (await this.keys()).find((candidate) => candidate.key_identifier === keyId);
    if (!key) return false;
    try {
      return verify('sha256', rawBody, createPublicKey(key.key), Buffer.from(signature, 'base64'));
    } catch {
      // A key that is not PEM, or a signature that is not DER: not a valid alert.
      return false;
    }
  }

  private async keys(): Promise<PublishedKey[]> {
    const file = this.config.SECRET_SCANNING_GITHUB_KEYS_FILE;
    if (!file) return [];
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { public_keys?: unknown };
      if (!Array.isArray(parsed.public_keys)) throw new Error('no public_keys array');
      return parsed.public_keys.filter(
        (key): key is PublishedKey => typeof key?.key_identifier === 'string' && typeof key?.key === 'string',
      );
    } catch (error) {
      this.logger.error(`SECRET_SCANNING_GITHUB_KEYS_FILE cannot be used: ${(error as Error).message}`);
      return [];
    }
  }
}
