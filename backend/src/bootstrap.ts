import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
// reply.sendFile (the panel's index.html) comes with @fastify/static, registered by useStaticAssets.
import type {} from '@fastify/static';
import { AppModule } from './app.module';
import { installAdmittanceCompletion } from './access/admittance';
import { AppException } from './common/app-exception';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { installJsonBodyParser, parseBodyLimit } from './common/http/body-parsing';
import { AJV_OPTIONS, schemaErrorFormatter } from './common/http/schema-errors';
import { setUpOpenApi } from './common/openapi/document';
import { securityHeaderValues } from './common/security-headers';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfig } from './config/app-config';
import { EMBEDDED_MAX_CONNECTIONS, EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { applyMigrations } from './database/migrator';
import { PrismaService } from './database/prisma.service';
import { createPino, installRequestLog, PinoNestLogger } from './logging';

export interface StartedDatabase {
  url: string;
  embedded?: EmbeddedPostgres;
}

export interface CreateAppOptions {
  /** Skip `migrate deploy` (tests migrate their database once in global setup). */
  skipMigrations?: boolean;
}

/** DATABASE_URL when set, otherwise the embedded PostgreSQL in DATA_DIR; migrated either way. */
export async function startDatabase(config: AppConfig, options: CreateAppOptions = {}): Promise<StartedDatabase> {
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.dataDir);
  const url = config.DATABASE_URL ?? embedded!.connectionString;
  if (!options.skipMigrations) await applyMigrations(url);
  return { url, embedded };
}

const DEFAULT_PANEL_DIR = path.resolve(__dirname, '..', '..', 'frontend', 'dist');

/**
 * Builds the whole HTTP app on Fastify (not listening yet): the same for `main.ts`, the tests and
 * the bench. Callers `init()` it, then wait for `getHttpAdapter().getInstance().ready()` (or
 * `listen`) before using `getHttpServer()`; `readyApp` does both.
 */
export async function createApp(config: AppConfig, database: StartedDatabase): Promise<NestFastifyApplication> {
  const pinoLogger = createPino(config);
  const filter = new HttpExceptionFilter();
  const adapter = new FastifyAdapter({
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    bodyLimit: parseBodyLimit(config.BODY_LIMIT),
    // `/api/policy/` is `/api/policy`, as Express's non-strict routing had it.
    routerOptions: { ignoreTrailingSlash: true },
    // Request logging is ours (installRequestLog), not Fastify's per-request child loggers.
    logger: false,
    // The app has no Nest middleware (consumer.apply): no @fastify/middie pass on every request.
    skipMiddie: true,
    // Routes with a JSON schema (the verify API) validate as strictly as the ValidationPipe.
    ajv: AJV_OPTIONS,
    schemaErrorFormatter,
    // A path Fastify's router cannot decode (`/%E0%A4%A`): 400 in the API's error shape, as before.
    frameworkErrors: (_error: unknown, _request: unknown, reply: FastifyReply) => {
      reply.headers(SECURITY_HEADERS);
      filter.send(reply, new AppException('VALIDATION_FAILED', 'The request path is not valid'));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: database.url,
      poolSize: database.embedded ? Math.min(10, EMBEDDED_MAX_CONNECTIONS) : 10,
    }),
    adapter,
    // bodyParser: false: the JSON parser is ours (installJsonBodyParser), with the API's error codes.
    { bufferLogs: true, bodyParser: false, rawBody: true },
  );
  app.useLogger(new PinoNestLogger(pinoLogger));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installFixedHeaders(fastify, app);
  installRequestLog(fastify, pinoLogger, config);
  installAdmittanceCompletion(fastify);
  installJsonBodyParser(fastify);
  if (config.CORS_ORIGINS) app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(filter);
  setUpOpenApi(app);
  if (config.SERVE_PANEL) servePanel(app, fastify, config.PANEL_DIR ? path.resolve(config.PANEL_DIR) : DEFAULT_PANEL_DIR);
  return app;
}

/** `init()` plus Fastify's `ready()`: after this, `getHttpServer()` answers (supertest, `listen(0)`). */
export async function readyApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** helmet's headers, computed once (see security-headers.ts). */
const SECURITY_HEADERS = securityHeaderValues();

/**
 * The security headers on every answer, errors and 404s included, and `Connection: close` while
 * the app drains: one `onRequest` hook.
 */
function installFixedHeaders(fastify: FastifyInstance, app: NestFastifyApplication): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (draining.has(app)) reply.header('connection', 'close');
    done();
  });
}

/** Serves the built panel at `/` with a single-page-app fallback; `/api` stays the API. */
function servePanel(app: NestFastifyApplication, fastify: FastifyInstance, panelDir: string): void {
  const index = path.join(panelDir, 'index.html');
  if (!existsSync(index)) return;
  // wildcard: false = one route per built file (the panel is fixed at build time), so the
  // catch-all below is ours: the SPA's client-side routes get index.html.
  app.useStaticAssets({ root: panelDir, prefix: '/', index: false, maxAge: '1h', wildcard: false });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api')) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', panelDir, { maxAge: 0, cacheControl: false });
  });
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

/** Apps that are shutting down: their answers close the connection instead of keeping it alive. */
const draining = new WeakSet<NestFastifyApplication>();
/** In-flight requests get this long to finish before their connections are cut. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops accepting connections and waits for the requests in flight. Keep-alive connections are
 * closed as soon as they are idle (a client that keeps sending on one gets `Connection: close`),
 * so a busy client cannot hold the server open; after DRAIN_TIMEOUT_MS the rest are cut.
 */
async function drainHttp(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  if (!server.listening) return;
  draining.add(app);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(force);
  }
}

/**
 * Graceful stop, in order: stop accepting and drain in-flight requests (each one's usage is
 * recorded when it is answered), run the shutdown hooks (the usage recorder flushes its last
 * batch), then close the database pool and the embedded database.
 */
export async function stopApp(app: NestFastifyApplication, database: StartedDatabase): Promise<void> {
  const prisma = app.get(PrismaService);
  await drainHttp(app);
  await app.close();
  await prisma.$disconnect();
  await database.embedded?.stop();
}
