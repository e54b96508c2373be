// The benchmark: `pnpm bench` (builds first). Starts the built server twice on a fresh database of
// the real PostgreSQL (verification cache on, and off), then measures with autocannon on loopback:
//   a) an unauthenticated route           GET  /api/policy        (answered from memory)
//   b) the same kind of route with a PAT  GET  /api/auth/whoami   (answered from what the guard resolved)
//   b') that route with a session JWT, to compare the two credentials
//   a2/b2) the same pair with one database read each: GET /api/health (SELECT 1) and GET /api/users/me (PAT)
//   c) verify                             POST /api/v1/tokens/verify
//   d) verify with the cache off          (a database lookup on every call)
// and prints throughput, p50/p99 latency and the ratios b/a, b/b', b2/a2, c/a, c/d.
// Then a soak: SOAK_SECONDS (default 120; 0 skips it) of PAT calls and verify calls at moderate
// concurrency (SOAK_CONNECTIONS, default 4) on the cached server, sampling its resident memory
// (VmRSS from /proc/<pid>/status) every few seconds, and printing start, middle and end and the
// least-squares trend in MB per minute after the first fifth (warm-up: JIT, pools, caches).
// Environment: BENCH_DATABASE_URL (admin URL, default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (per scenario, default 8), BENCH_CONNECTIONS (default 10), BENCH_PAIR_ROUNDS (a/b rounds, default 3),
// BENCH_PIN=1 (server on core 1, load generator on core 0, with taskset).
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const backend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const pairRounds = Number(process.env.BENCH_PAIR_ROUNDS ?? 3);
const pin = process.env.BENCH_PIN === '1';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmupSeconds = 2;
const soakSeconds = Number(process.env.SOAK_SECONDS ?? 120);
const soakConnections = Number(process.env.SOAK_CONNECTIONS ?? 4);
const SOAK_SAMPLE_MS = 2_000;

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
  // With BENCH_PIN=1 (and taskset) the server gets core 1 to itself and this process (autocannon) core 0.
  const [command, args] = pin ? ['taskset', ['-c', '1', process.execPath]] : [process.execPath, []];
  const child = spawn(command, [...args, path.join(backend, 'dist', 'main.js')], {
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
    pid: child.pid,
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

/** Resident set size of a process in MB, from /proc (Linux); null elsewhere. */
async function rssMb(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

const mean = (samples) => samples.reduce((sum, [, mb]) => sum + mb, 0) / samples.length;

/** Least-squares slope of (seconds, MB) samples, in MB per minute. */
function slopePerMinute(samples) {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((sum, [x]) => sum + x, 0) / n;
  const my = samples.reduce((sum, [, y]) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of samples) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/**
 * The soak: PAT calls (GET /users/me) and verify calls side by side for soakSeconds, while the
 * server's RSS is sampled. A leak shows as a steady positive slope after warm-up.
 */
async function soak(server, token) {
  const samples = [];
  const started = Date.now();
  const sample = async () => {
    const mb = await rssMb(server.pid);
    if (mb !== null) samples.push([(Date.now() - started) / 1000, mb]);
  };
  await sample();
  const timer = setInterval(() => void sample(), SOAK_SAMPLE_MS);
  const half = Math.max(1, Math.ceil(soakConnections / 2));
  const [pat, verify] = await Promise.all([
    cannon({ url: `${server.url}/api/users/me`, headers: { authorization: `Bearer ${token}` }, connections: half }, soakSeconds),
    cannon(
      { url: `${server.url}/api/v1/tokens/verify`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }), connections: half },
      soakSeconds,
    ),
  ]);
  clearInterval(timer);
  await sample();
  const bad = pat.non2xx + pat.errors + pat.timeouts + verify.non2xx + verify.errors + verify.timeouts;
  if (bad > 0) throw new Error(`soak: ${bad} calls were not answered 2xx`);
  if (samples.length < 3) return { calls: pat.requests.total + verify.requests.total, samples };
  const at = (fraction) => samples[Math.min(samples.length - 1, Math.round(fraction * (samples.length - 1)))];
  const steady = samples.filter(([seconds]) => seconds >= soakSeconds / 5);
  return {
    calls: pat.requests.total + verify.requests.total,
    rps: pat.requests.average + verify.requests.average,
    samples,
    start: at(0),
    afterWarmup: steady[0] ?? at(0.2),
    middle: at(0.5),
    end: at(1),
    peak: Math.max(...samples.map(([, mb]) => mb)),
    slope: slopePerMinute(steady),
    // Means of the first and last third after warm-up: steadier than two single samples of a sawtooth.
    firstThird: mean(steady.slice(0, Math.max(1, Math.floor(steady.length / 3)))),
    lastThird: mean(steady.slice(-Math.max(1, Math.floor(steady.length / 3)))),
  };
}

async function main() {
  if (pin) spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
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
    const pat = { authorization: `Bearer ${token}` };
    // a/b: the same kind of route, answered from memory, without and with a PAT: b/a is what the PAT costs.
    // The target pair is measured in PAIR_ROUNDS alternating rounds (a, b, a, b, ...): on a small
    // machine the client shares the cores with the server, and throughput drifts within a run; the
    // median of the per-round ratios is steadier than one ratio of two far-apart measurements.
    const pairs = [];
    for (let round = 0; round < pairRounds; round += 1) {
      const ra = await measure('a  GET /api/policy (no auth, no I/O)', { url: `${cached.url}/api/policy` });
      const rb = await measure('b  GET /api/auth/whoami (PAT, no I/O)', { url: `${cached.url}/api/auth/whoami`, headers: pat });
      pairs.push({ a: ra, b: rb, ratio: rb.rps / ra.rps });
    }
    const byRatio = [...pairs].sort((x, y) => x.ratio - y.ratio);
    const { a, b } = byRatio[Math.floor(byRatio.length / 2)];
    const s = await measure("b' GET /api/auth/whoami (session JWT)", { url: `${cached.url}/api/auth/whoami`, headers: { authorization: `Bearer ${session}` } });
    // a2/b2: one database read each (SELECT 1, and the user by primary key through Prisma).
    const a2 = await measure('a2 GET /api/health (no auth, SELECT 1)', { url: `${cached.url}/api/health` });
    const b2 = await measure('b2 GET /api/users/me (PAT, user read)', { url: `${cached.url}/api/users/me`, headers: pat });
    const c = await measure('c  POST /api/v1/tokens/verify (cache on)', { url: `${cached.url}/api/v1/tokens/verify`, ...post });
    const d = await measure('d  POST /api/v1/tokens/verify (cache off)', { url: `${uncached.url}/api/v1/tokens/verify`, ...post });

    const rows = [a, b, s, a2, b2, c, d];
    const width = Math.max(...rows.map((row) => row.label.length));
    console.log(`${'scenario'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}`);
    for (const row of rows) {
      console.log(`${row.label.padEnd(width)}  ${row.rps.toFixed(0).padStart(9)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}`);
    }
    const ratio = (x, y) => (x.rps / y.rps).toFixed(2);
    const spread = pairs.map((pair) => pair.ratio.toFixed(2)).join(', ');
    console.log(`\nb/a = ${ratio(b, a)}   (target >= 0.9: PAT vs no auth, same kind of route; median of ${pairRounds} alternating rounds: ${spread})`);
    console.log(`b/b' = ${ratio(b, s)}  (PAT vs session JWT on the same route)`);
    console.log(`b2/a2 = ${ratio(b2, a2)} (with one database read each; the handlers' queries differ)`);
    console.log(`c/a = ${ratio(c, a)}`);
    console.log(`c/d = ${ratio(c, d)}   (verification cache on vs off)`);

    if (soakSeconds > 0) {
      console.log(`\nSoak: ${soakSeconds} s of GET /api/users/me (PAT) + POST /api/v1/tokens/verify, ${soakConnections} connections, RSS every ${SOAK_SAMPLE_MS / 1000} s`);
      const result = await soak(cached, token);
      if (!result.start) {
        console.log(`  ${result.calls} calls; RSS not readable on this platform (no /proc)`);
      } else {
        const mb = ([, value]) => `${value.toFixed(1)} MB`;
        console.log(`  calls        ${result.calls} (${result.rps.toFixed(0)} req/s)`);
        console.log(`  RSS start    ${mb(result.start)}   after warm-up ${mb(result.afterWarmup)} (t=${result.afterWarmup[0].toFixed(0)} s)`);
        console.log(`  RSS middle   ${mb(result.middle)}`);
        console.log(`  RSS end      ${mb(result.end)}   peak ${result.peak.toFixed(1)} MB`);
        console.log(`  steady mean  first third ${result.firstThird.toFixed(1)} MB -> last third ${result.lastThird.toFixed(1)} MB`);
        console.log(`  trend        ${result.slope >= 0 ? '+' : ''}${result.slope.toFixed(2)} MB/min after warm-up (least squares, ${result.samples.length} samples)`);
        if (process.env.SOAK_PRINT_SAMPLES) console.log(`  samples      ${result.samples.map(([t, mb]) => `${t.toFixed(0)}s:${mb.toFixed(0)}`).join(' ')}`);
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
