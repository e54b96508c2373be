import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, readyApp, startDatabase, stopApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/config/app-config';
import { PASSWORD } from '../support/fixtures';

/** Starts the product as `pnpm start` does with no DATABASE_URL: PGlite in DATA_DIR, migrated at start. */
async function startEmbedded(dataDir: string) {
  const config = await loadAppConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SERVE_PANEL: 'false' });
  expect(config.DATABASE_URL).toBeUndefined();
  const database = await startDatabase(config);
  const app = await createApp(config, database);
  await readyApp(app);
  return { http: request(app.getHttpServer()), stop: () => stopApp(app, database) };
}

describe('embedded database', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('starts on an empty DATA_DIR, and keeps accounts, tokens and the session secret across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tessera-embedded-'));
    dirs.push(dataDir);

    const first = await startEmbedded(dataDir);
    let session: string;
    let token: string;
    try {
      await first.http.get('/api/health').expect(200);
      await first.http.post('/api/auth/register').send({ username: 'embedded_ada', email: 'ada@embedded.test', password: PASSWORD }).expect(201);
      session = (await first.http.post('/api/auth/login').send({ email: 'ada@embedded.test', password: PASSWORD }).expect(200)).body.access_token;
      token = (await first.http.post('/api/users/me/api-tokens').set('Authorization', `Bearer ${session}`).send({ name: 'kept', scopes: ['account:read'] }).expect(201)).body.token;
    } finally {
      await first.stop();
    }

    const second = await startEmbedded(dataDir);
    try {
      await second.http.post('/api/auth/login').send({ email: 'ada@embedded.test', password: PASSWORD }).expect(200);
      // The generated JWT secret was persisted too, so the old session still works.
      expect((await second.http.get('/api/users/me').set('Authorization', `Bearer ${session}`).expect(200)).body.username).toBe('embedded_ada');
      await second.http.get('/api/users/me').set('Authorization', `Bearer ${token}`).expect(200);
    } finally {
      await second.stop();
    }
  });
});
