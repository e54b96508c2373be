/**
 * Leak response in a real browser: a token reported as leaked through the public API is revoked,
 * and its owner's Credentials tab says so (banner, tag, detail) until the banner is dismissed; a
 * leaked service key is announced to the admins in Administration the same way.
 * Same setup as panel.e2e.test.ts: one server on a database of its own, one Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed, onTestFinished } from 'vitest';
import { createServiceKey, createToken, newAccount, registerAndLogin, setExpiryWebhook, type Account } from './support/api';
import { launchChromium, newContext, saveFailureArtifact, saveScreenshot } from './support/browser';
import { buttonName, text } from './support/i18n';
import { createTestDatabase, ensureBuilt, startServer, type RunningServer, type TestDatabase } from './support/server';
import { WebhookReceiver } from './support/webhook';

const en = (key: string, values?: Record<string, string | number>) => text('en-US', key, values);

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
const admin: Account = newAccount('leakadmin');
let adminSession: string;

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  server = await startServer(database.url);
  // The first account of an install is its admin.
  adminSession = (await registerAndLogin(server.origin, admin)).session;
  browser = await launchChromium();
}, 420_000);

/** Reports the values publicly and waits until `isDead` says the report was processed. */
async function reportLeak(values: string[], source: string, url: string, isDead: () => Promise<boolean>): Promise<void> {
  const report = await fetch(`${server.origin}/api/v1/tokens/revoke-leaked`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tokens: values, source, url }),
  });
  expect(report.status).toBe(202);
  // Revoked after the answer: wait until a call with it is refused.
  for (let tries = 0; !(await isDead()); tries += 1) {
    expect(tries).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(en('auth.fields.email'), { exact: true }).fill(account.email);
  await page.getByLabel(en('auth.fields.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: buttonName(en('auth.signIn.submit')) }).click();
  await page.getByText(en('common.home.greeting', { name: account.username })).waitFor();
}

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await database?.drop();
}, 60_000);

describe('a leaked token in the panel', () => {
  it('is revoked after a public report, shown in a banner that opens it, tagged in the list, and the banner can be dismissed', async () => {
    const account = newAccount('leak');
    const { session } = await registerAndLogin(server.origin, account);
    const leaked = await createToken(server.origin, session, { name: 'Pushed by mistake', scopes: ['account:read'] });
    await createToken(server.origin, session, { name: 'Still fine', scopes: ['account:read'] });

    await reportLeak([leaked.token], 'public gist', 'https://gist.example.com/octo/1', async () => {
      const call = await fetch(`${server.origin}/api/users/me`, { headers: { Authorization: `Bearer ${leaked.token}` } });
      return call.status === 401;
    });

    const context = await newContext(browser, server.origin);
    const page: Page = await context.newPage();
    onTestFailed(async () => {
      await saveFailureArtifact(page, 'leak-banner');
      console.error(`Server output:\n${server.output().slice(-4_000)}`);
    });
    await signIn(page, account);
    await page.goto('/settings/credentials');

    const banner = page.getByRole('alert').filter({ hasText: en('credentials.leak.bannerTitle', { name: 'Pushed by mistake' }) });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('public gist');
    expect(await banner.getByRole('link', { name: 'https://gist.example.com/octo/1' }).getAttribute('href')).toBe('https://gist.example.com/octo/1');
    const row = page.getByRole('row').filter({ has: page.getByText('Pushed by mistake', { exact: true }) });
    await row.getByText(en('credentials.leak.tag'), { exact: true }).waitFor();
    expect(await page.getByRole('row').filter({ has: page.getByText('Still fine', { exact: true }) }).getByText(en('credentials.leak.tag')).count()).toBe(0);
    await page.mouse.move(1, 1);
    await saveScreenshot(page, 'leak-banner.png');

    await banner.getByRole('button', { name: buttonName(en('credentials.leak.open')) }).click();
    const drawer = page.getByRole('dialog', { name: 'Pushed by mistake' });
    await drawer.getByText(en('credentials.leak.detailText')).waitFor();
    expect(await drawer.innerText()).toContain('public gist');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await banner.getByRole('button', { name: buttonName(en('credentials.leak.dismiss')) }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await row.getByText(en('credentials.leak.tag'), { exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: en('credentials.leak.bannerTitle', { name: 'Pushed by mistake' }) }).count()).toBe(0);
    await context.close();
  });
});

