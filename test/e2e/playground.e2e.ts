/**
 * The user's path through the playground, in a real browser. Texts come from the catalogue
 * (src/i18n) so the tests follow wording changes; values are read from the grid, which shows the
 * base as stored after the extension's writes.
 */
import assert from 'node:assert/strict';
import type {Page} from 'playwright-core';
import type {Lang} from '../../src/plan';
import {say} from '../../playground/text';
import {messageNumbers, messagePattern, t} from './catalogue';
import type {E2eTest, TestContext} from './harness';
import {columnNames, openTab, readRows, rowCountText} from './grid';
import {numberInCell} from '../../playground/cells';
import {countText, writtenLocale} from '../../src/i18n/numbers';
import {GRID_ROW_LIMIT} from '../../playground/BaseGrid';
import {demoMonths} from '../../sim/demoBase';
import {DEMO_TODAY, extension, textMatching} from './panel';

const REPS = '销售人员';

/** The extension's panel: every extension step looks only inside it, as a user's eyes would. */

/** Opens the playground and waits until the demo base is in the grid. */
async function openPlayground({page, baseUrl}: TestContext, query: string): Promise<void> {
  // The demo's activity lies in the first months of DEMO_YEAR, and the template's periods are
  // those of the current year: the browser's clock starts at the end of the demo's last month, so
  // the tests mean the same thing in any year (the clock still runs, so do the SDK's timers).
  await page.clock.install({time: DEMO_TODAY});
  await page.goto(`${baseUrl}?${query}`);
  await page.getByRole('tab', {name: REPS, exact: true}).waitFor({timeout: 60_000});
}

function pageShowsBaseAndExtension(lang: Lang): E2eTest {
  return {
    name: `${lang}: the page shows the demo base and the extension`,
    run: async (context) => {
      const {page} = context;
      await openPlayground(context, `lang=${lang}`);
      await openTab(page, REPS);
      const columns = await columnNames(page);
      for (const name of ['姓名', '上级', '团队', '级别', '基本工资', '总分', '等级', '总收入']) {
        assert.ok(columns.includes(name), `column ${name} missing from ${columns.join(', ')}`);
      }
      const reps = await readRows(page);
      assert.ok(reps.length >= 40, `only ${reps.length} reps shown`);
      assert.ok(reps.every((rep) => rep['姓名'] !== ''), 'a rep without a name');
      assert.ok(reps.some((rep) => /\d/.test(rep['基本工资'])), 'no base salary in the grid');
      assert.match(await rowCountText(page), new RegExp(String(reps.length)));

      await openTab(page, '订单');
      const orders = await readRows(page);
      assert.ok(orders.length > 0, 'no orders shown');
      assert.ok(orders.some((order) => order['订单金额'].startsWith('-')), 'no refund (negative amount) among the first orders');

      // The extension's first screen on a base without a plan: the first-run wizard, in this language.
      await extension(page).getByText(t(lang, 'settings.wizard.title'), {exact: true}).first().waitFor();
      await extension(page).getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).waitFor();
      await page.getByRole('button', {name: say(lang, 'reset')}).waitFor();
      await context.screenshot(`${lang}-01-opened`);
    },
  };
}



interface PreviewRow {
  recordId: string;
  name: string;
  totalScore: string;
  grade: string;
  totalPay: string;
}

/**
 * The preview table's rows: rank, name, score, grade, total pay. The list is virtualised (only the
 * rows in view are in the DOM), so it is scrolled from top to bottom, as a user would, collecting
 * each row once.
 */
async function readPreview(page: Page): Promise<PreviewRow[]> {
  return extension(page)
    .locator('.spb-preview-list')
    .evaluate(async (list) => {
      const seen = new Map<string, {recordId: string; name: string; totalScore: string; grade: string; totalPay: string}>();
      // No named helper functions in here: the test runner's transform would wrap them in a
      // helper (__name) that the page does not have.
      list.scrollTop = 0;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        for (const row of Array.from(list.querySelectorAll('[data-testid^="preview-row-"]'))) {
          const [name, totalScore, grade, totalPay] = ['name', 'totalScore', 'grade', 'totalPay'].map((col) =>
            (row.querySelector(`[data-col="${col}"]`)?.textContent ?? '').trim(),
          );
          const recordId = (row as HTMLElement).dataset.testid!.replace('preview-row-', '');
          seen.set(recordId, {recordId, name, totalScore, grade, totalPay});
        }
        if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
        list.scrollTop += list.clientHeight;
      }
      list.scrollTop = 0;
      return [...seen.values()];
    });
}

