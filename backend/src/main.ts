import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { bootstrapServer } from './server';

bootstrapServer().catch((error: Error) => {
  new Logger('Tessera').error(error.message);
  process.exit(1);
});