describe('a leaked service key in Administration', () => {
  it('is revoked after a public report, announced above the admin tabs with its application and where it was found, tagged in its list, dismissed, and listed with the webhook deliveries', async () => {
    const receiver = new WebhookReceiver();
    onTestFinished(() => receiver.stop());
    await setExpiryWebhook(server.origin, adminSession, await receiver.start());
    const leaked = await createServiceKey(server.origin, adminSession, { name: 'Deploy API', slug: 'deploy-api' }, 'prod runner');
    await reportLeak([leaked.key], 'build log', 'https://ci.example.com/run/8', async () => {
      const call = await fetch(`${server.origin}/api/v1/tokens/verify`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${leaked.key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: 'tsr_x' }),
      });
      return ((await call.json()) as { code?: string }).code === 'SERVICE_KEY_INVALID';
    });

    const context = await newContext(browser, server.origin);
    const page: Page = await context.newPage();
    onTestFailed(async () => {
      await saveFailureArtifact(page, 'service-key-leak-banner');
      console.error(`Server output:\n${server.output().slice(-4_000)}`);
    });
    await signIn(page, admin);
    await page.goto('/admin/users');
    const title = en('administration.serviceKeyLeak.bannerTitle', { name: 'prod runner', application: 'Deploy API' });
    const banner = page.getByRole('alert').filter({ hasText: title });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('build log');
    expect(await banner.getByRole('link', { name: 'https://ci.example.com/run/8' }).getAttribute('href')).toBe('https://ci.example.com/run/8');
    await page.mouse.move(1, 1);
    await saveScreenshot(page, 'service-key-leak-banner.png');

    await banner.getByRole('button', { name: buttonName(en('administration.serviceKeyLeak.open')) }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: en('administration.applications.keysTitle', { name: 'Deploy API' }) });
    const row = drawer.getByRole('row').filter({ has: page.getByText('prod runner', { exact: true }) });
    await row.getByText(en('administration.applications.keyLeaked'), { exact: true }).waitFor();
    expect(await row.innerText()).toContain('build log');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await banner.getByRole('button', { name: buttonName(en('administration.serviceKeyLeak.dismiss')) }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('tab', { name: en('administration.tabs.users') }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: title }).count()).toBe(0);

    // The admin's Profile tab lists the service_key.leaked delivery apart from the token notices.
    await expect.poll(() => receiver.of('service_key.leaked').length, { timeout: 15_000, interval: 250 }).toBe(1);
    const deliveries = page.getByRole('region', { name: en('profile.expiryWebhook.recentServiceKeys') });
    const keyRow = deliveries.getByRole('row').filter({ has: page.getByText('prod runner', { exact: true }) });
    await expect
      .poll(
        async () => {
          await page.goto('/settings/profile');
          await page.getByText(en('profile.expiryWebhook.recent'), { exact: true }).waitFor();
          return (await keyRow.count()) > 0 ? keyRow.innerText() : '';
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain(en('profile.expiryWebhook.status.DELIVERED'));
    const delivered = await keyRow.innerText();
    expect(delivered).toContain(en('profile.expiryWebhook.ofApplication', { name: 'Deploy API' }));
    expect(delivered).toContain(en('credentials.leak.webhookEvent'));
    expect(delivered).toContain(en('profile.expiryWebhook.result.delivered', { status: 204 }));
    await deliveries.scrollIntoViewIfNeeded();
    await page.mouse.move(1, 1);
    await saveScreenshot(page, 'service-key-notices.png');
    await context.close();
  });
});
