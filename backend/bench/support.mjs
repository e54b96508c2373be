// What the bench scripts (run.mjs, profile.mjs) share: a database of their own on the real
// PostgreSQL, servers started (optionally pinned to core 1) and waited for, a signed-up user and
// its tokens. Environment: BENCH_DATABASE_URL (admin URL), BENCH_PIN=1 (taskset), BENCH_NODE_ARGS.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const backend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const pin = process.env.BENCH_PIN === '1';

/** With BENCH_PIN=1 the load generator (this process) runs on core 0, the servers on core 1. */
export function pinLoadGenerator() {
  if (pin) spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
}

export async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database named after `prefix`: created now, dropped by `drop()`. */
export async function benchDatabase(prefix) {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  await admin(`CREATE DATABASE "${name}"`);
  return { name, url, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `script` (default: the built server) as production would run it, on a free port of
 * 127.0.0.1, and waits until `healthPath` answers 200 (60 s at most).
 */
export async function startServer({ script = path.join(backend, 'dist', 'main.js'), databaseUrl, env = {}, nodeArgs = [], healthPath = '/api/health', stdout = 'inherit' }) {
  const port = await freePort();
  const extraArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const [command, args] = pin ? ['taskset', ['-c', '1', process.execPath]] : [process.execPath, []];
  const child = spawn(command, [...args, ...extraArgs, ...nodeArgs, script], {
    cwd: path.dirname(path.dirname(script)),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      JWT_SECRET: randomBytes(32).toString('hex'),
      SERVE_PANEL: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
      ...env,
    },
    stdio: ['ignore', stdout, 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited during start-up`);
    try {
      if ((await fetch(`${url}${healthPath}`)).status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${path.basename(script)} did not become healthy in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export async function postJson(url, body, bearer) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Signs a new user up on the server at `url`; answers its session and a function minting its tokens (scope account:read). */
export async function benchUser(url) {
  const username = `bench_${randomBytes(4).toString('hex')}`;
  const email = `${username}@example.com`;
  await postJson(`${url}/api/auth/register`, { username, email, password: 'correct horse battery' });
  const session = (await postJson(`${url}/api/auth/login`, { email, password: 'correct horse battery' })).access_token;
  const mintToken = async (name, limits = {}) => (await postJson(`${url}/api/users/me/api-tokens`, { name, scopes: ['account:read'], ...limits }, session)).token;
  return { session, mintToken };
}

/** CPU time (user + system) a process has used, in clock ticks (1/100 s on Linux), from /proc; null elsewhere. */
export function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** The middle value (the upper one of an even count). */
export const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
