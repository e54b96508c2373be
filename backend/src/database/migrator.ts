import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** backend/ — the same from src/ (tests) and dist/ (production). */
const BACKEND_ROOT = path.resolve(__dirname, '..', '..');
const DONE = /No pending migrations to apply|All migrations have been successfully applied/;
const TIMEOUT_MS = 120_000;

/**
 * Applies pending migrations with `prisma migrate deploy`. Async on purpose: a synchronous
 * child would block the event loop (and, in tests, every app sharing the process).
 *
 * Prisma 6's CLI with a driver adapter finishes its work in well under a second but then keeps
 * its process alive for ~10 s (an open handle inside the CLI), so we end it as soon as it has
 * printed its success line instead of paying those seconds on every start.
 */
export async function applyMigrations(connectionString: string): Promise<string> {
  if (await allMigrationsApplied(connectionString)) return 'No pending migrations to apply.';
  return migrateDeploy(connectionString);
}

/**
 * Every migration folder already recorded as finished (and none failed): the common case of a
 * restart, answered with one query instead of the CLI's 2-4 s start. Anything else (a new
 * migration, a failed one, no table yet) goes through `prisma migrate deploy` as before.
 */
async function allMigrationsApplied(connectionString: string): Promise<boolean> {
  const folders = readdirSync(path.join(BACKEND_ROOT, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return false;
    const rows = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations',
    );
    if (rows.rows.some((row) => !row.finished && !row.rolled_back)) return false;
    const applied = new Set(rows.rows.filter((row) => row.finished && !row.rolled_back).map((row) => row.migration_name));
    return folders.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function migrateDeploy(connectionString: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [BACKEND_ROOT] });
  const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: BACKEND_ROOT,
    env: {
      ...process.env,
      MIGRATE_DATABASE_URL: connectionString,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    let succeeded = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`prisma migrate deploy timed out after ${TIMEOUT_MS / 1000}s:\n${output}`));
    }, TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(output);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (succeeded) return;
      if (code === 0) resolve(output);
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}
