import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESSERA_APPLICATION_ID } from '../../src/contract';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const DEPLOY_SCOPES = [
  { scope: 'deploy:read', description: 'List deployments', descriptionZh: '查看部署' },
  { scope: 'deploy:write', description: 'Start deployments', descriptionZh: '发起部署', implies: ['deploy:read'] },
  { scope: 'logs:read', description: 'Read build logs' },
];

/**
 * Applications: services around Tessera with their own scope catalogues, service keys for the
 * verify API, tokens that belong to one application. The admin is promoted in the database, so
 * this file shares the run's database with the others (policy changes have their own file below).
 */
describe('applications, service keys and verify for an application', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let slugCounter = 0;
  const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${slugCounter++}`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'appadmin');
    member = await signUp(t, 'appmember');
    await t.prisma.user.update({ where: { id: admin.id }, data: { role: 'admin' } });
  });
  afterAll(() => t?.close());

  const as = (user: TestUser | string) => bearer(typeof user === 'string' ? user : user.session);
  const createApp = async (body: Record<string, unknown> = {}) => {
    const answer = await t.http.post('/api/admin/applications').set(as(admin)).send({ name: 'Deploy API', slug: uniqueSlug('deploy'), scopes: DEPLOY_SCOPES, ...body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as { id: string; slug: string; scopes: { scope: string; implies: string[] }[] };
  };
  const createKey = async (appId: string) => {
    const answer = await t.http.post(`/api/admin/applications/${appId}/service-keys`).set(as(admin)).send({ name: 'prod' }).expect(201);
    return answer.body as { id: string; key: string; keyPreview: string };
  };
  const verify = (body: Record<string, unknown>, key?: string) => {
    const call = t.http.post('/api/v1/tokens/verify');
    return (key ? call.set(bearer(key)) : call).send(body);
  };

  describe('the admin catalogue', () => {
    it('is for admin sessions only: a member is 403 ADMIN_REQUIRED, a PAT 403 SESSION_REQUIRED', async () => {
      expect((await t.http.get('/api/admin/applications').set(as(member)).expect(403)).body.code).toBe('ADMIN_REQUIRED');
      const pat = await mint(t, admin.session, { scopes: ['tokens:write'] });
      expect((await t.http.post('/api/admin/applications').set(as(pat.token)).send({}).expect(403)).body.code).toBe('SESSION_REQUIRED');
    });

    it('creates an application with its catalogue and lists it after the built-in tessera application', async () => {
      const app = await createApp();
      expect(app.scopes).toEqual([
        { scope: 'deploy:read', description: 'List deployments', descriptionZh: '查看部署', implies: [] },
        { scope: 'deploy:write', description: 'Start deployments', descriptionZh: '发起部署', implies: ['deploy:read'] },
        { scope: 'logs:read', description: 'Read build logs', descriptionZh: null, implies: [] },
      ]);
      const list = (await t.http.get('/api/admin/applications').set(as(admin)).expect(200)).body as { id: string; slug: string; builtIn: boolean; scopes: { scope: string }[] }[];
      expect(list[0]).toMatchObject({ id: TESSERA_APPLICATION_ID, slug: 'tessera', builtIn: true });
      expect(list[0].scopes.map((scope) => scope.scope)).toEqual(['account:read', 'account:write', 'tokens:read', 'tokens:write', 'usage:read', 'usage:write', 'tokens:rotate-self']);
      expect(list.map((entry) => entry.id)).toContain(app.id);
      expect((await t.http.get(`/api/admin/applications/${app.id}`).set(as(admin)).expect(200)).body.slug).toBe(app.slug);
    });

    it.each([
      ['a bad slug', { slug: 'Deploy API' }, 'slug'],
      ['a one-letter slug', { slug: 'd' }, 'slug'],
      ['a scope not resource:action', { scopes: [{ scope: 'deploy', description: 'x' }] }, 'scopes.0.scope'],
      ['an upper-case scope', { scopes: [{ scope: 'Deploy:read', description: 'x' }] }, 'scopes.0.scope'],
      ['a repeated scope', { scopes: [{ scope: 'a:b', description: 'x' }, { scope: 'a:b', description: 'y' }] }, 'scopes.1.scope'],
      ['an implication outside the catalogue', { scopes: [{ scope: 'a:b', description: 'x', implies: ['a:c'] }] }, 'scopes.0.implies.0'],
      ['a cycle of implications', { scopes: [{ scope: 'a:b', description: 'x', implies: ['a:c'] }, { scope: 'a:c', description: 'y', implies: ['a:b'] }] }, 'scopes.0.implies'],
      ['a scope without a description', { scopes: [{ scope: 'a:b' }] }, 'scopes.0.description'],
      ['an unknown field', { owner: 'me' }, 'owner'],
    ])('refuses %s with a 400 naming the field and stores nothing', async (_label, changes, field) => {
      const before = await t.prisma.application.count();
      const answer = await t.http.post('/api/admin/applications').set(as(admin)).send({ name: 'Bad', slug: uniqueSlug('bad'), scopes: DEPLOY_SCOPES, ...changes }).expect(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect((answer.body.details as { field: string }[]).map((detail) => detail.field)).toContain(field);
      expect(await t.prisma.application.count()).toBe(before);
    });

    it('keeps slugs unique (409 CONFLICT naming slug), also when two admins race', async () => {
      const slug = uniqueSlug('race');
      const answers = await Promise.all([0, 1, 2].map(() => t.http.post('/api/admin/applications').set(as(admin)).send({ name: 'Race', slug, scopes: DEPLOY_SCOPES })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
      const conflict = answers.find((answer) => answer.status === 409)!;
      expect(conflict.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'slug' }] });
    });

    it('never edits or deletes the built-in tessera application (409 APPLICATION_BUILT_IN)', async () => {
      expect((await t.http.patch(`/api/admin/applications/${TESSERA_APPLICATION_ID}`).set(as(admin)).send({ name: 'Mine' }).expect(409)).body.code).toBe('APPLICATION_BUILT_IN');
      expect((await t.http.delete(`/api/admin/applications/${TESSERA_APPLICATION_ID}?force=true`).set(as(admin)).expect(409)).body.code).toBe('APPLICATION_BUILT_IN');
    });

    it('answers every signed-in user the catalogues, in their language', async () => {
      const app = await createApp();
      const english = (await t.http.get('/api/applications').set(as(member)).expect(200)).body as { id: string; scopes: { scope: string; description: string; implies: string[] }[] }[];
      const mine = english.find((entry) => entry.id === app.id)!;
      expect(mine.scopes[1]).toEqual({ scope: 'deploy:write', description: 'Start deployments', implies: ['deploy:read'] });
      const chinese = (await t.http.get('/api/applications').set(as(member)).set('Accept-Language', 'zh-CN,zh;q=0.9').expect(200)).body as typeof english;
      const mineZh = chinese.find((entry) => entry.id === app.id)!;
      expect(mineZh.scopes.map((scope) => scope.description)).toEqual(['查看部署', '发起部署', 'Read build logs']);
      expect(chinese.find((entry) => entry.id === TESSERA_APPLICATION_ID)!.scopes[0].description).toBe('读取你的资料（用户名、邮箱）');
      expect((await t.http.get('/api/applications').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('tokens of an application', () => {
    it('mints tokens with scopes from the application\'s catalogue only, and shows the application', async () => {
      const app = await createApp();
      const minted = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:write'] });
      expect(minted.body).toMatchObject({ application: { id: app.id, slug: app.slug, name: 'Deploy API' }, scopes: ['deploy:write'] });
      const tessera = await mint(t, member.session);
      expect(tessera.body.application).toEqual({ id: TESSERA_APPLICATION_ID, slug: 'tessera', name: 'Tessera API' });

      const unknown = await t.http.post('/api/users/me/api-tokens').set(as(member)).send({ name: 'x', applicationId: app.id, scopes: ['deploy:read', 'account:read'] }).expect(400);
      expect(unknown.body.details[0]).toMatchObject({ field: 'scopes', constraint: 'inCatalogue' });
      expect(unknown.body.details[0].message).toContain('account:read');
      const noApp = await t.http.post('/api/users/me/api-tokens').set(as(member)).send({ name: 'x', applicationId: '00000000-0000-4000-8000-00000000dead', scopes: ['deploy:read'] }).expect(400);
      expect(noApp.body.details[0].field).toBe('applicationId');

      const edited = await t.http.patch(`/api/users/me/api-tokens/${minted.id}`).set(as(member)).send({ scopes: ['deploy:read', 'logs:read'] }).expect(200);
      expect(edited.body.scopes).toEqual(['deploy:read', 'logs:read']);
      const outside = await t.http.patch(`/api/users/me/api-tokens/${minted.id}`).set(as(member)).send({ scopes: ['tokens:read'] }).expect(400);
      expect(outside.body.details[0].field).toBe('scopes');
      const unknownField = await t.http.patch(`/api/users/me/api-tokens/${minted.id}`).set(as(member)).send({ applicationId: TESSERA_APPLICATION_ID }).expect(400);
      expect(unknownField.body.details[0].field).toBe('applicationId');

      const filtered = (await t.http.get(`/api/users/me/api-tokens?applicationId=${app.id}`).set(as(member)).expect(200)).body as { data: { id: string }[] };
      expect(filtered.data.map((token) => token.id)).toEqual([minted.id]);
      const detail = (await t.http.get(`/api/users/me/api-tokens/${minted.id}`).set(as(member)).expect(200)).body;
      expect(detail.application.slug).toBe(app.slug);
      // The admin inventory filters by application too, and shows it.
      const inventory = (await t.http.get(`/api/admin/api-tokens?applicationId=${app.id}`).set(as(admin)).expect(200)).body as { data: { id: string; application: { slug: string } }[] };
      expect(inventory.data.map((token) => [token.id, token.application.slug])).toEqual([[minted.id, app.slug]]);
    });

    it('never lets a token of another application call Tessera\'s own API (401 TOKEN_INVALID, as an unknown token)', async () => {
      const app = await createApp();
      const minted = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:read'] });
      const answer = await t.http.get('/api/users/me').set(as(minted.token)).expect(401);
      expect(answer.body.code).toBe('TOKEN_INVALID');
      expect(answer.body.message).toBe('The token is not valid');
      await t.flushUsage();
      expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: minted.id } })).requestCount).toBe(0n);
    });
  });

  describe('service keys and verify', () => {
    it('shows a service key once (tsk_ format), lists keys without secrets, and audits both', async () => {
      const app = await createApp();
      const key = await createKey(app.id);
      expect(key.key).toMatch(/^tsk_[0-9A-Za-z]{38}$/);
      expect(key.keyPreview).toBe(`tsk_${key.key.slice(4, 8)}…${key.key.slice(-4)}`);
      const list = (await t.http.get(`/api/admin/applications/${app.id}/service-keys`).set(as(admin)).expect(200)).body as Record<string, unknown>[];
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: key.id, state: 'active', keyPreview: key.keyPreview });
      expect(JSON.stringify(list)).not.toContain(key.key);
      const stored = await t.prisma.serviceKey.findUniqueOrThrow({ where: { id: key.id } });
      expect(JSON.stringify(stored)).not.toContain(key.key);
      const events = await t.prisma.auditEvent.findMany({ where: { userId: admin.id, type: { in: ['application.created', 'service_key.created'] } } });
      expect(events.some((event) => (event.details as { serviceKeyId?: string }).serviceKeyId === key.id)).toBe(true);
    });

    it('answers with a service key only about tokens of its application, with scopes granted through implications', async () => {
      const app = await createApp();
      const key = await createKey(app.id);
      const writer = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:write'], name: 'deployer', quotaLimit: 100 });

      const granted = await verify({ token: writer.token, scopes: ['deploy:read', 'deploy:write'], cost: 5 }, key.key).expect(200);
      expect(granted.body).toMatchObject({
        valid: true,
        code: 'VALID',
        tokenId: writer.id,
        application: { id: app.id, slug: app.slug },
        owner: { id: member.id, username: member.username },
        name: 'deployer',
        scopes: ['deploy:write'],
        remaining: { quota: 95 },
      });
      expect(granted.headers['x-quota-remaining']).toBe('95');
      expect((await verify({ token: writer.token, scopes: ['logs:read'] }, key.key)).body).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });

      const unknownScope = await verify({ token: writer.token, scopes: ['account:read'] }, key.key).expect(400);
      expect(unknownScope.body.details[0]).toMatchObject({ field: 'scopes' });
      expect(unknownScope.body.details[0].message).toContain('account:read');

      // A token of another application (here Tessera's own) is unknown to this key: no hint it exists.
      const tessera = await mint(t, member.session);
      expect((await verify({ token: tessera.token }, key.key)).body).toMatchObject({ valid: false, code: 'TOKEN_INVALID', tokenId: null, userId: null, application: null, owner: null });
      const other = await createApp();
      const otherToken = await mint(t, member.session, { applicationId: other.id, scopes: ['deploy:read'] });
      expect((await verify({ token: otherToken.token }, key.key)).body).toMatchObject({ valid: false, code: 'TOKEN_INVALID', tokenId: null });
      // Without a key, only Tessera's own tokens are answered; an application's token is unknown there.
      expect((await verify({ token: writer.token })).body).toMatchObject({ valid: false, code: 'TOKEN_INVALID', tokenId: null });
      expect((await verify({ token: tessera.token, scopes: ['account:read'] })).body).toMatchObject({ valid: true, application: { id: TESSERA_APPLICATION_ID, slug: 'tessera' } });

      // Verify usage shows in the token's statistics; refused calls of other applications charged nothing.
      await t.flushUsage();
      const detail = (await t.http.get(`/api/users/me/api-tokens/${writer.id}`).set(as(member)).expect(200)).body;
      expect(detail).toMatchObject({ quotaUsed: 5, requestCount: 1 });
      expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id: otherToken.id } })).requestCount).toBe(0n);
    });

    it('refuses a malformed, unknown or revoked service key with 401 SERVICE_KEY_INVALID', async () => {
      const app = await createApp();
      const key = await createKey(app.id);
      const token = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:read'] });
      expect((await verify({ token: token.token }, key.key).expect(200)).body.valid).toBe(true);
      expect((await verify({ token: token.token }, 'tsk_nope').expect(401)).body.code).toBe('SERVICE_KEY_INVALID');
      const forged = key.key.slice(0, -1) + (key.key.endsWith('a') ? 'b' : 'a');
      expect((await verify({ token: token.token }, forged).expect(401)).body.code).toBe('SERVICE_KEY_INVALID');
      const revoked = await t.http.post(`/api/admin/applications/${app.id}/service-keys/${key.id}/revoke`).set(as(admin)).expect(200);
      expect(revoked.body).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
      expect((await verify({ token: token.token }, key.key).expect(401)).body.code).toBe('SERVICE_KEY_INVALID');
      // Revoking again is harmless; another application's key id is a 404 here.
      await t.http.post(`/api/admin/applications/${app.id}/service-keys/${key.id}/revoke`).set(as(admin)).expect(200);
      const other = await createApp();
      await t.http.post(`/api/admin/applications/${other.id}/service-keys/${key.id}/revoke`).set(as(admin)).expect(404);
    });

    it('applies a new implication to existing tokens', async () => {
      const app = await createApp({ scopes: [{ scope: 'deploy:read', description: 'r' }, { scope: 'deploy:write', description: 'w' }] });
      const key = await createKey(app.id);
      const writer = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:write'] });
      expect((await verify({ token: writer.token, scopes: ['deploy:read'] }, key.key)).body.code).toBe('INSUFFICIENT_SCOPE');
      await t.http
        .patch(`/api/admin/applications/${app.id}`)
        .set(as(admin))
        .send({ scopes: [{ scope: 'deploy:read', description: 'r' }, { scope: 'deploy:write', description: 'w', implies: ['deploy:read'] }] })
        .expect(200);
      expect((await verify({ token: writer.token, scopes: ['deploy:read'] }, key.key)).body.code).toBe('VALID');
    });
  });

  describe('removing what tokens hold', () => {
    it('refuses to remove a scope live tokens hold (409 SCOPE_IN_USE with the count) unless forced, then takes it from them, audited', async () => {
      const app = await createApp();
      const key = await createKey(app.id);
      const a = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:write', 'logs:read'] });
      await mint(t, member.session, { applicationId: app.id, scopes: ['logs:read'] });
      const withoutLogs = DEPLOY_SCOPES.filter((scope) => scope.scope !== 'logs:read');

      const refused = await t.http.patch(`/api/admin/applications/${app.id}`).set(as(admin)).send({ scopes: withoutLogs }).expect(409);
      expect(refused.body.code).toBe('SCOPE_IN_USE');
      expect(refused.body.message).toContain('2 live token(s) hold logs:read');
      // The count is data too, so a client (the panel) can say it in its own language.
      expect(refused.body.details).toEqual([{ field: 'scopes', constraint: 'inUse', message: '2 live token(s) hold logs:read', count: 2 }]);
      expect((await t.http.get(`/api/admin/applications/${app.id}`).set(as(admin)).expect(200)).body.scopes).toHaveLength(3);

      const forced = await t.http.patch(`/api/admin/applications/${app.id}?force=true`).set(as(admin)).send({ scopes: withoutLogs }).expect(200);
      expect(forced.body.scopes.map((scope: { scope: string }) => scope.scope)).toEqual(['deploy:read', 'deploy:write']);
      expect((await t.http.get(`/api/users/me/api-tokens/${a.id}`).set(as(member)).expect(200)).body.scopes).toEqual(['deploy:write']);
      expect((await verify({ token: a.token, scopes: ['deploy:write'] }, key.key)).body.code).toBe('VALID');
      const events = (await t.http.get('/api/users/me/audit-events').set(as(member)).expect(200)).body.data as { type: string; tokenId: string; details: { scopes?: string[] } }[];
      expect(events.find((event) => event.type === 'token.scopes_removed' && event.tokenId === a.id)?.details.scopes).toEqual(['logs:read']);
    });

    it('deletes an application only when forced while live tokens exist; its tokens and keys stop at once', async () => {
      const app = await createApp();
      const key = await createKey(app.id);
      const token = await mint(t, member.session, { applicationId: app.id, scopes: ['deploy:read'] });
      expect((await verify({ token: token.token }, key.key)).body.valid).toBe(true);
      const refused = await t.http.delete(`/api/admin/applications/${app.id}`).set(as(admin)).expect(409);
      expect(refused.body).toMatchObject({ code: 'SCOPE_IN_USE', message: expect.stringContaining('1 live token(s)'), details: [{ field: 'id', constraint: 'inUse', count: 1 }] });
      await t.http.delete(`/api/admin/applications/${app.id}?force=true`).set(as(admin)).expect(204);
      expect((await verify({ token: token.token }, key.key).expect(401)).body.code).toBe('SERVICE_KEY_INVALID');
      const revoked = (await t.http.get(`/api/users/me/api-tokens/${token.id}`).set(as(member)).expect(200)).body;
      expect(revoked).toMatchObject({ status: 'REVOKED', application: { id: app.id, slug: app.slug } });
      await t.http.get(`/api/admin/applications/${app.id}`).set(as(admin)).expect(404);
      expect((await t.http.get('/api/applications').set(as(member)).expect(200)).body.map((entry: { id: string }) => entry.id)).not.toContain(app.id);
      // A new token for a deleted application is refused.
      const late = await t.http.post('/api/users/me/api-tokens').set(as(member)).send({ name: 'late', applicationId: app.id, scopes: ['deploy:read'] }).expect(400);
      expect(late.body.details[0].field).toBe('applicationId');
    });
  });
});

describe('the openVerifyForTesseraTokens policy', () => {
  let t: TestApp;
  let admin: TestUser;

  // The policy is install-wide: this install has a database of its own.
  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    admin = await signUp(t, 'openadmin');
  });
  afterAll(() => t?.close());

  const setOpen = async (open: boolean) => {
    const policy = (await t.http.get('/api/admin/policy').set(bearer(admin.session)).expect(200)).body;
    await t.http.put('/api/admin/policy').set(bearer(admin.session)).send({ ...policy, openVerifyForTesseraTokens: open }).expect(200);
  };

  it('is true by default and published; when false, verify needs a service key (401 SERVICE_KEY_REQUIRED) even for Tessera\'s tokens', async () => {
    expect((await t.http.get('/api/policy').expect(200)).body.openVerifyForTesseraTokens).toBe(true);
    const token = await mint(t, admin.session);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token: token.token }).expect(200)).body.valid).toBe(true);

    await setOpen(false);
    expect((await t.http.get('/api/policy').expect(200)).body.openVerifyForTesseraTokens).toBe(false);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token: token.token }).expect(401)).body.code).toBe('SERVICE_KEY_REQUIRED');
    // A service key of the built-in application answers for Tessera's own tokens.
    const key = (await t.http.post(`/api/admin/applications/${TESSERA_APPLICATION_ID}/service-keys`).set(bearer(admin.session)).send({ name: 'gateway' }).expect(201)).body.key as string;
    expect((await t.http.post('/api/v1/tokens/verify').set(bearer(key)).send({ token: token.token, scopes: ['account:read'] }).expect(200)).body).toMatchObject({ valid: true, application: { slug: 'tessera' } });

    // A PUT without the field leaves it as it is.
    const policy = (await t.http.get('/api/admin/policy').set(bearer(admin.session)).expect(200)).body;
    const { openVerifyForTesseraTokens: _omitted, ...rest } = policy;
    expect((await t.http.put('/api/admin/policy').set(bearer(admin.session)).send(rest).expect(200)).body.openVerifyForTesseraTokens).toBe(false);

    await setOpen(true);
    expect((await t.http.post('/api/v1/tokens/verify').send({ token: token.token }).expect(200)).body.valid).toBe(true);
  });
});
