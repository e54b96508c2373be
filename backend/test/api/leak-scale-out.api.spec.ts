import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http-burst';
import { twoInstances, type Account } from '../support/two-instances';

const KEY_ID = 'b5e0c1a2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';

/** A leak reported to one instance kills the token (or service key) on the other, whose cache held it as valid. */
describe('leak revocation across two instances behind one Redis', () => {
  const github = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keysFile = path.join(mkdtempSync(path.join(tmpdir(), 'tessera-gh-keys-')), 'keys.json');
  writeFileSync(keysFile, JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: github.publicKey.export({ type: 'spki', format: 'pem' }), is_current: true }] }));
  // A long cache lifetime: without the invalidation, B would keep the token valid for an hour.
  const twins = twoInstances({ TOKEN_CACHE_TTL_SECONDS: '3600', SECRET_SCANNING_GITHUB_KEYS_FILE: keysFile });
  let owner: Account;

  beforeAll(async () => {
    owner = await twins.account('leaktwin');
  });

  it('a report to instance A is seen by instance B on its next call', async () => {
    const { a, b, prisma } = twins;
    const minted = await call(`${a.url}/api/users/me/api-tokens`, { token: owner.session, body: { name: 'twin leak', scopes: ['account:read'] } });
    expect(minted.status).toBe(201);
    const { id, token } = minted.body as { id: string; token: string };
    // B verifies (and caches) the token.
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);
    expect((await call(`${b.url}/api/users/me`, { token })).status).toBe(200);

    const report = await call(`${a.url}/api/v1/tokens/revoke-leaked`, { body: { tokens: [token], source: 'twin test' } });
    expect(report).toMatchObject({ status: 202, body: { received: 1 } });
    const deadline = Date.now() + 10_000;
    while ((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).status !== 'REVOKED') {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The revocation was published before it was done; B's next call fails.
    const next = await call(`${b.url}/api/users/me`, { token });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('TOKEN_REVOKED');
    expect((await call(`${b.url}/api/users/me/api-tokens/${id}`, { token: owner.session })).body).toMatchObject({ revokedBy: 'leaked', leak: { source: 'twin test' } });
  });

  it('a service key reported to instance A is refused by instance B on its next verify call, though B had it cached', async () => {
    const { a, b } = twins;
    const admin = await twins.account('leaktwinadmin', { admin: true });
    const slug = `twin-${Math.random().toString(36).slice(2, 10)}`;
    const app = await call(`${a.url}/api/admin/applications`, { token: admin.session, body: { name: 'Twin API', slug, scopes: [{ scope: 'deploy:read', description: 'List deployments' }] } });
    expect(app.status).toBe(201);
    const created = await call(`${a.url}/api/admin/applications/${app.body.id}/service-keys`, { token: admin.session, body: { name: 'prod' } });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    const minted = await call(`${a.url}/api/users/me/api-tokens`, { token: owner.session, body: { name: 'twin app token', applicationId: app.body.id, scopes: ['deploy:read'] } });
    expect(minted.status).toBe(201);
    const verifyOnB = () => call(`${b.url}/api/v1/tokens/verify`, { token: key, body: { token: minted.body.token, scopes: ['deploy:read'] } });
    // B authenticates (and caches) the key.
    expect((await verifyOnB()).body.valid).toBe(true);
    expect((await verifyOnB()).body.valid).toBe(true);

    // A GitHub alert is answered once the key is revoked and its invalidation published.
    const body = JSON.stringify([{ token: key, type: 'tessera_service_key', url: 'https://github.com/octo/app/blob/abc/.env', source: 'content' }]);
    const alert = await fetch(`${a.url}/api/v1/secret-scanning/github`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign('sha256', Buffer.from(body), github.privateKey).toString('base64') },
      body,
    });
    expect(alert.status).toBe(200);
    expect(((await alert.json()) as Array<{ label: string }>)[0].label).toBe('true_positive');

    const next = await verifyOnB();
    expect([next.status, next.body.code]).toEqual([401, 'SERVICE_KEY_INVALID']);
    const keys = await call(`${b.url}/api/admin/applications/${app.body.id}/service-keys`, { token: admin.session });
    expect(keys.body[0]).toMatchObject({ state: 'revoked', revokedBy: 'leaked', leak: { source: 'github (content)' } });
  });
});
