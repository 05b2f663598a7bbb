/**
 * Statements (绩效单) in a real browser (issue 14): from the template, create the results table,
 * refresh a month, read a statement cell in the grid, then open the print view for one person
 * (the participant detail's button) and for everyone, in the extension's panel at 480 px. The
 * print stylesheet is checked by Chromium itself: with print media only the pages show, and the
 * PDF Chromium prints has exactly one page per person. Screenshots land in
 * artifacts/e2e/<lang>-statement-*.png, in zh and in en.
 */
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import type {Lang} from '../../src/plan';
import {demoMonths} from '../../sim/demoBase';
import {messageNumbers, messagePattern, t} from './catalogue';
import {ARTIFACTS, type E2eTest, type TestContext} from './harness';
import {openTab, readRows} from './grid';
import {openPanel, textMatching, shoot} from './panel';





/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each (the tree's node is `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

function statementPath(lang: Lang): E2eTest {
  return {
    name: `${lang}: statements, for one person and for everyone, printed one page per person`,
    timeoutMs: 300_000,
    run: async ({page, baseUrl}: TestContext) => {
      const ext = await openPanel(page, baseUrl, lang);
      await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click();
      await ext.getByRole('button', {name: t(lang, 'ledger.ui.settings.section')}).click();
      await ext.getByRole('button', {name: messagePattern(lang, 'ledger.ui.settings.create')}).click();
      await textMatching(ext.getByTestId('results-table-fields'), new RegExp(t(lang, 'ledger.field.statement')));
      await ext.getByRole('button', {name: t(lang, 'settings.save.button')}).click();

      // A month refreshed: every row of the results table holds its person's statement.
      const [month] = demoMonths();
      await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: month});
      await ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true}).click();
      await textMatching(ext.getByTestId('ledger-plan'), messagePattern(lang, 'ledger.ui.run.plan'), 60_000);
      await ext.getByRole('button', {name: t(lang, 'run.refresh.button'), exact: true}).click();
      await textMatching(ext.getByTestId('ledger-summary'), messagePattern(lang, 'ledger.ui.run.written'), 60_000);
      await openTab(page, t(lang, 'ledger.table.name'));
      const rows = await readRows(page);
      const statementField = t(lang, 'ledger.field.statement');
      const written = rows.filter((row) => row[t(lang, 'ledger.field.period')] === month);
      assert.ok(written.length > 0, 'no row for the month');
      for (const row of written) {
        assert.ok(row[statementField]?.startsWith(t(lang, 'statement.title')), `statement cell: "${row[statementField]}"`);
        assert.ok(row[statementField].includes(t(lang, 'statement.section.breakdown')), 'the statement has its breakdown');
      }

      // One person: from the participant detail.
      const open = ext.getByTitle(messagePattern(lang, 'run.preview.openDetail')).first();
      const name = (await open.innerText()).trim();
      await open.click();
      const detail = ext.getByRole('region', {name: t(lang, 'run.detail.title', {name})});
      const total = (await detail.getByTestId('detail-totalPay').innerText()).trim();
      await detail.scrollIntoViewIfNeeded();
      await shoot(page, `${lang}-statement-00-detail`);
      await detail.getByRole('button', {name: t(lang, 'statement.ui.one')}).click();
      const pages = ext.getByTestId('statement-page');
      await pages.first().waitFor();
      assert.equal(await pages.count(), 1);
      const one = pages.first();
      assert.equal(await one.getAttribute('aria-label'), t(lang, 'statement.ui.page', {name}));
      const totalRow = (await one.getByTestId('statement-totalPay').innerText()).replace(/\s+/g, ' ').trim();
      assert.equal(totalRow, `${t(lang, 'statement.pay.totalPay')} ${total}`);
      assert.match(totalRow, /¥[\d,]+\.\d\d$/);
      assert.ok((await one.innerText()).includes(t(lang, 'statement.periodStatus', {period: month, status: t(lang, 'ledger.status.open')})));
      // Nothing sticks out of the 480 px panel.
      const widths = await one.evaluate((el) => ({page: el.scrollWidth, shown: el.clientWidth}));
      assert.ok(widths.page <= widths.shown, `the page is ${widths.page} px wide in ${widths.shown} px`);
      await shoot(page, `${lang}-statement-01-one`);
      await ext.getByRole('button', {name: t(lang, 'statement.ui.close')}).click();

      // Everyone: one page each, a page break after every page but the last.
      await ext.getByRole('button', {name: t(lang, 'statement.ui.all')}).click();
      await pages.first().waitFor();
      const people = await pages.count();
      const counted = messageNumbers(messagePattern(lang, people === 1 ? 'statement.ui.count.one' : 'statement.ui.count.other'), await ext.getByText(messagePattern(lang, 'statement.ui.count.other')).innerText());
      assert.equal(counted.count, people);
      assert.equal(people, written.length);
      const breaks = await pages.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakAfter));
      assert.deepEqual(breaks, [...Array(people - 1).fill('page'), 'auto']);
      await shoot(page, `${lang}-statement-02-all`);

      // Printing: the pages alone (no toolbar, no grid, no run view), then a PDF of one page per person.
      await page.emulateMedia({media: 'print'});
      assert.equal(await ext.getByRole('button', {name: t(lang, 'statement.ui.print')}).isVisible(), false);
      assert.equal(await page.locator('.pg-left').isVisible(), false);
      assert.equal(await pages.first().isVisible(), true);
      await page.screenshot({path: `${ARTIFACTS}/${lang}-statement-03-print.png`});
      const pdf = await page.pdf({format: 'A4', preferCSSPageSize: true});
      await writeFile(`${ARTIFACTS}/${lang}-statements.pdf`, pdf);
      assert.equal(pdfPageCount(pdf), people, `the PDF has ${pdfPageCount(pdf)} pages for ${people} people`);
      await page.emulateMedia({media: 'screen'});
    },
  };
}

