import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { HttpStatus } from '@nestjs/common';
import { AppModule } from './app.module';
import { AppException } from './common/app-exception';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { documentErrorResponses } from './common/openapi/error-responses';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfig } from './config/app-config';
import { EMBEDDED_MAX_CONNECTIONS, EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { applyMigrations } from './database/migrator';
import { PrismaService } from './database/prisma.service';

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

/** Builds the whole HTTP app (not listening yet): the same for `main.ts`, the tests and the bench. */
export async function createApp(config: AppConfig, database: StartedDatabase): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: database.url,
      poolSize: database.embedded ? Math.min(4, EMBEDDED_MAX_CONNECTIONS) : 10,
    }),
    { bufferLogs: true, bodyParser: false, rawBody: true },
  );
  app.useLogger(app.get(Logger));
  app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (config.CORS_ORIGINS) app.enableCors({ origin: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) });
  app.use(closeConnectionsWhileDraining(app));
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.use(bodyParserErrors);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  setUpOpenApi(app);
  if (config.SERVE_PANEL) servePanel(app, config.PANEL_DIR ? path.resolve(config.PANEL_DIR) : DEFAULT_PANEL_DIR);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tessera API')
      .setDescription(
        'Personal access tokens: mint, verify, meter. Authenticate with `Authorization: Bearer <session JWT or tsr_ token>`. ' +
          'Errors share one shape: `{statusCode, error, code, message, details?}`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A session JWT from /api/auth/login, or a tsr_ personal access token' })
      .build(),
  );
  documentErrorResponses(app, document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built panel at `/` with a single-page-app fallback; `/api` stays the API. */
function servePanel(app: NestExpressApplication, panelDir: string): void {
  const index = path.join(panelDir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(panelDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

/**
 * body-parser's errors carry a `type`; Nest would flatten bad JSON into a plain 400, so they are
 * turned into coded errors here, right after the parser.
 */
function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return next(new AppException(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'The request body is not valid JSON'));
  if (type === 'entity.too.large') return next(new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', 'The request body is too large'));
  if (typeof type === 'string') return next(new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request body cannot be read'));
  next(error);
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Apps that are shutting down: their answers close the connection instead of keeping it alive. */
const draining = new WeakSet<NestExpressApplication>();
/** In-flight requests get this long to finish before their connections are cut. */
export const DRAIN_TIMEOUT_MS = 10_000;

function closeConnectionsWhileDraining(app: NestExpressApplication) {
  return (_request: Request, response: Response, next: NextFunction) => {
    if (draining.has(app)) response.setHeader('Connection', 'close');
    next();
  };
}

/**
 * Stops accepting connections and waits for the requests in flight. Keep-alive connections are
 * closed as soon as they are idle (a client that keeps sending on one gets `Connection: close`),
 * so a busy client cannot hold the server open; after DRAIN_TIMEOUT_MS the rest are cut.
 */
async function drainHttp(app: NestExpressApplication): Promise<void> {
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
export async function stopApp(app: NestExpressApplication, database: StartedDatabase): Promise<void> {
  const prisma = app.get(PrismaService);
  await drainHttp(app);
  await app.close();
  await prisma.$disconnect();
  await database.embedded?.stop();
}
