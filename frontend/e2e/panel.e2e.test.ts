/**
 * The panel in a real browser against the real server on a real PostgreSQL.
 *
 * One server (`node backend/dist/main.js` serving `frontend/dist`) on a database created for this
 * run, one headless Chromium; each test gets its own browser context (a fresh profile) and its
 * own account, so the tests do not depend on each other's data. The screenshots under
 * `docs/screenshots/` are rewritten only with UPDATE_SCREENSHOTS=1 (see support/browser.ts).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import credentialsEn from '../src/i18n/locales/en-US/credentials.json';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  callWithToken,
  createToken,
  getExpiryWebhook,
  newAccount,
  previewOf,
  registerAndLogin,
  revokeToken,
  verifyToken,
  type Account,
  type SelfToken,
} from './support/api';
import { animationsSettled, launchChromium, newContext, saveFailureArtifact, saveScreenshot } from './support/browser';
import { buttonName, relativeTimeText, text, type Language } from './support/i18n';
import { createTestDatabase, ensureBuilt, expiredSessionJwt, startServer, type RunningServer, type TestDatabase } from './support/server';
import { verifyWebhookSignature, WebhookReceiver } from './support/webhook';

const SESSION_KEY = 'tessera.session';
/** Usage counters reach PostgreSQL about once a second; this is the one long deliberate wait. */
const USAGE_FLUSH_WAIT_MS = 1_500;

const en = (key: string, values?: Record<string, string | number>) => text('en-US', key, values);
const zh = (key: string, values?: Record<string, string | number>) => text('zh-CN', key, values);

let database: TestDatabase;
let server: RunningServer;
let browser: Browser;
/** An account with tokens in every state, for the screenshots (seeded once in beforeAll). */
let showcase: { account: Account; tokenNames: string[] };

beforeAll(async () => {
  await ensureBuilt();
  database = await createTestDatabase();
  server = await startServer(database.url);
  browser = await launchChromium();
  showcase = await seedShowcase();
}, 420_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await database?.drop();
}, 60_000);

/** A context + page; on failure a full-page picture goes to e2e/.artifacts/. */
async function openPage(name: string, options: Parameters<typeof newContext>[2] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, server.origin, options);
  const page = await context.newPage();
  onTestFailed(async () => {
    await saveFailureArtifact(page, name);
    console.error(`Server output:\n${server.output().slice(-4_000)}`);
  });
  return { context, page };
}

async function signIn(page: Page, account: Account, language: Language = 'en-US'): Promise<void> {
  await page.getByLabel(text(language, 'auth.fields.email'), { exact: true }).fill(account.email);
  await page.getByLabel(text(language, 'auth.fields.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: buttonName(text(language, 'auth.signIn.submit')) }).click();
}

function tokenRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

/** Park the pointer on the panel's title bar so no hover tooltip or row highlight ends up in a screenshot. */
async function restMouse(page: Page): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  await page.mouse.move(viewport.width - 8, 8);
  await page.waitForTimeout(300); // antd fades tooltips out over ~0.1-0.2 s
}

/**
 * Where an element sits horizontally once the panel has finished sliding in (antd's drawer
 * animates from the right edge, so a measurement taken during the slide is off by up to its width).
 */
async function horizontalExtent(locator: Locator): Promise<{ left: number; right: number } | null> {
  await locator.waitFor();
  let previous = await locator.boundingBox();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = await locator.boundingBox();
    if (current && previous && current.x === previous.x && current.width === previous.width) {
      return { left: current.x, right: current.x + current.width };
    }
    previous = current;
  }
  return null;
}

/** antd's confirm dialogs have no accessible name; find the one showing this title. */
function confirmDialog(page: Page, title: string): Locator {
  return page.getByRole('dialog').filter({ hasText: title });
}

/**
 * An en-US text as a whole-string pattern, with `{{placeholder}}` standing for `pattern`: for texts
 * whose value moves while we look (a countdown).
 */
