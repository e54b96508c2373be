import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, mint, PASSWORD, signUp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every text value of every table, dumped through a plain pg connection. */
async function dumpDatabase(): Promise<string> {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    const parts: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${tablename}"`);
      parts.push(JSON.stringify(rows.rows));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

describe('secrets at rest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('stores no plaintext token or password after a full scenario, only hashes', async () => {
    const user = await signUp(t, 'secretive');
    const first = await mint(t, user.session, { scopes: ['account:read', 'tokens:write'] });
    await t.http.get('/api/users/me').set(bearer(first.token)).expect(200);
    const regenerated = await t.http.post(`/api/users/me/api-tokens/${first.id}/regenerate`).set(bearer(user.session)).expect(200);
    const second = await mint(t, user.session);
    await t.http.post(`/api/users/me/api-tokens/${second.id}/revoke`).set(bearer(second.token)).expect(403);
    await t.http.patch('/api/users/me').set(bearer(user.session)).send({ newPassword: 'another password', currentPassword: PASSWORD }).expect(200);
    await t.flushUsage();

    const dump = await dumpDatabase();
    for (const secret of [first.token, regenerated.body.token, second.token, PASSWORD, 'another password']) {
      expect(dump).not.toContain(secret);
      // Nor the random part alone, which is what a careless "strip the prefix" would store.
      if (secret.startsWith('tsr_')) expect(dump).not.toContain(secret.slice(4, 36));
    }
    const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const account = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
