import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

const MIGRATIONS_DIR = path.join(BACKEND_ROOT, 'prisma', 'migrations');
/** The advisory lock `prisma migrate` takes, so our first apply and the CLI never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

function migrationFolders(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The first migration of a database that was created a moment ago (the embedded cluster's
 * first start), without the CLI: each migration.sql in its own transaction, recorded in
 * `_prisma_migrations` exactly as `prisma migrate deploy` records it (sha256 checksum of the
 * file), so the CLI later sees nothing pending. Saves the CLI's 2-4 s on a newcomer's first
 * start. On any error it stops and leaves the rest to `prisma migrate deploy`, which reports it.
 */
export async function applyMigrationsToNewDatabase(connectionString: string): Promise<void> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    const existing = await client.query("SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'");
    if (existing.rows[0].tables > 0) return;
    await client.query(`CREATE TABLE "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    for (const name of migrationFolders()) {
      const script = readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'));
      try {
        await client.query('BEGIN');
        await client.query(script.toString('utf8'));
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)',
          [randomUUID(), createHash('sha256').update(script).digest('hex'), name],
        );
        await client.query('COMMIT');
      } catch {
        await client.query('ROLLBACK');
        return;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Every migration folder already recorded as finished (and none failed): the common case of a
 * restart, answered with one query instead of the CLI's 2-4 s start. Anything else (a new
 * migration, a failed one, no table yet) goes through `prisma migrate deploy` as before.
 */
async function allMigrationsApplied(connectionString: string): Promise<boolean> {
  const folders = migrationFolders();
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

/** `prisma migrate deploy` itself. */
export function migrateDeploy(connectionString: string): Promise<string> {
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
