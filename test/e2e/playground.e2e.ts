/**
 * The user's path through the playground, in a real browser. Texts come from the catalogue
 * (src/i18n) so the tests follow wording changes; values are read from the grid, which shows the
 * base as stored after the extension's writes.
 */
import assert from 'node:assert/strict';
import {t} from '../../src/i18n';
import type {Lang} from '../../src/plan';
import {say} from '../../playground/text';
import type {E2eTest, TestContext} from './harness';
import {columnNames, openTab, readRows, rowCountText} from './grid';

const REPS = '销售人员';

/** Opens the playground and waits until the demo base is in the grid. */
async function openPlayground({page, baseUrl}: TestContext, query: string): Promise<void> {
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

      await page.getByText(t(lang, 'app.title')).first().waitFor();
      await page.getByRole('button', {name: say(lang, 'reset')}).waitFor();
      await context.screenshot(`${lang}-01-opened`);
    },
  };
}

export const e2eTests: E2eTest[] = [pageShowsBaseAndExtension('zh'), pageShowsBaseAndExtension('en')];
