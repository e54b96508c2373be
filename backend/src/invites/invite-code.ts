import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `inv_` + 24 base62 characters (about 143 bits), from crypto.randomBytes without modulo bias. */
export function generateInviteCode(): string {
  let out = '';
  while (out.length < 24) {
    for (const byte of randomBytes(32)) {
      if (byte < 248 && out.length < 24) out += ALPHABET[byte % 62];
    }
  }
  return `inv_${out}`;
}

/** Only the hash is stored, like a token's. */
export const hashInviteCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

export const previewInviteCode = (code: string) => `${code.slice(0, 8)}…${code.slice(-4)}`;
