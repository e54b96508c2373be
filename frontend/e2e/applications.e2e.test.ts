/**
 * Applications end to end in a real browser against the real server, on a database of its own
 * (its first account is the admin): the admin registers an application with a scope catalogue
 * (deploy:write implies deploy:read) and creates a service key, shown once; a member then creates
 * a token for that application in the Credentials tab, and the service key verifies it. In en-US
 * and zh-CN, with screenshots (e2e/.artifacts/screenshots, or docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, listTokens, newAccount, registerAndLogin, type Account } from './support/api';
import { launchChromium, saveScreenshot } from './support/browser';
import { buttonName, text, type Language } from './support/i18n';
import { createTestDatabase, ensureBuilt, startServer, type RunningServer, type TestDatabase } from './support/server';
import { openSignedIn as openSignedInAs } from './support/sign-in';

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
let admin: Account;

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  server = await startServer(database.url);
  browser = await launchChromium();
  admin = newAccount('operator');
  await registerAndLogin(server.origin, admin); // the first account: admin
}, 420_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await database?.drop();
}, 60_000);

function openSignedIn(name: string, account: Account, language: Language, path: string): Promise<Page> {
  return openSignedInAs(browser, server, name, account, language, path);
}

/** Park the pointer where no tooltip or row highlight ends up in a screenshot. */
async function restMouse(page: Page): Promise<void> {
  await page.mouse.move(1432, 8);
  await page.waitForTimeout(300);
}

/** antd tables take no clicks while their loading overlay is up. */
async function tablesSettled(page: Page): Promise<void> {
  await page.locator('.ant-spin-blur').first().waitFor({ state: 'detached' });
}

