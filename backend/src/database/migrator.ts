import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** backend/ — the same from src/ (tests) and dist/ (production). */
const BACKEND_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Applies pending migrations with `prisma migrate deploy`. Async on purpose: the embedded
 * database is served by this process's event loop, which a synchronous child would block.
 */
export async function applyMigrations(connectionString: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [BACKEND_ROOT] });
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: BACKEND_ROOT,
    env: {
      ...process.env,
      MIGRATE_DATABASE_URL: connectionString,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
    timeout: 120_000,
  });
  return stdout;
}
