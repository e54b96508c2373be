import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's own generator: the rule must agree with the tokens it really mints.
import { generateSecret, generateToken, SERVICE_KEY_PREFIX } from '../../../backend/src/api-tokens/token-format.js';
import { findTesseraTokens, hasValidChecksum, kindOf, SERVICE_KEY_PATTERN_SOURCE, TOKEN_PATTERN_SOURCE } from '../src/token.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const secretlintBin = path.join(packageDir, 'node_modules', 'secretlint', 'bin', 'secretlint.js');

/** Right shape, wrong CRC32: the last character changed. */
const wrongChecksum = (token: string) => token.slice(0, -1) + (token.at(-1) === 'a' ? 'b' : 'a');

const generateServiceKey = () => generateSecret(SERVICE_KEY_PREFIX);

/** The rules as docs/secret-scanning.md ships them (so the docs cannot drift from the tests): by gitleaks rule id and TruffleHog regex name. */
function documentedRules(): { gitleaks: Record<string, RegExp>; trufflehog: Record<string, string> } {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'secret-scanning.md'), 'utf8');
  const toml = doc.match(/```toml\n([\s\S]*?)```/)![1];
  const yaml = doc.match(/```yaml\n([\s\S]*?)```/)![1];
  const gitleaks = Object.fromEntries([...toml.matchAll(/id = "([^"]+)"[\s\S]*?regex = '''(.+)'''/g)].map((match) => [match[1], new RegExp(match[2], 'g')]));
  const trufflehog = Object.fromEntries([...yaml.matchAll(/^\s+(token|service_key): '(.+)'$/gm)].map((match) => [match[1], match[2]]));
  return { gitleaks, trufflehog };
}

