import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every answer that carries a plaintext secret says no cache may keep it. */
describe('answers carrying a secret are Cache-Control: no-store', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'nostore');
  });
  afterAll(() => t.close());

  const expectNoStore = (response: { headers: Record<string, string>; body: Record<string, unknown> }, secretField: string) => {
    expect(typeof response.body[secretField]).toBe('string');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.pragma).toBe('no-cache');
  };

  it('mint, rotate, regenerate and self-rotate', async () => {
    const auth = bearer(user.session);
    const created = await t.http.post('/api/users/me/api-tokens').set(auth).send({ name: 'ns', scopes: ['tokens:rotate-self'] }).expect(201);
    expectNoStore(created, 'token');
    const id = created.body.id as string;
    expectNoStore(await t.http.post(`/api/users/me/api-tokens/${id}/rotate`).set(auth).send({ gracePeriodSeconds: 0 }).expect(200), 'token');
    const regenerated = await t.http.post(`/api/users/me/api-tokens/${id}/regenerate`).set(auth).expect(200);
    expectNoStore(regenerated, 'token');
    expectNoStore(await t.http.post('/api/users/me/api-tokens/self/rotate').set(bearer(regenerated.body.token)).send({}).expect(200), 'token');
  });

  it('the expiry webhook: creation, reading it, re-keying', async () => {
    const auth = bearer(user.session);
    expectNoStore(await t.http.put('/api/users/me/expiry-webhook').set(auth).send({ url: 'https://hooks.example.com/ns' }).expect(200), 'secret');
    expectNoStore(await t.http.get('/api/users/me/expiry-webhook').set(auth).expect(200), 'secret');
    expectNoStore(await t.http.post('/api/users/me/expiry-webhook/secret').set(auth).expect(200), 'secret');
  });

  it('answers without a secret keep the default caching (the control case)', async () => {
    const token = await mint(t, user.session);
    const detail = await t.http.get(`/api/users/me/api-tokens/${token.id}`).set(bearer(user.session)).expect(200);
    expect(detail.body.token).toBeUndefined();
    expect(detail.headers['cache-control']).not.toBe('no-store');
  });

  it('every route whose answer type has a token or secret field is marked (a new such route cannot forget it)', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const prototype = (wrapper.metatype as { prototype: object } | null)?.prototype;
        if (!prototype) continue;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = (prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const responses = (Reflect.getMetadata('swagger/apiResponse', handler) ?? {}) as Record<string, { type?: { prototype: object } }>;
          const carriesSecret = Object.values(responses).some((response) => {
            const properties = (response.type && Reflect.getMetadata('swagger/apiModelPropertiesArray', response.type.prototype)) as string[] | undefined;
            return (properties ?? []).some((property) => property === ':token' || property === ':secret');
          });
          if (!carriesSecret) continue;
          checked += 1;
          const headers = (Reflect.getMetadata('__headers__', handler) ?? []) as Array<{ name: string; value: string }>;
          if (!headers.some((header) => header.name === 'Cache-Control' && header.value === 'no-store')) offenders.push(`${wrapper.name}.${name}`);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
    expect(offenders).toEqual([]);
  });
});
