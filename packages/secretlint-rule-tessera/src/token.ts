import { crc32 } from 'node:zlib';

/**
 * Tessera's token format, as backend/src/api-tokens/token-format.ts defines it: `tsr_` + 32
 * random base62 characters + 6 base62 characters of the CRC32 of the random part. Only the
 * checksum is re-implemented here (the rule must run without the server's code); the package's
 * tests check it against tokens the server's own generator mints.
 */
export const TOKEN_PREFIX = 'tsr_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** What scanners match (the same expression as the gitleaks rule in docs/secret-scanning.md). */
export const TOKEN_PATTERN_SOURCE = String.raw`\btsr_[0-9A-Za-z]{38}\b`;

export function checksumOf(random: string): string {
  let rest = crc32(Buffer.from(random, 'utf8'));
  let out = '';
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(CHECKSUM_LENGTH, '0');
}

/** True for a `tsr_` token of the right shape whose last 6 characters are the CRC32 of the random part. */
export function hasValidChecksum(token: string): boolean {
  if (!new RegExp(`^${TOKEN_PATTERN_SOURCE}$`).test(token)) return false;
  const random = token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_LENGTH);
  return token.slice(TOKEN_PREFIX.length + RANDOM_LENGTH) === checksumOf(random);
}

export interface FoundToken {
  token: string;
  /** Offset of the token's first character in the text. */
  index: number;
}

/** Every checksum-valid Tessera token in `text`; look-alikes with a wrong checksum are left out. */
export function findTesseraTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  for (const match of text.matchAll(new RegExp(TOKEN_PATTERN_SOURCE, 'g'))) {
    if (hasValidChecksum(match[0])) found.push({ token: match[0], index: match.index });
  }
  return found;
}
