import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BACKEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'backend');
const MAIN = path.join(BACKEND, 'dist', 'main.js');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export interface TesseraServer {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The real, built Tessera server (`node backend/dist/main.js`, built by turbo before this
 * package's tests) on its own new database on the test PostgreSQL; it migrates it at start.
 */
export async function startTesseraServer(env: Record<string, string> = {}): Promise<TesseraServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the backend first (pnpm --filter @tessera/backend build)`);
  const name = `tessera_pkg_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: BACKEND,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SERVE_PANEL: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'package-test-secret-that-is-long-enough-0123456789',
      LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
      REGISTRATIONS_PER_IP_PER_HOUR: '100000',
      DATA_DIR: '/tmp/tessera-package-test-unused',
      EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Tessera exited with ${child.exitCode}: ${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`Tessera did not become healthy: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    databaseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Registers a new user and signs in: the session JWT. */
export async function signUp(url: string): Promise<{ session: string; email: string; password: string }> {
  const suffix = randomBytes(4).toString('hex');
  const email = `pkg-${suffix}@example.com`;
  const password = 'correct horse battery staple';
  const json = { 'Content-Type': 'application/json' };
  const registered = await fetch(`${url}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: `pkg_${suffix}`, email, password }) });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  const { access_token } = (await login.json()) as { access_token: string };
  return { session: access_token, email, password };
}