function enPattern(key: string, placeholder: string, pattern: string): RegExp {
  const marker = '\u0000';
  const escaped = en(key, { [placeholder]: marker }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(marker, pattern)}$`);
}

/** "works for 00:59:57 more": a grace period of one hour, started moments ago. */
const ONE_HOUR_LEFT = enPattern('security.grace.remaining', 'time', '00:5\\d:\\d\\d');

describe('the panel in Chromium', () => {
  it('registers, signs in, creates a token, copies it, uses it, edits it and revokes it (en-US)', async () => {
    const { context, page } = await openPage('en-US-flow');
    const account = newAccount('ada');

    // Register: the panel signs in at once and shows the home page.
    await page.goto('/register');
    await page.getByLabel(en('auth.fields.username'), { exact: true }).fill(account.username);
    await page.getByLabel(en('auth.fields.email'), { exact: true }).fill(account.email);
    await page.getByLabel(en('auth.fields.password'), { exact: true }).fill(account.password);
    await page.getByLabel(en('auth.fields.confirmPassword'), { exact: true }).fill(account.password);
    await page.getByRole('button', { name: en('auth.register.submit') }).click();
    await page.getByText(en('common.home.greeting', { name: account.username })).waitFor();

    // Sign out from the user menu, then sign in again.
    await page.getByRole('button', { name: en('common.nav.userMenu') }).click();
    await page.getByRole('menuitem', { name: en('common.nav.signOut') }).click();
    await page.waitForURL('**/sign-in');
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
    await signIn(page, account);
    await page.getByText(en('common.home.greeting', { name: account.username })).waitFor();

    // The Credentials tab, empty for a new account.
    await page.getByRole('button', { name: en('common.home.manageTokens') }).click();
    await page.waitForURL('**/settings/credentials');
    await page.getByRole('tab', { name: en('common.nav.credentials'), selected: true }).waitFor();
    await page.getByText(en('credentials.empty.description')).waitFor();

    // Create a token with two scopes.
    await page.getByRole('button', { name: en('credentials.toolbar.create') }).click();
    const form = page.getByRole('dialog', { name: en('credentials.form.createTitle') });
    await form.getByLabel(en('credentials.form.name'), { exact: true }).fill('laptop script');
    await form.getByLabel(en('credentials.form.description')).fill('Reads my profile from a cron job');
    await form.getByRole('radiogroup', { name: en('credentials.scopes.account.name') }).getByText(en('credentials.scopes.level.read')).click();
    await form.getByRole('radiogroup', { name: en('credentials.scopes.tokens.name') }).getByText(en('credentials.scopes.level.read')).click();
    await form.getByRole('button', { name: en('credentials.form.createSubmit') }).click();

    // The reveal-once dialog: the secret in monospace, and a copy button that really copies it.
    const reveal = page.getByRole('dialog', { name: en('credentials.reveal.createdTitle') });
    await reveal.waitFor();
    const shown = (await reveal.getByTestId('revealed-token').textContent())?.trim() ?? '';
    expect(shown).toMatch(/^tsr_[A-Za-z0-9]{38}$/);
    // Chromium refuses clipboard writes from a page without focus ("Document is not focused").
    await page.bringToFront();
    await reveal.getByRole('button', { name: buttonName(en('credentials.reveal.copy')) }).click();
    await reveal.getByRole('button', { name: buttonName(en('credentials.reveal.copied')) }).waitFor();
    // Chromium with clipboard-read granted for this origin: read back what the button wrote.
    const token = await page.evaluate(() => navigator.clipboard.readText());
    expect(token).toBe(shown);
    await saveScreenshot(page, 'reveal-dialog.png');
    await reveal.getByRole('button', { name: en('credentials.reveal.acknowledge') }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);

    const row = tokenRow(page, 'laptop script');
    await expect.poll(() => row.innerText()).toContain(en('credentials.lastUsed.never'));
    await expect.poll(() => row.innerText()).toContain('account:read');
    await expect.poll(() => row.innerText()).toContain(en('credentials.state.active'));

    // A script uses the token; after the usage flush the table shows when and from where.
    const used = await callWithToken(server.origin, token, '/users/me');
    expect(used.status).toBe(200);
    expect(used.body.username).toBe(account.username);
    await page.waitForTimeout(USAGE_FLUSH_WAIT_MS);
    await expect
      .poll(
        async () => {
          await page.reload();
          return tokenRow(page, 'laptop script').innerText();
        },
        { timeout: 10_000, interval: 1_000 },
      )
      .not.toContain(en('credentials.lastUsed.never'));
    const usedRow = await tokenRow(page, 'laptop script').innerText();
    expect(usedRow).toContain(relativeTimeText('en-US', new Date()));
    expect(usedRow).toMatch(/127\.0\.0\.1/);
    expect(usedRow).toContain(
      en('credentials.usage.line', { label: en('credentials.usage.requests'), amount: en('credentials.usage.ofUnlimited', { used: 1 }) }),
    );

    // Edit: new name, a request limit, and account:write instead of account:read.
    await tokenRow(page, 'laptop script').getByRole('button', { name: en('credentials.actions.edit') }).click();
    const edit = page.getByRole('dialog', { name: en('credentials.form.editTitle', { name: 'laptop script' }) });
    await edit.getByLabel(en('credentials.form.name'), { exact: true }).fill('laptop backup script');
    await edit.getByRole('radiogroup', { name: en('credentials.scopes.account.name') }).getByText(en('credentials.scopes.level.write')).click();
    await edit.getByLabel(en('credentials.form.requestLimit')).fill('1000');
    await edit.getByRole('button', { name: en('common.save') }).click();
    await page.getByText(en('credentials.form.updated')).waitFor();
    await edit.waitFor({ state: 'detached' });
    const edited = tokenRow(page, 'laptop backup script');
    await expect.poll(() => edited.innerText()).toContain('account:write');
    expect(await edited.innerText()).toContain(en('credentials.usage.line', { label: en('credentials.usage.requests'), amount: '1 / 1,000' }));

    // Revoke, behind a confirmation; the row turns "Revoked" and loses edit/regenerate/revoke.
    await edited.getByRole('button', { name: en('credentials.actions.revoke') }).click();
    const confirm = confirmDialog(page, en('credentials.confirm.revokeTitle', { name: 'laptop backup script' }));
    await confirm.getByText(en('credentials.confirm.revokeContent')).waitFor();
    await confirm.getByRole('button', { name: en('credentials.actions.revoke') }).click();
    await page.getByText(en('credentials.confirm.revokeDone', { name: 'laptop backup script' })).waitFor();
    await expect.poll(() => edited.innerText()).toContain(en('credentials.state.revoked'));
    expect(await edited.getByRole('button', { name: en('credentials.actions.edit') }).count()).toBe(0);
    expect(await edited.getByRole('button', { name: en('credentials.actions.revoke') }).count()).toBe(0);

    // …and the server refuses the token from now on.
    const refused = await callWithToken(server.origin, token, '/users/me');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_REVOKED');

    await context.close();
  });

  it('rotates a token with a grace period: both secrets work, the panel counts down, a regenerate ends it (en-US)', async () => {
    const { context, page } = await openPage('en-US-rotation');
    const account = newAccount('rota');
    const { session } = await registerAndLogin(server.origin, account);
    const name = 'deploy bot';
    const original = await createToken(server.origin, session, {
      name,
      description: 'Pushes releases from the build server',
      scopes: ['account:read'],
    });
    await createToken(server.origin, session, { name: 'metrics scraper', scopes: ['usage:read'] });
    const oldSecret = original.token;
    expect((await callWithToken(server.origin, oldSecret, '/users/me')).status).toBe(200);

    await page.goto('/settings/credentials');
    await page.waitForURL('**/sign-in?redirect=*');
    await signIn(page, account);
    await page.waitForURL('**/settings/credentials');
    const row = tokenRow(page, name);
    await expect.poll(() => row.innerText()).toContain(previewOf(oldSecret));
    // Never rotated: no countdown anywhere yet.
    expect(await row.getByRole('timer').count()).toBe(0);

    // Rotate from the row: one hour of grace is the default; "Stops at once" warns, and we go back.
    await row.getByRole('button', { name: en('security.rotate.action'), exact: true }).click();
    const rotate = page.getByRole('dialog', { name: en('security.rotate.title', { name }) });
    await rotate.getByText(en('security.rotate.intro')).waitFor();
    const hour = rotate.getByRole('radio', { name: en('security.rotate.grace.hour'), exact: true });
    expect(await hour.isChecked()).toBe(true);
    await rotate.getByRole('radio', { name: en('security.rotate.grace.none'), exact: true }).check();
    await rotate.getByText(en('credentials.confirm.regenerateContent')).waitFor();
    await hour.check();
    await rotate.getByText(en('credentials.confirm.regenerateContent')).waitFor({ state: 'detached' });
    expect(await hour.isChecked()).toBe(true);
    await restMouse(page);
    await saveScreenshot(page, 'rotate-dialog.png');
    await rotate.getByRole('button', { name: en('security.rotate.submit'), exact: true }).click();
    await page.getByText(en('security.rotate.done', { name })).waitFor();
    await rotate.waitFor({ state: 'detached' });

    // The new secret, shown once, with how long the old one keeps working; the copy button copies it.
    const reveal = page.getByRole('dialog', { name: en('security.rotate.revealTitle') });
    await reveal.waitFor();
    const rotatedSecret = (await reveal.getByTestId('revealed-token').textContent())?.trim() ?? '';
    expect(rotatedSecret).toMatch(/^tsr_[A-Za-z0-9]{38}$/);
    expect(rotatedSecret).not.toBe(oldSecret);
    await reveal.getByText(en('credentials.reveal.intro', { name })).waitFor();
    await reveal.getByText(enPattern('security.rotate.oldSecretUntil', 'time', '.+')).waitFor();
    await expect.poll(() => reveal.getByRole('timer').innerText()).toMatch(ONE_HOUR_LEFT);
    // Chromium refuses clipboard writes from a page without focus ("Document is not focused").
    await page.bringToFront();
    await reveal.getByRole('button', { name: buttonName(en('credentials.reveal.copy')) }).click();
    await reveal.getByRole('button', { name: buttonName(en('credentials.reveal.copied')) }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rotatedSecret);
    await reveal.getByRole('button', { name: en('credentials.reveal.acknowledge') }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(rotatedSecret);

    // A script switches to the new secret; one still on the old secret keeps working during the grace period.
    const withNew = await callWithToken(server.origin, rotatedSecret, '/users/me');
    expect(withNew.status).toBe(200);
    expect(withNew.body.username).toBe(account.username);
    const withOld = await callWithToken(server.origin, oldSecret, '/users/me');
    expect(withOld.status).toBe(200);
    expect(withOld.body.username).toBe(account.username);
    // Both are the same token; it knows which secret called and how long the old one has left.
    const selfNew = await callWithToken<SelfToken>(server.origin, rotatedSecret, '/users/me/api-tokens/self');
    const selfOld = await callWithToken<SelfToken>(server.origin, oldSecret, '/users/me/api-tokens/self');
    expect(selfNew.status).toBe(200);
    expect(selfOld.status).toBe(200);
    expect(selfNew.body).toMatchObject({ id: original.id, tokenPreview: previewOf(rotatedSecret), usingRetiredSecret: false });
    expect(selfOld.body).toMatchObject({ id: original.id, tokenPreview: previewOf(rotatedSecret), usingRetiredSecret: true });
    const graceLeftMs = Date.parse(selfNew.body.graceUntil ?? '') - Date.now();
    expect(graceLeftMs).toBeGreaterThan(50 * 60_000);
    expect(graceLeftMs).toBeLessThanOrEqual(3_600_000);

    // The row shows the new preview and a countdown for the old secret, ticking every second.
    await expect.poll(() => row.innerText()).toContain(previewOf(rotatedSecret));
    expect(await row.innerText()).not.toContain(previewOf(oldSecret));
    expect(await row.innerText()).toContain(en('credentials.state.active'));
    const countdown = row.getByRole('timer');
    const firstTick = await countdown.innerText();
    expect(firstTick).toMatch(ONE_HOUR_LEFT);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(firstTick);
    expect(await countdown.innerText()).toMatch(ONE_HOUR_LEFT);
    expect(await tokenRow(page, 'metrics scraper').getByRole('timer').count()).toBe(0);

    // The detail drawer: the previous secret's countdown and the retired secret, by its preview only.
    await row.getByRole('button', { name: en('credentials.actions.details') }).click();
    await page.waitForURL(`**/settings/credentials/${original.id}`);
    const drawer = page.getByRole('dialog', { name, exact: true });
    await drawer.getByText(en('security.grace.label'), { exact: true }).waitFor();
    await expect.poll(() => drawer.getByRole('timer').innerText()).toMatch(ONE_HOUR_LEFT);
    await drawer.getByText(en('security.retired.title'), { exact: true }).waitFor();
    await drawer.getByText(`${previewOf(oldSecret)}: retired`).waitFor();
    expect(await drawer.getByRole('alert').count()).toBe(0); // nobody used it after its grace period
    const drawerText = await drawer.innerText();
    expect(drawerText).toContain(previewOf(rotatedSecret));
    for (const secret of [oldSecret, rotatedSecret]) expect(await page.content()).not.toContain(secret);
    await page.goto('/settings/credentials');

    // Regenerate (a rotation with no grace): every earlier secret stops at once.
    await row.getByRole('button', { name: en('credentials.actions.regenerate') }).click();
    const confirm = confirmDialog(page, en('credentials.confirm.regenerateTitle', { name }));
    await confirm.getByText(en('credentials.confirm.regenerateContent')).waitFor();
    await confirm.getByRole('button', { name: en('credentials.actions.regenerate') }).click();
    const regenerated = page.getByRole('dialog', { name: en('credentials.reveal.regeneratedTitle') });
    await regenerated.waitFor();
    const newestSecret = (await regenerated.getByTestId('revealed-token').textContent())?.trim() ?? '';
    expect(newestSecret).toMatch(/^tsr_[A-Za-z0-9]{38}$/);
    expect([oldSecret, rotatedSecret]).not.toContain(newestSecret);
    expect(await regenerated.getByRole('timer').count()).toBe(0); // no grace, so nothing counts down
    await regenerated.getByRole('button', { name: en('credentials.reveal.acknowledge') }).click();
    // Nothing was copied: the dialog asks once, then closes.
    await regenerated.getByRole('button', { name: en('panel.reveal.closeAnyway') }).click();
    await regenerated.waitFor({ state: 'detached' });
    await page.getByText(en('credentials.confirm.regenerateDone', { name })).waitFor();

    for (const retired of [oldSecret, rotatedSecret]) {
      const refused = await callWithToken(server.origin, retired, '/users/me');
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('TOKEN_ROTATED');
    }
    const withNewest = await callWithToken(server.origin, newestSecret, '/users/me');
    expect(withNewest.status).toBe(200);
    expect(withNewest.body.username).toBe(account.username);

    // The countdown is gone from the row; the drawer lists both retired secrets and warns that each
    // was tried after it stopped working (noted off the request path, so wait for it).
    await expect.poll(() => row.innerText()).toContain(previewOf(newestSecret));
    expect(await row.getByRole('timer').count()).toBe(0);
    await row.getByRole('button', { name: en('credentials.actions.details') }).click();
    await page.waitForURL(`**/settings/credentials/${original.id}`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await drawer.getByText(en('security.retired.title'), { exact: true }).waitFor();
          return drawer.getByRole('alert').count();
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toBe(2);
    for (const retired of [oldSecret, rotatedSecret]) {
      await drawer.getByText(`${previewOf(retired)}: retired`).waitFor();
      const warning = drawer.getByRole('alert').filter({ hasText: previewOf(retired) });
      expect(await warning.innerText()).toContain(en('security.retired.reused', { preview: previewOf(retired), count: 1 }).split('{{time}}')[0]);
      expect(await warning.innerText()).toMatch(/127\.0\.0\.1/);
    }
    expect(await drawer.getByRole('timer').count()).toBe(0);
    await drawer.getByText(enPattern('security.grace.ended', 'time', '.+')).waitFor();

    await context.close();
  });

  it('flags tokens expiring soon and delivers one signed expiry notice to the webhook set in the Profile tab (en-US, zh-CN)', async () => {
    const { context, page } = await openPage('expiry-notices', { viewport: { width: 1280, height: 900 } });
    const receiver = new WebhookReceiver();
    const receiverUrl = await receiver.start();
    onTestFailed(() => console.error(`Webhook receiver got:\n${receiver.received.map((entry) => entry.raw).join('\n') || '(nothing)'}`));
    try {
      const account = newAccount('notice');
      const { session } = await registerAndLogin(server.origin, account);
      const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const soon = await createToken(server.origin, session, {
        name: 'deploy bot',
        description: 'Pushes releases from the build server',
        scopes: ['account:read'],
        expiresAt: inDays(2),
      });
      const later = await createToken(server.origin, session, { name: 'quarterly report', scopes: ['usage:read'], expiresAt: inDays(60) });

      // The Credentials tab: a tag on the token inside the notice window, none on the other, and a banner counting it.
      await page.goto('/settings/credentials');
      await page.waitForURL('**/sign-in?redirect=*');
      await signIn(page, account);
      await page.waitForURL('**/settings/credentials');
      const soonRow = tokenRow(page, soon.name);
      const laterRow = tokenRow(page, later.name);
      await soonRow.getByText(en('credentials.expiry.soon'), { exact: true }).waitFor();
      await laterRow.waitFor();
      expect(await laterRow.getByText(en('credentials.expiry.soon'), { exact: true }).count()).toBe(0);
      const banner = page.getByRole('status').filter({ hasText: en('credentials.expiry.soonBanner', { count: 1 }) });
      await banner.waitFor();
      await restMouse(page);
      await saveScreenshot(page, 'expiring-banner.png');

      // The Profile tab: the section says what it does and for how many days ahead (the server's policy).
      await page.getByRole('tab', { name: en('common.nav.profile') }).click();
      await page.waitForURL('**/settings/profile');
      await page.getByText(en('profile.expiryWebhookSection'), { exact: true }).waitFor();
      await page.getByText(en('profile.expiryWebhook.explain', { days: 7 }), { exact: true }).waitFor();
      // No webhook yet: no secret and nothing to test.
      expect(await page.getByRole('button', { name: buttonName(en('profile.expiryWebhook.test')) }).count()).toBe(0);

      await page.getByLabel(en('profile.expiryWebhook.url'), { exact: true }).fill(receiverUrl);
      await page.getByRole('button', { name: buttonName(en('profile.expiryWebhook.save')) }).click();
      await page.getByText(en('profile.expiryWebhook.saved'), { exact: true }).waitFor();

      // The signing secret, shortened; its copy button copies the whole of it, the one the API holds.
      const shownSecret = page.getByLabel(en('profile.expiryWebhook.secret'), { exact: true });
      await expect.poll(() => shownSecret.innerText()).toMatch(/^whsec_[A-Za-z0-9_-]{4}…$/);
      const stored = await getExpiryWebhook(server.origin, session);
      expect(stored.url).toBe(receiverUrl);
      expect(stored.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
      expect(stored.secret.startsWith((await shownSecret.innerText()).replace('…', ''))).toBe(true);
      await shownSecret.getByRole('button').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(stored.secret);
      const secret = stored.secret;

      // "Send test": a signed ping reaches the receiver, and the panel says how it answered.
      await page.getByRole('button', { name: buttonName(en('profile.expiryWebhook.test')) }).click();
      await page.getByText(en('profile.expiryWebhook.testOk', { status: 204 }), { exact: true }).waitFor();
      const [ping] = receiver.of('ping');
      expect(receiver.of('ping')).toHaveLength(1);
      expect(ping.headers['x-tessera-event']).toBe('ping');
      expect(ping.headers['x-tessera-delivery']).toBe(ping.body.id);
      expect(verifyWebhookSignature(secret, ping.headers['x-tessera-signature'], ping.raw)).toBe(true);
      expect(verifyWebhookSignature(`${secret}x`, ping.headers['x-tessera-signature'], ping.raw)).toBe(false);
      expect(verifyWebhookSignature(secret, ping.headers['x-tessera-signature'], `${ping.raw} `)).toBe(false);

      // Within a dispatcher round or two (one a second here), the 2-day token's notice arrives, signed; the 60-day one gets none.
      await expect.poll(() => receiver.of('token.expiring').length, { timeout: 15_000, interval: 250 }).toBeGreaterThan(0);
      const [notice] = receiver.of('token.expiring');
      expect(notice.headers['x-tessera-event']).toBe('token.expiring');
      expect(notice.headers['x-tessera-delivery']).toBe(notice.body.id);
      expect(notice.body).toMatchObject({ attempt: 1, noticeDays: 7, token: { id: soon.id, name: soon.name, tokenPreview: previewOf(soon.token) } });
      expect(Date.parse(notice.body.token?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 86_400_000);
      expect(verifyWebhookSignature(secret, notice.headers['x-tessera-signature'], notice.raw)).toBe(true);
      expect(notice.raw).not.toContain(secret);
      expect(notice.raw).not.toContain(soon.token);

      // The Recent notices table shows it delivered once the attempt is written down.
      const noticeRow = tokenRow(page, soon.name);
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByText(en('profile.expiryWebhook.recent'), { exact: true }).waitFor();
            return (await noticeRow.count()) > 0 ? noticeRow.innerText() : '';
          },
          { timeout: 15_000, interval: 500 },
        )
        .toContain(en('profile.expiryWebhook.status.DELIVERED'));
      const delivered = await noticeRow.innerText();
      expect(delivered).toContain(previewOf(soon.token));
      expect(delivered).toContain(en('profile.expiryWebhook.attempts', { count: 1 }));
      expect(delivered).toContain(en('profile.expiryWebhook.result.delivered', { status: 204 }));
      expect(await tokenRow(page, later.name).count()).toBe(0);
      await page.getByRole('table').scrollIntoViewIfNeeded();
      await restMouse(page);
      await saveScreenshot(page, 'expiry-notices.png');

      // The same section in Chinese: switch in the header (under the panel), then reopen the Profile tab.
      await page.getByRole('dialog', { name: en('common.panel.title') }).getByRole('button', { name: /close/i }).click();
      await page.waitForURL(/\/$/);
      await page.getByRole('combobox', { name: en('common.language') }).click();
      await page.getByTitle('简体中文').click();
      await page.getByText(zh('common.home.greeting', { name: account.username })).waitFor();
      await page.goto('/settings/profile');
      const panel = page.getByRole('dialog', { name: zh('common.panel.title') });
      await panel.getByRole('tab', { name: zh('common.nav.profile'), selected: true }).waitFor();
      await panel.getByText(zh('profile.expiryWebhookSection'), { exact: true }).waitFor();
      await panel.getByText(zh('profile.expiryWebhook.explain', { days: 7 }), { exact: true }).waitFor();
      for (const key of ['save', 'test', 'newSecret', 'remove']) {
        await panel.getByRole('button', { name: buttonName(zh(`profile.expiryWebhook.${key}`)) }).waitFor();
      }
      const headers = (await panel.getByRole('columnheader').allInnerTexts()).map((header) => header.trim());
      for (const column of ['token', 'expiresAt', 'status', 'result']) expect(headers).toContain(zh(`profile.expiryWebhook.columns.${column}`));
      const zhRow = await tokenRow(page, soon.name).innerText();
      expect(zhRow).toContain(zh('profile.expiryWebhook.status.DELIVERED'));
      expect(zhRow).toContain(zh('profile.expiryWebhook.result.delivered', { status: 204 }));

      // Rounds kept running all this time; still exactly one notice, for the one token in the window.
      expect(receiver.of('token.expiring').map((entry) => entry.body.token?.id)).toEqual([soon.id]);
      expect(receiver.received.every((entry) => entry.body.token?.id !== later.id)).toBe(true);
    } finally {
      await receiver.stop();
    }

    await context.close();
  });

  it('switches to zh-CN and shows the Credentials tab in Chinese (and saves the desktop screenshots)', async () => {
    const { context, page } = await openPage('zh-CN-switch');

    // Deep link: the guard sends us to sign in and back to the Credentials tab.
    await page.goto('/settings/credentials');
    await page.waitForURL('**/sign-in?redirect=*');
    await signIn(page, showcase.account);
    await page.waitForURL('**/settings/credentials');
    for (const name of showcase.tokenNames) await tokenRow(page, name).waitFor();
    await page.getByText(en('credentials.table.total', { count: showcase.tokenNames.length })).waitFor();
    // At 1440 px every column the table shows is in view, with nothing to scroll sideways.
    await expectTableFits(page, 1440);
    await restMouse(page);
    await saveScreenshot(page, 'credentials-en-US.png');
    // …and still at 1280 px, the narrowest width that keeps every column.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectTableFits(page, 1280);
    await page.setViewportSize({ width: 1440, height: 900 });

    // The detail drawer with its usage and chart.
    await tokenRow(page, 'CI deploy').getByText('CI deploy', { exact: true }).click();
    await page.waitForURL('**/settings/credentials/*');
    const chart = page.getByRole('img', { name: en('credentials.detail.chartLabel') });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await chart.scrollIntoViewIfNeeded();
    await restMouse(page);
    await saveScreenshot(page, 'token-detail.png');
    await page.goto('/settings/credentials');

    // The language switch is in the header, under the panel: close the panel, switch, reopen.
    await page.getByRole('dialog', { name: en('common.panel.title') }).getByRole('button', { name: /close/i }).click();
    await page.waitForURL(/\/$/);
    await page.getByRole('combobox', { name: en('common.language') }).click();
    await page.getByTitle('简体中文').click();
    await page.getByText(zh('common.home.greeting', { name: showcase.account.username })).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tessera.language'))).toBe('zh-CN');
    await page.getByRole('button', { name: buttonName(zh('common.home.manageTokens')) }).click();
    await page.waitForURL('**/settings/credentials');

    const panel = page.getByRole('dialog', { name: zh('common.panel.title') });
    await panel.getByRole('tab', { name: zh('common.nav.credentials'), selected: true }).waitFor();
    await panel.getByRole('button', { name: buttonName(zh('credentials.toolbar.create')) }).waitFor();
    await panel.getByText(zh('credentials.table.total', { count: showcase.tokenNames.length })).waitFor();
    const headers = await panel.getByRole('columnheader').allInnerTexts();
    for (const column of ['name', 'scopes', 'status', 'expires', 'lastUsed', 'usage', 'actions']) {
      expect(headers.map((header) => header.trim())).toContain(zh(`credentials.table.${column}`));
    }
    const shown = await panel.innerText();
    for (const state of ['active', 'expired', 'revoked']) expect(shown).toContain(zh(`credentials.state.${state}`));
    expect(shown).toContain(zh('credentials.lastUsed.never'));
    expect(shown).toContain('10 条/页'); // antd's own pagination text follows the language
    expect(shown).toContain(zh('credentials.usage.line', { label: zh('credentials.usage.requests'), amount: '' })); // "请求：", Chinese punctuation
    // Relative dates follow too (dayjs' zh-cn locale): the never-used token expires in 30 days.
    const laptop = await tokenRow(page, 'Laptop script').innerText();
    expect(laptop).toContain(relativeTimeText('zh-CN', new Date(Date.now() + 30 * 86_400_000)));
    // No English from our own credentials texts is left anywhere in the panel.
    const english = ['table', 'state', 'stats', 'toolbar', 'usage', 'lastUsed']
      .flatMap((group) => Object.keys(resourcesGroup(group)).map((key) => en(`credentials.${group}.${key}`)))
      .filter((words) => /[a-z]{3,}/i.test(words) && !words.includes('{{'));
    // The name column holds the person's own words (names, descriptions): leave it out of the check.
    const ours = await panel.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('tbody td:first-child').forEach((cell) => cell.remove());
      return copy.textContent ?? '';
    });
    for (const words of english) expect(ours, `"${words}" is still English`).not.toContain(words);
    await restMouse(page);
    await saveScreenshot(page, 'credentials-zh-CN.png');

    await context.close();
  });

  it('returns focus from the drawer, follows back/forward in the search box, credits Activity to the secret used and regenerates an expired token (en-US)', async () => {
    const { context, page } = await openPage('en-US-finish');
    const account = newAccount('finish');
    const { session } = await registerAndLogin(server.origin, account);
    const actor = await createToken(server.origin, session, { name: 'release bot', scopes: ['tokens:write'] });
    const first = await createToken(server.origin, session, { name: 'first victim', scopes: ['account:read'] });
    const second = await createToken(server.origin, session, { name: 'second victim', scopes: ['account:read'] });
    const lapsed = await createToken(server.origin, session, { name: 'lapsed export', scopes: ['account:read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await database.query(`UPDATE api_tokens SET expires_at = now() - interval '1 day' WHERE id = $1`, [lapsed.id]);

    // A rotation with grace: one call with the old secret, one with the new.
    const rotated = await fetch(`${server.origin}/api/users/me/api-tokens/${actor.id}/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ gracePeriodSeconds: 3600 }),
    }).then((response) => response.json() as Promise<{ token: string }>);
    expect((await callWithToken(server.origin, actor.token, `/users/me/api-tokens/${first.id}/revoke`, { method: 'POST' })).status).toBe(200);
    expect((await callWithToken(server.origin, rotated.token, `/users/me/api-tokens/${second.id}/revoke`, { method: 'POST' })).status).toBe(200);

    await page.goto('/settings/activity');
    await page.waitForURL('**/sign-in?redirect=*');
    await signIn(page, account);
    await page.waitForURL('**/settings/activity');
    const eventRow = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
    await expect.poll(() => eventRow('first victim').first().innerText()).toContain(previewOf(actor.token));
    expect(await eventRow('first victim').first().innerText()).toContain(en('panel.activity.secretUsed'));
    expect(await eventRow('first victim').first().innerText()).not.toContain(previewOf(rotated.token));
    expect(await eventRow('second victim').first().innerText()).toContain(previewOf(rotated.token));
    await restMouse(page);
    await saveScreenshot(page, 'activity-secret-used.png');

    // The search box follows the URL through the browser history.
    await page.getByRole('tab', { name: en('common.nav.credentials') }).click();
    await page.waitForURL('**/settings/credentials');
    const search = page.getByRole('searchbox', { name: en('credentials.toolbar.search') });
    await tokenRow(page, 'lapsed export').waitFor();
    await search.fill('victim');
    await search.press('Enter');
    await page.waitForURL('**/settings/credentials?q=victim');
    await search.fill('lapsed');
    await search.press('Enter');
    await page.waitForURL('**/settings/credentials?q=lapsed');
    const where = () => new URL(page.url()).pathname + new URL(page.url()).search;
    await page.evaluate(() => history.back());
    await expect.poll(where).toBe('/settings/credentials?q=victim');
    await expect.poll(() => search.inputValue()).toBe('victim');
    await page.evaluate(() => history.forward());
    await expect.poll(where).toBe('/settings/credentials?q=lapsed');
    await expect.poll(() => search.inputValue()).toBe('lapsed');

    // Closing the drawer (keyboard) gives focus back to the row's Details button; the search stays.
    const row = tokenRow(page, 'lapsed export');
    const details = row.getByRole('button', { name: en('credentials.actions.details') });
    await details.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/settings/credentials/${lapsed.id}?q=lapsed`);
    const drawer = page.getByRole('dialog', { name: 'lapsed export', exact: true });
    // The drawer of an expired token offers Regenerate, not Rotate.
    await drawer.getByRole('button', { name: buttonName(en('credentials.actions.regenerate')) }).waitFor();
    expect(await drawer.getByRole('button', { name: buttonName(en('security.rotate.action')) }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForURL('**/settings/credentials?q=lapsed');
    await expect.poll(() => details.evaluate((element) => element === document.activeElement)).toBe(true);

    // Regenerate from the row, with a new expiry: the token is active again with a new secret.
    await row.getByRole('button', { name: en('credentials.actions.regenerate'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en('credentials.confirm.regenerateTitle', { name: 'lapsed export' }) });
    await dialog.getByText(en('panel.replace.expiredIntro')).waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(0);
    await restMouse(page);
    await saveScreenshot(page, 'regenerate-expired.png');
    await dialog.getByRole('button', { name: buttonName(en('credentials.actions.regenerate')) }).click();
    const reveal = page.getByRole('dialog', { name: en('security.rotate.revealTitle') }).or(page.getByRole('dialog', { name: en('credentials.reveal.regeneratedTitle') }));
    const secret = (await reveal.getByTestId('revealed-token').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^tsr_/);
    expect((await callWithToken(server.origin, secret, '/users/me')).status).toBe(200);
    expect((await callWithToken(server.origin, lapsed.token, '/users/me')).status).toBe(401);
    await context.close();
  });

  it('fits a 390 px wide phone: tokens are cards with 44 px actions, nothing scrolls sideways', async () => {
    const { context, page } = await openPage('mobile', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

    await page.goto('/settings/credentials');
    await signIn(page, showcase.account);
    await page.waitForURL('**/settings/credentials');
    const card = (name: string) => page.getByRole('group', { name, exact: true });
    for (const name of showcase.tokenNames) await card(name).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);

    // Nothing sticks out of the viewport...
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    for (const control of [
      page.getByRole('searchbox', { name: en('credentials.toolbar.search') }),
      page.getByRole('button', { name: en('credentials.toolbar.create') }),
      page.getByRole('tab', { name: en('common.nav.credentials') }),
    ]) {
      const extent = await horizontalExtent(control);
      expect(extent?.left).toBeGreaterThanOrEqual(0);
      expect(extent?.right).toBeLessThanOrEqual(390);
    }
    // ...each card names the token, its state, its exact expiry and its last use...
    const ci = card('CI deploy');
    const shown = await ci.innerText();
    expect(shown).toContain(en('credentials.state.active'));
    expect(shown).toContain(en('credentials.table.expires'));
    expect(shown).toContain(en('credentials.table.lastUsed'));
    expect(await ci.getByTestId('expiry-exact').innerText()).toMatch(/\d{4}/);
    // ...and every action is a target of at least 44 × 44 px, inside the screen.
    for (const button of await ci.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    await restMouse(page);
    await saveScreenshot(page, 'credentials-mobile.png');

    // The cards sort like the table's sortable columns, and the choice lives in the URL.
    const sort = page.getByRole('combobox', { name: en('panel.sort.label') });
    const sortBox = await page.locator('.ant-select', { has: sort }).boundingBox();
    expect(sortBox?.height).toBeGreaterThanOrEqual(44);
    await sort.click();
    // (antd's role="option" elements are a hidden copy for screen readers; the visible item carries the title)
    await page.locator(`.ant-select-item-option[title="${en('panel.sort.option', { field: en('credentials.table.name'), direction: en('panel.sort.ascending') })}"]`).click();
    await page.waitForURL('**/settings/credentials?sort=name&order=asc');
    await expect
      .poll(async () => (await page.getByTestId('token-card').allInnerTexts()).map((card) => card.split('\n')[0]))
      .toEqual([...showcase.tokenNames].sort());
    await page.goto('/settings/credentials');
    await ci.getByRole('button', { name: en('credentials.actions.details') }).click();
    await page.waitForURL('**/settings/credentials/*');
    await page.getByRole('dialog', { name: 'CI deploy', exact: true }).getByRole('button', { name: buttonName(en('credentials.actions.revoke')) }).waitFor();

    await context.close();
  });

  it('keeps the toolbar where it is while the figures and the list load, so a click aimed at "New token" lands on it', async () => {
    const { context, page } = await openPage('toolbar-steady');
    const account = newAccount('steady');
    await registerAndLogin(server.origin, account);
    await page.goto('/settings/profile');
    await signIn(page, account);
    await page.waitForURL('**/settings/profile');
    // Hold the Credentials tab's data until the loading state has been measured.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/(users\/me\/api-tokens(\/stats)?|applications)(\?.*)?$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('tab', { name: en('common.nav.credentials') }).click();
    const create = page.getByRole('button', { name: buttonName(en('credentials.toolbar.create')) }).first();
    await create.waitFor();
    await animationsSettled(page);
    expect(await page.locator('[aria-busy="true"]').count()).toBeGreaterThan(0); // the figures are still loading
    const loading = await create.boundingBox();
    release();
    await page.getByText(en('credentials.empty.description')).waitFor();
    await page.getByText(en('credentials.stats.periodNote', { days: 30 })).waitFor();
    await animationsSettled(page);
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await create.boundingBox()).toEqual(loading);
    await context.close();
  });

  it('sends an expired session to sign-in and back to the page it was on', async () => {
    const { context, page } = await openPage('expired-session');
    const account = newAccount('grace');
    const { session, userId } = await registerAndLogin(server.origin, account);
    await createToken(server.origin, session, { name: 'nightly export', scopes: ['account:read'] });

    await page.goto('/sign-in');
    await signIn(page, account);
    await page.getByText(en('common.home.greeting', { name: account.username })).waitFor();
    await page.goto('/settings/credentials');
    await tokenRow(page, 'nightly export').waitFor();

    // The session runs out while the person is on the page; the next API call finds out.
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SESSION_KEY, expiredSessionJwt(userId)] as const);
    await page.getByRole('searchbox', { name: en('credentials.toolbar.search') }).fill('nightly');
    await page.getByRole('searchbox', { name: en('credentials.toolbar.search') }).press('Enter');

    // …and back to the same list: the search lives in the URL, so it comes along.
    await page.waitForURL('**/sign-in?redirect=%2Fsettings%2Fcredentials%3Fq%3Dnightly');
    await page.getByText(en('auth.signIn.sessionExpired')).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();

    await signIn(page, account);
    await page.waitForURL('**/settings/credentials?q=nightly');
    await page.getByRole('tab', { name: en('common.nav.credentials'), selected: true }).waitFor();
    await tokenRow(page, 'nightly export').waitFor();

    await context.close();
  });
});

/**
 * Every column header of the token table lies inside the viewport and the table has nothing to
 * scroll sideways (no column hidden off to the right, none under a pinned one).
 */
async function expectTableFits(page: Page, width: number): Promise<void> {
  const table = page.getByRole('table').first();
  await table.waitFor();
  await animationsSettled(page); // the panel drawer slides in
  const overflow = await page.locator('.ant-table-content, .ant-table-body').first().evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const header of await table.getByRole('columnheader').all()) {
    const box = await header.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
  }
}

/** Keys of one group of the en-US credentials texts, e.g. every column name under "table". */
function resourcesGroup(group: string): Record<string, unknown> {
  return (credentialsEn as Record<string, Record<string, unknown>>)[group];
}

/**
 * An account with tokens in every state and some real traffic, so the screenshots show a lived-in
 * panel. Today's usage comes from real calls; the earlier days of the chart are written straight
 * into the daily usage table (the API has no way to back-date traffic), as is one expiry in the
 * past (the API rightly refuses to create an expired token).
 */
async function seedShowcase(): Promise<typeof showcase> {
  const origin = server.origin;
  const account = newAccount('showcase');
  const { session } = await registerAndLogin(origin, account);
  const days = (count: number) => new Date(Date.now() + count * 86_400_000).toISOString();

  const staging = await createToken(origin, session, {
    name: 'Staging smoke tests',
    scopes: ['account:read'],
    expiresAt: days(7),
  });
  const old = await createToken(origin, session, {
    name: 'Old CI token',
    description: 'Replaced by "CI deploy" after the move to GitHub Actions',
    scopes: ['tokens:write'],
    expiresAt: days(90),
  });
  const grafana = await createToken(origin, session, {
    name: 'Grafana exporter',
    description: 'Pulls usage statistics every minute',
    scopes: ['usage:read'],
  });
  const ci = await createToken(origin, session, {
    name: 'CI deploy',
    description: 'GitHub Actions: reads the account and lists tokens before a deploy',
    scopes: ['account:read', 'tokens:read', 'usage:read'],
    expiresAt: days(60),
    requestLimit: 1_000,
    quotaLimit: 5_000,
    rateLimit: 60,
  });
  const laptop = await createToken(origin, session, {
    name: 'Laptop script',
    description: 'Personal cron job',
    scopes: ['account:read', 'account:write'],
    expiresAt: days(30),
  });

  // Real traffic: successes, a few refusals (missing scope), and quota spent through verify.
  for (let i = 0; i < 6; i += 1) await callWithToken(origin, ci.token, '/users/me');
  for (let i = 0; i < 2; i += 1) await callWithToken(origin, ci.token, '/users/me/api-tokens?limit=5');
  await callWithToken(origin, ci.token, '/users/me/api-tokens/stats');
  expect(await verifyToken(origin, ci.token, 40)).toBe(200);
  for (let i = 0; i < 3; i += 1) await callWithToken(origin, grafana.token, '/users/me/api-tokens/stats');
  await callWithToken(origin, old.token, '/users/me');
  await revokeToken(origin, session, old.id);

  // Earlier days for the chart (see above), and the counters that go with them.
  const history = [14, 9, 22, 17, 0, 5, 31, 26, 19, 12, 28, 24, 8, 15];
  let requests = 0;
  for (const [index, count] of history.entries()) {
    if (count === 0) continue;
    const failures = count % 5 === 0 ? 2 : index % 4 === 0 ? 1 : 0;
    requests += count;
    await database.query(
      `INSERT INTO api_token_usage_daily (id, token_id, day, requests, successes, failures, cost)
       VALUES (gen_random_uuid(), $1, (now() AT TIME ZONE 'UTC')::date - $2::int, $3::int, $4::int, $5::int, $3::bigint)`,
      [ci.id, history.length - index, count, count - failures, failures],
    );
  }
  await database.query('UPDATE api_tokens SET request_count = request_count + $2, quota_used = quota_used + $2 WHERE id = $1', [ci.id, requests]);
  await database.query(`UPDATE api_tokens SET expires_at = now() - interval '2 days' WHERE id = $1`, [staging.id]);

  // Let the usage of today's real calls reach the database before anyone looks.
  await new Promise((resolve) => setTimeout(resolve, USAGE_FLUSH_WAIT_MS));
  return { account, tokenNames: [ci, laptop, grafana, old, staging].map((token) => token.name) };
}
