import type { Browser, Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import type { Account } from './api';
import { newContext, saveFailureArtifact } from './browser';
import { buttonName, text, type Language } from './i18n';
import type { RunningServer } from './server';

/**
 * A new page in `language` that opens `path`, is sent to sign-in, signs in as `account` and lands
 * back on `path`. On a failed test it keeps a screenshot and prints the server's last output.
 */
export async function openSignedIn(browser: Browser, server: RunningServer, name: string, account: Account, language: Language, path: string): Promise<Page> {
  const context = await newContext(browser, server.origin, { locale: language });
  await context.addInitScript((lang) => localStorage.setItem('tessera.language', lang), language);
  const page = await context.newPage();
  onTestFailed(async () => {
    await saveFailureArtifact(page, name);
    console.error(`Server output:\n${server.output().slice(-4_000)}`);
  });
  await page.goto(path);
  await page.waitForURL('**/sign-in?redirect=*');
  await page.getByLabel(text(language, 'auth.fields.email'), { exact: true }).fill(account.email);
  await page.getByLabel(text(language, 'auth.fields.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: buttonName(text(language, 'auth.signIn.submit')) }).click();
  await page.waitForURL(`**${path}`);
  return page;
}
