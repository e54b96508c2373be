import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, signUp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const fullwidth = (ascii: string) => [...ascii].map((char) => (char >= '!' && char <= '~' ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char)).join('');

/**
 * Usernames and e-mails are compared after Unicode NFKC and case folding, so look-alikes of a
 * taken name or address are a 409 CONFLICT naming the field; names from other scripts that only
 * look alike (homoglyphs) are refused by the safe character set with a 400.
 */
describe('look-alike usernames and e-mails cannot sit beside each other', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const register = (username: string, email: string) => t.http.post('/api/auth/register').send({ username, email, password: PASSWORD });
  const fresh = () => `nm${randomBytes(4).toString('hex')}`;

  it('Alice, ALICE, alice and fullwidth ａｌｉｃｅ are one username: 409 CONFLICT on username', async () => {
    const base = `Al_${fresh()}`;
    await register(base, `${fresh()}@example.com`).expect(201);
    for (const variant of [base.toLowerCase(), base.toUpperCase(), fullwidth(base), fullwidth(base.toLowerCase())]) {
      const answer = await register(variant, `${fresh()}@example.com`).expect(409);
      expect(answer.body, variant).toMatchObject({ code: 'CONFLICT', details: [{ field: 'username', constraint: 'unique' }] });
    }
  });

  it('concurrent sign-ups of case variants: exactly one wins', async () => {
    const base = fresh();
    const variants = [base, base.toUpperCase(), `${base[0].toUpperCase()}${base.slice(1)}`, fullwidth(base)];
    const answers = await Promise.all(variants.map((variant) => register(variant, `${fresh()}@example.com`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('an e-mail in another case or in fullwidth is the same address: 409 CONFLICT on email, and it signs in', async () => {
    const local = fresh();
    await register(fresh(), `${local}@example.com`).expect(201);
    for (const variant of [`${local.toUpperCase()}@EXAMPLE.COM`, `${fullwidth(local)}@example.com`, `${local}@ｅｘａｍｐｌｅ.com`]) {
      const answer = await register(fresh(), variant).expect(409);
      expect(answer.body, variant).toMatchObject({ code: 'CONFLICT', details: [{ field: 'email', constraint: 'unique' }] });
    }
    await t.http.post('/api/auth/login').send({ email: `${fullwidth(local.toUpperCase())}@example.com`, password: PASSWORD }).expect(200);
  });

  it('homoglyphs from other scripts (Cyrillic а, Greek ο) are refused with 400 naming the field', async () => {
    const cyrillic = register(`\u0430dmin_${fresh()}`, `${fresh()}@example.com`);
    expect((await cyrillic.expect(400)).body.details[0].field).toBe('username');
    const greekMail = await register(fresh(), `b\u03bfb_${fresh()}@example.com`).expect(400);
    expect(greekMail.body.details[0].field).toBe('email');
    const cyrillicDomain = await register(fresh(), `${fresh()}@ex\u0430mple.com`).expect(400);
    expect(cyrillicDomain.body.details[0].field).toBe('email');
  });

  it('a profile rename to another spelling of a taken name is a 409; to another case of ones own name it is fine', async () => {
    const taken = await signUp(t, 'Taken');
    const other = await signUp(t, 'other');
    const clash = await t.http.patch('/api/users/me').set(bearer(other.session)).send({ username: taken.username.toUpperCase() }).expect(409);
    expect(clash.body.details[0].field).toBe('username');
    const recased = await t.http.patch('/api/users/me').set(bearer(taken.session)).send({ username: taken.username.toUpperCase() }).expect(200);
    expect(recased.body.username).toBe(taken.username.toUpperCase());
    // The new spelling still holds the name: the old one is now the look-alike.
    await register(taken.username, `${fresh()}@example.com`).expect(409);
  });

  it('a profile e-mail change to a look-alike of a taken address is a 409', async () => {
    const taken = await signUp(t, 'mailtaken');
    const other = await signUp(t, 'mailother');
    const [local, domain] = taken.email.split('@');
    const clash = await t.http.patch('/api/users/me').set(bearer(other.session)).send({ email: `${fullwidth(local)}@${domain.toUpperCase()}`, currentPassword: PASSWORD }).expect(409);
    expect(clash.body.details[0].field).toBe('email');
  });
});
