import { createApp } from '../../bootstrap';
import { loadAppConfig } from '../../config/app-config';
import { createOpenApiDocument } from './document';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document without a server or a database: the app is built (not started, never
 * connected) on a placeholder URL. The same document `/api/docs-json` serves.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const config = await loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
    JWT_SECRET: 'offline-document-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    SERVE_PANEL: 'false',
    DATA_DIR: '/tmp/tessera-openapi-unused',
    EXPIRY_WEBHOOK_INTERVAL_SECONDS: '0',
  });
  const app = await createApp(config, { url: config.DATABASE_URL! });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
