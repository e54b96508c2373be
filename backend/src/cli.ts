import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { startDatabase, type StartedDatabase } from './bootstrap';
import { loadAppConfig } from './config/app-config';

/**
 * Server-side recovery commands, run where the server runs (same environment, same database):
 *   node dist/cli.js admin:promote <email>   make an account an active admin
 * With no DATABASE_URL it starts the embedded PostgreSQL in DATA_DIR (the server must be stopped).
 */
async function main(argv: string[]): Promise<number> {
  const [command, email] = argv;
  if (command !== 'admin:promote' || !email) {
    process.stderr.write('usage: node dist/cli.js admin:promote <email>\n');
    return 2;
  }
  const config = await loadAppConfig(process.env);
  let database: StartedDatabase | undefined;
  let prisma: PrismaClient | undefined;
  try {
    database = await startDatabase(config);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const normalised = email.trim().toLowerCase();
    const user = await prisma.user.findFirst({ where: { email: { equals: normalised, mode: 'insensitive' } } });
    if (!user) {
      process.stderr.write(`No account has the email ${normalised}\n`);
      return 1;
    }
    await prisma.$transaction([
      prisma.user.update({ where: { id: user.id }, data: { role: 'admin', disabledAt: null } }),
      prisma.auditEvent.create({
        data: { userId: user.id, type: 'admin.role_changed', actorKind: 'system', details: { from: user.role, to: 'admin', via: 'cli', enabled: user.disabledAt !== null } },
      }),
    ]);
    process.stdout.write(`${user.username} <${user.email}> is now an admin${user.disabledAt ? ' (and enabled again)' : ''}\n`);
    return 0;
  } finally {
    await prisma?.$disconnect();
    await database?.embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
