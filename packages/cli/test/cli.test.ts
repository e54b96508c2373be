import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTesseraServer, type TesseraServer } from '../../sdk/test/tessera-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MAIN = path.resolve(here, '..', 'dist', 'main.js');
const ROOT = path.resolve(here, '..', '..', '..');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let server: TesseraServer;
let home: string;
let account: { email: string; password: string };

/** Runs the built CLI as a user would, with HOME (and so the config) in a temp dir. */
function tessera(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, HOME: home, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  server = await startTesseraServer();
  home = mkdtempSync(path.join(tmpdir(), 'tessera-cli-'));
  account = await signUp(server.url);
});
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('tessera CLI against a real server', () => {
  it('logs in from flags, keeps the session in a 0600 file under $HOME/.config, and says who you are', async () => {
    const login = await tessera(['login', '--url', server.url, '--email', account.email, '--password', account.password]);
    expect(login).toMatchObject({ code: 0, stdout: '' });
    const file = path.join(home, '.config', 'tessera', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ url: server.url, email: account.email });
    const who = await tessera(['whoami']);
    expect(who.code).toBe(0);
    expect(who.stdout).toContain(account.email);
    const json = JSON.parse((await tessera(['whoami', '--json'])).stdout);
    expect(json).toMatchObject({ kind: 'session', email: account.email });
  });

  it('honours XDG_CONFIG_HOME and reads credentials from the environment', async () => {
    const xdg = mkdtempSync(path.join(tmpdir(), 'tessera-xdg-'));
    const login = await tessera(['login'], { XDG_CONFIG_HOME: xdg, TESSERA_URL: server.url, TESSERA_EMAIL: account.email, TESSERA_PASSWORD: account.password });
    expect(login.code).toBe(0);
    expect(statSync(path.join(xdg, 'tessera', 'config.json')).mode & 0o777).toBe(0o600);
    rmSync(xdg, { recursive: true, force: true });
  });

  it('creates a token printing only its secret, then lists, shows, edits, rotates, revokes, deletes and restores it', async () => {
    const created = await tessera(['tokens', 'create', '--name', 'cli token', '--scope', 'account:read', '--expires', '30d', '--request-limit', '100', '--quota', '500', '--rate-limit', '60', '--allow-ip', '10.0.0.0/8', '--description', 'made by the test']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^tsr_[A-Za-z0-9]{38}\n$/);

    const list = JSON.parse((await tessera(['tokens', 'list', '--json'])).stdout);
    const token = list.data.find((entry: { name: string }) => entry.name === 'cli token');
    expect(token).toMatchObject({ requestLimit: 100, quotaLimit: 500, rateLimit: 60, allowedIps: ['10.0.0.0/8'], description: 'made by the test' });
    expect(new Date(token.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const table = await tessera(['tokens', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+STATE\s+SCOPES/);
    expect(table.stdout).toContain('cli token');

    const shown = await tessera(['tokens', 'show', token.id]);
    expect(shown.stdout).toMatch(/rate limit\s+60\/min/);
    const edited = JSON.parse((await tessera(['tokens', 'edit', token.id, '--rate-limit', 'none', '--expires', 'never', '--json'])).stdout);
    expect(edited).toMatchObject({ rateLimit: null, expiresAt: null, requestLimit: 100 });

    const rotated = await tessera(['tokens', 'rotate', token.id, '--grace', '1h']);
    expect(rotated.stdout).toMatch(/^tsr_\w{38}\n$/);
    expect(rotated.stdout).not.toBe(created.stdout);
    const regenerated = await tessera(['tokens', 'regenerate', token.id]);
    expect(regenerated.stdout).toMatch(/^tsr_\w{38}\n$/);

    expect((await tessera(['tokens', 'revoke', token.id])).code).toBe(0);
    expect((await tessera(['tokens', 'delete', token.id])).code).toBe(0);
    const restored = JSON.parse((await tessera(['tokens', 'restore', token.id, '--json'])).stdout);
    expect(restored.state).toBe('revoked');
  });

  it('exits 1 with the server\'s code on stderr when the server refuses', async () => {
    const missing = await tessera(['tokens', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^NOT_FOUND: /);
    // --application: an unknown slug is a usage error; a known one (or its id) is sent as applicationId.
    const unknownApplication = await tessera(['tokens', 'create', '--name', 'app', '--scope', 'account:read', '--application', 'billing']);
    expect(unknownApplication.code).toBe(2);
    expect(unknownApplication.stderr).toMatch(/No application with the slug billing/);
    const bySlug = JSON.parse((await tessera(['tokens', 'create', '--name', 'app', '--scope', 'account:read', '--application', 'tessera', '--json'])).stdout);
    expect(bySlug.application).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', slug: 'tessera' });
    const outsideCatalogue = await tessera(['tokens', 'create', '--name', 'app', '--scope', 'deploy:write', '--application', '00000000-0000-4000-8000-000000000001']);
    expect(outsideCatalogue.code).toBe(1);
    expect(outsideCatalogue.stderr).toMatch(/^VALIDATION_FAILED: .*deploy:write/);
    const moved = await tessera(['tokens', 'edit', bySlug.id, '--application', 'tessera']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/^VALIDATION_FAILED: .*applicationId/);
    // A PAT may not mint tokens.
    const pat = (await tessera(['tokens', 'create', '--name', 'pat', '--scope', 'tokens:write'])).stdout.trim();
    const logout = await tessera(['logout']);
    expect(logout.code).toBe(0);
    const refused = await tessera(['tokens', 'create', '--name', 'x', '--scope', 'account:read', '--url', server.url], { TESSERA_TOKEN: pat });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^SESSION_REQUIRED: /);
    const listed = await tessera(['tokens', 'list', '--json', '--url', server.url], { TESSERA_TOKEN: pat });
    expect(listed.code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [[], ['frobnicate'], ['tokens', 'show'], ['tokens', 'list', '--bogus'], ['tokens', 'create', '--name', 'x'], ['tokens', 'create', '--name', 'x', '--scope', 'account:read', '--expires', 'soonish'], ['tokens', 'rotate-self']]) {
      const result = await tessera(args, { TESSERA_URL: server.url, TESSERA_TOKEN: args[1] === 'rotate-self' ? '' : 'tsr_x' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: tessera');
    }
    expect((await tessera(['--help'])).code).toBe(0);
  });

  it('rotate-self replaces the secret of TESSERA_TOKEN and prints the new one', async () => {
    await tessera(['login', '--url', server.url, '--email', account.email, '--password', account.password]);
    const own = (await tessera(['tokens', 'create', '--name', 'ci self', '--scope', 'tokens:rotate-self'])).stdout.trim();
    const rotated = await tessera(['tokens', 'rotate-self', '--url', server.url], { TESSERA_TOKEN: own, HOME: mkdtempSync(path.join(tmpdir(), 'tessera-ci-')) });
    expect(rotated.code).toBe(0);
    const fresh = rotated.stdout.trim();
    expect(fresh).toMatch(/^tsr_\w{38}$/);
    const again = await tessera(['tokens', 'rotate-self', '--url', server.url], { TESSERA_TOKEN: own });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^TOKEN_ROTATED: /);
  });

  it('runs the examples of docs/cli.md', async () => {
    const text = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const blocks = [...text.matchAll(/<!-- cli-test -->\n```bash\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks.length).toBe(text.split('<!-- cli-test -->').length - 1);
    expect(blocks.length).toBeGreaterThan(2);
    const bin = mkdtempSync(path.join(tmpdir(), 'tessera-bin-'));
    writeFileSync(path.join(bin, 'tessera'), `#!/bin/sh\nexec "${process.execPath}" "${MAIN}" "$@"\n`);
    chmodSync(path.join(bin, 'tessera'), 0o755);
    const docHome = mkdtempSync(path.join(tmpdir(), 'tessera-doc-'));
    // The account the examples sign in with.
    await fetch(`${server.url}/api/auth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: 'correct horse battery' }) });
    const output = await new Promise<Result>((resolve) => {
      execFile('bash', ['-e', '-o', 'pipefail', '-c', blocks.join('\n')], { env: { PATH: `${bin}:${process.env.PATH}`, HOME: docHome, TESSERA_URL: server.url }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(output.stderr).not.toMatch(/^tessera: /m);
    expect(output.code).toBe(0);
    expect(output.stdout).toContain('deploy script');
    expect(output.stdout).toContain('revoked');
    expect(output.stdout.trim().split('\n').at(-1)).toBe('tsr_');
  });
});
