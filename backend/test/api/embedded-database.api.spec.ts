import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { chmod, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, generateToken, previewToken } from '../../src/api-tokens/token-format';
import { startDatabase } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/config/app-config';
import { LegacyPgliteDataError, PGLITE_MIGRATION_COMMAND, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { migrateDeploy } from '../../src/database/migrator';
import { loadPglite } from '../../src/database/pglite-migration';
import { PasswordHasher } from '../../src/users/password-hasher';
import { newDataDir, removeDataDir, startEmbeddedTestApp } from '../support/embedded-app';
import { PASSWORD, signUp } from '../support/fixtures';
import { call, listen } from '../support/http-burst';
import { ensureBuilt, startServer } from '../support/server-process';

const run = promisify(execFile);
const BACKEND = path.resolve(__dirname, '..', '..');

const embeddedEnv = (dataDir: string) => ({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });

describe('embedded database (real PostgreSQL in DATA_DIR)', () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await newDataDir();
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(dirs.map(removeDataDir));
  });

  it('starts on an empty DATA_DIR, and keeps accounts, tokens and the session secret across a restart', async () => {
    const dir = await dataDir();
    const first = await startEmbeddedTestApp(dir);
    let session: string;
    let token: string;
    try {
      await first.http.get('/api/health').expect(200);
      // The first start migrates its new database without the CLI; Prisma's own CLI agrees it is complete.
      expect(await migrateDeploy(first.databaseUrl)).toMatch(/No pending migrations to apply/);
      await first.http.post('/api/auth/register').send({ username: 'embedded_ada', email: 'ada@embedded.test', password: PASSWORD }).expect(201);
      session = (await first.http.post('/api/auth/login').send({ email: 'ada@embedded.test', password: PASSWORD }).expect(200)).body.access_token;
      token = (await first.http.post('/api/users/me/api-tokens').set('Authorization', `Bearer ${session}`).send({ name: 'kept', scopes: ['account:read'] }).expect(201)).body.token;
    } finally {
      await first.close();
    }

    const second = await startEmbeddedTestApp(dir);
    try {
      await second.http.post('/api/auth/login').send({ email: 'ada@embedded.test', password: PASSWORD }).expect(200);
      // The generated JWT secret was persisted too, so the old session still works.
      expect((await second.http.get('/api/users/me').set('Authorization', `Bearer ${session}`).expect(200)).body.username).toBe('embedded_ada');
      await second.http.get('/api/users/me').set('Authorization', `Bearer ${token}`).expect(200);
    } finally {
      await second.close();
    }
  });

  describe('as a server process', () => {
    beforeAll(async () => {
      await ensureBuilt();
    }, 240_000);

    it('comes back healthy with its data after SIGKILL (the orphaned postgres is stopped), and a second server on the same DATA_DIR refuses clearly', async () => {
      const dir = await dataDir();
      const first = await startServer(embeddedEnv(dir));
      const email = `killed-${randomUUID().slice(0, 8)}@embedded.test`;
      expect((await call(`${first.url}/api/auth/register`, { body: { username: 'killed_user', email, password: PASSWORD } })).status).toBe(201);
      const session = (await call(`${first.url}/api/auth/login`, { body: { email, password: PASSWORD } })).body.access_token as string;
      const minted = await call(`${first.url}/api/users/me/api-tokens`, { token: session, body: { name: 'survives SIGKILL', scopes: ['account:read'] } });
      expect(minted.status).toBe(201);
      const orphan = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(await first.stop('SIGKILL')).toBeNull();
      // postgres outlives its killed parent: the next start has to deal with it.
      expect(() => process.kill(orphan, 0)).not.toThrow();

      const second = await startServer(embeddedEnv(dir));
      try {
        expect(() => process.kill(orphan, 0)).toThrow();
        expect((await call(`${second.url}/api/health`)).status).toBe(200);
        const me = await call(`${second.url}/api/users/me`, { token: minted.body.token as string });
        expect([me.status, me.body.email]).toEqual([200, email]);

        const refused = await startServer(embeddedEnv(dir)).then(
          (third) => third.stop().then(() => 'started'),
          (error: Error) => error.message,
        );
        expect(refused).toMatch(/already used by another Tessera server \(pid \d+\)/);
        // The refused start did not disturb the running one.
        expect((await call(`${second.url}/api/health`)).status).toBe(200);
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }
      // A graceful stop takes its postgres down with it.
      expect(() => readFileSync(path.join(dir, 'pg', 'postmaster.pid'))).toThrow();
    });
  });

  describe('access and timeouts', () => {
    let dir: string;
    let t: Awaited<ReturnType<typeof startEmbeddedTestApp>>;
    beforeAll(async () => {
      dir = await dataDir();
      t = await startEmbeddedTestApp(dir, { DATABASE_TIMEOUT_MS: '1500' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('listens on a private Unix socket only and refuses connections without its generated password', async () => {
      const socketDir = path.join(dir, 'pg');
      const pid = (await readFile(path.join(socketDir, 'postmaster.pid'), 'utf8')).split('\n');
      expect(pid[4], 'socket folder').toBe(socketDir);
      expect(pid[5]?.trim(), 'no TCP listen address').toBe('');
      // Nobody but the owner (and, when run as root, the postgres group passing through) gets in.
      expect(statSync(dir).mode & 0o007).toBe(0);
      expect(statSync(socketDir).mode & 0o077).toBe(0);
      expect(statSync(path.join(dir, 'pg-password')).mode & 0o777).toBe(0o600);
      const hba = await readFile(path.join(socketDir, 'pg_hba.conf'), 'utf8');
      expect(hba).not.toMatch(/^\s*[^#\s].*\btrust\b/m);

      const attempt = async (password: string | undefined) => {
        const client = new Client({ host: socketDir, port: 5432, user: 'tessera', database: 'tessera', password, connectionTimeoutMillis: 5000 });
        try {
          await client.connect();
          await client.query('SELECT 1');
          return 'connected';
        } catch (error) {
          return (error as Error).message;
        } finally {
          await client.end().catch(() => undefined);
        }
      };
      expect(await attempt(undefined)).not.toBe('connected');
      expect(await attempt('postgres')).toMatch(/password authentication failed/);
      expect(await attempt('')).not.toBe('connected');
      const postgresRole = new Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', password: 'postgres' });
      await expect(postgresRole.connect()).rejects.toThrow(/password authentication failed/);
      await postgresRole.end().catch(() => undefined);
      expect(await attempt((await readFile(path.join(dir, 'pg-password'), 'utf8')).trim())).toBe('connected');
    });

    it('answers 503 DATABASE_UNAVAILABLE within DATABASE_TIMEOUT_MS when a query is blocked by a lock, while GET /api/policy answers at once', async () => {
      const user = await signUp(t, 'locked');
      const base = await listen(t);
      const holder = new Client({ connectionString: t.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        const started = Date.now();
        const blocked = call(`${base}/api/users/me`, { token: user.session }).then((result) => ({ result, ms: Date.now() - started }));
        await new Promise((resolve) => setTimeout(resolve, 100));
        const policyStarted = Date.now();
        const policy = await call(`${base}/api/policy`);
        expect(policy.status).toBe(200);
        expect(Date.now() - policyStarted, 'policy answered at once').toBeLessThan(500);
        const { result, ms } = await blocked;
        expect([result.status, result.body.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
        expect(ms, 'within DATABASE_TIMEOUT_MS (1500) plus slack').toBeLessThan(1500 + 1500);
        expect(ms).toBeGreaterThanOrEqual(1400);
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
      // Lock gone: the same call works again.
      expect((await call(`${base}/api/users/me`, { token: user.session })).status).toBe(200);
    });
  });

  it('falls back to loopback TCP behind the same password when DATA_DIR is too deep for a Unix socket path', async () => {
    const parent = await dataDir();
    const dir = path.join(parent, 'a-folder-name-long-enough-to-push-the-socket-path', 'past-the-108-bytes-of-sockaddr-un');
    if (process.getuid?.() === 0) {
      // Run as root, postgres runs as the OS user postgres, which cannot pass the 0700 temp folder: said plainly.
      await expect(startEmbeddedPostgres(dir, { onLog: () => undefined })).rejects.toThrow(/cannot enter .*chmod o\+x/);
      await chmod(parent, 0o711);
    }
    const cluster = await startEmbeddedPostgres(dir, { onLog: () => undefined });
    try {
      expect(cluster.endpoint).toEqual({ host: '127.0.0.1', port: expect.any(Number) });
      const pid = (await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
      expect(pid[5]?.trim()).toBe('127.0.0.1');
      const port = (cluster.endpoint as { port: number }).port;
      const wrong = new Client({ host: '127.0.0.1', port, user: 'tessera', database: 'tessera', password: 'tessera' });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
      await wrong.end().catch(() => undefined);
      const right = new Client({ connectionString: cluster.connectionString });
      await right.connect();
      expect((await right.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await right.end();
    } finally {
      await cluster.stop();
    }
  });

  describe('upgrading from the PGlite database of earlier versions', () => {
    it('refuses to start on a PGlite DATA_DIR with a message naming the migration command, which moves every row into the new cluster', async () => {
      const dir = await dataDir();
      const pglite = await loadPglite();
      const db = await pglite.PGlite.create(path.join(dir, 'pg'));
      const migrations = (await readdir(path.join(BACKEND, 'prisma', 'migrations'))).filter((name) => /^\d/.test(name)).sort();
      const exec = (db as unknown as { exec(sql: string): Promise<unknown> }).exec.bind(db);
      await exec(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
      for (const name of migrations) {
        await exec(await readFile(path.join(BACKEND, 'prisma', 'migrations', name, 'migration.sql'), 'utf8'));
        await db.query(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, 'x', now(), $2, 1)`, [randomUUID(), name]);
      }
      const userId = randomUUID();
      const tokenId = randomUUID();
      const token = generateToken();
      await db.query(`INSERT INTO users (id, username, email, password_hash, updated_at) VALUES ($1, 'pglite_user', 'old@pglite.test', $2, now())`, [userId, await new PasswordHasher().hash(PASSWORD)]);
      await db.query(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, token_preview, scopes, request_count, allowed_ips, updated_at) VALUES ($1, $2, 'from pglite', $3, $4, ARRAY['account:read'], 9007199254740993, ARRAY[]::text[], now())`,
        [tokenId, userId, hashToken(token), previewToken(token)],
      );
      await db.close();

      const config = await loadAppConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const refused = await startDatabase(config).then(
        () => 'started',
        (error: Error) => error,
      );
      expect(refused).toBeInstanceOf(LegacyPgliteDataError);
      expect((refused as Error).message).toContain(PGLITE_MIGRATION_COMMAND);
      expect((refused as Error).message).toContain(`DATA_DIR=${dir}`);

      // The command's own entry point (what `db:migrate-pglite` runs after compiling).
      await ensureBuilt();
      const migrated = await run(process.execPath, [path.join(BACKEND, 'dist', 'migrate-pglite.js')], {
        cwd: BACKEND,
        env: { PATH: process.env.PATH, DATA_DIR: dir },
        timeout: 180_000,
      });
      expect(migrated.stdout).toMatch(/users: 1 rows/);
      expect(migrated.stdout).toMatch(/api_tokens: 1 rows/);
      expect(statSync(path.join(dir, 'pg-pglite')).isDirectory()).toBe(true);

      const t = await startEmbeddedTestApp(dir);
      try {
        const login = await t.http.post('/api/auth/login').send({ email: 'old@pglite.test', password: PASSWORD }).expect(200);
        expect(login.body.user.username).toBe('pglite_user');
        const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
        // Bigints, arrays and defaults of later columns come through exactly.
        expect([stored.requestCount, stored.scopes, stored.allowedIps, stored.userId]).toEqual([9007199254740993n, ['account:read'], [], userId]);
        await t.http.get('/api/users/me').set('Authorization', `Bearer ${token}`).expect(200);
      } finally {
        await t.close();
      }
    }, 240_000);
  });
});
