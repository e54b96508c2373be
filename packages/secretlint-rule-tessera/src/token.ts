import { crc32 } from 'node:zlib';

/**
 * Tessera's secret formats, as backend/src/api-tokens/token-format.ts defines them: a prefix
 * (`tsr_` for personal access tokens, `tsk_` for the service keys of applications) + 32 random
 * base62 characters + 6 base62 characters of the CRC32 of the random part. Only the checksum is
 * re-implemented here (the rule must run without the server's code); the package's tests check it
 * against secrets the server's own generator mints.
 */
export const TOKEN_PREFIX = 'tsr_';
export const SERVICE_KEY_PREFIX = 'tsk_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** What scanners match (the same expressions as the gitleaks rules in docs/secret-scanning.md). */
export const TOKEN_PATTERN_SOURCE = String.raw`\btsr_[0-9A-Za-z]{38}\b`;
export const SERVICE_KEY_PATTERN_SOURCE = String.raw`\btsk_[0-9A-Za-z]{38}\b`;

/** A personal access token (`tsr_`) or a service key (`tsk_`). */
export type SecretKind = 'token' | 'service-key';
const KINDS: ReadonlyArray<{ kind: SecretKind; prefix: string; pattern: string }> = [
  { kind: 'token', prefix: TOKEN_PREFIX, pattern: TOKEN_PATTERN_SOURCE },
  { kind: 'service-key', prefix: SERVICE_KEY_PREFIX, pattern: SERVICE_KEY_PATTERN_SOURCE },
];
/** Either shape, for one pass over a text. */
const ANY_PATTERN_SOURCE = String.raw`\bts[rk]_[0-9A-Za-z]{38}\b`;

export function checksumOf(random: string): string {
  let rest = crc32(Buffer.from(random, 'utf8'));
  let out = '';
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(CHECKSUM_LENGTH, '0');
}

/** The kind of a value of the right shape whose last 6 characters are the CRC32 of the random part; null for anything else. */
export function kindOf(value: string): SecretKind | null {
  const entry = KINDS.find(({ pattern }) => new RegExp(`^${pattern}$`).test(value));
  if (!entry) return null;
  const random = value.slice(entry.prefix.length, entry.prefix.length + RANDOM_LENGTH);
  return value.slice(entry.prefix.length + RANDOM_LENGTH) === checksumOf(random) ? entry.kind : null;
}

/** True for a `tsr_` token or a `tsk_` service key of the right shape and checksum. */
export function hasValidChecksum(value: string): boolean {
  return kindOf(value) !== null;
}

export interface FoundToken {
  token: string;
  kind: SecretKind;
  /** Offset of the secret's first character in the text. */
  index: number;
}

/** Every checksum-valid Tessera token and service key in `text`; look-alikes with a wrong checksum are left out. */
export function findTesseraTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  for (const match of text.matchAll(new RegExp(ANY_PATTERN_SOURCE, 'g'))) {
    const kind = kindOf(match[0]);
    if (kind) found.push({ token: match[0], kind, index: match.index });
  }
  return found;
}
