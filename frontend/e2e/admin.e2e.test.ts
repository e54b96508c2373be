/**
 * The Administration area in a real browser against the real server, on a database of its own:
 * its first account is the admin. As the admin and as a member, in en-US and zh-CN, with
 * screenshots (in e2e/.artifacts/screenshots, or docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithToken, createToken, newAccount, registerAndLogin, type Account, type SeededToken } from './support/api';
import { launchChromium, saveScreenshot } from './support/browser';
import { buttonName, text, type Language } from './support/i18n';
import { createTestDatabase, ensureBuilt, startServer, type RunningServer, type TestDatabase } from './support/server';
import { openSignedIn as openSignedInAs } from './support/sign-in';

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
let admin: Account;
let member: Account;
let memberTokens: SeededToken[];

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  server = await startServer(database.url);
  browser = await launchChromium();
  admin = newAccount('operator');
  await registerAndLogin(server.origin, admin); // the first account: admin
  member = newAccount('member');
  const { session } = await registerAndLogin(server.origin, member);
  memberTokens = [];
  for (const name of ['deploy bot', 'nightly backup', 'laptop script']) {
    memberTokens.push(await createToken(server.origin, session, { name, scopes: ['account:read'] }));
  }
  await callWithToken(server.origin, memberTokens[0].token, '/users/me');
}, 420_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await database?.drop();
}, 60_000);

function openSignedIn(name: string, account: Account, language: Language, path: string): Promise<Page> {
  return openSignedInAs(browser, server, name, account, language, path);
}

async function restMouse(page: Page): Promise<void> {
  await page.mouse.move(1432, 8);
}

describe('Administration area', () => {
  it('as the admin (en-US): users, the tokens inventory with a multi-select revoke naming the count, policy, invitations, usage', async () => {
    const t = (key: string, values?: Record<string, string | number>) => text('en-US', key, values);
    const page = await openSignedIn('admin-en', admin, 'en-US', '/admin/users');
    await page.getByText(member.email).waitFor();
    await page.getByText(admin.email).waitFor();
    await restMouse(page);
    await saveScreenshot(page, 'admin-users-en-US.png');

    // The way in is in the account menu.
    await page.getByRole('button', { name: t('common.nav.userMenu') }).click();
    await page.getByRole('menuitem', { name: t('common.nav.admin') }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: t('administration.tabs.tokens') }).click();
    await page.waitForURL('**/admin/tokens');
    await page.getByText('nightly backup').waitFor();
    await page.getByRole('checkbox', { name: 'nightly backup' }).check();
    await page.getByRole('checkbox', { name: 'laptop script' }).check();
    await page.getByRole('button', { name: t('administration.tokens.revokeSelected', { count: 2 }) }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: t('administration.tokens.confirmTitle', { count: 2 }) });
    await confirm.waitFor();
    await restMouse(page);
    await saveScreenshot(page, 'admin-tokens-revoke-en-US.png');
    await confirm.getByRole('button', { name: buttonName(t('administration.tokens.confirmOk', { count: 2 })) }).click();
    await page.getByText(t('administration.tokens.revoked', { count: 2 })).waitFor();
    expect((await callWithToken(server.origin, memberTokens[1].token, '/users/me')).status).toBe(401);
    expect((await callWithToken(server.origin, memberTokens[0].token, '/users/me')).status).toBe(200);

    await page.getByRole('tab', { name: t('administration.tabs.policy') }).click();
    const idle = page.getByRole('spinbutton', { name: t('administration.policy.idleRevokeDays') });
    await idle.fill('180');
    await page.getByRole('button', { name: buttonName(t('administration.policy.save')) }).click();
    await page.getByText(t('administration.policy.saved')).waitFor();
    // The public policy follows a change within seconds (POLICY_REFRESH_SECONDS), not necessarily at once.
    await expect.poll(async () => (await (await fetch(`${server.origin}/api/policy`)).json()).idleRevokeDays, { timeout: 6000 }).toBe(180);
    await restMouse(page);
    await saveScreenshot(page, 'admin-policy-en-US.png');

    await page.getByRole('tab', { name: t('administration.tabs.invites') }).click();
    await page.getByLabel(t('administration.invites.email')).fill('newcomer@example.com');
    await page.getByRole('button', { name: buttonName(t('administration.invites.create')) }).click();
    const url = await page.getByTestId('invite-url').textContent();
    expect(url).toMatch(new RegExp(`^${server.origin}/register\\?invite=inv_[A-Za-z0-9]{24}$`));
    await restMouse(page);
    await saveScreenshot(page, 'admin-invite-en-US.png');
    await page.getByRole('button', { name: buttonName(t('administration.invites.done')) }).click();

    // The link pre-fills the code on the sign-up page.
    const invitee = await browser.newPage();
    await invitee.goto(url!);
    expect(await invitee.getByLabel(t('auth.fields.inviteCode')).inputValue()).toBe(url!.split('invite=')[1]);
    await invitee.close();

    await page.getByRole('tab', { name: t('administration.tabs.usage') }).click();
    await page.getByText(t('administration.usage.topTokens')).waitFor();
    await page.getByRole('img', { name: t('administration.usage.requests') }).locator('.recharts-bar-rectangle').first().waitFor();
    await restMouse(page);
    await saveScreenshot(page, 'admin-usage-en-US.png');
    await page.context().close();
  });

  it('as the admin (zh-CN): the area in Chinese', async () => {
    const t = (key: string, values?: Record<string, string | number>) => text('zh-CN', key, values);
    const page = await openSignedIn('admin-zh', admin, 'zh-CN', '/admin/tokens');
    await page.getByRole('tab', { name: t('administration.tabs.tokens'), selected: true }).waitFor();
    await page.getByText('deploy bot').waitFor();
    await page.getByText(t('administration.tokens.revokedBy.admin'), { exact: false }).first().waitFor();
    await restMouse(page);
    await saveScreenshot(page, 'admin-tokens-zh-CN.png');
    await page.context().close();
  });

  for (const language of ['en-US', 'zh-CN'] as const) {
    it(`as a member (${language}): no way in, and a 403 page at the URL`, async () => {
      const t = (key: string) => text(language, key);
      const page = await openSignedIn(`member-${language}`, member, language, '/admin/users');
      await page.getByText(t('administration.forbidden.subtitle')).waitFor();
      expect(await page.getByRole('tab', { name: t('administration.tabs.users') }).count()).toBe(0);
      await restMouse(page);
      await saveScreenshot(page, `admin-forbidden-member-${language}.png`);
      await page.getByRole('button', { name: t('common.nav.userMenu') }).click();
      await page.getByRole('menuitem', { name: t('common.nav.signOut') }).waitFor();
      expect(await page.getByRole('menuitem', { name: t('common.nav.admin') }).count()).toBe(0);
      await page.context().close();
    });
  }
});
