// The benchmark: `pnpm bench` (builds first). Starts, on a fresh database of the real PostgreSQL:
// the built server twice (verification cache on, and off), the naive peer (bench/naive-peer.mjs:
// bare node:http, SELECT by token hash + UPDATE of the counters per call) and the bare server
// (bench/bare-server.mjs: bare node:http parsing the same body, answering a small JSON). Then it
// measures with autocannon on loopback, in BENCH_ROUNDS alternating rounds of:
//   a) an unauthenticated route           GET  /api/policy        (answered from memory)
//   b) the same kind of route with a PAT  GET  /api/auth/whoami   (answered from what the guard resolved)
//   c) verify, cache hit, tokens without limits          POST /api/v1/tokens/verify
//   l) verify, tokens with a rate limit and a quota (in-process limiter)
//   n) the naive peer, same body                         POST /verify
//   x) the bare server, same body                        POST /verify
// and once each: b') whoami with a session JWT, a2/b2) GET /api/health (SELECT 1) and
// GET /api/users/me (PAT, user read), d) verify with the cache off. Each ratio is the median of
// the per-round ratios (on a small machine throughput drifts within a run; ratios of neighbours
// are steadier); the targets are printed last. Verify answers are checked (`"valid":true`).
// Then a soak: SOAK_SECONDS (default 60; 0 skips it) of PAT calls and verify calls at moderate
// concurrency (SOAK_CONNECTIONS, default 4) on the cached server, sampling its resident memory
// (VmRSS from /proc/<pid>/status) every few seconds, and printing start, middle and end and the
// least-squares trend in MB per minute after the first fifth (warm-up: JIT, pools, caches).
// Environment: BENCH_DATABASE_URL (admin URL, default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (per measurement, default 5, after 1 s of warm-up), BENCH_CONNECTIONS (default 32),
// BENCH_ROUNDS (default 5), BENCH_PIN=1 (servers on core 1, load generator on core 0, with taskset),
// BENCH_MAIN (another build's dist/main.js to measure instead of this one, e.g. an older release),
// BENCH_ONLY=rounds (skip the single measurements and the soak).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { backend, benchDatabase, benchUser, cpuTicks, median, pin, pinLoadGenerator, startServer as startOne } from './support.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? process.env.BENCH_PAIR_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const warmupSeconds = 1;
const mainJs = process.env.BENCH_MAIN ? path.resolve(process.env.BENCH_MAIN) : path.join(backend, 'dist', 'main.js');
const onlyRounds = process.env.BENCH_ONLY === 'rounds';
const soakSeconds = onlyRounds ? 0 : Number(process.env.SOAK_SECONDS ?? 60);
const TOKENS_PER_SCENARIO = 12;
const soakConnections = Number(process.env.SOAK_CONNECTIONS ?? 4);
const SOAK_SAMPLE_MS = 2_000;

let database;
const startServer = (env, script = mainJs, healthPath = '/api/health') => startOne({ script, databaseUrl: database.url, env, healthPath });

