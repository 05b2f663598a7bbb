/**
 * A small browser-test harness: Debian's chromium driven by playwright-core over the playground
 * served on a free localhost port. Every wait has a timeout, so a missing or stuck browser fails
 * the run with a message instead of hanging CI.
 */
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext, type Page} from 'playwright-core';

import {CHROMIUM, CHROMIUM_FLAGS} from '../../playground/chromium.mjs';

export {CHROMIUM};
/** Screenshots land here (git-ignored); CI keeps them as the run's artifacts. */
export const ARTIFACTS = path.resolve(process.cwd(), 'artifacts', 'e2e');


/** Default wait for one UI step; a 10k base takes longer and passes its own. */
export const STEP_TIMEOUT_MS = 20_000;

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile directory, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as .ci/run does)`);
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'spb-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
    viewport: {width: 1600, height: 1000},
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(30_000);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, {recursive: true, force: true});
    },
  };
}

export interface TestContext {
  page: Page;
  /** The playground's address, e.g. http://localhost:41234/ */
  baseUrl: string;
  /** Saves artifacts/e2e/<name>.png (the whole page). */
  screenshot: (name: string) => Promise<void>;
}

export interface E2eTest {
  name: string;
  run: (context: TestContext) => Promise<void>;
  /** Whole-test limit; the default suits the small demo base. */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({path: file, fullPage: false, timeout: 10_000});
  return file;
}

/**
 * Runs the tests one after the other, each in its own page. Errors thrown by the page itself
 * (uncaught exceptions) fail the test that was running, even when its assertions passed.
 */
export async function runTests(tests: E2eTest[], browser: Browser, baseUrl: string): Promise<{passed: number; failed: number}> {
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const slug = test.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    try {
      await withTimeout(
        test.run({page, baseUrl, screenshot: async (name) => void (await saveScreenshot(page, name))}),
        test.timeoutMs ?? 180_000,
        test.name,
      );
      if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join(' | ')}`);
      passed += 1;
      console.log(`  ✓ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      const file = await saveScreenshot(page, `failed-${slug}`).catch(() => '(no screenshot)');
      console.log(`  ✗ ${test.name}\n    ${(error as Error).message.split('\n').join('\n    ')}\n    screenshot: ${file}`);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return {passed, failed};
}
