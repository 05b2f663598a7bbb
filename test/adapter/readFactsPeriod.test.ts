/**
 * readFacts for one period: records dated outside it are read by their date alone, and the engine
 * computes exactly what it computes from a full read, issues and counts included.
 *
 * @jest-environment jsdom
 */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {baseSchema} from '../../frontend/adapter/schema';
import {runPlan} from '../../src/engine';
import type {SourceRecordFact} from '../../src/facts';
import {inPeriod} from '../../src/period';
import type {PlanDocument} from '../../src/plan';
import {createTemplate} from '../../src/template';
import {demoBase, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const F = FIELD_IDS;
// The messy base has an order without a date and one dated before every period of the plans.
const fixture = demoBase({reps: 20, orders: 300, messy: true});

/** The template fitted to the demo base: more metrics than demoPlan, filters and rates included. */
function templatePlan(driver: TestDriver): PlanDocument {
  return createTemplate(baseSchema(driver.base), '2026-03-31');
}

/** Every getCellValue call while `run` runs, as [record id, field id]. */
async function cellReads<T>(driver: TestDriver, run: () => Promise<T>): Promise<{result: T; reads: [string, string][]}> {
  const table = driver.base.getTableById(TABLE_IDS.orders);
  const probe = await table.selectRecordsAsync({fields: [F.orders.date]});
  // Records are frozen SDK models: spy on their class.
  const proto = Object.getPrototypeOf(probe.records[0]) as {getCellValue: (field: string) => unknown};
  probe.unloadData();
  const spy = jest.spyOn(proto, 'getCellValue');
  try {
    const result = await run();
    const reads = spy.mock.contexts.map((record, i) => [(record as {id: string}).id, spy.mock.calls[i][0]] as [string, string]);
    return {result, reads};
  } finally {
    spy.mockRestore();
  }
}

describe.each([
  ['the demo plan', (_: TestDriver) => demoPlan()],
  ['the template', templatePlan],
])('readFacts for one period, with %s', (_name, planFor) => {
  it('gives the engine the same results, stats and issues as a full read, for every period', async () => {
    const driver = createDriver(fixture);
    const plan = planFor(driver);
    const full = await readFacts(driver.base, plan);
    let credited = 0;
    for (const period of plan.periods) {
      const scoped = await readFacts(driver.base, plan, undefined, {period});
      expect(scoped.issues).toEqual(full.issues);
      expect(scoped.current).toEqual(full.current);
      expect(scoped.facts.participants).toEqual(full.facts.participants);
      const expected = runPlan(plan, period.id, full.facts);
      expect(runPlan(plan, period.id, scoped.facts)).toEqual(expected);
      credited += expected.stats.recordsCredited;
    }
    // The comparison means something only if records were credited and left out.
    expect(credited).toBeGreaterThan(0);
    const last = plan.periods[plan.periods.length - 1];
    const lastRun = runPlan(plan, last.id, full.facts);
    expect(lastRun.stats.recordsOutsidePeriod).toBeGreaterThan(0);
    expect(lastRun.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['engine.record.noDate', 'engine.record.outsideEveryPeriod']));
  });
});

describe('readFacts for one period', () => {
  const plan = demoPlan();
  const period = plan.periods[plan.periods.length - 1];

  it('reads only the date of a record outside the period and keeps it as a slim fact', async () => {
    const driver = createDriver(fixture);
    const {result, reads} = await cellReads(driver, () => readFacts(driver.base, plan, undefined, {period}));
    const orders = result.facts.sources.orders;
    const outside = orders.filter((o) => o.date !== null && !inPeriod(o.date, period));
    const inside = orders.filter((o) => o.date !== null && inPeriod(o.date, period));
    expect(outside.length).toBeGreaterThan(0);
    expect(inside.length).toBeGreaterThan(0);

    const fieldsReadOf = (id: string) => reads.filter(([recordId]) => recordId === id).map(([, field]) => field).sort();
    for (const order of outside) {
      expect(fieldsReadOf(order.id)).toEqual([F.orders.date]);
      expect(order).toEqual({id: order.id, participantIds: [], date: order.date, values: {}});
    }
    // Every slim fact shares one frozen empty list and map: no allocation per record left out.
    expect(new Set(outside.map((o) => o.participantIds)).size).toBe(1);
    expect(new Set(outside.map((o) => o.values)).size).toBe(1);
    expect(Object.isFrozen(outside[0].participantIds) && Object.isFrozen(outside[0].values)).toBe(true);

    const inFull = (id: string) => fieldsReadOf(id);
    expect(inFull(inside[0].id)).toEqual([F.orders.amount, F.orders.date, F.orders.rep].sort());
    expect(inFull(MESSY_IDS.noDate)).toEqual([F.orders.amount, F.orders.date, F.orders.rep].sort());
    expect(orders.find((o) => o.id === MESSY_IDS.noDate)!.values).toHaveProperty(F.orders.amount);
    expect(result.facts.periodId).toBe(period.id);
  });

  it('reads fewer cells than a full read, and the same records in the same order', async () => {
    const driver = createDriver(fixture);
    const full = await cellReads(driver, () => readFacts(driver.base, plan));
    const scoped = await cellReads(driver, () => readFacts(driver.base, plan, undefined, {period}));
    const outsideOrders = scoped.result.facts.sources.orders.filter((o) => o.date !== null && !inPeriod(o.date, period));
    // An order outside the period costs one cell (its date) instead of three.
    expect(full.reads.length - scoped.reads.length).toBeGreaterThanOrEqual(2 * outsideOrders.length);
    const ids = (sources: Record<string, SourceRecordFact[]>) => Object.fromEntries(Object.entries(sources).map(([id, list]) => [id, list.map((r) => r.id)]));
    expect(ids(scoped.result.facts.sources)).toEqual(ids(full.result.facts.sources));
    expect(full.result.facts.periodId).toBeUndefined();
  });

  it('reads a source without a mapped date field in full', async () => {
    const driver = createDriver(fixture);
    const undated = demoPlan();
    delete undated.mapping.sources.find((s) => s.id === 'orders')!.date;
    const full = await readFacts(driver.base, undated);
    const scoped = await readFacts(driver.base, undated, undefined, {period});
    expect(scoped.facts.sources.orders).toEqual(full.facts.sources.orders);
    expect(scoped.facts.sources.orders.every((o) => o.date === null)).toBe(true);
    expect(runPlan(undated, period.id, scoped.facts)).toEqual(runPlan(undated, period.id, full.facts));
  });
});