function cannon(options, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, pipelining: 1, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * One scenario: warm-up, then the measurement. Besides req/s and latency it reads how much CPU the
 * server process spent per answered call (`cpuUs`): a figure other load on the machine moves far
 * less than throughput, so a run on a busy machine still says what each call costs.
 */
async function measure(label, options, pid) {
  await cannon(options, warmupSeconds);
  const before = pid === undefined ? null : cpuTicks(pid);
  const result = await cannon(options, seconds);
  const after = pid === undefined ? null : cpuTicks(pid);
  const bad = result.non2xx + result.errors + result.timeouts + (result.mismatches ?? 0);
  if (bad > 0) throw new Error(`${label}: ${bad} calls were not answered 2xx (or not as expected)`);
  const cpuUs = before === null || after === null || result.requests.total === 0 ? null : ((after - before) * 10_000) / result.requests.total;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, cpuUs };
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

const validBody = (body) => body.includes('"valid":true');

async function main() {
  pinLoadGenerator();
  database = await benchDatabase('tessera_bench');
  const servers = [];
  try {
    const cached = await startServer({});
    servers.push(cached);
    const uncached = await startServer({ TOKEN_CACHE_SIZE: '0' });
    servers.push(uncached);
    const naive = await startServer({ POOL_SIZE: '10' }, path.join(backend, 'bench', 'naive-peer.mjs'), '/health');
    servers.push(naive);
    const bare = await startServer({}, path.join(backend, 'bench', 'bare-server.mjs'), '/health');
    servers.push(bare);

    const { session, mintToken } = await benchUser(cached.url);
    const token = await mintToken('bench');
    // Several tokens per verify scenario, cycled by each connection: a limited token allows at
    // most 100,000 calls a minute, and the same number of unlimited ones keeps the pair alike.
    const plain = [];
    const limited = [];
    for (let index = 0; index < TOKENS_PER_SCENARIO; index += 1) {
      plain.push(await mintToken(`bench plain ${index}`));
      limited.push(await mintToken(`bench limited ${index}`, { rateLimit: 100_000, quotaLimit: 1_000_000_000 }));
    }
    const naiveToken = await mintToken('bench naive');
    const verifyOf = (url, tokens) => ({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: tokens.map((one) => ({ method: 'POST', body: JSON.stringify({ token: one }) })),
      verifyBody: validBody,
    });

    console.log(`Benchmark: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per measurement, ${rounds} alternating rounds, PostgreSQL database ${database.name}${pin ? ', pinned (servers core 1, load core 0)' : ''}\n`);
    const pat = { authorization: `Bearer ${token}` };
    const scenarios = [
      ['a', 'a  GET /api/policy (no auth, no I/O)', { url: `${cached.url}/api/policy` }, cached.pid],
      ['b', 'b  GET /api/auth/whoami (PAT, no I/O)', { url: `${cached.url}/api/auth/whoami`, headers: pat }, cached.pid],
      ['c', 'c  POST /api/v1/tokens/verify (cache hit, no limits)', verifyOf(`${cached.url}/api/v1/tokens/verify`, plain), cached.pid],
      ['l', 'l  POST /api/v1/tokens/verify (rate limit + quota)', verifyOf(`${cached.url}/api/v1/tokens/verify`, limited), cached.pid],
      ['n', 'n  naive peer (SELECT + UPDATE per call)', verifyOf(`${naive.url}/verify`, [naiveToken]), naive.pid],
      ['x', 'x  bare node:http (parse body, answer JSON)', verifyOf(`${bare.url}/verify`, [naiveToken]), bare.pid],
    ];
    const perRound = [];
    for (let round = 0; round < rounds; round += 1) {
      const results = {};
      for (const [key, label, options, pid] of scenarios) results[key] = await measure(label, options, pid);
      perRound.push(results);
      const r = results;
      console.log(`round ${round + 1}: ${scenarios.map(([key]) => `${key} ${r[key].rps.toFixed(0)}`).join('  ')}`);
    }
    const rows = scenarios.map(([key, label]) => ({
      label,
      rps: median(perRound.map((r) => r[key].rps)),
      p50: median(perRound.map((r) => r[key].p50)),
      p99: median(perRound.map((r) => r[key].p99)),
      cpuUs: perRound[0][key].cpuUs === null ? null : median(perRound.map((r) => r[key].cpuUs)),
    }));
    if (!onlyRounds) {
      rows.push(await measure("b' GET /api/auth/whoami (session JWT)", { url: `${cached.url}/api/auth/whoami`, headers: { authorization: `Bearer ${session}` } }, cached.pid));
      rows.push(await measure('a2 GET /api/health (no auth, SELECT 1)', { url: `${cached.url}/api/health` }, cached.pid));
      rows.push(await measure('b2 GET /api/users/me (PAT, user read)', { url: `${cached.url}/api/users/me`, headers: pat }, cached.pid));
      rows.push(await measure('d  POST /api/v1/tokens/verify (cache off)', verifyOf(`${uncached.url}/api/v1/tokens/verify`, plain), uncached.pid));
    }

    const width = Math.max(...rows.map((row) => row.label.length));
    // CPU µs/call is the server process's own CPU per answered call (the naive peer's leaves out PostgreSQL's).
    console.log(`\n${'scenario (medians of the rounds)'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'CPU µs/call'.padStart(11)}`);
    for (const row of rows) {
      const cpu = row.cpuUs === null ? '-' : row.cpuUs.toFixed(1);
      console.log(`${row.label.padEnd(width)}  ${row.rps.toFixed(0).padStart(9)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}  ${cpu.padStart(11)}`);
    }

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

    // The targets, last: each a median of per-round ratios (spread in brackets).
    const ratioOf = (x, y) => perRound.map((r) => r[x].rps / r[y].rps);
    const line = (name, values, target, aim) => {
      const value = median(values);
      const verdict = value >= target ? 'ok' : 'MISSED';
      console.log(`${name.padEnd(34)} ${value.toFixed(2).padStart(6)}  target >= ${target}${aim ? ` (aim ${aim})` : ''}  ${verdict}   [${values.map((v) => v.toFixed(2)).join(', ')}]`);
    };
    console.log(`\nRatios (median of ${rounds} alternating rounds, ${connections} connections):`);
    line('verify / naive peer        (c/n)', ratioOf('c', 'n'), 5, 10);
    line('verify / bare node:http    (c/x)', ratioOf('c', 'x'), 0.3, 0.5);
    line('verify limited / verify    (l/c)', ratioOf('l', 'c'), 0.8);
    line('PAT route / no-auth route  (b/a)', ratioOf('b', 'a'), 0.9);
    const p99 = median(perRound.map((r) => r.c.p99));
    const naiveP50 = median(perRound.map((r) => r.n.p50));
    console.log(`${'verify p99 vs naive p50'.padEnd(34)} ${`${p99} ms`.padStart(6)} vs ${naiveP50} ms  target p99 < naive p50  ${p99 < naiveP50 ? 'ok' : 'MISSED'}`);
    if (perRound[0].c.cpuUs !== null) {
      // The same comparisons by the servers' CPU per call (cheaper = higher): what other load on
      // the machine moves least. Not for the naive peer, whose work is mostly PostgreSQL's.
      const cpuRatioOf = (x, y) => perRound.map((r) => r[y].cpuUs / r[x].cpuUs);
      console.log(`\nThe same ratios from the servers' CPU per call (c/x = x's CPU per call / c's; informative: the targets are judged on req/s above):`);
      line('verify / bare node:http    (c/x)', cpuRatioOf('c', 'x'), 0.3, 0.5);
      line('verify limited / verify    (l/c)', cpuRatioOf('l', 'c'), 0.8);
      line('PAT route / no-auth route  (b/a)', cpuRatioOf('b', 'a'), 0.9);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
