// The benchmark: `pnpm bench` (builds first). Starts the built server twice on a fresh database of
// the real PostgreSQL (verification cache on, and off), then measures with autocannon on loopback:
//   a) an unauthenticated route          GET  /api/health         (one trivial query)
//   b) the same kind of route with a PAT  GET  /api/users/me       (one query by primary key)
//   b') that route with a session JWT, to isolate what the PAT itself costs
//   c) verify                             POST /api/v1/tokens/verify
//   d) verify with the cache off          (a database lookup on every call)
// and prints throughput, p50/p99 latency and the ratios b/a, c/a, c/d.
// Environment: BENCH_DATABASE_URL (admin URL, default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (per scenario, default 8), BENCH_CONNECTIONS (default 10).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const backend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmupSeconds = 2;

const databaseName = `tessera_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(extraEnv) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(backend, 'dist', 'main.js')], {
    cwd: backend,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SERVE_PANEL: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become healthy in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function json(url, body, bearer) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function cannon(options, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, pipelining: 1, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(label, options) {
  await cannon(options, warmupSeconds);
  const result = await cannon(options, seconds);
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${label}: ${bad} calls were not answered 2xx`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

async function main() {
  await admin(`CREATE DATABASE "${databaseName}"`);
  const servers = [];
  try {
    const cached = await startServer({});
    servers.push(cached);
    const uncached = await startServer({ TOKEN_CACHE_SIZE: '0' });
    servers.push(uncached);

    const username = `bench_${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    await json(`${cached.url}/api/auth/register`, { username, email, password: 'correct horse battery' });
    const session = (await json(`${cached.url}/api/auth/login`, { email, password: 'correct horse battery' })).access_token;
    const { token } = await json(`${cached.url}/api/users/me/api-tokens`, { name: 'bench', scopes: ['account:read'] }, session);
    const verifyBody = JSON.stringify({ token });
    const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: verifyBody };

    console.log(`Benchmark: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per scenario, PostgreSQL database ${databaseName}\n`);
    const a = await measure('a  GET /api/health (no auth)', { url: `${cached.url}/api/health` });
    const b = await measure('b  GET /api/users/me (PAT)', { url: `${cached.url}/api/users/me`, headers: { authorization: `Bearer ${token}` } });
    const s = await measure("b' GET /api/users/me (session JWT)", { url: `${cached.url}/api/users/me`, headers: { authorization: `Bearer ${session}` } });
    const c = await measure('c  POST /api/v1/tokens/verify (cache on)', { url: `${cached.url}/api/v1/tokens/verify`, ...post });
    const d = await measure('d  POST /api/v1/tokens/verify (cache off)', { url: `${uncached.url}/api/v1/tokens/verify`, ...post });

    const rows = [a, b, s, c, d];
    const width = Math.max(...rows.map((row) => row.label.length));
    console.log(`${'scenario'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}`);
    for (const row of rows) {
      console.log(`${row.label.padEnd(width)}  ${row.rps.toFixed(0).padStart(9)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}`);
    }
    const ratio = (x, y) => (x.rps / y.rps).toFixed(2);
    console.log(`\nb/a = ${ratio(b, a)}   (target >= 0.9)`);
    console.log(`b/b' = ${ratio(b, s)}  (PAT vs session on the same route)`);
    console.log(`c/a = ${ratio(c, a)}`);
    console.log(`c/d = ${ratio(c, d)}   (verification cache on vs off)`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
