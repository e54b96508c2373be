import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { databaseUrlFor } from './global-setup';

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test (cloned from the run's template): for tests of
 * install-wide state (the runtime policy, the first account being admin, the idle job's clock)
 * that must not leak into the test files sharing the run's database.
 */
export async function createOwnDatabase(): Promise<OwnDatabase> {
  const template = inject('templateDatabaseName');
  const name = `${template.replace(/_tmpl$/, '')}_own_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  try {
    // Two clones of one template at the same moment can collide ("being accessed by other users").
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(name),
    async drop() {
      const cleanup = new Client({ connectionString: inject('adminDatabaseUrl') });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
