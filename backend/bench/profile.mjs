// A CPU profile of one scenario: `node bench/profile.mjs verify|whoami|policy|limited [seconds]`
// (build first). Starts the built server with `node --cpu-prof` on a fresh database, loads the one
// route with autocannon (BENCH_CONNECTIONS, default 32), stops the server and prints the functions
// with the most self time, grouped by package, and the path of the .cpuprofile (open it in Chrome
// DevTools or speedscope for the full picture). Environment as bench/run.mjs (BENCH_DATABASE_URL, BENCH_PIN).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { backend, benchDatabase, benchUser, pinLoadGenerator, startServer } from './support.mjs';

const scenario = process.argv[2] ?? 'verify';
const seconds = Number(process.argv[3] ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const profileDir = mkdtempSync(path.join(tmpdir(), 'tessera-profile-'));

function topFunctions(file, count = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  // Only the load: samples of the last `seconds` before the profile ends (start-up left out).
  let at = profile.startTime;
  const loadFrom = profile.endTime - seconds * 1e6;
  for (const [index, id] of profile.samples.entries()) {
    at += profile.timeDeltas[index];
    if (at < loadFrom) continue;
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
  console.log(`\nSelf time by package (${total} busy samples of the load; idle and start-up left out):`);
  for (const [pkg, samples] of [...packages].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  ${pct(samples)}  ${pkg}`);
  console.log(`\nTop ${count} functions by self time:`);
  for (const [key, samples] of [...self].sort((x, y) => y[1] - x[1]).slice(0, count)) console.log(`  ${pct(samples)}  ${key}`);
}

async function main() {
  pinLoadGenerator();
  const database = await benchDatabase('tessera_profile');
  let server;
  try {
    server = await startServer({ databaseUrl: database.url, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], stdout: 'ignore' });
    const url = server.url;
    const { mintToken } = await benchUser(url);
    const token = await mintToken('profile', scenario === 'limited' ? { rateLimit: 100_000, quotaLimit: 1_000_000_000 } : {});
    const verify = { url: `${url}/api/v1/tokens/verify`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) };
    const options = {
      verify,
      limited: verify,
      whoami: { url: `${url}/api/auth/whoami`, headers: { authorization: `Bearer ${token}` } },
      policy: { url: `${url}/api/policy` },
    }[scenario];
    if (!options) throw new Error(`unknown scenario ${scenario}`);
    const result = await new Promise((resolve, reject) =>
      autocannon({ connections, duration: seconds, ...options }, (error, value) => (error ? reject(error) : resolve(value))),
    );
    console.log(`${scenario}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`);
  } finally {
    // SIGTERM: the server exits cleanly, which is when Node writes the profile.
    await server?.stop();
    await database.drop();
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
