import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mint, signUp, type MintedToken, type TestUser } from '../support/fixtures';
import { call, listen, type CallResult } from '../support/http-burst';
import { newDataDir, removeDataDir, startEmbeddedTestApp } from '../support/embedded-app';
import { startTestApp, type TestApp } from '../support/test-app';

const USERS = 4;
const ROUNDS = 12;

/**
 * The load that crossed queries between users on the old PGlite socket: several users, each
 * with their own session and token, fire profile reads (session and PAT), token edits, mints
 * and list reads all at once. Every answer, and afterwards every stored row, must belong to the
 * user who asked.
 */
function concurrentUsersSuite(name: string, start: () => Promise<{ t: TestApp; cleanup?: () => Promise<void> }>) {
  describe(name, () => {
    let t: TestApp;
    let cleanup: (() => Promise<void>) | undefined;
    let base: string;
    const users: { user: TestUser; pat: MintedToken; edited: MintedToken }[] = [];

    beforeAll(async () => {
      ({ t, cleanup } = await start());
      base = await listen(t);
      for (let index = 0; index < USERS; index += 1) {
        const user = await signUp(t, `cc${index}`);
        const pat = await mint(t, user.session, { name: `${user.username} pat`, scopes: ['account:read', 'tokens:read'] });
        const edited = await mint(t, user.session, { name: `${user.username} edited` });
        users.push({ user, pat, edited });
      }
    });
    afterAll(async () => {
      await t?.close();
      await cleanup?.();
    });

    it('answers every user with their own data under hundreds of interleaved reads, edits and mints, and stores every row under its owner', async () => {
      const checks: Promise<void>[] = [];
      const expectOk = (result: CallResult, what: string) => expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const { user, pat, edited } of users) {
          const mine = (value: unknown) => expect(String(value).startsWith(user.username), `${String(value)} belongs to ${user.username}`).toBe(true);
          checks.push(
            call(`${base}/api/users/me`, { token: user.session }).then((result) => {
              expectOk(result, 'session profile');
              expect([result.body.id, result.body.username]).toEqual([user.id, user.username]);
            }),
            call(`${base}/api/users/me`, { token: pat.token }).then((result) => {
              expectOk(result, 'PAT profile');
              expect([result.body.id, result.body.username]).toEqual([user.id, user.username]);
            }),
            call(`${base}/api/users/me/api-tokens/${edited.id}`, { method: 'PATCH', token: user.session, body: { name: `${user.username} edit ${round}`, description: `${user.username} round ${round}` } }).then((result) => {
              expectOk(result, 'edit');
              expect(result.body.id).toBe(edited.id);
              mine(result.body.name);
              mine(result.body.description);
            }),
            call(`${base}/api/users/me/api-tokens`, { token: user.session, body: { name: `${user.username} mint ${round}`, scopes: ['account:read'] } }).then((result) => {
              expectOk(result, 'mint');
              mine(result.body.name);
              expect(String(result.body.token)).toMatch(/^tsr_/);
            }),
            call(`${base}/api/users/me/api-tokens?limit=100`, { token: pat.token }).then((result) => {
              expectOk(result, 'list');
              for (const token of result.body.data as { name: string }[]) mine(token.name);
            }),
            call(`${base}/api/users/me/api-tokens/${pat.id}`, { token: user.session }).then((result) => {
              expectOk(result, 'detail');
              expect(result.body.id).toBe(pat.id);
              mine(result.body.name);
            }),
          );
        }
      }
      expect(checks.length).toBeGreaterThanOrEqual(250);
      await Promise.all(checks);

      for (const { user, edited } of users) {
        const tokens = await t.prisma.apiToken.findMany({ where: { userId: user.id } });
        expect(tokens).toHaveLength(2 + ROUNDS);
        for (const token of tokens) expect(token.name.startsWith(user.username), `${token.name} stored under ${user.username}`).toBe(true);
        const last = tokens.find((token) => token.id === edited.id)!;
        expect(last.description?.startsWith(`${user.username} round`)).toBe(true);
        const events = await t.prisma.auditEvent.findMany({ where: { userId: user.id } });
        const ownIds = new Set(tokens.map((token) => token.id));
        for (const event of events) expect(event.tokenId === null || ownIds.has(event.tokenId), `audit ${event.type} of ${user.username} names its own token`).toBe(true);
        expect(events.filter((event) => event.type === 'token.updated' && event.tokenId === edited.id)).toHaveLength(ROUNDS);
        expect(events.filter((event) => event.type === 'token.created')).toHaveLength(2 + ROUNDS);
      }
    });
  });
}

concurrentUsersSuite('concurrent users on the embedded PostgreSQL', async () => {
  const dataDir = await newDataDir();
  const t = await startEmbeddedTestApp(dataDir);
  return { t, cleanup: () => removeDataDir(dataDir) };
});

concurrentUsersSuite('concurrent users on DATABASE_URL', async () => ({ t: await startTestApp() }));
