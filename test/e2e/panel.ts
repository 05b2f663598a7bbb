/**
 * What every browser test does with the playground's extension panel: find it, wait for a text
 * in it, and photograph it alone at the panel's width. One copy, shared by the e2e files.
 */
import {mkdir} from 'node:fs/promises';
import type {Locator, Page} from 'playwright-core';
import {demoMonths} from '../../sim/demoBase';
import {ARTIFACTS} from './harness';

/** The playground's clock: the 28th of the demo's last month, so the default period has data. */
export const DEMO_TODAY = new Date(`${demoMonths().at(-1)}-28T09:00:00`);

/** The panel width the ledger, statement and settings tests look at (issue 14: 400-600 px). */
export const PANEL_WIDTH = 480;

/** The extension's panel beside the demo grid. */
export const extension = (page: Page): Locator => page.locator('.pg-right');

/** Waits until the locator's text matches, and returns that text. */
export async function textMatching(locator: Locator, pattern: RegExp, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().innerText({timeout}).catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected text matching ${pattern}, last seen: "${last}"`);
}

/** The extension panel alone, as the user sees it, saved under artifacts/e2e. */
export async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, {recursive: true});
  await extension(page).screenshot({path: `${ARTIFACTS}/${name}.png`, timeout: 10_000});
}

/**
 * The playground on the demo's clock in `lang` (`query` adds e.g. `&size=1k`), its panel at
 * PANEL_WIDTH: the extension, as the tests that start from an empty plan open it.
 */
export async function openPanel(page: Page, baseUrl: string, lang: string, query = ''): Promise<Locator> {
  await page.clock.install({time: DEMO_TODAY});
  await page.goto(`${baseUrl}?lang=${lang}${query}`);
  await page.addStyleTag({content: `.pg-right { width: ${PANEL_WIDTH}px !important; }`});
  return extension(page);
}
