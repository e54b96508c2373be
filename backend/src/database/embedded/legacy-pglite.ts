import { existsSync } from 'node:fs';
import path from 'node:path';

/** The one command that moves an earlier version's PGlite data into the embedded PostgreSQL. */
export const PGLITE_MIGRATION_COMMAND = 'pnpm --filter @tessera/backend db:migrate-pglite';

/**
 * Tessera before 0.2 kept its embedded database in DATA_DIR/pg with PGlite (PostgreSQL compiled
 * to WASM). Its folder is a PostgreSQL data folder (PG_VERSION, base/, ...) without the marker
 * file our initdb step writes, and real postgres cannot open it (another major version, another
 * build). Starting empty beside it would look like lost data, so the server stops and says how
 * to move it.
 */
export async function looksLikePglite(cluster: string): Promise<boolean> {
  return existsSync(path.join(cluster, 'PG_VERSION'));
}

export class LegacyPgliteDataError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `${path.join(dataDir, 'pg')} holds a PGlite database from an earlier Tessera version, which the embedded PostgreSQL cannot open. ` +
        `Stop here and move its data into the new embedded cluster with one command (from the repository root):\n\n` +
        `    DATA_DIR=${dataDir} ${PGLITE_MIGRATION_COMMAND}\n\n` +
        'It keeps the old folder as pg-pglite beside the new one. Then start Tessera again.',
    );
  }
}