describe('the checksum', () => {
  it('accepts every token and service key the server mints, and tells them apart', () => {
    for (let i = 0; i < 500; i += 1) {
      expect(kindOf(generateToken())).toBe('token');
      expect(kindOf(generateServiceKey())).toBe('service-key');
    }
  });

  it('refuses look-alikes: a changed checksum, a changed random part, other lengths and prefixes', () => {
    const token = generateToken();
    const body = token.slice(4);
    const changedRandom = `tsr_${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    const key = generateServiceKey();
    for (const lookAlike of [wrongChecksum(token), changedRandom, token.slice(0, -1), `${token}A`, `tsx_${body}`, `TSR_${body}`, `tsr_${body.slice(0, -1)}-`, wrongChecksum(key), key.slice(0, -1), `TSK_${key.slice(4)}`]) {
      expect(hasValidChecksum(lookAlike), lookAlike).toBe(false);
    }
  });

  it('finds tokens and service keys inside text with their offsets, and not inside longer words', () => {
    const token = generateToken();
    const key = generateServiceKey();
    const text = `export TESSERA_TOKEN=${token}\nurl="https://x/?t=${token}&a=1"\nnot: x${token} nor ${token}x\n${wrongChecksum(token)}\nSERVICE_KEY=${key} ${wrongChecksum(key)}`;
    const found = findTesseraTokens(text);
    expect(found.map((entry) => [entry.token, entry.kind])).toEqual([[token, 'token'], [token, 'token'], [key, 'service-key']]);
    for (const entry of found) expect(text.slice(entry.index, entry.index + entry.token.length)).toBe(entry.token);
  });

  it('is the same expressions the docs give gitleaks and TruffleHog', () => {
    const rules = documentedRules();
    expect(Object.fromEntries(Object.entries(rules.gitleaks).map(([id, regex]) => [id, regex.source]))).toEqual({
      'tessera-personal-access-token': TOKEN_PATTERN_SOURCE,
      'tessera-service-key': SERVICE_KEY_PATTERN_SOURCE,
    });
    expect(rules.trufflehog).toEqual({ token: TOKEN_PATTERN_SOURCE, service_key: SERVICE_KEY_PATTERN_SOURCE });
  });
});

describe('the real secretlint CLI with the rule', () => {
  let dir: string;
  const minted = generateToken();
  const serviceKey = generateServiceKey();
  const lookAlikes = [wrongChecksum(minted), wrongChecksum(generateToken()), minted.slice(0, -1), `tsr_${'x'.repeat(37)}`];
  const keyLookAlikes = [wrongChecksum(serviceKey), wrongChecksum(generateServiceKey()), serviceKey.slice(0, -1)];
  const files: Record<string, string> = {
    'leaked.env': `DATABASE_URL=postgres://localhost/app\nTESSERA_TOKEN=${minted}\n`,
    'config/settings.json': JSON.stringify({ api: { token: minted } }, null, 2),
    'service.env': `PORT=8080\nTESSERA_SERVICE_KEY=${serviceKey}\n`,
    'lookalikes.txt': `These look like tokens but fail the checksum or the shape:\n${lookAlikes.join('\n')}\n`,
    'key-lookalikes.txt': `These look like service keys but fail the checksum or the shape:\n${keyLookAlikes.join('\n')}\n`,
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tessera-secretlint-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    writeFileSync(path.join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@tessera/secretlint-rule-tessera' }] }));
    // As a user would have it installed: the built package under node_modules.
    mkdirSync(path.join(dir, 'node_modules', '@tessera'), { recursive: true });
    symlinkSync(packageDir, path.join(dir, 'node_modules', '@tessera', 'secretlint-rule-tessera'), 'dir');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function secretlint(...patterns: string[]): Promise<{ code: number; results: Array<{ filePath: string; messages: Array<{ ruleId: string; range: [number, number]; message: string }> }> }> {
    try {
      const { stdout } = await run(process.execPath, [secretlintBin, ...patterns, '--format', 'json'], { cwd: dir });
      return { code: 0, results: JSON.parse(stdout || '[]') };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      if (typeof failed.code !== 'number' || !failed.stdout) throw new Error(`secretlint failed: ${failed.stderr}`);
      return { code: failed.code, results: JSON.parse(failed.stdout) };
    }
  }
  const messagesOf = (results: Awaited<ReturnType<typeof secretlint>>['results'], file: string) =>
    results.find((result) => result.filePath === path.join(dir, file))?.messages ?? [];

  it('reports the minted token in every file holding it, at its place, masked', async () => {
    const { code, results } = await secretlint('**/*');
    expect(code).toBe(1);
    for (const file of ['leaked.env', 'config/settings.json']) {
      const messages = messagesOf(results, file);
      expect(messages, file).toHaveLength(1);
      expect(messages[0].ruleId).toBe('@tessera/secretlint-rule-tessera');
      const [start, end] = messages[0].range;
      expect(files[file].slice(start, end)).toBe(minted);
      // secretlint masks the reported value on top of the rule's own masking.
      expect(messages[0].message).not.toContain(minted);
      expect(messages[0].message).toMatch(/^found a Tessera personal access token/);
    }
    expect(messagesOf(results, 'lookalikes.txt')).toEqual([]);
    const keyMessages = messagesOf(results, 'service.env');
    expect(keyMessages).toHaveLength(1);
    expect(files['service.env'].slice(...keyMessages[0].range)).toBe(serviceKey);
    expect(keyMessages[0].message).not.toContain(serviceKey);
    expect(keyMessages[0].message).toMatch(/^found a Tessera service key/);
    expect(messagesOf(results, 'key-lookalikes.txt')).toEqual([]);
  }, 60_000);

  it('passes files of look-alikes (exit code 0)', async () => {
    const { code, results } = await secretlint('lookalikes.txt', 'key-lookalikes.txt');
    expect(code).toBe(0);
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  }, 60_000);

  it("and the documented gitleaks regexes over the same files: find the token and the service key, and shape-valid look-alikes too (it cannot check the CRC)", () => {
    const { gitleaks } = documentedRules();
    const matches = (file: string) => Object.values(gitleaks).flatMap((regex) => [...files[file].matchAll(regex)].map((match) => match[0]));
    expect(matches('leaked.env')).toEqual([minted]);
    expect(matches('config/settings.json')).toEqual([minted]);
    expect(matches('service.env')).toEqual([serviceKey]);
    // The two wrong-checksum tokens have the shape; the truncated one and the short one do not.
    expect(matches('lookalikes.txt')).toEqual(lookAlikes.slice(0, 2));
    expect(matches('key-lookalikes.txt')).toEqual(keyLookAlikes.slice(0, 2));
  });
});
