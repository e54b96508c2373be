import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'ensure-chromium.sh');
const isRoot = process.getuid?.() === 0;

/**
 * scripts/ensure-chromium.sh, which the browser tests' global setup runs so the README's test
 * command works on a machine without Chromium. The system's own Chromium is never touched: the
 * "missing" browser is a CHROMIUM_PATH in a temporary directory, and apt-get is a fake first on
 * PATH that records its arguments (and, when told to, "installs" the browser there).
 */
describe('the test command provisions Chromium', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(options: { installs: boolean; asUser?: string }) {
    dir = mkdtempSync(path.join(tmpdir(), 'chromium-provisioning-'));
    const browser = path.join(dir, 'chromium');
    const log = path.join(dir, 'apt.log');
    const fakeApt = path.join(dir, 'apt-get');
    writeFileSync(
      fakeApt,
      `#!/usr/bin/env bash\necho "$@" >> ${log}\n${options.installs ? `case "$*" in *install*) printf '#!/bin/sh\\n' > ${browser}; chmod +x ${browser};; esac\n` : ''}exit 0\n`,
    );
    chmodSync(fakeApt, 0o755);
    chmodSync(dir, 0o777);
    const env = { PATH: `${dir}:/usr/bin:/bin`, CHROMIUM_PATH: browser };
    const result = options.asUser
      ? spawnSync('setpriv', ['--reuid', options.asUser, '--regid', options.asUser, '--clear-groups', 'bash', SCRIPT], { env, encoding: 'utf8' })
      : spawnSync('bash', [SCRIPT], { env, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr, apt: existsSync(log) ? readFileSync(log, 'utf8') : '', browser };
  }

  it('a Chromium that is there is used as it is: no apt-get', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chromium-provisioning-'));
    const result = spawnSync('bash', [SCRIPT], { env: { PATH: '/usr/bin:/bin', CHROMIUM_PATH: '/bin/sh' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.skipIf(!isRoot)('missing, as root: installs Debian\'s chromium and fonts-noto-cjk with apt-get, then goes on', () => {
    const result = run({ installs: true });
    expect(result.status, result.stderr).toBe(0);
    expect(result.apt).toMatch(/update/);
    expect(result.apt).toMatch(/install -y -qq chromium fonts-noto-cjk/);
    expect(existsSync(result.browser)).toBe(true);
    expect(result.stderr).toMatch(/Chromium installed at/);
  });

  it.skipIf(!isRoot)('missing, and apt-get does not bring it: fails and says what to do', () => {
    const result = run({ installs: false });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/still no Chromium/);
    expect(result.stderr).toMatch(/CHROMIUM_PATH/);
  });

  it('missing, for a user who may not install packages: fails at once with the one command to run, and runs no apt-get', () => {
    const result = isRoot ? run({ installs: true, asUser: '65534' }) : run({ installs: true });
    if (!isRoot && result.status === 0) return; // this user has passwordless sudo: installing is its right path
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk');
    expect(result.apt).toBe('');
  });
});
