import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma 6 with the JS engine and the pg driver adapter: no engine binaries are downloaded.
// The migrator passes the real connection string in MIGRATE_DATABASE_URL.
process.env.PRISMA_CLI_DATABASE_URL ??= 'postgresql://placeholder@localhost:5432/placeholder';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.MIGRATE_DATABASE_URL ?? process.env.PRISMA_CLI_DATABASE_URL! }),
});
