// Two or more builds side by side on routes a (GET /api/policy, no auth) and b (GET /api/auth/whoami,
// PAT): `node bench/compare.mjs dist dist-other [...]` (folders under backend/ holding a built
// main.js, e.g. a copy of dist edited for a removal experiment). Each build runs as its own server
// on one fresh database; the routes are loaded in alternating rounds at a fixed offered rate
// (BENCH_RATE, default 5000 req/s; 0 = as fast as possible), and each server's CPU per answered
// call is read from /proc. At a fixed rate every server sees the same pattern of arrivals, so the
// figures compare the work per call rather than who waits for whom (see docs/benchmark.md).
// Environment as bench/run.mjs: BENCH_PIN=1, BENCH_CONNECTIONS (32), BENCH_ROUNDS (8), BENCH_SECONDS (3).
import path from 'node:path';
import autocannon from 'autocannon';
import { backend, benchDatabase, benchUser, cpuTicks, median, pinLoadGenerator, startServer } from './support.mjs';

const builds = process.argv.slice(2);
const rate = Number(process.env.BENCH_RATE ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

const load = (options, duration) =>
  new Promise((resolve, reject) => autocannon({ connections, duration, ...(rate ? { overallRate: rate } : {}), ...options }, (error, result) => (error ? reject(error) : resolve(result))));

async function main() {
  if (builds.length === 0) throw new Error('usage: node bench/compare.mjs <build folder> [<build folder> ...]');
  pinLoadGenerator();
  const database = await benchDatabase('tessera_compare');
  const servers = [];
  try {
    for (const build of builds) {
      const server = await startServer({ script: path.join(backend, build, 'main.js'), databaseUrl: database.url, stdout: 'ignore' });
      servers.push(server);
      const { mintToken } = await benchUser(server.url);
      const token = await mintToken('compare');
      server.routes = { a: { url: `${server.url}/api/policy` }, b: { url: `${server.url}/api/auth/whoami`, headers: { authorization: `Bearer ${token}` } } };
      server.cpu = { a: [], b: [] };
    }
    console.log(`${builds.length} builds, ${rounds} alternating rounds of ${seconds} s at ${rate ? `${rate} req/s` : 'full speed'}, ${connections} connections`);
    for (let round = 0; round < rounds; round += 1) {
      for (const server of servers) {
        for (const route of ['a', 'b']) {
          await load(server.routes[route], 1);
          const before = cpuTicks(server.pid);
          const result = await load(server.routes[route], seconds);
          const after = cpuTicks(server.pid);
          if (result.non2xx + result.errors > 0) throw new Error(`${route}: calls not answered 2xx`);
          server.cpu[route].push(((after - before) * 10_000) / result.requests.total);
        }
      }
    }
    for (const [index, server] of servers.entries()) {
      const ratios = server.cpu.a.map((a, round) => a / server.cpu.b[round]);
      console.log(
        `${builds[index].padEnd(16)} a ${median(server.cpu.a).toFixed(1)} µs/call  b ${median(server.cpu.b).toFixed(1)} µs/call  b/a by CPU ${median(ratios).toFixed(2)}  [${ratios.map((r) => r.toFixed(2)).join(', ')}]`,
      );
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
