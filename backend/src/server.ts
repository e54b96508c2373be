import { Logger } from '@nestjs/common';
import { AppConfig, loadAppConfig } from './config/app-config';
import { InvalidConfigError } from './config/env.schema';
import { createApp, startDatabase, stopApp } from './bootstrap';

/** Starts the whole product: config, database (embedded or external), migrations, HTTP. */
export async function bootstrapServer(): Promise<void> {
  const logger = new Logger('Tessera');
  const config = await loadConfigOrExit();
  const database = await startDatabase(config);
  logger.log(database.embedded ? `Embedded PostgreSQL in ${config.dataDir}` : 'Using DATABASE_URL');
  const app = await createApp(config, database);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining requests and flushing usage`);
    stopApp(app, database)
      .then(() => process.exit(0))
      .catch((error: Error) => {
        logger.error(`Shutdown failed: ${error.message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  await app.listen(config.PORT, config.HOST);
  const port = (app.getHttpServer().address() as { port: number }).port;
  const url = `http://localhost:${port}`;
  logger.log(`Tessera is up on ${url}`);
  // Plain text on purpose: the one line a newcomer needs, outside the JSON log stream.
  console.log(`\n  Tessera is running\n    panel  ${url}/\n    API    ${url}/api\n    docs   ${url}/api/docs\n`);
}

async function loadConfigOrExit(): Promise<AppConfig> {
  try {
    return await loadAppConfig();
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      // Printed plainly: this is the operator's first contact with a misconfiguration.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