/** The grid's people rows by record id, once every one of them shows a 总分 (the writes have landed). */
async function readWrittenReps(page: Page, expected: number): Promise<Map<string, Record<string, string>>> {
  await openTab(page, REPS);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await page.locator('.pg-grid tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells: Record<string, string> = {id: (tr as HTMLElement).dataset.recordId ?? ''};
        tr.querySelectorAll('td[data-field-name]').forEach((td) => {
          cells[(td as HTMLElement).dataset.fieldName ?? ''] = (td.textContent ?? '').trim();
        });
        return cells;
      }),
    );
    const scored = rows.filter((row) => row['总分'] !== '');
    if (scored.length >= expected || Date.now() > deadline) return new Map(rows.map((row) => [row.id, row]));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The playground header's count of cells written into the base so far. */
async function cellsWritten(page: Page, lang: Lang): Promise<number> {
  const text = await page.locator('.pg-writes').innerText();
  const count = numberInCell(text);
  assert.ok(count !== null, `no count in "${text}" (${say(lang, 'writes')})`);
  return count;
}

/**
 * The whole user path: the template in the first-run wizard, a weight changed and the live sum
 * following it, the plan fixed and saved, a preview, a refresh, the written values read back from
 * the base's grid and checked against the preview, and a second refresh that changes nothing.
 */
function wholeUserPath(lang: Lang): E2eTest {
  return {
    name: `${lang}: template, weights, preview, refresh, written values, second refresh writes nothing`,
    timeoutMs: 240_000,
    run: async (context) => {
      const {page} = context;
      const ext = extension(page);
      await openPlayground(context, `lang=${lang}`);

      // 1. First run: the wizard has matched the demo base's tables by their Chinese names.
      await ext.getByText(t(lang, 'settings.wizard.title')).first().waitFor();
      await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click();

      // 2. The template's weights sum to 100; lowering sales to 50 shows 90 and blocks saving.
      const sum = ext.getByTestId('weight-sum');
      await textMatching(sum, messagePattern(lang, 'settings.weights.sum', {sum: 100}));
      await context.screenshot(`${lang}-02-template`);
      const weightLabel = t(lang, 'settings.metric.weight');
      const salesSection = ext.getByRole('button', {name: `${t(lang, 'template.metric.sales')} · ${weightLabel} 60%`});
      await salesSection.click();
      const salesWeight = ext.getByLabel(weightLabel, {exact: true}).first();
      await salesWeight.fill('50');
      await textMatching(sum, messagePattern(lang, 'settings.weights.sum', {sum: 90}));
      const save = ext.getByRole('button', {name: t(lang, 'settings.save.button')});
      assert.equal(await save.isDisabled(), true, 'saving is possible with weights summing to 90%');
      await textMatching(ext.getByText(messagePattern(lang, 'settings.save.fixErrors')), messagePattern(lang, 'settings.save.fixErrors'));
      await context.screenshot(`${lang}-03-weights-90`);

      // 3. Fixed back to 100%: the plan saves and the run view replaces the settings.
      await salesWeight.fill('60');
      await textMatching(sum, messagePattern(lang, 'settings.weights.sum', {sum: 100}));
      await save.click();
      const previewButton = ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true});
      await previewButton.waitFor();

      // 4. Preview the demo's last month (the default period is today's, which may hold no data).
      const period = demoMonths().at(-1)!;
      await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: period});
      await previewButton.click();
      const totals = ext.getByTestId('preview-totals');
      const previewText = await textMatching(totals, messagePattern(lang, 'run.preview.summaryCounted'), 60_000);
      const planned = messageNumbers(messagePattern(lang, 'run.preview.summaryCounted'), previewText);
      const preview = await readPreview(page);
      assert.ok(preview.length > 0, 'the preview shows no participant');
      assert.equal(planned.participants, preview.length);
      assert.ok(planned.changedRecords > 0, `nothing to write: ${previewText}`);
      // Real numbers: the demo month's sales give most reps a score above zero.
      const scored = preview.filter((row) => Number(row.totalScore) > 0).length;
      assert.ok(scored > preview.length / 2, `only ${scored} of ${preview.length} reps scored above 0 in ${period}`);
      await context.screenshot(`${lang}-04-preview`);

      // 5. Refresh: the summary counts what was written, and the grid shows it.
      const refresh = ext.getByRole('button', {name: t(lang, 'run.refresh.button'), exact: true});
      await refresh.click();
      const summary = ext.getByTestId('refresh-summary');
      const counts = messagePattern(lang, 'run.summary.countsCounted');
      const first = messageNumbers(counts, await textMatching(summary, counts, 60_000));
      assert.equal(first.changed, planned.changedRecords, 'participants updated differ from the preview');
      assert.equal(first.failed, 0);
      assert.ok(first.calls >= Math.ceil(first.changed / 50), 'fewer write calls than 50-record batches allow');

      const reps = await readWrittenReps(page, preview.length);
      // The calculated-at text cell is the browser's local day, in the result language's locale.
      const writtenDay = await page.evaluate(
        ([locale, day]) => new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'short', day: 'numeric'}).format(new Date(`${day}T12:00:00`)),
        [writtenLocale(lang), `${period}-28`] as const,
      );
      assert.equal(reps.size, preview.length, 'the grid and the preview list different reps');
      for (const row of preview) {
        const written = reps.get(row.recordId);
        assert.ok(written, `${row.name} is not in the grid`);
        assert.equal(written['姓名'], row.name);
        assert.notEqual(written['总分'], '', `${row.name} has no 总分 in the base`);
        assert.equal(numberInCell(written['总分']), Number(row.totalScore), `${row.name}: 总分 in the base vs the preview`);
        assert.equal(written['等级'], row.grade === '—' ? '' : row.grade, `${row.name}: 等级 in the base vs the preview`);
        assert.equal(numberInCell(written['总收入']), numberInCell(row.totalPay), `${row.name}: 总收入 in the base vs the preview`);
        assert.ok(Number(written['排名']) >= 1, `${row.name}: no rank written`);
        assert.ok(written['计算时间'].includes(writtenDay), `${row.name}: 计算时间 "${written['计算时间']}" is not the browser's date (${writtenDay})`);
      }
      await context.screenshot(`${lang}-05-refreshed`);

      // 6. A second refresh: nothing changed, nothing written.
      const writtenBefore = await cellsWritten(page, lang);
      assert.ok(writtenBefore > 0, 'the playground saw no write');
      if (await refresh.isDisabled()) await previewButton.click();
      await refresh.click();
      const again = messageNumbers(counts, await textMatching(summary, messagePattern(lang, 'run.summary.countsCounted', {changed: countText(lang, 0, 'run.n.participants')}), 60_000));
      assert.equal(again.changed, 0);
      assert.equal(again.unchanged, preview.length);
      assert.equal(again.calls, 0);
      assert.equal(await cellsWritten(page, lang), writtenBefore, 'the second refresh wrote cells');
      await context.screenshot(`${lang}-06-second-refresh`);

      // 7. Reset: the base is back as generated (no result written) and the plan is gone.
      // Reset asks first (its question in the page's language), and keeps the language.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.accept();
      });
      await page.getByRole('button', {name: say(lang, 'reset')}).click();
      await ext.getByText(t(lang, 'settings.wizard.title')).first().waitFor();
      assert.deepEqual(asked, [say(lang, 'resetConfirm')]);
      await page.getByRole('button', {name: say(lang, 'reset')}).waitFor();
      await openTab(page, REPS);
      const resetReps = await readRows(page);
      assert.equal(resetReps.length, preview.length);
      assert.ok(resetReps.every((rep) => rep['总分'] === '' && rep['总收入'] === ''), 'results survived the reset');
      assert.equal(await cellsWritten(page, lang), 0);
    },
  };
}

