import { describe, expect, it } from 'vitest';
import {
  CHECKSUM_LENGTH,
  RANDOM_LENGTH,
  TOKEN_LENGTH,
  TOKEN_PREFIX,
  checksumOf,
  generateToken,
  generateSecret,
  SERVICE_KEY_PREFIX,
  hasValidChecksum,
  hashToken,
  looksLikeToken,
  previewToken,
} from './token-format';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('token format', () => {
  it('generates tsr_ + 32 base62 random characters + 6 base62 checksum characters', () => {
    const token = generateToken();
    expect(token).toMatch(/^tsr_[0-9A-Za-z]{38}$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    const random = token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_LENGTH);
    expect(token.slice(-CHECKSUM_LENGTH)).toBe(checksumOf(random));
  });

  it('never repeats a token and uses the whole alphabet', () => {
    const tokens = Array.from({ length: 2000 }, generateToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const seen = new Set(tokens.flatMap((token) => [...token.slice(4, 4 + RANDOM_LENGTH)]));
    expect(seen.size).toBe(62);
  });

  it('accepts every token it generates', () => {
    for (let index = 0; index < 500; index += 1) expect(hasValidChecksum(generateToken())).toBe(true);
  });

  it('rejects every single-character change anywhere after the prefix', () => {
    const token = generateToken();
    for (let position = TOKEN_PREFIX.length; position < token.length; position += 1) {
      for (const replacement of ALPHABET) {
        if (replacement === token[position]) continue;
        const changed = token.slice(0, position) + replacement + token.slice(position + 1);
        expect(hasValidChecksum(changed), `change at ${position} to ${replacement}`).toBe(false);
      }
    }
  });

  it('rejects wrong prefixes, lengths and characters outside base62', () => {
    const token = generateToken();
    expect(hasValidChecksum(token.replace('tsr_', 'tsx_'))).toBe(false);
    expect(hasValidChecksum(token.slice(0, -1))).toBe(false);
    expect(hasValidChecksum(`${token}A`)).toBe(false);
    expect(hasValidChecksum(`${token.slice(0, 10)}-${token.slice(11)}`)).toBe(false);
    expect(hasValidChecksum('')).toBe(false);
  });

  it('recognises the tsr_ prefix as a token, anything else as not one', () => {
    expect(looksLikeToken(generateToken())).toBe(true);
    expect(looksLikeToken('tsr_broken')).toBe(true);
    expect(looksLikeToken('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
  });

  it('pads short checksums to six characters', () => {
    const short = Array.from({ length: 5000 }, () => checksumOf(generateToken().slice(4, 36)));
    expect(short.every((checksum) => checksum.length === CHECKSUM_LENGTH)).toBe(true);
  });

  it('previews as tsr_ + first 4 + … + last 4', () => {
    const token = 'tsr_Ab12cdefghijklmnopqrstuvwxyz012345x9Yz';
    expect(previewToken(token)).toBe('tsr_Ab12…x9Yz');
  });

  it('hashes with SHA-256 into 64 hex characters, deterministically', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(generateToken()));
  });
});

describe('service key format', () => {
  it('generates tsk_ + 32 base62 + 6 base62 checksum characters, valid only as a service key', () => {
    const key = generateSecret(SERVICE_KEY_PREFIX);
    expect(key).toMatch(/^tsk_[0-9A-Za-z]{38}$/);
    expect(hasValidChecksum(key, SERVICE_KEY_PREFIX)).toBe(true);
    expect(hasValidChecksum(key)).toBe(false);
    expect(hasValidChecksum(`tsr_${key.slice(4)}`, SERVICE_KEY_PREFIX)).toBe(false);
    expect(previewToken(key, SERVICE_KEY_PREFIX)).toBe(`tsk_${key.slice(4, 8)}…${key.slice(-4)}`);
  });

  it('rejects a service key with one character changed', () => {
    const key = generateSecret(SERVICE_KEY_PREFIX);
    const last = key.at(-1) === 'a' ? 'b' : 'a';
    expect(hasValidChecksum(key.slice(0, -1) + last, SERVICE_KEY_PREFIX)).toBe(false);
  });
});
