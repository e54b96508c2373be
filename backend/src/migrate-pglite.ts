import { loadAppConfig } from './config/app-config';
import { migratePgliteDataDir } from './database/pglite-migration';

/**
 * `pnpm --filter @tessera/backend db:migrate-pglite`: moves the PGlite database of an earlier
 * version (DATA_DIR/pg) into the embedded PostgreSQL. Uses the same DATA_DIR as the server.
 */
async function main(): Promise<void> {
  const config = await loadAppConfig();
  const result = await migratePgliteDataDir(config.dataDir, { log: (message) => console.log(message) });
  for (const [table, count] of Object.entries(result.rows)) console.log(`  ${table}: ${count} rows`);
  console.log('Start Tessera again (pnpm start): it runs on the embedded PostgreSQL now.');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
