import { hash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The token format, in one place: `tsr_` + 32 random base62 characters (≈190 bits) + 6 base62
 * characters of the CRC32 of the random part. The prefix lets secret scanners spot leaks; the
 * checksum lets us reject typos and garbage without touching the database.
 */
export const TOKEN_PREFIX = 'tsr_';
export const RANDOM_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;

/** Service keys (the credential of an application for the verify API): same rules, own prefix. */
export const SERVICE_KEY_PREFIX = 'tsk_';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Character code -> base62 digit (the pattern has checked the alphabet before it is read). */
const BASE62_VALUE: number[] = (() => {
  const values = new Array<number>(128).fill(0);
  for (let digit = 0; digit < BASE62.length; digit += 1) values[BASE62.charCodeAt(digit)] = digit;
  return values;
})();
const patternFor = (prefix: string) => new RegExp(`^${prefix}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
const PATTERNS = new Map<string, RegExp>([[TOKEN_PREFIX, patternFor(TOKEN_PREFIX)], [SERVICE_KEY_PREFIX, patternFor(SERVICE_KEY_PREFIX)]]);
// 62 * 4 = 248: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 248;

export function generateToken(): string {
  return generateSecret(TOKEN_PREFIX);
}

/** A secret of this format with another prefix (`tsk_` for service keys). */
export function generateSecret(prefix: string): string {
  const random = randomBase62(RANDOM_LENGTH);
  return `${prefix}${random}${checksumOf(random)}`;
}

/** True when the value has the token shape (prefix, length, alphabet) — says nothing of the checksum. */
export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

/** True when the shape and the checksum are right. Pure: no I/O. */
export function hasValidChecksum(token: string, prefix = TOKEN_PREFIX): boolean {
  const pattern = PATTERNS.get(prefix) ?? patternFor(prefix);
  if (!pattern.test(token)) return false;
  // Compared as numbers: the hot path (every PAT call) builds no checksum string.
  const start = prefix.length + RANDOM_LENGTH;
  let written = 0;
  for (let index = start; index < start + CHECKSUM_LENGTH; index += 1) written = written * 62 + BASE62_VALUE[token.charCodeAt(index)];
  return written === crc32(token.slice(prefix.length, start));
}

/** SHA-256 hex of the whole token: the only form we store. One-shot, no Hash object per call. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** `tsr_` + first 4 + `…` + last 4: enough to recognise a token, useless to an attacker. */
export function previewToken(token: string, prefix = TOKEN_PREFIX): string {
  const body = token.slice(prefix.length);
  return `${prefix}${body.slice(0, 4)}…${body.slice(-4)}`;
}

export function checksumOf(random: string): string {
  return toBase62(crc32(random), CHECKSUM_LENGTH);
}

function toBase62(value: number, width: number): string {
  let rest = value;
  let out = '';
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
