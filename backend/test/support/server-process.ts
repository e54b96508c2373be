import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_JWT_SECRET } from './test-app';

const BACKEND = path.resolve(__dirname, '..', '..');
const MAIN = path.join(BACKEND, 'dist', 'main.js');
const run = promisify(execFile);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than src/, so `vitest run` alone works. A lock
 * directory keeps two test files (two workers) from compiling at the same time.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(BACKEND, 'dist.build-lock');
  const fresh = () => existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(path.join(BACKEND, 'src'));
  for (let waited = 0; !fresh(); waited += 500) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 180_000) throw new Error('Timed out waiting for another build of dist/');
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!fresh()) await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [BACKEND] }), '-p', 'tsconfig.build.json'], { cwd: BACKEND, timeout: 180_000 });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `node dist/main.js` on a free loopback port, resolved once /api/health answers 200. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: BACKEND,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVE_PANEL: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: TEST_JWT_SECRET,
      LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
      REGISTRATIONS_PER_IP_PER_HOUR: '100000',
      DATA_DIR: '/tmp/tessera-test-unused',
      // The database is shared with the other test files: see test-app.ts.
      EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
      IDLE_REVOKE_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited during start-up:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
