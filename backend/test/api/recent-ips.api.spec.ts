import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mint, signUp, type TestUser } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('last used from (recentIps)', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t, 'recent');
  });
  afterAll(() => t.close());

  const detailOf = async (id: string) => (await t.http.get(`/api/users/me/api-tokens/${id}`).set(bearer(user.session)).expect(200)).body;

  it('keeps the 5 most recent distinct client IPs with their last time, newest first, across batches', async () => {
    const minted = await mint(t, user.session);
    expect((await detailOf(minted.id)).recentIps).toEqual([]);

    const verifyFrom = async (ip: string) => {
      await t.http.post('/api/v1/tokens/verify').send({ token: minted.token, ip }).expect(200);
      await pause(5);
    };
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await verifyFrom(ip);
    await t.http.get('/api/users/me').set(bearer(minted.token)).expect(200); // from the test client, 127.0.0.1
    await pause(5);
    await t.flushUsage();
    const first = (await detailOf(minted.id)).recentIps;
    expect(first.map((entry: { ip: string }) => entry.ip)).toEqual([expect.stringMatching(/127\.0\.0\.1/), '198.51.100.3', '198.51.100.2', '198.51.100.1']);

    for (const ip of ['2001:db8::1', '198.51.100.4', '198.51.100.1']) await verifyFrom(ip);
    await t.flushUsage();
    const detail = await detailOf(minted.id);
    expect(detail.recentIps.map((entry: { ip: string }) => entry.ip)).toEqual([
      '198.51.100.1',
      '198.51.100.4',
      '2001:db8::1',
      expect.stringMatching(/127\.0\.0\.1/),
      '198.51.100.3',
    ]);
    for (const entry of detail.recentIps) expect(Date.parse(entry.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await t.prisma.apiTokenRecentIp.count({ where: { tokenId: minted.id } })).toBe(5);
  });

  it('shows them only to the token\'s owner (another user gets 404)', async () => {
    const other = await signUp(t, 'recent-other');
    const minted = await mint(t, user.session);
    await t.http.get(`/api/users/me/api-tokens/${minted.id}`).set(bearer(other.session)).expect(404);
  });
});
