import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/database/migrator';

/**
 * One fresh database per test run on the real PostgreSQL (TEST_DATABASE_URL, default the local
 * server), migrated once with the same `migrate deploy` as production, dropped at the end.
 */
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export function databaseUrlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `tessera_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.query(`CREATE DATABASE "${name}_tmpl"`);
  await admin.end();
  const url = databaseUrlFor(name);
  // A migrated database nobody connects to: tests that need a database of their own (an install
  // with its own runtime policy, or an empty one) clone it in a fraction of a second.
  await Promise.all([applyMigrations(url), applyMigrations(databaseUrlFor(`${name}_tmpl`))]);
  project.provide('databaseUrl', url);
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabaseName', `${name}_tmpl`);

  return async () => {
    const cleanup = new Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}_tmpl" WITH (FORCE)`);
    // Databases of their own that a killed test file left behind.
    const { rows } = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}_own_%`]);
    for (const row of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    templateDatabaseName: string;
  }
}
