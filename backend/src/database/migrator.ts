import { spawn } from 'node:child_process';
import path from 'node:path';

/** backend/ — the same from src/ (tests) and dist/ (production). */
const BACKEND_ROOT = path.resolve(__dirname, '..', '..');
const DONE = /No pending migrations to apply|All migrations have been successfully applied/;
const TIMEOUT_MS = 120_000;

/**
 * Applies pending migrations with `prisma migrate deploy`. Async on purpose: the embedded
 * database is served by this process's event loop, which a synchronous child would block.
 *
 * Prisma 6's CLI with a driver adapter finishes its work in well under a second but then keeps
 * its process alive for ~10 s (an open handle inside the CLI), so we end it as soon as it has
 * printed its success line instead of paying those seconds on every start.
 */
export function applyMigrations(connectionString: string): Promise<string> {
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
