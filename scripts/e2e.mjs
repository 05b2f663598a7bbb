#!/usr/bin/env node
/**
 * Browser tests (`npm run test:e2e`): builds the playground, serves it on a free localhost port
 * and drives it in Debian's chromium with playwright-core (never a downloaded browser). Runs under
 * tsx so the tests can import the extension's zh/en catalogue and find buttons by their texts.
 * The charts' check (test/charts/charts.e2e.ts, its own page on its own port) runs in the same
 * browser. Prints `e2e: N passed, M failed` and exits non-zero on any failure.
 */
import os from 'node:os';
import path from 'node:path';
import {mkdtemp, rm} from 'node:fs/promises';
import {buildPlayground} from '../playground/build.mjs';
import {serveFolder} from '../playground/serve.mjs';
import {launchBrowser, runTests} from '../test/e2e/harness.ts';
import {e2eTests as playgroundTests} from '../test/e2e/playground.e2e.ts';
import {ledgerE2eTests} from '../test/e2e/ledger.e2e.ts';
import {automationE2eTests} from '../test/automation/automation.e2e.ts';
import {settingsE2eTests} from '../test/e2e/settings.e2e.ts';
import {chartsE2eTests, closeChartsPage} from '../test/charts/charts.e2e.ts';
import {statementE2eTests} from '../test/e2e/statement.e2e.ts';

const e2eTests = [...playgroundTests, ...ledgerE2eTests, ...statementE2eTests, ...automationE2eTests, ...settingsE2eTests, ...chartsE2eTests()];

// A last guard: whatever hangs (a browser that never starts, a wait without a timeout), CI gets
// an answer within this time.
const WHOLE_RUN_LIMIT_MS = 15 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`e2e: stopped after ${WHOLE_RUN_LIMIT_MS / 60_000} minutes without finishing`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}, WHOLE_RUN_LIMIT_MS);
watchdog.unref();

async function main() {
  const only = process.argv[2];
  const tests = only ? e2eTests.filter((test) => test.name.includes(only)) : e2eTests;
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'spb-playground-'));
  let server;
  let browser;
  try {
    await buildPlayground(outdir);
    ({server} = await serveFolder(outdir, 0).then((served) => {
      console.log(`e2e: playground served at ${served.url}`);
      return served;
    }));
    const baseUrl = `http://localhost:${server.address().port}/`;
    browser = await launchBrowser();
    const {passed, failed} = await runTests(tests, browser, baseUrl);
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`e2e: 0 passed, ${tests.length} failed`);
    return 1;
  } finally {
    await browser?.close();
    server?.close();
    await closeChartsPage();
    await rm(outdir, {recursive: true, force: true});
  }
}

main().then((code) => process.exit(code));