/** The top bar follows the extension's language switch. */
const topBarFollowsLanguage: E2eTest = {
  name: 'zh -> en: the top bar follows the extension language',
  run: async (context) => {
    const {page} = context;
    await openPlayground(context, 'lang=zh');
    await page.getByRole('button', {name: say('zh', 'reset')}).waitFor();
    await extension(page).getByLabel(t('zh', 'ui.lang.label')).first().selectOption({label: 'English'});
    await page.getByRole('button', {name: say('en', 'reset')}).waitFor();
    await page.getByText(say('en', 'title')).waitFor();
    await context.screenshot('en-09-top-bar-follows');
  },
};

/** The 1k base: the grid shows its first rows and says how many there are. */
const largerBase: E2eTest = {
  name: 'en: the 1k base opens with its row count',
  timeoutMs: 120_000,
  run: async (context) => {
    const {page} = context;
    await openPlayground(context, 'lang=en&size=1k');
    assert.equal(await page.locator('.pg-header select').inputValue(), '1k');
    await openTab(page, REPS);
    assert.equal(await rowCountText(page), say('en', 'rowsShown', {shown: GRID_ROW_LIMIT, total: 1000}));
    assert.equal((await readRows(page)).length, GRID_ROW_LIMIT);
    await openTab(page, '订单');
    assert.equal(await rowCountText(page), say('en', 'rowsShown', {shown: GRID_ROW_LIMIT, total: 20000}));
  },
};


/** Narrows the extension's panel as a user drags it: the page's own rule, overridden. */
async function setPanelWidth(page: Page, width: number): Promise<void> {
  await page.addStyleTag({content: `.pg-right { width: ${width}px !important; }`});
}