/**
 * Everyone's statements on the 1k base: 500 pages at a time by rank (docs/statements.md), the
 * chooser in the toolbar, the next group after Next group; the elements a page costs, measured.
 */
function statementGroups(lang: Lang): E2eTest {
  return {
    name: `${lang}: statements of 1,000 people, 500 pages at a time`,
    timeoutMs: 300_000,
    run: async ({page, baseUrl}: TestContext) => {
      const ext = await openPanel(page, baseUrl, lang, '&size=1k');
      await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click({timeout: 120_000});
      await ext.getByRole('button', {name: t(lang, 'settings.save.button')}).click();
      const previewButton = ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true});
      await previewButton.waitFor();
      await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: demoMonths().at(-1)!});
      await previewButton.click();
      await textMatching(ext.getByTestId('preview-totals'), messagePattern(lang, 'run.preview.summaryCounted'), 120_000);

      await ext.getByRole('button', {name: t(lang, 'statement.ui.all')}).click();
      const pages = ext.getByTestId('statement-page');
      await pages.first().waitFor({timeout: 60_000});
      assert.equal(await pages.count(), 500);
      const elements = await ext.getByTestId('statements').evaluate((root) => ({
        all: root.querySelectorAll('*').length,
        perPage: Array.from(root.querySelectorAll('[data-testid="statement-page"]')).map((p) => p.querySelectorAll('*').length + 1),
      }));
      const perPage = elements.perPage.reduce((sum, n) => sum + n, 0) / elements.perPage.length;
      console.log(`  ${lang}: 500 pages in the DOM, ${elements.all} elements, ${perPage.toFixed(1)} per page`);
      assert.ok(elements.all < 500 * 80, `${elements.all} elements for 500 pages`);
      const chooser = ext.getByLabel(t(lang, 'statement.ui.group.label'));
      assert.equal(await chooser.locator('option').count(), 2);
      const firstName = await pages.first().getAttribute('aria-label');
      await shoot(page, `${lang}-statement-04-group-1`);

      await ext.getByRole('button', {name: t(lang, 'statement.ui.group.next')}).click();
      await page.waitForFunction((first) => document.querySelector('.pg-right [data-testid="statement-page"]')?.getAttribute('aria-label') !== first, firstName);
      assert.equal(await pages.count(), 500);
      const chosen = await chooser.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      assert.match(chosen, /^(第 )?501–1,000/);
      assert.match((await pages.first().getAttribute('aria-label')) ?? '', /./);
      await shoot(page, `${lang}-statement-05-group-2`);

      // The group shown is what prints: 500 pages, one per person.
      await page.emulateMedia({media: 'print'});
      const pdf = await page.pdf({format: 'A4', preferCSSPageSize: true});
      assert.equal(pdfPageCount(pdf), 500, `the PDF of the second group has ${pdfPageCount(pdf)} pages`);
      await page.emulateMedia({media: 'screen'});
    },
  };
}

export const statementE2eTests: E2eTest[] = [statementPath('zh'), statementPath('en'), statementGroups('zh'), statementGroups('en')];
