/**
 * The charts' browser tests (charts.e2e.ts) on their own, e.g. at other panel widths; `npm run
 * test:e2e` runs them at 480 px with the other browser tests.
 *
 *   npx tsx test/charts/browser.check.ts [--widths=400,480,600]
 *
 * Prints one line per test and `charts: N passed, M failed`; exits non-zero on a failure.
 */
import {launchBrowser, runTests} from '../e2e/harness';
import {chartsE2eTests, closeChartsPage} from './charts.e2e';

/** Panel widths to check: 480 px by default, the panel's usual width. */
const PANEL_WIDTHS = (process.argv.find((arg) => arg.startsWith('--widths='))?.slice('--widths='.length) ?? '480')
  .split(',')
  .map(Number)
  .filter((width) => width >= 200);

async function main(): Promise<number> {
  const browser = await launchBrowser();
  try {
    const {passed, failed} = await runTests(chartsE2eTests(PANEL_WIDTHS), browser, '');
    console.log(`charts: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    await browser.close();
    await closeChartsPage();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`charts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('charts: 0 passed, 1 failed');
    process.exit(1);
  },
);
