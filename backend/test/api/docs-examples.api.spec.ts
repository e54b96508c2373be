import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../support/http-burst';
import { startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const MARKER = '<!-- doc-test -->';

/** The bash blocks that follow a `<!-- doc-test -->` line, in order, as one script. */
async function docScript(file: string): Promise<string> {
  const text = await readFile(path.join(repoRoot, file), 'utf8');
  const blocks = [...text.matchAll(/<!-- doc-test -->\n```bash\n([\s\S]*?)```/g)].map((match) => match[1]);
  expect(blocks.length, `${file} has doc-test blocks`).toBeGreaterThan(0);
  expect(text.split(MARKER).length - 1).toBe(blocks.length);
  return blocks.join('\n');
}

describe('the curl examples in the docs', () => {
  let t: TestApp;
  let base: string;
  let workDir: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    workDir = await mkdtemp(path.join(tmpdir(), 'tessera-docs-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(workDir, { recursive: true, force: true });
  });

  /** `prelude` stands in for tools a reader has and this machine need not (e.g. the GitHub CLI). */
  async function runDoc(file: string, prelude = ''): Promise<string> {
    const script = prelude + (await docScript(file)).replaceAll('http://localhost:3000', base);
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: workDir, timeout: 60_000 });
    return stdout;
  }

  it('README walkthrough: register, sign in, mint, call, revoke', async () => {
    const output = await runDoc('README.md');
    expect(output).toContain('"username":"ada"');
    expect(output).toContain('"state":"revoked"');
    expect(output.trim().split('\n').at(-1)).toContain('"code":"TOKEN_REVOKED"');
  });

  it('user guide: limits headers, scopes, verify, regenerate, statistics, revoke', async () => {
    const output = await runDoc('docs/user-guide.md');
    expect(output).toMatch(/X-RateLimit-Limit: 60/i);
    expect(output).toMatch(/X-RequestLimit-Remaining: 999/i);
    expect(output).toContain('"code":"INSUFFICIENT_SCOPE"');
    expect(output).toContain('"valid":true');
    expect(output).toMatch(/^401\n200$/m);
    expect(output).toContain('"totalTokens":1');
    expect(output).toContain('"points":[');
    expect(output).toContain('https://hooks.example.com/tessera whsec_');
    expect(output.trim().split('\n').at(-1)).toContain('"code":"TOKEN_REVOKED"');
  });

  it('rotation and policies: rotate with grace, self-rotation from CI, IP allowlist', async () => {
    // `gh secret set NAME --body VALUE` prints what it was given: the new secret was handed on.
    const output = await runDoc('docs/rotation-and-policies.md', 'gh() { echo "gh $1 $2 $3 ${5:0:4}"; }\n');
    expect(output).toContain('gh secret set TESSERA_TOKEN tsr_');
    expect(output).toMatch(/"token":"tsr_[A-Za-z0-9]{38}"/);
    expect(output).toMatch(/"graceUntil":"\d{4}-/);
    expect(output).toContain('"usingRetiredSecret":false');
    expect(output).toContain('"allowedIps":["203.0.113.7","10.0.0.0/8","2001:db8::/32"]');
  });
});