/** From the first-run wizard to a preview of the demo's last month, with the template as it is. */
async function templatePreview(page: Page, lang: Lang, timeout = 60_000): Promise<Record<string, number>> {
  const ext = extension(page);
  await ext.getByRole('button', {name: t(lang, 'settings.wizard.useTemplate')}).click({timeout});
  await ext.getByRole('button', {name: t(lang, 'settings.save.button')}).click();
  const previewButton = ext.getByRole('button', {name: t(lang, 'run.preview.button'), exact: true});
  await previewButton.waitFor();
  await ext.getByLabel(t(lang, 'run.period.label'), {exact: true}).selectOption({label: demoMonths().at(-1)!});
  await previewButton.click();
  const pattern = messagePattern(lang, 'run.preview.summaryCounted');
  return messageNumbers(pattern, await textMatching(ext.getByTestId('preview-totals'), pattern, timeout));
}

/**
 * The preview in a 400 px panel: every header on at most two lines (a header that breaks inside
 * a word, one character per line, is taller), every row one line, amounts with the currency sign.
 */
function narrowPreview(lang: Lang): E2eTest {
  return {
    name: `${lang}: the preview fits a 400 px panel, headers on at most two lines`,
    run: async (context) => {
      const {page} = context;
      await openPlayground(context, `lang=${lang}`);
      await setPanelWidth(page, 400);
      await templatePreview(page, lang);
      const ext = extension(page);
      const header = ext.getByTestId('preview-header');
      await header.scrollIntoViewIfNeeded();
      const cells = await header.locator('[role="columnheader"] button').evaluateAll((buttons) =>
        buttons.map((button) => {
          const style = getComputedStyle(button);
          const lines = (button.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight);
          return {text: button.textContent ?? '', lines};
        }),
      );
      assert.equal(cells.length, 6);
      for (const cell of cells) assert.ok(cell.lines <= 2.05, `header "${cell.text}" takes ${cell.lines.toFixed(1)} lines at 400 px`);
      const table = await ext.getByRole('table').boundingBox();
      const panel = await ext.boundingBox();
      assert.ok(table && panel && table.x + table.width <= panel.x + panel.width + 0.5, 'the table is wider than the 400 px panel');
      const first = ext.locator('[data-testid^="preview-row-"]').first();
      const pay = await first.locator('[data-col="totalPay"]').innerText();
      assert.match(pay, /^¥\d{1,3}(,\d{3})*\.\d{2}$/, `total pay "${pay}" is not in the plan's currency at two places`);
      // One compact row, which expands to its changes.
      assert.ok(((await first.boundingBox())?.height ?? 999) <= 40, 'a collapsed row is taller than one line');
      await first.locator('[data-col="changes"] button').click();
      await ext.locator('[data-testid^="changes-"]').first().waitFor();
      await context.screenshot(`${lang}-07-preview-400px`);
    },
  };
}

/** The 1k base: the virtualised list keeps a bounded number of rows in the DOM and reaches the last person. */
function largePreview(lang: Lang): E2eTest {
  return {
    name: `${lang}: a 1k preview keeps at most 500 rows in the DOM and scrolls to the last person`,
    timeoutMs: 240_000,
    run: async (context) => {
      const {page} = context;
      await openPlayground(context, `lang=${lang}&size=1k`);
      const planned = await templatePreview(page, lang, 120_000);
      assert.equal(planned.participants, 1000);
      const ext = extension(page);
      const rows = ext.locator('[data-testid^="preview-row-"]');
      const inDom = await rows.count();
      assert.ok(inDom > 0 && inDom <= 500, `${inDom} rows in the DOM for 1,000 people`);
      await ext.locator('.spb-preview-list').evaluate((list) => (list.scrollTop = list.scrollHeight));
      // Ranks may tie, so the last person is found by the largest rank shown after the scroll.
      await page.waitForFunction(() => document.querySelectorAll('.pg-right [data-testid^="preview-row-"]').length > 0);
      const ranks = await ext.locator('[data-testid^="preview-row-"] [data-col="rank"]').allInnerTexts();
      const highest = Math.max(...ranks.map((rank) => Number(rank.replace(/,/g, ''))));
      assert.ok(highest >= 990, `after scrolling to the end the highest rank shown is ${highest}`);
      assert.ok((await rows.count()) <= 500);
      await context.screenshot(`${lang}-08-preview-1k-end`);
    },
  };
}

export const e2eTests: E2eTest[] = [
  topBarFollowsLanguage,
  narrowPreview('zh'),
  narrowPreview('en'),
  largePreview('en'),
  pageShowsBaseAndExtension('zh'),
  pageShowsBaseAndExtension('en'),
  largerBase,
  wholeUserPath('zh'),
  wholeUserPath('en'),
];
