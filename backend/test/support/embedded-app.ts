import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp, readyApp, startDatabase, stopApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/config/app-config';
import { PrismaService } from '../../src/database/prisma.service';
import { UsageRecorder } from '../../src/usage/usage-recorder';
import type { TestApp } from './test-app';

export interface EmbeddedTestApp extends TestApp {
  dataDir: string;
  /** The embedded cluster's connection string (with its generated password). */
  databaseUrl: string;
}

/** A fresh DATA_DIR under the OS temp folder (short: the cluster's socket lives inside it). */
export const newDataDir = () => mkdtemp(path.join(tmpdir(), 'tessera-emb-'));

/**
 * The product as `pnpm start` runs it with no DATABASE_URL, in this process: the embedded
 * PostgreSQL in `dataDir`, migrated at start, over the real HTTP stack.
 */
export async function startEmbeddedTestApp(dataDir: string, env: Record<string, string> = {}): Promise<EmbeddedTestApp> {
  const config = await loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SERVE_PANEL: 'false',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    REGISTRATIONS_PER_IP_PER_HOUR: '100000',
    EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
    // As in test-app.ts: bursts of hundreds of calls on a shared 2-core machine can wait seconds
    // for one of the pool's connections; the timeout test sets its own short one.
    DATABASE_TIMEOUT_MS: '30000',
    ...env,
  });
  if (config.DATABASE_URL) throw new Error('startEmbeddedTestApp needs DATABASE_URL unset');
  const database = await startDatabase(config);
  try {
    const app = await createApp(config, database);
    await readyApp(app);
    return {
      app,
      http: request(app.getHttpServer()),
      prisma: app.get(PrismaService),
      flushUsage: () => app.get(UsageRecorder).flush(),
      close: () => stopApp(app, database),
      dataDir,
      databaseUrl: database.url,
    };
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}

export const removeDataDir = (dataDir: string) => rm(dataDir, { recursive: true, force: true });