/** An option of the open antd Select (its dropdown is a portal on the body). */
async function pickOption(page: Page, title: string): Promise<void> {
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`).click();
}

async function verify(serviceKey: string | null, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.origin}/api/v1/tokens/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(serviceKey ? { Authorization: `Bearer ${serviceKey}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Applications: an admin registers one with a service key, a member mints a token for it, the key verifies it', () => {
  for (const language of ['en-US', 'zh-CN'] as const) {
    it(`in ${language}`, async () => {
      const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
      const suffix = language === 'en-US' ? 'en' : 'zh';
      const appName = `Deploy API ${suffix}`;
      const slug = `deploy-${suffix}`;

      // The admin registers the application: two scopes, the second implying the first.
      const page = await openSignedIn(`applications-admin-${language}`, admin, language, '/admin/applications');
      await page.getByRole('tab', { name: t('administration.tabs.applications'), selected: true }).waitFor();
      await page.getByText('tessera', { exact: true }).waitFor();
      await tablesSettled(page);
      await page.getByRole('button', { name: buttonName(t('administration.applications.create')) }).click();
      const editor = page.getByRole('dialog', { name: t('administration.applications.createTitle') });
      await editor.getByLabel(t('administration.applications.name'), { exact: true }).fill(appName);
      await editor.getByLabel(t('administration.applications.slug'), { exact: true }).fill(slug);
      await editor.getByLabel(t('administration.applications.scopeN', { n: 1 }), { exact: true }).fill('deploy:read');
      await editor.getByLabel(t('administration.applications.descriptionEnN', { n: 1 }), { exact: true }).fill('List deployments');
      await editor.getByLabel(t('administration.applications.descriptionZhN', { n: 1 }), { exact: true }).fill('查看部署');
      await editor.getByRole('button', { name: buttonName(t('administration.applications.addScope')) }).click();
      await editor.getByLabel(t('administration.applications.scopeN', { n: 2 }), { exact: true }).fill('deploy:write');
      await editor.getByLabel(t('administration.applications.descriptionEnN', { n: 2 }), { exact: true }).fill('Start deployments');
      await editor.getByLabel(t('administration.applications.descriptionZhN', { n: 2 }), { exact: true }).fill('发起部署');
      await editor.getByRole('combobox', { name: t('administration.applications.impliesN', { n: 2 }) }).click();
      await pickOption(page, 'deploy:read');
      await page.keyboard.press('Escape'); // closes the dropdown, not the dialog
      await editor.getByLabel(t('administration.applications.scopeN', { n: 2 }), { exact: true }).click();
      await restMouse(page);
      await saveScreenshot(page, `admin-application-editor-${language}.png`);
      await editor.getByRole('button', { name: buttonName(t('common.save')) }).click();
      await editor.waitFor({ state: 'detached' });

      const row = page.getByRole('row').filter({ has: page.getByText(slug, { exact: true }) });
      await row.getByText('deploy:write', { exact: true }).waitFor();
      await tablesSettled(page);
      await restMouse(page);
      await saveScreenshot(page, `admin-applications-${language}.png`);

      // A service key, shown once.
      await row.getByRole('button', { name: buttonName(t('administration.applications.serviceKeys')) }).click();
      const keys = page.getByRole('dialog', { name: t('administration.applications.keysTitle', { name: appName }) });
      await keys.getByLabel(t('administration.applications.keyName'), { exact: true }).fill('production');
      await keys.getByRole('button', { name: buttonName(t('administration.applications.createKey')) }).click();
      const revealed = keys.getByRole('status');
      await revealed.getByText(t('administration.applications.keyCreated')).waitFor();
      const serviceKey = /tsk_[A-Za-z0-9]{38}/.exec(await revealed.innerText())?.[0];
      expect(serviceKey).toBeDefined();
      const keyRow = keys.getByRole('row').filter({ hasText: 'production' });
      await keyRow.getByText(t('administration.applications.keyStates.active')).waitFor();
      expect(await keyRow.innerText()).toContain(`${serviceKey!.slice(0, 8)}…`);
      await restMouse(page);
      await saveScreenshot(page, `admin-service-key-${language}.png`);
      // Closed and opened again, the drawer lists the key by its preview only.
      await keys.locator('.ant-drawer-close').click();
      await keys.waitFor({ state: 'detached' });
      await row.getByRole('button', { name: buttonName(t('administration.applications.serviceKeys')) }).click();
      await keys.getByRole('row').filter({ hasText: 'production' }).waitFor();
      expect(await keys.getByRole('status').count()).toBe(0);
      expect(await page.content()).not.toContain(serviceKey!);
      await page.context().close();

      // A member creates a token for the application in the Credentials tab.
      const member = newAccount(`member_${suffix}`);
      const { session: memberSession } = await registerAndLogin(server.origin, member);
      const panel = await openSignedIn(`applications-member-${language}`, member, language, '/settings/credentials');
      await panel.getByRole('tab', { name: t('common.nav.credentials'), selected: true }).waitFor();
      await panel.getByRole('button', { name: buttonName(t('credentials.toolbar.create')) }).first().click();
      const form = panel.getByRole('dialog', { name: t('credentials.form.createTitle') });
      await form.getByRole('combobox', { name: t('credentials.application.label') }).click();
      await pickOption(panel, appName);
      const catalogue = form.getByRole('group', { name: t('credentials.application.scopesOf', { name: appName }) });
      // Each scope with its description in the member's language.
      await catalogue.getByText(language === 'zh-CN' ? '发起部署' : 'Start deployments', { exact: false }).waitFor();
      await form.getByLabel(t('credentials.form.name'), { exact: true }).fill(`ci deployer ${suffix}`);
      await catalogue.getByText('deploy:write', { exact: true }).click();
      // The same view in both languages: the dialog from its top (the click may have scrolled it).
      await panel.locator('.ant-modal-wrap').last().evaluate((wrap) => wrap.scrollTo(0, 0));
      await restMouse(panel);
      await saveScreenshot(panel, `create-application-token-${language}.png`);
      await form.getByRole('button', { name: buttonName(t('credentials.form.createSubmit')) }).click();
      const reveal = panel.getByRole('dialog', { name: t('credentials.reveal.createdTitle') });
      const token = ((await reveal.getByTestId('revealed-token').textContent()) ?? '').trim();
      expect(token).toMatch(/^tsr_[A-Za-z0-9]{38}$/);
      // Copy it (closing without a copy asks first). Chromium copies only from a focused page.
      await panel.bringToFront();
      await reveal.getByRole('button', { name: buttonName(t('credentials.reveal.copy')) }).click();
      await reveal.getByRole('button', { name: buttonName(t('credentials.reveal.copied')) }).waitFor();
      expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await reveal.getByRole('button', { name: buttonName(t('credentials.reveal.acknowledge')) }).click();
      await reveal.waitFor({ state: 'detached' });
      const tokenRow = panel.getByRole('row').filter({ has: panel.getByText(`ci deployer ${suffix}`, { exact: true }) });
      await expect.poll(() => tokenRow.innerText()).toContain(appName);
      await tablesSettled(panel);
      // The "Copied" and "created" toasts fade after 3 s: not in the picture.
      await panel.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      await restMouse(panel);
      await saveScreenshot(panel, `credentials-application-token-${language}.png`);
      await panel.context().close();

      // The application's service key accepts it: deploy:write, and deploy:read by implication.
      const accepted = await verify(serviceKey!, { token, scopes: ['deploy:read'], cost: 2 });
      expect(accepted).toMatchObject({
        status: 200,
        body: { valid: true, code: 'VALID', scopes: ['deploy:write'], application: { slug }, owner: { username: member.username }, name: `ci deployer ${suffix}` },
      });
      expect((await verify(serviceKey!, { token, scopes: ['deploy:write'] })).body).toMatchObject({ valid: true });
      // Not without the key (the open verify answers for Tessera's own tokens only, while the
      // policy allows it, and says nothing of this one), and a token of Tessera's own API is
      // unknown to the application's key.
      expect(await verify(null, { token })).toMatchObject({ status: 200, body: { valid: false, code: 'TOKEN_INVALID', application: null } });
      const { session } = await registerAndLogin(server.origin, newAccount(`own_${suffix}`));
      const own = await createToken(server.origin, session, { name: 'own', scopes: ['account:read'] });
      expect(await verify(serviceKey!, { token: own.token })).toMatchObject({ status: 200, body: { valid: false, code: 'TOKEN_INVALID' } });

      // The admin deletes the application: asked once, then again naming the member's live token.
      const again = await openSignedIn(`applications-delete-${language}`, admin, language, '/admin/applications');
      const appRow = again.getByRole('row').filter({ has: again.getByText(slug, { exact: true }) });
      await appRow.waitFor();
      await tablesSettled(again);
      await appRow.getByRole('button', { name: t('administration.applications.delete', { name: appName }) }).click();
      // antd's confirm dialogs have no accessible name: found by the title they show.
      const first = again.getByRole('dialog').filter({ hasText: t('administration.applications.confirmDelete', { name: appName }) });
      await first.getByRole('button', { name: buttonName(t('administration.applications.deleteOk')) }).click();
      const second = again.getByRole('dialog').filter({ hasText: t('administration.applications.tokensBelong', { name: appName }) });
      await second.getByText(t('administration.applications.tokensBelongCount', { count: 1, name: appName })).waitFor();
      await first.waitFor({ state: 'detached' });
      await restMouse(again);
      await saveScreenshot(again, `admin-delete-application-${language}.png`);
      await second.getByRole('button', { name: buttonName(t('administration.applications.deleteAndRevoke')) }).click();
      await appRow.waitFor({ state: 'detached' });
      await again.context().close();
      // Its key stops, and its token is revoked.
      expect(await verify(serviceKey!, { token })).toMatchObject({ status: 401, body: { code: 'SERVICE_KEY_INVALID' } });
      expect((await listTokens(server.origin, memberSession)).find((entry) => entry.name === `ci deployer ${suffix}`)).toMatchObject({ status: 'REVOKED' });
    });
  }
});
