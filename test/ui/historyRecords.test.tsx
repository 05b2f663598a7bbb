/** @jest-environment jsdom */
/**
 * Issue 14: records dated before the plan's first period are history. A preview counts them in
 * its totals and never warns about them; a record after the last period still is a warning.
 * Runs the real App, read and engine on a simulated demo base whose customers were partly
 * created the year before the plan starts.
 */
import {screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import type {FixtureData} from '../../sim/fixture';
import type {Lang} from '../../src/plan';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(60_000);

const plan = demoPlan();
const first = plan.periods[0];

/** The demo base, with one customer moved after every period of the plan (a mistyped year). */
function base(): {fixture: FixtureData; /** Names of the customers created before the first period. */
  history: string[];
  lateCustomer: {id: string; name: string}} {
  const fixture = demoBase({reps: 8, orders: 80});
  const customers = fixture.base.tables.find((t) => t.id === TABLE_IDS.customers)!;
  const created = (r: (typeof customers.records)[number]) => r.cellValuesByFieldId[FIELD_IDS.customers.created] as string;
  const late = customers.records[customers.records.length - 1];
  late.cellValuesByFieldId[FIELD_IDS.customers.created] = '2062-01-15';
  const history = customers.records.filter((r) => created(r) < first.start).map((r) => r.cellValuesByFieldId[FIELD_IDS.customers.name] as string);
  return {fixture, history, lateCustomer: {id: late.id, name: late.cellValuesByFieldId[FIELD_IDS.customers.name] as string}};
}

async function previewFirstPeriod(lang: Lang) {
  const {fixture, history, lateCustomer} = base();
  const driver = createDriver({...fixture, globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(plan)}} as FixtureData);
  renderInBase(driver, lang);
  const user = userEvent.setup({pointerEventsCheck: 0});
  await user.selectOptions(await screen.findByRole('combobox', {name: lang === 'zh' ? '考核周期' : 'Period'}), first.label);
  await user.click(screen.getByRole('button', {name: lang === 'zh' ? '预览' : 'Preview'}));
  await screen.findByTestId('preview-totals', {}, {timeout: 30_000});
  return {history, lateCustomer};
}

describe('records before the plan’s first period', () => {
  it('are counted under the preview’s totals and never warned about (en)', async () => {
    const {history, lateCustomer} = await previewFirstPeriod('en');
    // The demo base does have customers created the year before (the test tests something).
    expect(history.length).toBeGreaterThan(1);
    expect(screen.getByTestId('preview-history')).toHaveTextContent(`${history.length} records before the plan’s first period (history)`);
    // The one warning about dates outside every period names the late customer alone.
    const outside = screen.getAllByTestId('issue-engine.record.outsideEveryPeriod');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toHaveTextContent('1 record of source "Customers"');
    expect(outside[0]).toHaveTextContent(lateCustomer.name);
    const warnings = screen.getAllByTestId(/^issue-/).map((item) => item.textContent ?? '');
    for (const name of history) expect(warnings.filter((text) => text.includes(name))).toEqual([]);
  });

  it('are counted in Chinese too', async () => {
    const {history} = await previewFirstPeriod('zh');
    expect(screen.getByTestId('preview-history')).toHaveTextContent(`${history.length} 条记录早于方案的第一个周期（历史）`);
  });
});
