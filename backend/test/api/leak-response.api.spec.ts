import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../src/contract';
import { generateSecret, generateToken, hashToken, SERVICE_KEY_PREFIX } from '../../src/api-tokens/token-format';
import { verifyWebhookSignature } from '../../src/expiry-notices/webhook-signature';
import { TokenLeaksRepository } from '../../src/leak-response/token-leaks.repository';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const REPORT = '/api/v1/tokens/revoke-leaked';
const GITHUB = '/api/v1/secret-scanning/github';
const tokensPath = '/api/users/me/api-tokens';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const CODES = new Set(Object.values(ERROR_CODES));

/** The same token with its last checksum character changed: right shape, wrong CRC32. */
function wrongChecksum(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === 'a' ? 'b' : 'a');
}

/** Polls until `check` is true (the public report revokes after answering). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await pause(50);
  }
  throw new Error('condition not reached in time');
}

/** Waits for the webhook delivery `match` picks, and checks it is a signed `type` event with its delivery id. */
async function signedDelivery(received: Received[], type: string, secret: string, match: (entry: Received) => boolean): Promise<Received> {
  await eventually(async () => received.some(match));
  const event = received.find(match)!;
  expect(event.headers['x-tessera-event']).toBe(type);
  expect(event.headers['x-tessera-delivery']).toBe(event.body.id);
  expect(verifyWebhookSignature(secret, event.headers['x-tessera-signature'] as string, event.raw)).toBe(true);
  expect(event.body).toMatchObject({ type, attempt: 1 });
  return event;
}

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: {
    type: string;
    id: string;
    userId: string;
    token?: { id: string; name: string; tokenPreview: string };
    serviceKey?: { id: string; name: string; keyPreview: string };
    leak?: { source: string; url: string };
  };
}

