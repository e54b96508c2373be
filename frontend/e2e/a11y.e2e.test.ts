/**
 * axe-core on every view of the panel, in both languages, on a laptop (1440 × 900) and a phone
 * (390 × 844), against the real server. A serious or critical violation fails the test; every
 * violation found (any impact) is also written to e2e/.artifacts/axe-<language>-<width>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { callWithToken, createToken, newAccount, registerAndLogin, revokeToken } from './support/api';
import { describeViolations, runAxe, seriousOrCritical, type AxeViolation } from './support/axe';
import { ARTIFACT_DIR, launchChromium, newContext, saveFailureArtifact, saveScreenshot } from './support/browser';
import { buttonName, text, type Language } from './support/i18n';
import { createTestDatabase, ensureBuilt, startServer, type RunningServer, type TestDatabase } from './support/server';

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
/** The first account of the database: the admin, whose Administration pages are checked too. */
let adminSession: string;

const ADMIN_TABS = ['users', 'tokens', 'applications', 'policy', 'invites', 'usage'] as const;

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  server = await startServer(database.url);
  browser = await launchChromium();
  ({ session: adminSession } = await registerAndLogin(server.origin, newAccount('axeadmin')));
  // Something in each list: an invitation, and the admin's own token (its usage).
  await fetch(`${server.origin}/api/admin/invites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminSession}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'invited@example.com', expiresInDays: 7 }),
  }).then((response) => expect(response.status).toBe(201));
  const adminToken = await createToken(server.origin, adminSession, { name: 'admin script', scopes: ['account:read'] });
  await callWithToken(server.origin, adminToken.token, '/users/me');
}, 420_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await database?.drop();
}, 60_000);

/** antd's drawers and modals slide and fade in: give them time to start (runAxe then waits for every animation to end). */
const SETTLE_MS = 600;

const SIZES = [
  { label: '1440', viewport: { width: 1440, height: 900 }, mobile: false },
  { label: '390', viewport: { width: 390, height: 844 }, mobile: true },
] as const;

describe('accessibility (axe-core) of every view', () => {
  for (const language of ['en-US', 'zh-CN'] as const satisfies readonly Language[]) {
    for (const size of SIZES) {
      it(`has no serious or critical violation in ${language} at ${size.label} px`, async () => {
        const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
        const contextOptions = {
          locale: language,
          viewport: size.viewport,
          // What most people see: the panel with its animations (runAxe waits for them to end).
          reducedMotion: 'no-preference' as const,
          ...(size.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        };
        const context = await newContext(browser, server.origin, contextOptions);
        const page = await context.newPage();
        onTestFailed(() => saveFailureArtifact(page, `axe-${language}-${size.label}`));

        const account = newAccount('axe');
        const { session } = await registerAndLogin(server.origin, account);
        const days = (count: number) => new Date(Date.now() + count * 86_400_000).toISOString();
        const limited = await createToken(server.origin, session, {
          name: 'CI deploy',
          description: 'Deploys from CI',
          scopes: ['account:read', 'tokens:read'],
          expiresAt: days(60),
          requestLimit: 1_000,
          quotaLimit: 5_000,
        });
        await createToken(server.origin, session, { name: 'Laptop script', scopes: ['account:write'], expiresAt: days(3) });
        const old = await createToken(server.origin, session, { name: 'Old token', scopes: ['usage:read'] });
        await revokeToken(server.origin, session, old.id);

        const found: Record<string, AxeViolation[]> = {};
        const check = async (view: string) => {
          await page.waitForTimeout(SETTLE_MS);
          found[view] = await runAxe(page);
        };

        await page.goto('/sign-in');
        await page.getByRole('button', { name: buttonName(t('auth.signIn.submit')) }).waitFor();
        await check('sign-in');

        await page.goto('/register');
        await page.getByRole('button', { name: buttonName(t('auth.register.submit')) }).waitFor();
        await check('sign-up');

        await page.evaluate((jwt) => localStorage.setItem('tessera.session', jwt), session);
        await page.goto('/settings/credentials');
        await page.getByText('CI deploy', { exact: true }).first().waitFor();
        await check('credentials');
        if (size.mobile && language === 'zh-CN') await saveScreenshot(page, 'credentials-mobile-zh-CN.png');

        await page.getByRole('button', { name: buttonName(t('credentials.toolbar.create')) }).first().click();
        const form = page.getByRole('dialog', { name: t('credentials.form.createTitle') });
        await form.waitFor();
        await check('create-form');

        await form.getByLabel(t('credentials.form.name'), { exact: true }).fill('axe check');
        await form.getByRole('radiogroup', { name: t('credentials.scopes.account.name') }).getByText(t('credentials.scopes.level.read')).click();
        await form.getByRole('button', { name: buttonName(t('credentials.form.createSubmit')) }).click();
        const reveal = page.getByRole('dialog', { name: t('credentials.reveal.createdTitle') });
        await reveal.getByTestId('revealed-token').waitFor();
        await check('reveal-dialog');
        await context.close();

        const detailContext = await newContext(browser, server.origin, contextOptions);
        const detailPage: Page = await detailContext.newPage();
        await detailPage.goto('/sign-in');
        await detailPage.evaluate((jwt) => localStorage.setItem('tessera.session', jwt), session);
        await detailPage.goto(`/settings/credentials/${limited.id}`);
        await detailPage.getByRole('dialog', { name: 'CI deploy', exact: true }).waitFor();
        await detailPage.waitForTimeout(SETTLE_MS);
        found['detail-drawer'] = await runAxe(detailPage);

        await detailPage.goto('/settings/activity');
        await detailPage.getByRole('tab', { name: t('common.nav.activity'), selected: true }).waitFor();
        await detailPage.waitForTimeout(SETTLE_MS);
        found.activity = await runAxe(detailPage);

        await detailPage.goto('/settings/profile');
        await detailPage.getByRole('tab', { name: t('common.nav.profile'), selected: true }).waitFor();
        await detailPage.waitForTimeout(SETTLE_MS);
        found.profile = await runAxe(detailPage);
        await detailContext.close();

        // The Administration pages, as the admin (the database's first account).
        const adminContext = await newContext(browser, server.origin, contextOptions);
        const adminPage: Page = await adminContext.newPage();
        onTestFailed(() => saveFailureArtifact(adminPage, `axe-admin-${language}-${size.label}`));
        await adminPage.goto('/sign-in');
        await adminPage.evaluate((jwt) => localStorage.setItem('tessera.session', jwt), adminSession);
        for (const tab of ADMIN_TABS) {
          await adminPage.goto(`/admin/${tab}`);
          // A phone gets the sections as a row of buttons (six tabs would overflow into antd's menu).
          const current = size.mobile
            ? adminPage.getByRole('navigation', { name: t('administration.sections') }).locator('[aria-current="page"]', { hasText: t(`administration.tabs.${tab}`) })
            : adminPage.getByRole('tab', { name: t(`administration.tabs.${tab}`), selected: true });
          await current.waitFor();
          // Every list and form has loaded: no spinner is left.
          await adminPage.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton') === null, undefined, { timeout: 30_000 });
          await adminPage.waitForTimeout(SETTLE_MS);
          found[`admin-${tab}`] = await runAxe(adminPage);
          if (tab === 'users') await saveScreenshot(adminPage, `admin-users-${language}-${size.label}.png`);
        }
        await adminContext.close();

        mkdirSync(ARTIFACT_DIR, { recursive: true });
        const summary = Object.fromEntries(
          Object.entries(found).map(([view, violations]) => [
            view,
            violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length, example: violation.nodes[0]?.target })),
          ]),
        );
        writeFileSync(path.join(ARTIFACT_DIR, `axe-${language}-${size.label}.json`), `${JSON.stringify(summary, null, 2)}\n`);

        const failures = Object.entries(found)
          .map(([view, violations]) => [view, seriousOrCritical(violations)] as const)
          .filter(([, violations]) => violations.length > 0)
          .map(([view, violations]) => `${view}:\n${describeViolations(violations)}`);
        expect(failures, failures.join('\n\n')).toEqual([]);
      });
    }
  }
});
