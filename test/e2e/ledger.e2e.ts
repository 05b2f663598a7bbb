/**
 * The period ledger in a real browser (issue 12): from the template, create the results table in
 * one click, refresh two months, approve and close the first, download its payroll file (the
 * button is off while the month is open), open the history of one person and see both months,
 * with their adjustments and balance. The extension's panel is set to 480 px, its usual width, and each new screen
 * is saved as a screenshot (artifacts/e2e/<lang>-ledger-*.png), in zh and in en.
 */
import assert from 'node:assert/strict';
import type {Locator} from 'playwright-core';
import type {Lang} from '../../src/plan';
import {demoMonths} from '../../sim/demoBase';
import {LEDGER_KEYS} from '../../src/ledger/fields';
import {messagePattern, t} from './catalogue';
import {readFile} from 'node:fs/promises';
import {ARTIFACTS, type E2eTest, type TestContext} from './harness';
import {openTab, readRows} from './grid';
import {openPanel, textMatching, shoot} from './panel';





async function refreshMonth(ext: Locator, lang: Lang, month: string): Promise<void> {
  await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: month});
  await ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true}).click();
  await textMatching(ext.getByTestId('ledger-plan'), messagePattern(lang, 'ledger.ui.run.plan'), 60_000);
  await ext.getByRole('button', {name: t(lang, 'run.refresh.button'), exact: true}).click();
  await textMatching(ext.getByTestId('ledger-summary'), messagePattern(lang, 'ledger.ui.run.written'), 60_000);
}

function ledgerPath(lang: Lang): E2eTest {
  return {
    name: `${lang}: results table created, two months refreshed, the first closed, a person's history shows both`,
    timeoutMs: 300_000,
    run: async ({page, baseUrl}: TestContext) => {
      const ext = await openPanel(page, baseUrl, lang);
      await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click();

      // Settings: the results table section, created in one click, then saved.
      await ext.getByRole('button', {name: t(lang, 'ledger.ui.settings.section')}).click();
      const create = ext.getByRole('button', {name: messagePattern(lang, 'ledger.ui.settings.create')});
      await create.scrollIntoViewIfNeeded();
      await shoot(page, `${lang}-ledger-01-settings`);
      await create.click();
      await textMatching(ext.getByTestId('results-table-fields'), messagePattern(lang, 'ledger.ui.settings.mapped', {count: LEDGER_KEYS.length, total: LEDGER_KEYS.length}));
      await shoot(page, `${lang}-ledger-02-created`);
      await ext.getByRole('button', {name: t(lang, 'settings.save.button')}).click();
      await ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true}).waitFor();

      // Two months refreshed: one row per person per month in the new table.
      const [first, second] = demoMonths();
      await refreshMonth(ext, lang, first);
      await refreshMonth(ext, lang, second);
      await shoot(page, `${lang}-ledger-03-refreshed`);
      // Still open: no payroll file, and the panel says why.
      const payroll = ext.getByTestId('period-panel').getByRole('button', {name: t(lang, 'ledger.ui.payroll.download')});
      assert.equal(await payroll.isDisabled(), true);
      await textMatching(ext.getByTestId('payroll-blocker'), messagePattern(lang, 'ledger.payroll.open'));
      await openTab(page, t(lang, 'ledger.table.name'));
      const rows = await readRows(page);
      const byMonth = (month: string) => rows.filter((row) => Object.values(row).includes(month)).length;
      assert.ok(byMonth(first) > 0 && byMonth(first) === byMonth(second), `rows per month: ${byMonth(first)} / ${byMonth(second)}`);

      // The first month: approved (after a preview shows nothing pending), then closed.
      await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: first});
      await ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true}).click();
      await textMatching(ext.getByTestId('ledger-plan'), messagePattern(lang, 'ledger.ui.run.plan', {creates: 0, updates: 0}), 60_000);
      const panel = ext.getByTestId('period-panel');
      await panel.getByRole('button', {name: t(lang, 'ledger.ui.action.approve')}).click();
      await page.getByTestId('period-totals').waitFor();
      await page.screenshot({path: `${ARTIFACTS}/${lang}-ledger-04-approve-dialog.png`});
      // The SDK's dialog has no dialog role: its confirm button is the last one of that name.
      await page.getByRole('button', {name: t(lang, 'ledger.ui.action.approve'), exact: true}).last().click();
      await textMatching(ext.getByTestId('period-status'), new RegExp(t(lang, 'ledger.status.approved')));
      await panel.getByRole('button', {name: t(lang, 'ledger.ui.action.close')}).click();
      await page.getByTestId('period-totals').waitFor();
      await page.getByRole('button', {name: t(lang, 'ledger.ui.action.close'), exact: true}).last().click();
      await textMatching(ext.getByTestId('period-status'), new RegExp(t(lang, 'ledger.status.closed')));
      await textMatching(ext.getByTestId('ledger-refusal'), messagePattern(lang, 'ledger.upsert.closed', {period: first}));
      assert.equal(await ext.getByRole('button', {name: t(lang, 'run.refresh.button'), exact: true}).isDisabled(), true);
      await shoot(page, `${lang}-ledger-05-closed`);

      // The closed month's payroll file: the browser's download, named for the month, UTF-8 with a BOM.
      const [download] = await Promise.all([page.waitForEvent('download', {timeout: 30_000}), payroll.click()]);
      assert.equal(download.suggestedFilename(), t(lang, 'ledger.payroll.fileName', {period: first}));
      const bytes = await readFile(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      await textMatching(ext.getByTestId('payroll-outcome'), messagePattern(lang, 'ledger.ui.payroll.saved'));

      // History: one person, both months, as written.
      await ext.getByRole('button', {name: t(lang, 'ledger.ui.tab.history')}).click();
      const person = ext.getByLabel(t(lang, 'ledger.ui.history.person'), {exact: true});
      await person.locator('option').nth(1).waitFor({state: 'attached'});
      const name = (await person.locator('option').nth(1).innerText()).trim();
      await person.selectOption({label: name});
      const history = ext.getByTestId('history-person');
      await history.locator('tbody tr').nth(1).waitFor();
      const months = await history.locator('tbody tr td:first-child').allInnerTexts();
      assert.deepEqual(months, [first, second]);
      const firstStatus = await history.locator('tbody tr').first().locator('td').nth(1).innerText();
      assert.equal(firstStatus.trim(), t(lang, 'ledger.status.closed'));
      // Each month's adjustments and balance carried forward, as amounts.
      for (const column of ['adjustments', 'balance']) {
        const cells = await history.locator(`tbody td[data-column="${column}"]`).allInnerTexts();
        assert.equal(cells.length, 2, `${column} cells: ${cells.join(' | ')}`);
        for (const cell of cells) assert.match(cell, /\d\.\d\d$/);
      }
      await shoot(page, `${lang}-ledger-06-history`);
      // At 480 px the table scrolls sideways: the amounts carried, with the period kept in view.
      await history.locator('tbody td[data-column="balance"]').first().scrollIntoViewIfNeeded();
      await shoot(page, `${lang}-ledger-06b-history-carried`);
      const team = ext.getByLabel(t(lang, 'ledger.ui.history.team'), {exact: true});
      await team.selectOption({index: 1});
      await ext.getByTestId('history-team').locator('tbody tr').nth(1).waitFor();
      await shoot(page, `${lang}-ledger-07-team`);
    },
  };
}

export const ledgerE2eTests: E2eTest[] = [ledgerPath('zh'), ledgerPath('en')];
