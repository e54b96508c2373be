// A CPU profile of one scenario: `node bench/profile.mjs verify|whoami|policy|limited [seconds]`
// (build first). Starts the built server with `node --cpu-prof` on a fresh database, loads the one
// route with autocannon (BENCH_CONNECTIONS, default 32), stops the server and prints the functions
// with the most self time, grouped by package, and the path of the .cpuprofile (open it in Chrome
// DevTools or speedscope for the full picture). Environment as bench/run.mjs (BENCH_DATABASE_URL, BENCH_PIN).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const backend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scenario = process.argv[2] ?? 'verify';
const seconds = Number(process.argv[3] ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const pin = process.env.BENCH_PIN === '1';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const databaseName = `tessera_profile_${Date.now()}_${randomBytes(3).toString('hex')}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
const profileDir = mkdtempSync(path.join(tmpdir(), 'tessera-profile-'));

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

async function post(url, body, bearer) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function topFunctions(file, count = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    // Idle time is the server waiting for the load generator or the database: not its cost.
    if (callFrame.functionName === '(idle)') continue;
    total += 1;
    const where = callFrame.url.replace(/^file:\/\//, '').replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(backend + '/', '');
    const key = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const packages = new Map();
  for (const [key, samples] of self) {
    const where = key.split('  ')[1] ?? '';
    const pkg = where.startsWith('dist/') ? 'tessera (dist)' : where.startsWith('node:') || where === ':0' || !where.includes('/') ? where.split(':')[0] || '(native/gc)' : where.split('/').slice(0, where.startsWith('@') ? 2 : 1).join('/');
    packages.set(pkg, (packages.get(pkg) ?? 0) + samples);
  }
  const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
  console.log(`\nSelf time by package (${total} busy samples; idle left out, start-up included):`);
  for (const [pkg, samples] of [...packages].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  ${pct(samples)}  ${pkg}`);
  console.log(`\nTop ${count} functions by self time:`);
  for (const [key, samples] of [...self].sort((x, y) => y[1] - x[1]).slice(0, count)) console.log(`  ${pct(samples)}  ${key}`);
}

async function main() {
  if (pin) spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
  await admin(`CREATE DATABASE "${databaseName}"`);
  const port = await freePort();
  const [command, args] = pin ? ['taskset', ['-c', '1', process.execPath]] : [process.execPath, []];
  const child = spawn(command, [...args, '--cpu-prof', `--cpu-prof-dir=${profileDir}`, path.join(backend, 'dist', 'main.js')], {
    cwd: backend,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), SERVE_PANEL: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let waited = 0; ; waited += 100) {
      try {
        if ((await fetch(`${url}/api/health`)).status === 200) break;
      } catch {
        // not up yet
      }
      if (waited > 60_000) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const email = `profile_${randomBytes(4).toString('hex')}@example.com`;
    await post(`${url}/api/auth/register`, { username: email.split('@')[0], email, password: 'correct horse battery' });
    const session = (await post(`${url}/api/auth/login`, { email, password: 'correct horse battery' })).access_token;
    const limits = scenario === 'limited' ? { rateLimit: 100_000, quotaLimit: 1_000_000_000 } : {};
    const { token } = await post(`${url}/api/users/me/api-tokens`, { name: 'profile', scopes: ['account:read'], ...limits }, session);
    const options = {
      verify: { url: `${url}/api/v1/tokens/verify`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) },
      limited: { url: `${url}/api/v1/tokens/verify`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) },
      whoami: { url: `${url}/api/auth/whoami`, headers: { authorization: `Bearer ${token}` } },
      policy: { url: `${url}/api/policy` },
    }[scenario];
    if (!options) throw new Error(`unknown scenario ${scenario}`);
    const result = await new Promise((resolve, reject) =>
      autocannon({ connections, duration: seconds, ...options }, (error, value) => (error ? reject(error) : resolve(value))),
    );
    console.log(`${scenario}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`);
  } finally {
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile was written');
  topFunctions(path.join(profileDir, file));
  console.log(`\nProfile: ${path.join(profileDir, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
