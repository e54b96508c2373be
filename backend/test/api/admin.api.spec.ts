import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, PASSWORD, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Operators, on an install of their own (a database nobody else writes): the first account is
 * the admin, and the policy changes made here must not reach the other test files.
 */
describe('operators: roles, users, the credentials inventory, policy, invitations, audit, usage', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    admin = await signUp(t, 'admin');
    member = await signUp(t, 'member');
  });
  afterAll(() => t?.close());

  const as = (user: TestUser | string) => bearer(typeof user === 'string' ? user : user.session);
  const setPolicy = (changes: Record<string, unknown>) =>
    t.http
      .put('/api/admin/policy')
      .set(as(admin))
      .send({ maxTokenLifetimeDays: 365, allowNoExpiry: true, maxTokensPerUser: 100, expiryNoticeDays: 7, idleRevokeDays: null, signupMode: 'open', ...changes })
      .expect(200);

  describe('roles', () => {
    it('makes the first account of an install admin and later ones members, and shows the role on /users/me', async () => {
      expect((await t.http.get('/api/users/me').set(as(admin)).expect(200)).body.role).toBe('admin');
      expect((await t.http.get('/api/users/me').set(as(member)).expect(200)).body.role).toBe('member');
    });

    it('refuses a member (403 ADMIN_REQUIRED), any PAT, even an admin\'s (403 SESSION_REQUIRED), and no credentials (401)', async () => {
      const memberAnswer = await t.http.get('/api/admin/users').set(as(member)).expect(403);
      expect(memberAnswer.body.code).toBe('ADMIN_REQUIRED');
      const pat = await mint(t, admin.session, { scopes: ['account:write', 'tokens:write', 'usage:write'] });
      for (const path of ['/api/admin/users', '/api/admin/api-tokens', '/api/admin/policy', '/api/admin/invites', '/api/admin/audit-events', '/api/admin/usage']) {
        const answer = await t.http.get(path).set(as(pat.token)).expect(403);
        expect(answer.body.code).toBe('SESSION_REQUIRED');
      }
      expect((await t.http.get('/api/admin/users').expect(401)).body.code).toBe('UNAUTHENTICATED');
      // Every writing route too, for a PAT and for a member (nothing is changed).
      const id = randomUUID();
      for (const [credential, code] of [[pat.token, 'SESSION_REQUIRED'], [member.session, 'ADMIN_REQUIRED']] as const) {
        for (const write of [
          () => t.http.patch(`/api/admin/users/${member.id}`).set(as(credential)).send({ role: 'admin' }),
          () => t.http.post(`/api/admin/api-tokens/${id}/revoke`).set(as(credential)),
          () => t.http.post('/api/admin/api-tokens/revoke').set(as(credential)).send({ ids: [id] }),
          () => t.http.put('/api/admin/policy').set(as(credential)).send({ maxTokenLifetimeDays: 1, allowNoExpiry: false, maxTokensPerUser: 1, expiryNoticeDays: 1, signupMode: 'closed' }),
          () => t.http.post('/api/admin/invites').set(as(credential)).send({ expiresInDays: 1 }),
          () => t.http.delete(`/api/admin/invites/${id}`).set(as(credential)),
        ]) {
          const answer = await write();
          expect([answer.status, answer.body.code]).toEqual([403, code]);
        }
      }
      expect((await t.http.get('/api/policy').expect(200)).body.signupMode).toBe('open');
      expect((await t.http.get('/api/users/me').set(as(member)).expect(200)).body.role).toBe('member');
    });

    it('documents every admin route with its rule in the OpenAPI document', async () => {
      const document = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
      const adminPaths = Object.keys(document.paths).filter((path) => path.startsWith('/api/admin/'));
      expect(adminPaths.length).toBeGreaterThanOrEqual(7);
      for (const path of adminPaths) {
        for (const operation of Object.values(document.paths[path])) {
          expect(JSON.stringify(operation.responses['403'])).toMatch(/ADMIN_REQUIRED/);
          expect(JSON.stringify(operation.responses['403'])).toMatch(/SESSION_REQUIRED/);
        }
      }
    });

    it('lets an admin promote and demote others, audited with the acting admin, but not demote or disable themselves', async () => {
      const other = await signUp(t, 'promo');
      const promoted = await t.http.patch(`/api/admin/users/${other.id}`).set(as(admin)).send({ role: 'admin' }).expect(200);
      expect(promoted.body).toMatchObject({ id: other.id, role: 'admin', status: 'active' });
      await t.http.get('/api/admin/users').set(as(other)).expect(200);
      await t.http.patch(`/api/admin/users/${other.id}`).set(as(admin)).send({ role: 'member' }).expect(200);
      expect((await t.http.get('/api/admin/users').set(as(other)).expect(403)).body.code).toBe('ADMIN_REQUIRED');

      for (const body of [{ role: 'member' }, { disabled: true }]) {
        const self = await t.http.patch(`/api/admin/users/${admin.id}`).set(as(admin)).send(body).expect(409);
        expect(self.body.code).toBe('CANNOT_CHANGE_SELF');
      }
      const events = await t.http.get(`/api/admin/audit-events?userId=${other.id}&type=admin.role_changed`).set(as(admin)).expect(200);
      expect(events.body.data).toHaveLength(2);
      expect(events.body.data[0]).toMatchObject({ actorKind: 'admin', actorUserId: admin.id, actorUsername: admin.username, userId: other.id, details: { from: 'admin', to: 'member' } });
      // The affected user sees what was done to their account in their own log.
      const own = await t.http.get('/api/users/me/audit-events').set(as(other)).expect(200);
      expect(own.body.data.map((event: { type: string }) => event.type)).toEqual(['admin.role_changed', 'admin.role_changed']);
    });

    it('never leaves the install without an admin: of two admins demoting each other at once, one wins (409 LAST_ADMIN or ADMIN_REQUIRED for the other)', async () => {
      const a = await signUp(t, 'dueta');
      const b = await signUp(t, 'duetb');
      // Only a and b are admins for this race: the first admin steps back for a moment.
      await t.http.patch(`/api/admin/users/${a.id}`).set(as(admin)).send({ role: 'admin' }).expect(200);
      await t.http.patch(`/api/admin/users/${b.id}`).set(as(admin)).send({ role: 'admin' }).expect(200);
      await t.http.patch(`/api/admin/users/${admin.id}`).set(as(a)).send({ role: 'member' }).expect(200);
      const [one, two] = await Promise.all([
        t.http.patch(`/api/admin/users/${b.id}`).set(as(a)).send({ role: 'member' }),
        t.http.patch(`/api/admin/users/${a.id}`).set(as(b)).send({ role: 'member' }),
      ]);
      expect([one.status, two.status].filter((status) => status === 200)).toHaveLength(1);
      const loser = one.status === 200 ? two : one;
      expect(['LAST_ADMIN', 'ADMIN_REQUIRED']).toContain(loser.body.code);
      const winner = one.status === 200 ? a : b;
      // The survivor is the last admin: a disabled or demoted last admin is refused with LAST_ADMIN.
      const survivors = await t.prisma.user.count({ where: { role: 'admin', disabledAt: null } });
      expect(survivors).toBe(1);
      await t.http.patch(`/api/admin/users/${admin.id}`).set(as(winner)).send({ role: 'admin' }).expect(200);
    });
  });

  describe('users', () => {
    it('lists accounts with role, status, token counts and last activity, filtered by search, role and status', async () => {
      const user = await signUp(t, 'listed');
      const pat = await mint(t, user.session);
      await mint(t, user.session);
      await t.http.get('/api/users/me').set(as(pat.token)).expect(200);
      await t.flushUsage();
      const page = await t.http.get(`/api/admin/users?search=${user.username.toUpperCase()}`).set(as(admin)).expect(200);
      expect(page.body).toMatchObject({ total: 1, page: 1 });
      expect(page.body.data[0]).toMatchObject({ id: user.id, username: user.username, email: user.email, role: 'member', status: 'active', tokenCount: 2, activeTokenCount: 2 });
      expect(page.body.data[0].lastActivityAt).not.toBeNull();
      expect(page.body.data[0]).not.toHaveProperty('passwordHash');

      const admins = await t.http.get('/api/admin/users?role=admin&limit=100').set(as(admin)).expect(200);
      expect(admins.body.data.every((entry: { role: string }) => entry.role === 'admin')).toBe(true);
      expect(admins.body.data.map((entry: { id: string }) => entry.id)).toContain(admin.id);
      const bad = await t.http.get('/api/admin/users?status=gone&role=root').set(as(admin)).expect(400);
      expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['role', 'status']);
      await t.http.patch(`/api/admin/users/${randomUUID()}`).set(as(admin)).send({ disabled: true }).expect(404);
      expect((await t.http.patch(`/api/admin/users/${user.id}`).set(as(admin)).send({ role: 'owner' }).expect(400)).body.details[0].field).toBe('role');
    });

    it('disabling stops every session and token of the user at once (401 USER_DISABLED) and their sign-in; enabling restores the tokens', async () => {
      const user = await signUp(t, 'leaver');
      const pat = await mint(t, user.session);
      await t.http.get('/api/users/me').set(as(pat.token)).expect(200); // now in the verification cache
      const disabled = await t.http.patch(`/api/admin/users/${user.id}`).set(as(admin)).send({ disabled: true }).expect(200);
      expect(disabled.body).toMatchObject({ status: 'disabled' });

      expect((await t.http.get('/api/users/me').set(as(pat.token)).expect(401)).body.code).toBe('USER_DISABLED');
      expect((await t.http.get('/api/users/me').set(as(user)).expect(401)).body.code).toBe('USER_DISABLED');
      expect((await t.http.post('/api/v1/tokens/verify').send({ token: pat.token })).body).toMatchObject({ valid: false, code: 'USER_DISABLED' });
      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401)).body.code).toBe('USER_DISABLED');
      // A wrong password tells nothing about the account's status.
      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong wrong wrong' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');

      await t.http.patch(`/api/admin/users/${user.id}`).set(as(admin)).send({ disabled: false }).expect(200);
      await t.http.get('/api/users/me').set(as(pat.token)).expect(200);
      // Sessions from before stay signed out; a new sign-in works.
      expect((await t.http.get('/api/users/me').set(as(user)).expect(401)).body.code).toBe('SESSION_EXPIRED');
      const login = await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
      await t.http.get('/api/users/me').set(as(login.body.access_token)).expect(200);

      const own = await t.http.get('/api/users/me/audit-events').set(as(login.body.access_token)).expect(200);
      expect(own.body.data.slice(0, 2).map((event: { type: string; actorKind: string }) => [event.type, event.actorKind])).toEqual([
        ['admin.user_enabled', 'admin'],
        ['admin.user_disabled', 'admin'],
      ]);
    });
  });

  describe('the credentials inventory', () => {
    it("lists every user's tokens with owner, scopes, state and usage, never a secret or hash, with filters", async () => {
      const owner = await signUp(t, 'inv');
      const used = await mint(t, owner.session, { name: 'used one', scopes: ['tokens:read'] });
      const idle = await mint(t, owner.session, { name: 'idle one' });
      const soon = await mint(t, owner.session, { name: 'expiring one', expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
      const revoked = await mint(t, owner.session, { name: 'revoked one' });
      await t.http.post(`/api/users/me/api-tokens/${revoked.id}/revoke`).set(as(owner)).expect(200);
      await t.http.get('/api/users/me/api-tokens').set(as(used.token)).expect(200);
      await t.flushUsage();
      const longAgo = new Date(Date.now() - 40 * 86_400_000);
      await t.prisma.apiToken.update({ where: { id: idle.id }, data: { createdAt: longAgo } });

      const all = await t.http.get(`/api/admin/api-tokens?ownerId=${owner.id}&limit=100`).set(as(admin)).expect(200);
      expect(all.body.total).toBe(4);
      const text = JSON.stringify(all.body);
      for (const secret of [used.token, idle.token, soon.token]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/tokenHash|token_hash/);
      const usedRow = all.body.data.find((row: { id: string }) => row.id === used.id);
      expect(usedRow).toMatchObject({ owner: { id: owner.id, username: owner.username, email: owner.email }, scopes: ['tokens:read'], state: 'active', requestCount: 1 });
      expect(usedRow.lastUsedAt).not.toBeNull();

      const ids = async (query: string) =>
        (await t.http.get(`/api/admin/api-tokens?ownerId=${owner.id}&${query}`).set(as(admin)).expect(200)).body.data.map((row: { id: string }) => row.id).sort();
      expect(await ids('state=revoked')).toEqual([revoked.id]);
      expect(await ids('idleDays=30')).toEqual([idle.id]);
      expect(await ids('expiringWithinDays=3')).toEqual([soon.id]);
      expect(await ids(`search=${owner.username}&state=active`)).toEqual([used.id, idle.id, soon.id].sort());
      expect(await ids('search=expiring')).toEqual([soon.id]);
      const bad = await t.http.get('/api/admin/api-tokens?idleDays=0&state=zombie&ownerId=x').set(as(admin)).expect(400);
      expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['idleDays', 'ownerId', 'state']);
    });

    it("revokes any user's token; the owner sees revokedBy admin on the token and in their audit log", async () => {
      const owner = await signUp(t, 'leak');
      const pat = await mint(t, owner.session);
      await t.http.get('/api/users/me').set(as(pat.token)).expect(200);
      const answer = await t.http.post(`/api/admin/api-tokens/${pat.id}/revoke`).set(as(admin)).expect(200);
      expect(answer.body).toMatchObject({ id: pat.id, state: 'revoked', revokedBy: 'admin', owner: { id: owner.id } });
      expect((await t.http.get('/api/users/me').set(as(pat.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
      const mine = await t.http.get(`/api/users/me/api-tokens/${pat.id}`).set(as(owner)).expect(200);
      expect(mine.body).toMatchObject({ status: 'REVOKED', revokedBy: 'admin' });
      const log = await t.http.get('/api/users/me/audit-events').set(as(owner)).expect(200);
      expect(log.body.data[0]).toMatchObject({ type: 'admin.token_revoked', tokenId: pat.id, actorKind: 'admin' });
      // Idempotent, and 404 for no such token.
      await t.http.post(`/api/admin/api-tokens/${pat.id}/revoke`).set(as(admin)).expect(200);
      await t.http.post(`/api/admin/api-tokens/${randomUUID()}/revoke`).set(as(admin)).expect(404);
      // A token its owner revoked says so.
      const other = await mint(t, owner.session);
      expect((await t.http.post(`/api/users/me/api-tokens/${other.id}/revoke`).set(as(owner)).expect(200)).body.revokedBy).toBe('owner');
    });

    it('bulk-revokes up to 500 tokens all or nothing', async () => {
      const owner = await signUp(t, 'bulk');
      const tokens = await Promise.all([1, 2, 3].map(() => mint(t, owner.session)));
      const already = await mint(t, owner.session);
      await t.http.post(`/api/admin/api-tokens/${already.id}/revoke`).set(as(admin)).expect(200);

      const unknown = await t.http.post('/api/admin/api-tokens/revoke').set(as(admin)).send({ ids: [tokens[0].id, randomUUID(), tokens[1].id] }).expect(404);
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'ids.1' })]);
      for (const token of tokens) await t.http.get('/api/users/me').set(as(token.token)).expect(200);

      const tooMany = await t.http.post('/api/admin/api-tokens/revoke').set(as(admin)).send({ ids: Array.from({ length: 501 }, () => randomUUID()) }).expect(400);
      expect(tooMany.body.details[0].field).toBe('ids');
      expect((await t.http.post('/api/admin/api-tokens/revoke').set(as(admin)).send({ ids: ['nope'] }).expect(400)).body.details[0].field).toMatch(/^ids/);
      await t.http.post('/api/admin/api-tokens/revoke').set(as(admin)).send({ ids: [] }).expect(400);

      const done = await t.http.post('/api/admin/api-tokens/revoke').set(as(admin)).send({ ids: [...tokens.map((token) => token.id), already.id] }).expect(200);
      expect(done.body).toMatchObject({ revoked: 3, alreadyRevoked: 1 });
      expect(done.body.data).toHaveLength(4);
      for (const token of tokens) expect((await t.http.get('/api/users/me').set(as(token.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
      const audited = await t.http.get(`/api/admin/audit-events?userId=${owner.id}&type=admin.token_revoked`).set(as(admin)).expect(200);
      expect(audited.body.total).toBe(4);
    });
  });

  describe('runtime policy', () => {
    it('is read and replaced by an admin, validated field by field, published by GET /api/policy and applied without a restart', async () => {
      const initial = await t.http.get('/api/admin/policy').set(as(admin)).expect(200);
      expect(initial.body).toEqual({ maxTokenLifetimeDays: 365, allowNoExpiry: true, maxTokensPerUser: 100, expiryNoticeDays: 7, idleRevokeDays: null, signupMode: 'open', openVerifyForTesseraTokens: true });

      const bad = await t.http
        .put('/api/admin/policy')
        .set(as(admin))
        .send({ maxTokenLifetimeDays: 0, allowNoExpiry: 'yes', maxTokensPerUser: 100, expiryNoticeDays: 91, idleRevokeDays: -1, signupMode: 'sometimes' })
        .expect(400);
      expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(
        ['allowNoExpiry', 'expiryNoticeDays', 'idleRevokeDays', 'maxTokenLifetimeDays', 'signupMode'],
      );
      await t.http.put('/api/admin/policy').set(as(member)).send(initial.body).expect(403);

      await setPolicy({ maxTokenLifetimeDays: 30, allowNoExpiry: false, maxTokensPerUser: 2 });
      expect((await t.http.get('/api/policy').expect(200)).body).toMatchObject({ maxTokenLifetimeDays: 30, allowNoExpiry: false, maxTokensPerUser: 2, signupMode: 'open' });
      const user = await signUp(t, 'policy');
      const noExpiry = await t.http.post('/api/users/me/api-tokens').set(as(user)).send({ name: 'x', scopes: ['account:read'] }).expect(400);
      expect(noExpiry.body.details[0]).toMatchObject({ field: 'expiresAt', constraint: 'required' });
      const far = new Date(Date.now() + 60 * 86_400_000).toISOString();
      expect((await t.http.post('/api/users/me/api-tokens').set(as(user)).send({ name: 'x', scopes: ['account:read'], expiresAt: far }).expect(400)).body.details[0].constraint).toBe('maxLifetime');
      const near = new Date(Date.now() + 10 * 86_400_000).toISOString();
      await mint(t, user.session, { expiresAt: near });
      await mint(t, user.session, { expiresAt: near });
      expect((await t.http.post('/api/users/me/api-tokens').set(as(user)).send({ name: 'x', scopes: ['account:read'], expiresAt: near }).expect(409)).body.code).toBe('TOKEN_LIMIT_REACHED');

      const events = await t.http.get('/api/admin/audit-events?type=admin.policy_changed').set(as(admin)).expect(200);
      expect(events.body.data[0]).toMatchObject({ actorUserId: admin.id, details: { changed: ['maxTokenLifetimeDays', 'allowNoExpiry', 'maxTokensPerUser'] } });
      await setPolicy({});
    });
  });

  describe('invitations', () => {
    const register = (body: Record<string, unknown>) => t.http.post('/api/auth/register').send({ password: PASSWORD, ...body });
    const fresh = (prefix: string) => {
      const username = `${prefix}_${randomUUID().slice(0, 8)}`;
      return { username, email: `${username}@example.com` };
    };

    it('closed: every registration is 403 SIGNUP_CLOSED; invite: a code is needed (403 INVITE_REQUIRED) and must be valid', async () => {
      await setPolicy({ signupMode: 'closed' });
      expect((await register(fresh('closed')).expect(403)).body.code).toBe('SIGNUP_CLOSED');
      await setPolicy({ signupMode: 'invite' });
      expect((await t.http.get('/api/policy').expect(200)).body.signupMode).toBe('invite');
      expect((await register(fresh('noinv')).expect(403)).body.code).toBe('INVITE_REQUIRED');
      expect((await register({ ...fresh('badinv'), inviteCode: 'inv_nonsense' }).expect(403)).body.code).toBe('INVITE_INVALID');
      await setPolicy({});
    });

    it('creates a code shown once with a panel URL, single use, bound to its email when it names one, deletable', async () => {
      await setPolicy({ signupMode: 'invite' });
      const created = await t.http.post('/api/admin/invites').set(as(admin)).set('Origin', 'https://tessera.example.com').send({ expiresInDays: 7 }).expect(201);
      expect(created.body.code).toMatch(/^inv_[A-Za-z0-9]{24}$/);
      expect(created.body.url).toBe(`https://tessera.example.com/register?invite=${created.body.code}`);
      expect(created.body).toMatchObject({ state: 'pending', email: null, createdBy: admin.id });
      const listed = await t.http.get('/api/admin/invites').set(as(admin)).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.code);
      expect(listed.body.data.map((invite: { id: string }) => invite.id)).toContain(created.body.id);

      const first = fresh('invited');
      const user = await register({ ...first, inviteCode: created.body.code }).expect(201);
      expect(user.body.role).toBe('member');
      expect((await register({ ...fresh('again'), inviteCode: created.body.code }).expect(403)).body.code).toBe('INVITE_INVALID');
      const used = (await t.http.get('/api/admin/invites').set(as(admin)).expect(200)).body.data.find((invite: { id: string }) => invite.id === created.body.id);
      expect(used).toMatchObject({ state: 'used', usedByUserId: user.body.id });

      const bound = await t.http.post('/api/admin/invites').set(as(admin)).send({ email: 'Bound@Example.com', expiresInDays: 1 }).expect(201);
      expect(bound.body.email).toBe('bound@example.com');
      expect((await register({ username: `other_${randomUUID().slice(0, 6)}`, email: 'other@example.com', inviteCode: bound.body.code }).expect(403)).body.code).toBe('INVITE_INVALID');
      await register({ username: `bound_${randomUUID().slice(0, 6)}`, email: 'bound@example.com', inviteCode: bound.body.code }).expect(201);

      const deleted = await t.http.post('/api/admin/invites').set(as(admin)).send({ expiresInDays: 1 }).expect(201);
      await t.http.delete(`/api/admin/invites/${deleted.body.id}`).set(as(admin)).expect(200);
      await t.http.delete(`/api/admin/invites/${deleted.body.id}`).set(as(admin)).expect(404);
      expect((await register({ ...fresh('deleted'), inviteCode: deleted.body.code }).expect(403)).body.code).toBe('INVITE_INVALID');

      const bad = await t.http.post('/api/admin/invites').set(as(admin)).send({ email: 'nope', expiresInDays: 0 }).expect(400);
      expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['email', 'expiresInDays']);
      const audit = await t.http.get('/api/admin/audit-events?type=admin.invite_created').set(as(admin)).expect(200);
      expect(audit.body.total).toBeGreaterThanOrEqual(3);
      await setPolicy({});
    });

    it('lets exactly one of concurrent registrations with one code through', async () => {
      await setPolicy({ signupMode: 'invite' });
      const invite = await t.http.post('/api/admin/invites').set(as(admin)).send({ expiresInDays: 1 }).expect(201);
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => register({ ...fresh(`race${i}`), inviteCode: invite.body.code })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 403, 403, 403, 403, 403]);
      expect(new Set(answers.filter((answer) => answer.status === 403).map((answer) => answer.body.code))).toEqual(new Set(['INVITE_INVALID']));
      const winner = answers.find((answer) => answer.status === 201)!;
      // The losers' accounts were rolled back with their claim.
      const created = await t.prisma.user.count({ where: { username: { startsWith: 'race' } } });
      expect(created).toBe(1);
      expect((await t.prisma.invite.findUniqueOrThrow({ where: { id: invite.body.id } })).usedByUserId).toBe(winner.body.id);
      await setPolicy({});
    });
  });

  describe('audit and usage', () => {
    it('lists every account\'s events with filters', async () => {
      const all = await t.http.get('/api/admin/audit-events?limit=100').set(as(admin)).expect(200);
      const users = new Set(all.body.data.map((event: { userId: string }) => event.userId));
      expect(users.size).toBeGreaterThan(2);
      const since = new Date(Date.now() + 60_000).toISOString();
      expect((await t.http.get(`/api/admin/audit-events?since=${since}`).set(as(admin)).expect(200)).body.total).toBe(0);
      const byAdmin = await t.http.get(`/api/admin/audit-events?actorUserId=${admin.id}&limit=100`).set(as(admin)).expect(200);
      expect(byAdmin.body.data.every((event: { actorUserId: string }) => event.actorUserId === admin.id)).toBe(true);
      expect((await t.http.get('/api/admin/audit-events?type=token.nope').set(as(admin)).expect(400)).body.details[0].field).toBe('type');
    });

    it('answers instance-wide requests per day and the top tokens and users', async () => {
      const user = await signUp(t, 'busy');
      const pat = await mint(t, user.session, { name: 'busy token' });
      for (let i = 0; i < 20; i += 1) await t.http.get('/api/users/me').set(as(pat.token)).expect(200);
      await t.http.get('/api/users/me/api-tokens').set(as(pat.token)).expect(403);
      await t.flushUsage();
      const usage = await t.http.get('/api/admin/usage?days=7').set(as(admin)).expect(200);
      expect(usage.body.series).toHaveLength(7);
      const today = usage.body.series[6];
      expect(today.day).toBe(new Date().toISOString().slice(0, 10));
      expect(today.requests).toBeGreaterThanOrEqual(21);
      expect(today.failed).toBeGreaterThanOrEqual(1);
      expect(usage.body.totals.requests).toBeGreaterThanOrEqual(today.requests);
      expect(usage.body.topTokens[0]).toMatchObject({ tokenId: pat.id, name: 'busy token', requests: 21, owner: { id: user.id } });
      expect(usage.body.topUsers[0]).toMatchObject({ userId: user.id, requests: 21 });
      expect((await t.http.get('/api/admin/usage?days=0').set(as(admin)).expect(400)).body.details[0].field).toBe('days');
    });
  });
});
