import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { acquireDataDirLock } from './embedded/data-dir-lock';
import { looksLikePglite } from './embedded/legacy-pglite';
import { CLUSTER_MARKER, embeddedPaths, startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrator';

const run = promisify(execFile);
const BACKEND_ROOT = path.resolve(__dirname, '..', '..');
const MIGRATIONS_DIR = path.join(BACKEND_ROOT, 'prisma', 'migrations');

/** The PGlite that earlier versions shipped: its data folder format is tied to this version. */
export const PGLITE_VERSION = '0.5.14';

/** The part of PGlite's API the migration uses. */
export interface PgliteDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}
export interface PgliteModule {
  PGlite: { create(dataDir: string): Promise<PgliteDatabase> };
}

/**
 * PGlite is no dependency of Tessera any more: this one-off upgrade step installs the exact
 * version that wrote the old data (from the same npm registry as `pnpm install`) into
 * `backend/node_modules/.cache`, outside the lockfile and the server's dependency tree.
 */
export async function loadPglite(log: (message: string) => void = () => undefined): Promise<PgliteModule> {
  const dir = path.join(BACKEND_ROOT, 'node_modules', '.cache', `tessera-pglite-${PGLITE_VERSION}`);
  const resolve = () => require.resolve('@electric-sql/pglite', { paths: [dir] });
  try {
    resolve();
  } catch {
    log(`Fetching @electric-sql/pglite@${PGLITE_VERSION} (once) to read the old database`);
    await mkdir(dir, { recursive: true });
    await run('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `@electric-sql/pglite@${PGLITE_VERSION}`], {
      timeout: 300_000,
    });
  }
  return require(resolve()) as PgliteModule;
}

export interface PgliteMigrationResult {
  /** Rows copied per table. */
  rows: Record<string, number>;
  /** Where the old PGlite folder was kept. */
  keptAt: string;
}

/**
 * Moves an earlier version's PGlite database (DATA_DIR/pg) into a new embedded PostgreSQL
 * cluster: reads every table through PGlite, renames the old folder to DATA_DIR/pg-pglite
 * (kept, never deleted), initialises the cluster, applies this version's migrations, and copies
 * the rows in one transaction (columns the old schema lacks get their defaults). Any failure
 * puts the old folder back, so the command can be run again. The server must be stopped.
 */
export async function migratePgliteDataDir(dataDir: string, options: { log?: (message: string) => void; pglite?: PgliteModule } = {}): Promise<PgliteMigrationResult> {
  const log = options.log ?? (() => undefined);
  const files = embeddedPaths(dataDir);
  const keptAt = path.join(dataDir, 'pg-pglite');
  if (!existsSync(files.cluster) || existsSync(path.join(files.cluster, CLUSTER_MARKER)) || !(await looksLikePglite(files.cluster))) {
    throw new Error(`${files.cluster} holds no PGlite database: nothing to migrate.`);
  }
  if (existsSync(keptAt)) throw new Error(`${keptAt} already exists: move it away first (it is the copy of an earlier migration).`);
  const lock = await acquireDataDirLock(dataDir);
  try {
    const pglite = options.pglite ?? (await loadPglite(log));
    log(`Reading the PGlite database in ${files.cluster}`);
    const dump = await readPgliteDatabase(pglite, files.cluster);
    await rename(files.cluster, keptAt);
    let started: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    try {
      started = await startEmbeddedPostgres(dataDir, { lock, onLog: log });
      await applyMigrations(started.connectionString);
      const rows = await copyInto(started.connectionString, dump);
      await started.stop();
      log(`Done. The old PGlite folder is kept at ${keptAt}; delete it once you have checked the new install.`);
      return { rows, keptAt };
    } catch (error) {
      await started?.stop().catch(() => undefined);
      await rm(files.cluster, { recursive: true, force: true });
      await unlink(files.password).catch(() => undefined);
      await rename(keptAt, files.cluster);
      throw error;
    }
  } finally {
    lock.release();
  }
}

interface TableDump {
  columns: string[];
  /** The rows as PostgreSQL's own JSON text, so bigints and timestamps pass through exactly. */
  json: string;
  count: number;
}

async function readPgliteDatabase(pglite: PgliteModule, folder: string): Promise<Map<string, TableDump>> {
  const db = await pglite.PGlite.create(folder);
  try {
    const applied = await db.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const known = new Set(readdirSync(MIGRATIONS_DIR).filter((name) => /^\d/.test(name)));
    const unknown = applied.rows.map((row) => row.migration_name).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new Error(`The PGlite database was migrated by a newer Tessera (unknown migrations: ${unknown.join(', ')}). Run this command from that version.`);
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name",
    );
    const dump = new Map<string, TableDump>();
    for (const { table_name: table } of tables.rows) {
      const columns = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1", [table]);
      const data = await db.query<{ json: string; count: number }>(`SELECT coalesce(json_agg(t), '[]'::json)::text AS json, count(*)::int AS count FROM "${table.replace(/"/g, '""')}" t`);
      dump.set(table, { columns: columns.rows.map((row) => row.column_name), json: data.rows[0]!.json, count: data.rows[0]!.count });
    }
    return dump;
  } finally {
    await db.close();
  }
}

async function copyInto(connectionString: string, dump: Map<string, TableDump>): Promise<Record<string, number>> {
  const client = new Client({ connectionString });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    // Rows go in table by table: foreign keys and triggers wait (the data was consistent in PGlite).
    await client.query('SET LOCAL session_replication_role = replica');
    const existing = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    const present = new Set(existing.rows.map((row) => row.table_name));
    for (const [table, data] of dump) {
      if (!present.has(table)) throw new Error(`Table ${table} of the PGlite database does not exist in this version's schema.`);
      const target = await client.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1", [table]);
      const columns = target.rows.map((row) => row.column_name).filter((column) => data.columns.includes(column));
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const list = columns.map((column) => `"${column.replace(/"/g, '""')}"`).join(', ');
      // Rows a migration seeded (the built-in application and its scopes) are in both databases:
      // the PGlite copy is the install's own data, so it replaces them.
      await client.query(`DELETE FROM ${quoted}`);
      if (data.count > 0) await client.query(`INSERT INTO ${quoted} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quoted}, $1::json)`, [data.json]);
      rows[table] = data.count;
    }
    // Serial columns continue after the copied rows.
    const sequences = await client.query<{ table_name: string; column_name: string; sequence: string }>(
      "SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'",
    );
    for (const { table_name: table, column_name: column, sequence } of sequences.rows) {
      if (!sequence) continue;
      await client.query(`SELECT setval($1, coalesce((SELECT max("${column.replace(/"/g, '""')}") FROM "${table.replace(/"/g, '""')}"), 0) + 1, false)`, [sequence]);
    }
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
