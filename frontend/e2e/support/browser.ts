import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const DOCS_SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
/** Screenshots of failed tests (git-ignored). */
export const ARTIFACT_DIR = path.join(REPO_ROOT, 'frontend', 'e2e', '.artifacts');

/** Locators and page loads wait at most this long: the server is local, so anything slower is a bug. */
export const UI_TIMEOUT_MS = 10_000;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The networking flags keep Chromium from calling home on a closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
}

/**
 * A fresh profile (no localStorage, so no session and no stored language) that may use the
 * clipboard on the server's origin. It asks for reduced motion, which the panel honours by turning
 * antd's animations off: a click aimed at a dialog still zooming in can land on the button that
 * slides under the pointer (press on one, release on the other: no click at all), which made a copy
 * test fail once in a few runs. The accessibility test keeps the motion on.
 */
export async function newContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    ...options,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
  return context;
}

/**
 * The screenshots linked from the README are rewritten only on request (UPDATE_SCREENSHOTS=1),
 * so an ordinary test run leaves the work tree clean; otherwise they go to e2e/.artifacts/.
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOT_DIR : path.join(ARTIFACT_DIR, 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide' });
  return file;
}

/** Best effort: a picture of the page at the moment a test failed, in e2e/.artifacts/. */
export async function saveFailureArtifact(page: Page | undefined, testName: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  const file = path.join(ARTIFACT_DIR, `${testName.replace(/[^\w-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
}

/**
 * Resolves once no finite animation or transition is running, so what a check reads (axe's
 * colours, a header's position) is where the page comes to rest: a drawer halfway through its slide
 * sits off to the right, a modal halfway through its fade has text too pale to pass. A fixed pause
 * is not enough on a loaded machine, where an animation may start late. Spinners (infinite) are
 * left out.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .every((animation) => animation.playState !== 'running'),
    undefined,
    { timeout: 15_000, polling: 100 },
  );
}
