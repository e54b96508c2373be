import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BACKEND_DIR = path.join(REPO_ROOT, 'backend');
const BACKEND_MAIN = path.join(BACKEND_DIR, 'dist', 'main.js');
const FRONTEND_DIR = path.join(REPO_ROOT, 'frontend');
export const PANEL_DIR = path.join(FRONTEND_DIR, 'dist');

/** Only this test run knows it; it lets the suite mint an already-expired session JWT. */
export const E2E_JWT_SECRET = 'e2e-browser-tests-jwt-secret-0123456789-abcdefghij';

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/test';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** `pnpm` as whoever started us ran it (`npx pnpm@…` leaves its path in npm_execpath), else from PATH. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) return [process.execPath, [execPath]];
  return ['pnpm', []];
}

async function pnpmBuild(filter: string): Promise<void> {
  const [command, prefix] = pnpmCommand();
  // Not vitest's NODE_ENV=test: antd's components built in test mode give every element the same
  // id ("test-id"), which breaks aria-labelledby and with it every dialog's accessible name.
  const env = { ...process.env, NODE_ENV: 'production' };
  try {
    await run(command, [...prefix, '--filter', filter, 'build'], { cwd: REPO_ROOT, env, timeout: 300_000, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building ${filter} for the browser tests failed:\n${`${stdout}\n${stderr}`.trim().slice(-4_000)}`);
  }
}

/**
 * `pnpm test` builds both packages first (turbo), so this is usually a no-op. Run alone
 * (`pnpm --filter @tessera/frontend test:e2e`) it builds what is missing: the backend only when
 * `dist/main.js` does not exist (its sources are other people's work in progress and are built by
 * turbo), the panel also when `src/` or `index.html` is newer than `dist/`, since the panel is what
 * these tests are about and a stale build would test old code.
 */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(BACKEND_MAIN)) await pnpmBuild('@tessera/backend');
  const panelIndex = path.join(PANEL_DIR, 'index.html');
  const panelStale =
    !existsSync(panelIndex) ||
    statSync(panelIndex).mtimeMs < Math.max(newestMtime(path.join(FRONTEND_DIR, 'src')), statSync(path.join(FRONTEND_DIR, 'index.html')).mtimeMs);
  if (panelStale) await pnpmBuild('@tessera/frontend');
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A database of its own on the real PostgreSQL, dropped (even with open connections) afterwards. */
export interface TestDatabase {
  url: string;
  name: string;
  query: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
  const name = `tessera_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let client: pg.Client | undefined;

  return {
    url: url.toString(),
    name,
    async query(sql, params) {
      if (!client) {
        client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
      }
      return client.query(sql, params);
    },
    async drop() {
      await client?.end().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`: the panel at `/`, the API at `/api`. */
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `node backend/dist/main.js` serving the built panel, resolved once `GET /api/health` is 200. */
export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  // A clean environment: nothing from the caller's shell (REDIS_URL, DATABASE_URL, …) leaks in.
  const child: ChildProcess = spawn(process.execPath, [BACKEND_MAIN], {
    cwd: BACKEND_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: E2E_JWT_SECRET,
      LOG_LEVEL: 'warn',
      SERVE_PANEL: 'true',
      PANEL_DIR,
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
      // The expiry-notices test's receiver listens on 127.0.0.1 in the test process, and waits for a
      // dispatcher round: allow loopback webhooks and run a round every second. Only that test sets a
      // webhook, so nothing else is sent anywhere.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      EXPIRY_WEBHOOK_INTERVAL_SECONDS: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`The server exited before it was healthy:\n${output}`);
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { origin, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The server did not become healthy within 60 s:\n${output}`);
}

/** An HS256 session JWT for `userId` that expired a minute ago, signed like the server's own. */
export function expiredSessionJwt(userId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, typ: 'session', iat: now - 3600, exp: now - 60 })}`;
  const signature = createHmac('sha256', E2E_JWT_SECRET).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}