describe('leak response', () => {
  let t: TestApp;
  let limited: TestApp;
  let hook: Server;
  const received: Received[] = [];
  let hookUrl: string;
  const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const otherKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const KEY_ID = '90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a';

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tessera-gh-keys-'));
    const keysFile = path.join(dir, 'keys.json');
    writeFileSync(
      keysFile,
      JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: keys.publicKey.export({ type: 'spki', format: 'pem' }), is_current: true }] }),
    );
    hook = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    [t, limited] = await Promise.all([
      startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', LEAK_REPORTS_PER_IP_PER_MINUTE: '10000', SECRET_SCANNING_GITHUB_KEYS_FILE: keysFile }),
      startTestApp({ LEAK_REPORTS_PER_IP_PER_MINUTE: '3' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), limited?.close()]);
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  const detail = async (user: TestUser, id: string) => (await t.http.get(`${tokensPath}/${id}`).set(bearer(user.session)).expect(200)).body;
  const isRevoked = (user: TestUser, id: string) => async () => (await detail(user, id)).state === 'revoked';

  describe('POST /v1/tokens/revoke-leaked', () => {
    it("revokes another user's live token, with where it was found, and answers exactly as for unknown and made-up tokens", async () => {
      const owner = await signUp(t, 'leaky');
      const live = await mint(t, owner.session, { name: 'deploy key' });
      await t.http.get('/api/users/me').set(bearer(live.token)).expect(200);

      const answers = await Promise.all(
        [live.token, generateToken(), 'tsr_madeup', 'not a token at all'].map((token) =>
          t.http.post(REPORT).send({ tokens: [token], source: 'public gist', url: 'https://gist.example.com/octo/1' }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        expect(answer.body).toEqual({ received: 1 });
        expect(answer.text).toBe(answers[0].text);
        expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(answers[0].headers).sort());
      }

      await eventually(isRevoked(owner, live.id));
      const view = await detail(owner, live.id);
      expect(view).toMatchObject({ state: 'revoked', revokedBy: 'leaked', leak: { source: 'public gist', url: 'https://gist.example.com/octo/1', dismissedAt: null } });
      expect(Date.parse(view.leak.reportedAt)).toBeGreaterThan(Date.now() - 60_000);
      const listed = (await t.http.get(tokensPath).set(bearer(owner.session)).expect(200)).body.data.find((row: { id: string }) => row.id === live.id);
      expect(listed).toMatchObject({ revokedBy: 'leaked', leak: { source: 'public gist' } });

      const call = await t.http.get('/api/users/me').set(bearer(live.token));
      expect(call.status).toBe(401);
      expect(call.body.code).toBe('TOKEN_REVOKED');

      const audit = (await t.http.get('/api/users/me/audit-events').set(bearer(owner.session)).expect(200)).body.data;
      expect(audit[0]).toMatchObject({ type: 'token.leak_revoked', tokenId: live.id, actorKind: 'reporter', details: { source: 'public gist', url: 'https://gist.example.com/octo/1' } });
    });

    it("gives the one revocation reason, revokedBy: leaked, with where it was found, to the admin inventory too; other tokens have no leak", async () => {
      const owner = await signUp(t, 'leakinv');
      const leaked = await mint(t, owner.session, { name: 'leaked one' });
      const revoked = await mint(t, owner.session, { name: 'revoked by owner' });
      await t.http.post(`${tokensPath}/${revoked.id}/revoke`).set(bearer(owner.session)).expect(200);
      await t.http.post(REPORT).send({ tokens: [leaked.token], source: 'pastebin', url: 'https://paste.example.com/1' }).expect(202);
      await eventually(isRevoked(owner, leaked.id));
      expect(await detail(owner, revoked.id)).toMatchObject({ revokedBy: 'owner', leak: null });

      const operator = await signUp(t, 'leakadm');
      await t.prisma.user.update({ where: { id: operator.id }, data: { role: 'admin' } });
      const inventory = (await t.http.get('/api/admin/api-tokens').query({ ownerId: owner.id, limit: 100 }).set(bearer(operator.session)).expect(200)).body.data;
      const byId = new Map(inventory.map((row: { id: string }) => [row.id, row]));
      expect(byId.get(leaked.id)).toMatchObject({ state: 'revoked', revokedBy: 'leaked', leak: { source: 'pastebin', url: 'https://paste.example.com/1' } });
      expect(byId.get(revoked.id)).toMatchObject({ state: 'revoked', revokedBy: 'owner', leak: null });
    });

    it('answers 202 with the number of entries for a batch of any mix, and reporting a revoked token again changes nothing', async () => {
      const owner = await signUp(t, 'batch');
      const tokens = await Promise.all([mint(t, owner.session), mint(t, owner.session)]);
      const answer = await t.http.post(REPORT).send({ tokens: [tokens[0].token, tokens[1].token, tokens[0].token, 'x', generateToken()] }).expect(202);
      expect(answer.body).toEqual({ received: 5 });
      await eventually(async () => (await isRevoked(owner, tokens[0].id)()) && (await isRevoked(owner, tokens[1].id)()));
      const first = await detail(owner, tokens[0].id);
      expect(first.leak).toEqual({ source: null, url: null, reportedAt: expect.any(String), dismissedAt: null });

      await t.http.post(REPORT).send({ tokens: [tokens[0].token], source: 'again' }).expect(202);
      await pause(300);
      expect((await detail(owner, tokens[0].id)).leak).toEqual(first.leak);
      const audit = (await t.http.get('/api/users/me/audit-events').set(bearer(owner.session)).expect(200)).body.data;
      expect(audit.filter((event: { type: string }) => event.type === 'token.leak_revoked')).toHaveLength(2);
    });

    it('drops entries with a wrong checksum before any database lookup', async () => {
      const owner = await signUp(t, 'crc');
      const live = await mint(t, owner.session);
      const repository = t.app.get(TokenLeaksRepository);
      const lookups = vi.spyOn(repository, 'findByHashes');
      const tokenReads = vi.spyOn(t.prisma.apiToken, 'findMany');
      const retiredReads = vi.spyOn(t.prisma.apiTokenRetiredSecret, 'findMany');
      try {
        const lookAlikes = [wrongChecksum(live.token), wrongChecksum(generateToken()), `${live.token}x`, live.token.slice(0, -1)];
        await t.http.post(REPORT).send({ tokens: lookAlikes }).expect(202, { received: 4 });
        await pause(300);
        expect(lookups).not.toHaveBeenCalled();
        expect(tokenReads).not.toHaveBeenCalled();
        expect(retiredReads).not.toHaveBeenCalled();
        await t.http.get('/api/users/me').set(bearer(live.token)).expect(200);

        // In a mixed report only the checksum-valid entry is looked up.
        const unknown = generateToken();
        await t.http.post(REPORT).send({ tokens: [...lookAlikes, unknown] }).expect(202, { received: 5 });
        await eventually(async () => lookups.mock.calls.length === 1);
        expect(lookups.mock.calls[0][0]).toEqual([hashToken(unknown)]);
        const queried = JSON.stringify([...tokenReads.mock.calls, ...retiredReads.mock.calls]);
        for (const lookAlike of lookAlikes) expect(queried).not.toContain(hashToken(lookAlike));
      } finally {
        vi.restoreAllMocks();
      }
    });

    it('refuses a malformed report with 400 naming the field', async () => {
      const cases: Array<[unknown, string]> = [
        [{}, 'tokens'],
        [{ tokens: [] }, 'tokens'],
        [{ tokens: 'tsr_x' }, 'tokens'],
        [{ tokens: Array.from({ length: 1001 }, () => 'tsr_x') }, 'tokens'],
        [{ tokens: [42] }, 'tokens'],
        [{ tokens: ['tsr_x'], url: 'javascript:alert(1)' }, 'url'],
        [{ tokens: ['tsr_x'], source: 'x'.repeat(201) }, 'source'],
        [{ tokens: ['tsr_x'], extra: 1 }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const answer = await t.http.post(REPORT).send(body as object);
        expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(answer.body.code).toBe('VALIDATION_FAILED');
        expect(answer.body.details.map((detail: { field: string }) => detail.field.split('.')[0])).toContain(field);
      }
    });

    it('takes 1000 tokens in one report', async () => {
      const answer = await t.http.post(REPORT).send({ tokens: Array.from({ length: 1000 }, () => generateToken()) });
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ received: 1000 });
    });

    it('limits reports per client IP with 429 RATE_LIMITED and Retry-After', async () => {
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await limited.http.post(REPORT).send({ tokens: [generateToken()] }));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 429, 429]);
      expect(answers[3].body.code).toBe('RATE_LIMITED');
      expect(Number(answers[3].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the owner is told', () => {
    it('sends a signed token.leaked event to the owner\'s webhook', async () => {
      const owner = await signUp(t, 'hooked');
      const secret = (await t.http.put('/api/users/me/expiry-webhook').set(bearer(owner.session)).send({ url: hookUrl }).expect(200)).body.secret;
      const live = await mint(t, owner.session, { name: 'ci secret' });
      await t.http.post(REPORT).send({ tokens: [live.token], source: 'build log', url: 'https://ci.example.com/run/7' }).expect(202);

      const event = await signedDelivery(received, 'token.leaked', secret, (entry) => entry.body.userId === owner.id);
      expect(event.body).toMatchObject({
        token: { id: live.id, name: 'ci secret', tokenPreview: live.body.tokenPreview },
        leak: { source: 'build log', url: 'https://ci.example.com/run/7' },
      });
      expect(JSON.stringify(event.body)).not.toContain(live.token);

      const webhook = (await t.http.get('/api/users/me/expiry-webhook').set(bearer(owner.session)).expect(200)).body;
      expect(webhook.recentNotices[0]).toMatchObject({ event: 'token.leaked', tokenId: live.id, status: 'DELIVERED', expiresAt: null });
    });

    it('lists undismissed leaks for the banner until dismissed; another user cannot dismiss them', async () => {
      const owner = await signUp(t, 'banner');
      const stranger = await signUp(t, 'stranger');
      const live = await mint(t, owner.session, { name: 'banner token' });
      const healthy = await mint(t, owner.session);
      await t.http.post(REPORT).send({ tokens: [live.token], source: 'paste site' }).expect(202);
      await eventually(isRevoked(owner, live.id));

      const leaks = (await t.http.get('/api/users/me/token-leaks').set(bearer(owner.session)).expect(200)).body;
      expect(leaks).toEqual([
        { tokenId: live.id, tokenName: 'banner token', tokenPreview: live.body.tokenPreview, source: 'paste site', url: null, reportedAt: expect.any(String) },
      ]);
      expect((await t.http.get('/api/users/me/token-leaks').set(bearer(stranger.session)).expect(200)).body).toEqual([]);

      await t.http.post(`${tokensPath}/${live.id}/leak/dismiss`).set(bearer(stranger.session)).expect(404);
      await t.http.post(`${tokensPath}/${healthy.id}/leak/dismiss`).set(bearer(owner.session)).expect(404);
      const pat = await mint(t, owner.session, { scopes: ['tokens:write'] });
      expect((await t.http.post(`${tokensPath}/${live.id}/leak/dismiss`).set(bearer(pat.token))).body.code).toBe('SESSION_REQUIRED');
      await t.http.post(`${tokensPath}/${live.id}/leak/dismiss`).set(bearer(owner.session)).expect(204);
      await t.http.post(`${tokensPath}/${live.id}/leak/dismiss`).set(bearer(owner.session)).expect(204);

      expect((await t.http.get('/api/users/me/token-leaks').set(bearer(owner.session)).expect(200)).body).toEqual([]);
      const view = await detail(owner, live.id);
      expect(view.revokedBy).toBe('leaked');
      expect(Date.parse(view.leak.dismissedAt)).not.toBeNaN();
    });
  });

  describe('POST /v1/secret-scanning/github', () => {
    const signed = (body: string, key: KeyObject = keys.privateKey) => sign('sha256', Buffer.from(body), key).toString('base64');
    const alert = (body: string, signature: string | null, keyId: string | null = KEY_ID) => {
      const request = t.http.post(GITHUB).set('Content-Type', 'application/json');
      if (keyId !== null) request.set('Github-Public-Key-Identifier', keyId);
      if (signature !== null) request.set('Github-Public-Key-Signature', signature);
      return request.send(body);
    };

    it('revokes the live tokens of a validly signed alert and labels every match', async () => {
      const owner = await signUp(t, 'github');
      const live = await mint(t, owner.session);
      const unknown = generateToken();
      const body = JSON.stringify([
        { token: live.token, type: 'tessera_personal_access_token', url: 'https://github.com/octo/app/blob/abc/.env', source: 'content' },
        { token: unknown, type: 'tessera_personal_access_token', url: 'https://github.com/octo/app/blob/abc/b', source: 'commit' },
        { token: wrongChecksum(live.token), type: 'tessera_personal_access_token', url: 'https://github.com/octo/app', source: 'content' },
      ]);
      const answer = await alert(body, signed(body)).expect(200);
      expect(answer.body).toEqual([
        { token_hash: hashToken(live.token), token_type: 'tessera_personal_access_token', label: 'true_positive' },
        { token_hash: hashToken(unknown), token_type: 'tessera_personal_access_token', label: 'false_positive' },
        { token_hash: hashToken(wrongChecksum(live.token)), token_type: 'tessera_personal_access_token', label: 'false_positive' },
      ]);
      // Revoked before the answer: no polling.
      expect(await detail(owner, live.id)).toMatchObject({
        state: 'revoked',
        revokedBy: 'leaked',
        leak: { source: 'github (content)', url: 'https://github.com/octo/app/blob/abc/.env' },
      });
      await t.http.get('/api/users/me').set(bearer(live.token)).expect(401);
    });

    it('refuses a wrong key, a tampered body, an unknown key id and missing headers with 401, revoking nothing', async () => {
      const owner = await signUp(t, 'ghbad');
      const live = await mint(t, owner.session);
      const body = JSON.stringify([{ token: live.token, type: 'tessera_personal_access_token', url: 'https://github.com/x', source: 'content' }]);
      const tampered = body.replace('"content"', '"commit"');
      const attempts = [
        alert(body, signed(body, otherKeys.privateKey)),
        alert(tampered, signed(body)),
        alert(body, signed(body), 'another-key-id'),
        alert(body, null),
        alert(body, signed(body), null),
        alert(body, 'bm90IGEgc2lnbmF0dXJl'),
      ];
      for (const answer of await Promise.all(attempts)) {
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('SIGNATURE_INVALID');
      }
      expect((await detail(owner, live.id)).state).toBe('active');
      await t.http.get('/api/users/me').set(bearer(live.token)).expect(200);
    });

    it('answers 400 for a signed body that is not an alert, and 401 on an instance without keys', async () => {
      for (const body of ['{"token":"x"}', '[]', '[{"token":1,"type":"t"}]', 'not json']) {
        const answer = await alert(body, signed(body));
        expect(answer.status, body).toBe(400);
        expect(['VALIDATION_FAILED', 'MALFORMED_JSON']).toContain(answer.body.code);
      }
      const body = '[]';
      const answer = await limited.http.post(GITHUB).set('Content-Type', 'application/json').set('Github-Public-Key-Identifier', KEY_ID).set('Github-Public-Key-Signature', signed(body)).send(body);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('SIGNATURE_INVALID');
    });
  });

  describe('POST /v1/secret-scanning/trufflehog', () => {
    const TRUFFLEHOG = '/api/v1/secret-scanning/trufflehog';

    it('answers 200 for a working token and 401 with the reason otherwise, revoking nothing', async () => {
      const owner = await signUp(t, 'hog');
      const live = await mint(t, owner.session);
      const gone = await mint(t, owner.session);
      await t.http.post(`${tokensPath}/${gone.id}/revoke`).set(bearer(owner.session)).expect(200);

      const verified = await t.http.post(TRUFFLEHOG).send({ Tessera: { token: ['tsr_nope', live.token] } });
      expect([verified.status, verified.body]).toEqual([200, { verified: true }]);
      const revoked = await t.http.post(TRUFFLEHOG).send({ Tessera: { token: [gone.token] } });
      expect([revoked.status, revoked.body.code]).toEqual([401, 'TOKEN_REVOKED']);
      for (const value of [generateToken(), wrongChecksum(live.token)]) {
        const unknown = await t.http.post(TRUFFLEHOG).send({ Tessera: { token: [value] } });
        expect([unknown.status, unknown.body.code]).toEqual([401, 'TOKEN_INVALID']);
      }
      expect((await detail(owner, live.id)).state).toBe('active');
    });

    it('refuses what is not the TruffleHog shape with 400 naming the field', async () => {
      for (const [body, field] of [[[], 'body'], [{}, 'body'], [{ Tessera: 'x' }, 'Tessera'], [{ Tessera: { token: [1] } }, 'Tessera.token']] as const) {
        const answer = await t.http.post(TRUFFLEHOG).send(body as object);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.details[0].field).toBe(field);
      }
    });
  });

  describe('service keys', () => {
    const ADMIN_APPS = '/api/admin/applications';
    const SCOPES = [{ scope: 'deploy:read', description: 'List deployments' }];
    let admin: TestUser;
    let member: TestUser;
    let adminSecret: string;

    beforeAll(async () => {
      admin = await signUp(t, 'keyadmin');
      member = await signUp(t, 'keymember');
      await t.prisma.user.update({ where: { id: admin.id }, data: { role: 'admin' } });
      adminSecret = (await t.http.put('/api/users/me/expiry-webhook').set(bearer(admin.session)).send({ url: hookUrl }).expect(200)).body.secret;
      // The member has a webhook too, so "a member is not told" is a delivery that did not happen, not one that could not.
      await t.http.put('/api/users/me/expiry-webhook').set(bearer(member.session)).send({ url: hookUrl }).expect(200);
    });

    /** An application with a service key, and a token of it that the key verifies. */
    const serviceKeyFixture = async (keyName = 'prod') => {
      const slug = `leak-${Math.random().toString(36).slice(2, 10)}`;
      const app = (await t.http.post(ADMIN_APPS).set(bearer(admin.session)).send({ name: 'Leaky API', slug, scopes: SCOPES }).expect(201)).body as { id: string; slug: string };
      const key = (await t.http.post(`${ADMIN_APPS}/${app.id}/service-keys`).set(bearer(admin.session)).send({ name: keyName }).expect(201)).body as { id: string; key: string; keyPreview: string };
      const token = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:read'] });
      return { app, key, token };
    };
    const verifyWith = (key: string, token: string) => t.http.post('/api/v1/tokens/verify').set(bearer(key)).send({ token, scopes: ['deploy:read'] });
    type KeyRow = { id: string; state: string; leak: { dismissedAt: string } } & Record<string, unknown>;
    const keyView = async (appId: string, keyId: string): Promise<KeyRow> =>
      ((await t.http.get(`${ADMIN_APPS}/${appId}/service-keys`).set(bearer(admin.session)).expect(200)).body as KeyRow[]).find((row) => row.id === keyId)!;
    const isKeyRevoked = (appId: string, keyId: string) => async () => (await keyView(appId, keyId)).state === 'revoked';

    it('revokes a reported live service key as leaked; verify then refuses it with SERVICE_KEY_INVALID; the answer is the same for made-up, dead and wrong-checksum keys', async () => {
      const { app, key, token } = await serviceKeyFixture();
      expect((await verifyWith(key.key, token.token).expect(200)).body.valid).toBe(true);
      const dead = await serviceKeyFixture('dead');
      await t.http.post(`${ADMIN_APPS}/${dead.app.id}/service-keys/${dead.key.id}/revoke`).set(bearer(admin.session)).expect(200);

      const answers = await Promise.all(
        [key.key, generateSecret(SERVICE_KEY_PREFIX), dead.key.key, wrongChecksum(generateSecret(SERVICE_KEY_PREFIX)), 'tsk_madeup'].map((value) =>
          t.http.post(REPORT).send({ tokens: [value], source: 'public gist', url: 'https://gist.example.com/octo/2' }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        expect(answer.text).toBe(answers[0].text);
        expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(answers[0].headers).sort());
      }
      expect(answers[0].body).toEqual({ received: 1 });

      await eventually(isKeyRevoked(app.id, key.id));
      const view = await keyView(app.id, key.id);
      expect(view).toMatchObject({ state: 'revoked', revokedBy: 'leaked', leak: { source: 'public gist', url: 'https://gist.example.com/octo/2', dismissedAt: null } });
      const refused = await verifyWith(key.key, token.token);
      expect([refused.status, refused.body.code]).toEqual([401, 'SERVICE_KEY_INVALID']);
      // The dead key keeps its own reason; no leak is recorded on it.
      expect(await keyView(dead.app.id, dead.key.id)).toMatchObject({ state: 'revoked', revokedBy: 'admin', leak: null });

      const audit = (await t.http.get('/api/users/me/audit-events').set(bearer(admin.session)).expect(200)).body.data as Array<{ type: string; actorKind: string; details: Record<string, unknown> }>;
      expect(audit.find((event) => event.type === 'service_key.leak_revoked' && event.details.serviceKeyId === key.id)).toMatchObject({
        actorKind: 'reporter',
        details: { applicationId: app.id, name: 'prod', keyPreview: key.keyPreview, source: 'public gist', url: 'https://gist.example.com/octo/2' },
      });
    });

    it('drops service keys with a wrong checksum before any database lookup', async () => {
      const { key } = await serviceKeyFixture();
      const repository = t.app.get(TokenLeaksRepository);
      const lookups = vi.spyOn(repository, 'findServiceKeysByHashes');
      const keyReads = vi.spyOn(t.prisma.serviceKey, 'findMany');
      try {
        await t.http.post(REPORT).send({ tokens: [wrongChecksum(key.key), `${key.key}x`, key.key.slice(0, -1)] }).expect(202, { received: 3 });
        await pause(300);
        expect(lookups).not.toHaveBeenCalled();
        expect(keyReads).not.toHaveBeenCalled();
      } finally {
        vi.restoreAllMocks();
      }
    });

    it("tells every active admin: a signed service_key.leaked to each admin's webhook, and the Administration banner until one dismisses it", async () => {
      const { app, key } = await serviceKeyFixture('ci runner');
      await t.http.post(REPORT).send({ tokens: [key.key], source: 'build log', url: 'https://ci.example.com/run/8' }).expect(202);

      const event = await signedDelivery(received, 'service_key.leaked', adminSecret, (entry) => entry.body.serviceKey?.id === key.id && entry.body.userId === admin.id);
      expect(event.body).toMatchObject({
        serviceKey: { id: key.id, name: 'ci runner', keyPreview: key.keyPreview, createdById: admin.id },
        application: { id: app.id, slug: app.slug, name: 'Leaky API' },
        leak: { source: 'build log', url: 'https://ci.example.com/run/8' },
      });
      expect(event.raw).not.toContain(key.key);
      // A member is not told.
      expect(received.some((entry) => entry.body.serviceKey?.id === key.id && entry.body.userId === member.id)).toBe(false);

      const banner = async (user: TestUser) => (await t.http.get('/api/admin/service-key-leaks').set(bearer(user.session))).body;
      expect((await banner(admin)).find((leak: { serviceKeyId: string }) => leak.serviceKeyId === key.id)).toEqual({
        serviceKeyId: key.id,
        name: 'ci runner',
        keyPreview: key.keyPreview,
        application: { id: app.id, slug: app.slug, name: 'Leaky API' },
        source: 'build log',
        url: 'https://ci.example.com/run/8',
        reportedAt: expect.any(String),
      });
      expect((await banner(member)).code).toBe('ADMIN_REQUIRED');
      await t.http.post(`/api/admin/service-key-leaks/${key.id}/dismiss`).set(bearer(member.session)).expect(403);
      const healthy = await serviceKeyFixture('healthy');
      await t.http.post(`/api/admin/service-key-leaks/${healthy.key.id}/dismiss`).set(bearer(admin.session)).expect(404);
      await t.http.post(`/api/admin/service-key-leaks/${key.id}/dismiss`).set(bearer(admin.session)).expect(204);
      await t.http.post(`/api/admin/service-key-leaks/${key.id}/dismiss`).set(bearer(admin.session)).expect(204);
      expect((await banner(admin)).some((leak: { serviceKeyId: string }) => leak.serviceKeyId === key.id)).toBe(false);
      expect(Date.parse((await keyView(app.id, key.id)).leak.dismissedAt)).not.toBeNaN();
      // The admin's webhook lists the key's delivery with the service-key notices, not with the token notices.
      type ServiceKeyNotice = { serviceKeyId: string; status: string } & Record<string, unknown>;
      const webhook = async () => (await t.http.get('/api/users/me/expiry-webhook').set(bearer(admin.session)).expect(200)).body;
      const keyNotice = async () => ((await webhook()).recentServiceKeyNotices as ServiceKeyNotice[]).find((notice) => notice.serviceKeyId === key.id);
      await expect.poll(async () => (await keyNotice())?.status, { timeout: 10_000 }).toBe('DELIVERED');
      expect(await keyNotice()).toMatchObject({
        id: event.body.id,
        event: 'service_key.leaked',
        serviceKeyName: 'ci runner',
        keyPreview: key.keyPreview,
        applicationName: 'Leaky API',
        attempts: 1,
        lastStatus: 204,
        deliveredAt: expect.any(String),
      });
      expect((await webhook()).recentNotices.every((notice: { event: string }) => notice.event !== 'service_key.leaked')).toBe(true);
      const memberHook = (await t.http.get('/api/users/me/expiry-webhook').set(bearer(member.session)).expect(200)).body;
      expect(memberHook.recentServiceKeyNotices).toEqual([]);
    });

    it('labels service keys in a signed GitHub alert and revokes the live one before answering', async () => {
      const { app, key, token } = await serviceKeyFixture();
      const unknown = generateSecret(SERVICE_KEY_PREFIX);
      const body = JSON.stringify([
        { token: key.key, type: 'tessera_service_key', url: 'https://github.com/octo/app/blob/abc/.env', source: 'content' },
        { token: unknown, type: 'tessera_service_key', url: 'https://github.com/octo/app/blob/abc/b', source: 'commit' },
        { token: wrongChecksum(key.key), type: 'tessera_service_key', url: 'https://github.com/octo/app', source: 'content' },
      ]);
      const answer = await t.http
        .post(GITHUB)
        .set('Content-Type', 'application/json')
        .set('Github-Public-Key-Identifier', KEY_ID)
        .set('Github-Public-Key-Signature', sign('sha256', Buffer.from(body), keys.privateKey).toString('base64'))
        .send(body)
        .expect(200);
      expect(answer.body).toEqual([
        { token_hash: hashToken(key.key), token_type: 'tessera_service_key', label: 'true_positive' },
        { token_hash: hashToken(unknown), token_type: 'tessera_service_key', label: 'false_positive' },
        { token_hash: hashToken(wrongChecksum(key.key)), token_type: 'tessera_service_key', label: 'false_positive' },
      ]);
      expect(await keyView(app.id, key.id)).toMatchObject({ state: 'revoked', revokedBy: 'leaked', leak: { source: 'github (content)', url: 'https://github.com/octo/app/blob/abc/.env' } });
      expect((await verifyWith(key.key, token.token)).body.code).toBe('SERVICE_KEY_INVALID');
    });

    it('TruffleHog verification answers 200 for a working service key and 401 SERVICE_KEY_INVALID for a dead one, revoking nothing', async () => {
      const { app, key } = await serviceKeyFixture();
      const verified = await t.http.post('/api/v1/secret-scanning/trufflehog').send({ Tessera: { service_key: [key.key] } });
      expect([verified.status, verified.body]).toEqual([200, { verified: true }]);
      for (const value of [generateSecret(SERVICE_KEY_PREFIX), wrongChecksum(key.key)]) {
        const refused = await t.http.post('/api/v1/secret-scanning/trufflehog').send({ Tessera: { service_key: [value] } });
        expect([refused.status, refused.body.code], value).toEqual([401, value === wrongChecksum(key.key) ? 'TOKEN_INVALID' : 'SERVICE_KEY_INVALID']);
      }
      expect((await keyView(app.id, key.id)).state).toBe('active');
    });
  });

  describe('fuzzed bodies', () => {
    function expectErrorShape(status: number, body: Record<string, unknown>): void {
      expect(status, JSON.stringify(body)).toBeLessThan(500);
      if (status >= 400) {
        expect(body.statusCode).toBe(status);
        expect(CODES.has(body.code as never), `unknown code ${String(body.code)}`).toBe(true);
      }
    }
    const nasty = fc.oneof(
      fc.constantFrom(null, true, 0, -1, 1e308, '', '\u0000', 'tsr_', 'javascript:x', 'https://ok.example.com'),
      fc.string({ maxLength: 60 }),
      fc.array(fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.constant(generateToken())), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    );
    const reportBody = fc.oneof(fc.dictionary(fc.constantFrom('tokens', 'source', 'url'), nasty, { maxKeys: 3 }), nasty);

    it('POST /v1/tokens/revoke-leaked: 202 or a 4xx in the shared shape, never a 500', async () => {
      await fc.assert(
        fc.asyncProperty(reportBody, async (body) => {
          const answer = await t.http.post(REPORT).set('Content-Type', 'application/json').send(JSON.stringify(body));
          expectErrorShape(answer.status, answer.body);
          if (answer.status < 400) expect(answer.status).toBe(202);
        }),
        { numRuns: RUNS },
      );
    });

    it('POST /v1/secret-scanning/trufflehog: 200, 401 or 400 in the shared shape, never a 500', async () => {
      const hogBody = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 2 }), nasty), { maxKeys: 3 }), nasty);
      await fc.assert(
        fc.asyncProperty(hogBody, async (body) => {
          const answer = await t.http.post('/api/v1/secret-scanning/trufflehog').set('Content-Type', 'application/json').send(JSON.stringify(body));
          expectErrorShape(answer.status, answer.body);
          expect([200, 400, 401]).toContain(answer.status);
        }),
        { numRuns: RUNS },
      );
    });

    it('POST /v1/secret-scanning/github, signed fuzzed bodies: 200 or a 4xx in the shared shape, never a 500', async () => {
      const entry = fc.dictionary(fc.constantFrom('token', 'type', 'url', 'source'), nasty, { maxKeys: 4 });
      const alertBody = fc.oneof(fc.array(entry, { maxLength: 4 }), nasty);
      await fc.assert(
        fc.asyncProperty(alertBody, fc.boolean(), async (body, sign_) => {
          const raw = JSON.stringify(body) ?? 'null';
          const request = t.http.post(GITHUB).set('Content-Type', 'application/json').set('Github-Public-Key-Identifier', KEY_ID);
          if (sign_) request.set('Github-Public-Key-Signature', sign('sha256', Buffer.from(raw), keys.privateKey).toString('base64'));
          const answer = await request.send(raw);
          expectErrorShape(answer.status, answer.body);
          // Unsigned: refused, unless the JSON parser already refused the body (strict JSON: objects and arrays only).
          if (!sign_) expect(answer.status === 401 || answer.body.code === 'MALFORMED_JSON', JSON.stringify(answer.body)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
