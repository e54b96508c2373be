import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { inject } from 'vitest';
import { createApp, readyApp, stopApp, StartedDatabase } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/config/app-config';
import { PrismaService } from '../../src/database/prisma.service';
import { UsageRecorder } from '../../src/usage/usage-recorder';
import { createOwnDatabase } from './own-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  prisma: PrismaService;
  /** Writes recorded usage to the database now (the recorder batches it otherwise). */
  flushUsage(): Promise<void>;
  close(): Promise<void>;
}

/** Environment variables that only seed the runtime policy, which lives in the database. */
const POLICY_VARIABLES = ['MAX_TOKENS_PER_USER', 'MAX_TOKEN_LIFETIME_DAYS', 'ALLOW_NO_EXPIRY', 'EXPIRY_NOTICE_DAYS', 'IDLE_REVOKE_DAYS', 'SIGNUP_MODE'];

/**
 * The real Nest app, over real HTTP, on this run's PostgreSQL database. An app given a policy
 * variable (or `ownDatabase`) gets a fresh database of its own: the policy is install-wide state.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logDestination?: NodeJS.WritableStream; ownDatabase?: boolean } = {},
): Promise<TestApp> {
  const own = !env.DATABASE_URL && (options.ownDatabase || POLICY_VARIABLES.some((name) => name in env)) ? await createOwnDatabase() : null;
  const config = await loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: own?.url ?? inject('databaseUrl'),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    SERVE_PANEL: 'false',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    REGISTRATIONS_PER_IP_PER_HOUR: '100000',
    DATA_DIR: '/tmp/tessera-test-unused',
    // Bursts of 400 calls on a shared 2-core machine can wait seconds for a pool slot; the tests
    // check exact limits, not timeouts (database-outage.api.spec.ts sets its own short one).
    DATABASE_TIMEOUT_MS: '30000',
    // Test files share one database: only the expiry-webhook test sends notices (and runs rounds itself).
    EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
    // Likewise the idle-revocation job: its tests run rounds themselves, on a database of their own.
    IDLE_REVOKE_INTERVAL_SECONDS: '0',
    ...env,
  });
  config.logDestination = options.logDestination;
  const database: StartedDatabase = { url: config.DATABASE_URL! };
  const app = await createApp(config, database);
  // Fastify answers on getHttpServer() only once it is ready (init, then the instance's ready()).
  await readyApp(app);
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    prisma: app.get(PrismaService),
    flushUsage: () => app.get(UsageRecorder).flush(),
    close: async () => {
      await stopApp(app, database);
      await own?.drop();
    },
  };
}
