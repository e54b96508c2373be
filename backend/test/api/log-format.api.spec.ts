import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ensureBuilt, freePort } from '../support/server-process';
import { TEST_JWT_SECRET } from '../support/test-app';

const BACKEND = path.resolve(__dirname, '..', '..');

/** Runs `node dist/main.js` (as `pnpm start` does), on a terminal or on a pipe, until it has logged a request. */
async function logsOf(onTerminal: boolean): Promise<string> {
  await ensureBuilt();
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVE_PANEL: 'false',
    LOG_LEVEL: 'info',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: inject('databaseUrl'),
    EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
    TERM: 'dumb',
  };
  // util-linux `script` gives the child a pseudo-terminal as its stdout, like a person's shell.
  const child = onTerminal
    ? spawn('script', ['-qfec', `${process.execPath} dist/main.js`, '/dev/null'], { cwd: BACKEND, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['dist/main.js'], { cwd: BACKEND, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no request logged:\n${output}`);
      try {
        await fetch(`http://127.0.0.1:${port}/api/users/me`);
        if (output.includes('/api/users/me')) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    return output;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

describe('`pnpm start` logs for people on a terminal, JSON otherwise', () => {
  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal: one readable line per event, no JSON', async () => {
    const lines = (await logsOf(true)).split(/\r?\n/).filter((line) => line.trim());
    expect(lines.some((line) => line.trim().startsWith('{'))).toBe(false);
    expect(lines.some((line) => /^\d\d:\d\d:\d\d\.\d{3} .*INFO.* GET \/api\/users\/me 401/.test(line.replace(/\u001b\[\d+m/g, '')))).toBe(true);
  });

  it('on a pipe (a service manager, a log shipper): every line is JSON, as before', async () => {
    // Only pino's lines: Nest prints one start-up line of its own before the logger is set up.
    const lines = (await logsOf(false)).split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.some((line) => JSON.parse(line).msg === 'GET /api/users/me 401')).toBe(true);
  });
});
