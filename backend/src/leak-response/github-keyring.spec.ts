import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/app-config';
import { parseGithubAlert } from './github-alert';
import { GithubKeyring } from './github-keyring';

const pair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

function keyringWith(keys: Array<{ key_identifier: string; key: string; is_current: boolean }> | string): GithubKeyring {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gh-keyring-')), 'keys.json');
  writeFileSync(file, typeof keys === 'string' ? keys : JSON.stringify({ public_keys: keys }));
  return new GithubKeyring({ SECRET_SCANNING_GITHUB_KEYS_FILE: file } as AppConfig);
}

describe('GithubKeyring', () => {
  const current = pair();
  const old = pair();
  const pem = (key: typeof current) => key.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const keyring = keyringWith([
    { key_identifier: 'current', key: pem(current), is_current: true },
    { key_identifier: 'old', key: pem(old), is_current: false },
  ]);
  const body = Buffer.from('[{"token":"tsr_x","type":"t","url":"https://x","source":"content"}]');
  const signature = (key = current.privateKey, data = body) => sign('sha256', data, key).toString('base64');

  it('accepts a signature by the named key, current or not', async () => {
    expect(await keyring.verify(body, 'current', signature())).toBe(true);
    expect(await keyring.verify(body, 'old', signature(old.privateKey))).toBe(true);
  });

  it('refuses another key, another key id, a changed body, garbage and missing parts', async () => {
    expect(await keyring.verify(body, 'current', signature(old.privateKey))).toBe(false);
    expect(await keyring.verify(body, 'old', signature())).toBe(false);
    expect(await keyring.verify(body, 'unknown', signature())).toBe(false);
    expect(await keyring.verify(Buffer.from(`${body} `), 'current', signature())).toBe(false);
    expect(await keyring.verify(body, 'current', 'bm90IGEgc2lnbmF0dXJl')).toBe(false);
    expect(await keyring.verify(body, 'current', undefined)).toBe(false);
    expect(await keyring.verify(body, undefined, signature())).toBe(false);
  });

  it('refuses everything when the file is unset, unreadable or not the published shape', async () => {
    expect(await new GithubKeyring({} as AppConfig).verify(body, 'current', signature())).toBe(false);
    expect(await new GithubKeyring({ SECRET_SCANNING_GITHUB_KEYS_FILE: '/nonexistent/keys.json' } as AppConfig).verify(body, 'current', signature())).toBe(false);
    expect(await keyringWith('{"keys": []}').verify(body, 'current', signature())).toBe(false);
    expect(await keyringWith([{ key_identifier: 'current', key: 'not a pem', is_current: true }]).verify(body, 'current', signature())).toBe(false);
  });
});

describe('parseGithubAlert', () => {
  it('reads the partner format', () => {
    expect(parseGithubAlert(Buffer.from('[{"token":"tsr_a","type":"t","url":"https://x","source":"commit"},{"token":"tsr_b","type":"t"}]'))).toEqual([
      { token: 'tsr_a', type: 't', url: 'https://x', source: 'commit' },
      { token: 'tsr_b', type: 't', url: null, source: null },
    ]);
  });

  it('names the offending entry field', () => {
    const fields = (raw: string) => {
      try {
        parseGithubAlert(Buffer.from(raw));
      } catch (error) {
        return (error as { details: Array<{ field: string }> }).details.map((detail) => detail.field);
      }
      return [];
    };
    expect(fields('{}')).toEqual(['body']);
    expect(fields('[]')).toEqual(['body']);
    expect(fields('nope')).toEqual(['body']);
    expect(fields('[{"token":"a","type":"t"},{"type":5}]')).toEqual(['1.token', '1.type']);
    expect(fields('[{"token":"a","type":"t","url":7}]')).toEqual(['0.url']);
  });
});
