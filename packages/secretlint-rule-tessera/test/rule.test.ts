import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's own generator: the rule must agree with the tokens it really mints.
import { generateToken } from '../../../backend/src/api-tokens/token-format.js';
import { findTesseraTokens, hasValidChecksum, TOKEN_PATTERN_SOURCE } from '../src/token.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const secretlintBin = path.join(packageDir, 'node_modules', 'secretlint', 'bin', 'secretlint.js');

/** Right shape, wrong CRC32: the last character changed. */
const wrongChecksum = (token: string) => token.slice(0, -1) + (token.at(-1) === 'a' ? 'b' : 'a');

/** The rules as docs/secret-scanning.md ships them (so the docs cannot drift from the tests). */
function documentedRules(): { gitleaks: RegExp; trufflehog: string } {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'secret-scanning.md'), 'utf8');
  const toml = doc.match(/```toml\n([\s\S]*?)```/)![1];
  const yaml = doc.match(/```yaml\n([\s\S]*?)```/)![1];
  return { gitleaks: new RegExp(toml.match(/regex = '''(.+)'''/)![1], 'g'), trufflehog: yaml.match(/token: '(.+)'/)![1] };
}

describe('the checksum', () => {
  it('accepts every token the server mints', () => {
    for (let i = 0; i < 500; i += 1) expect(hasValidChecksum(generateToken())).toBe(true);
  });

  it('refuses look-alikes: a changed checksum, a changed random part, other lengths and prefixes', () => {
    const token = generateToken();
    const body = token.slice(4);
    const changedRandom = `tsr_${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    for (const lookAlike of [wrongChecksum(token), changedRandom, token.slice(0, -1), `${token}A`, `tsx_${body}`, `TSR_${body}`, `tsr_${body.slice(0, -1)}-`]) {
      expect(hasValidChecksum(lookAlike), lookAlike).toBe(false);
    }
  });

  it('finds tokens inside text with their offsets, and not inside longer words', () => {
    const token = generateToken();
    const text = `export TESSERA_TOKEN=${token}\nurl="https://x/?t=${token}&a=1"\nnot: x${token} nor ${token}x\n${wrongChecksum(token)}`;
    const found = findTesseraTokens(text);
    expect(found.map((entry) => entry.token)).toEqual([token, token]);
    for (const entry of found) expect(text.slice(entry.index, entry.index + token.length)).toBe(token);
  });

  it('is the same expression the docs give gitleaks and TruffleHog', () => {
    const rules = documentedRules();
    expect(rules.gitleaks.source).toBe(TOKEN_PATTERN_SOURCE);
    expect(rules.trufflehog).toBe(TOKEN_PATTERN_SOURCE);
  });
});

describe('the real secretlint CLI with the rule', () => {
  let dir: string;
  const minted = generateToken();
  const lookAlikes = [wrongChecksum(minted), wrongChecksum(generateToken()), minted.slice(0, -1), `tsr_${'x'.repeat(37)}`];
  const files: Record<string, string> = {
    'leaked.env': `DATABASE_URL=postgres://localhost/app\nTESSERA_TOKEN=${minted}\n`,
    'config/settings.json': JSON.stringify({ api: { token: minted } }, null, 2),
    'lookalikes.txt': `These look like tokens but fail the checksum or the shape:\n${lookAlikes.join('\n')}\n`,
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
  }, 60_000);

  it('passes a file of look-alikes (exit code 0)', async () => {
    const { code, results } = await secretlint('lookalikes.txt');
    expect(code).toBe(0);
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  }, 60_000);

  it("and the documented gitleaks regex over the same files: finds the token, and shape-valid look-alikes too (it cannot check the CRC)", () => {
    const { gitleaks } = documentedRules();
    const matches = (file: string) => [...files[file].matchAll(gitleaks)].map((match) => match[0]);
    expect(matches('leaked.env')).toEqual([minted]);
    expect(matches('config/settings.json')).toEqual([minted]);
    // The two wrong-checksum tokens have the shape; the truncated one and the short one do not.
    expect(matches('lookalikes.txt')).toEqual(lookAlikes.slice(0, 2));
  });
});
