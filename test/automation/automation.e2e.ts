/**
 * Settings → 自动化 in a real browser: after the template is saved, the section shows the steps
 * and the script's size, the copy button puts the script on the clipboard, and the text copied —
 * run in Node as an automation runs it, against the scripting API over the same demo base the
 * playground opened, with the plan marker the section says it wrote — writes the period's
 * results (and refuses without the marker).
 */
import assert from 'node:assert/strict';
import {demoBase, demoMonths, TABLE_IDS} from '../../sim/demoBase';
import {t} from '../e2e/catalogue';
import type {E2eTest} from '../e2e/harness';
import {FakeScripting, runScript} from './fakeScripting';
import {DEMO_TODAY, extension} from '../e2e/panel';


export const automationE2eTests: E2eTest[] = [
  {
    name: 'zh: automate — the copied script refreshes the period',
    timeoutMs: 180_000,
    run: async (context) => {
      const {page} = context;
      const ext = extension(page);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.clock.install({time: DEMO_TODAY});
      await page.goto(`${context.baseUrl}?lang=zh`);
      await ext.getByRole('button', {name: t('zh', 'settings.wizard.useTemplate')}).click({timeout: 60_000});
      await ext.getByRole('button', {name: t('zh', 'settings.save.button')}).click();
      await ext.getByRole('button', {name: t('zh', 'ui.settings.open')}).click();

      // A folded section's button reads "▸自动化".
      await ext.getByRole('button', {name: new RegExp(`^▸\\s*${t('zh', 'automation.ui.title')}$`)}).click();
      // (The script in the box holds the catalogue too: look for the step in the list.)
      await ext.locator('li', {hasText: t('zh', 'automation.ui.step2')}).waitFor();
      const size = await ext.getByText(/^脚本大小：\d+ KB$/).textContent();
      await ext.getByRole('button', {name: t('zh', 'automation.ui.copy')}).click();
      await ext.getByText(t('zh', 'automation.ui.copied'), {exact: true}).waitFor();
      await context.screenshot('zh-automate');

      const script = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(script, await ext.getByLabel(t('zh', 'automation.ui.title'), {exact: true}).inputValue());
      assert.equal(size, `脚本大小：${Math.round(script.length / 1024)} KB`);

      // Pasted into an automation over the playground's base (the same generator, seed and months).
      // The copy wrote the plan marker into a field's description in the playground's base, which
      // the page does not expose: the section names the field and the marker, and the fake gets
      // them (that the description itself is written is tested under jest, automateSection.test.tsx).
      const fixture = demoBase({endMonth: demoMonths().at(-1)});
      const where = await ext.getByText(/^脚本每次运行前会读取表“/).textContent();
      const [, tableName, fieldName, marker] = /表“(.+?)”中字段“(.+?)”描述末尾的方案标记 (\[销售绩效 plan r:[0-9a-f]{8} l:[0-9a-f]{8}\])/.exec(where ?? '') ?? [];
      const table = fixture.base.tables.find((t) => t.name === tableName);
      const field = table?.fields.find((f) => f.name === fieldName);
      assert.ok(table && field && marker, `no marker named: ${where}`);
      const fake = new FakeScripting(fixture, {now: DEMO_TODAY.getTime()});
      // Before the marker is there, the script refuses; with it, it writes.
      await runScript(script, fake);
      assert.equal(fake.outputs.get('status'), 'planChanged', fake.printed.join('\n'));
      assert.equal(fake.calls.length, 0);
      fake.describe(table.id, field.id, marker);
      await runScript(script, fake);
      assert.equal(fake.outputs.get('status'), 'written', fake.printed.join('\n'));
      const people = fake.calls.filter((call) => call.tableId === TABLE_IDS.reps).reduce((n, call) => n + call.records.length, 0);
      assert.ok(people > 0, 'no result written to the people table');
      assert.ok(fake.calls.every((call) => call.records.length <= 50), 'a call of more than 50 records');
    },
  },
];
