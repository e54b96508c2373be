import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  session: string;
}

export const PASSWORD = 'correct horse battery';

/** A fresh account, signed in. Names are random so test files can share one database. */
export async function signUp(t: TestApp, prefix = 'u'): Promise<TestUser> {
  const username = `${prefix}_${randomBytes(5).toString('hex')}`;
  const email = `${username}@example.com`;
  const registered = await t.http.post('/api/auth/register').send({ username, email, password: PASSWORD }).expect(201);
  const login = await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return { id: registered.body.id, username, email, password: PASSWORD, session: login.body.access_token };
}

export interface MintedToken {
  id: string;
  token: string;
  body: Record<string, unknown>;
}

export async function mint(t: TestApp, session: string, body: Record<string, unknown> = {}): Promise<MintedToken> {
  const response = await t.http
    .post('/api/users/me/api-tokens')
    .set('Authorization', `Bearer ${session}`)
    .send({ name: 'test token', scopes: ['account:read'], ...body })
    .expect(201);
  return { id: response.body.id, token: response.body.token, body: response.body };
}

export const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
