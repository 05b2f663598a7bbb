/**
 * readFacts for one period: records dated outside it are read by their date alone and kept only
 * as counts (facts.leftOut), and the engine computes exactly what it computes from a full read,
 * issues and counts included.
 *
 * @jest-environment jsdom
 */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {baseSchema} from '../../frontend/adapter/schema';
import {runPlan} from '../../src/engine';
import type {Facts, SourceRecordFact} from '../../src/facts';
import {inPeriod, placeDay} from '../../src/period';
import type {Period, PlanDocument} from '../../src/plan';
import {benchPlan} from '../../bench/plan';
import {createTemplate} from '../../src/template';
import {demoBase, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const F = FIELD_IDS;
// The messy base has an order without a date and one dated after every period of the plans.
const fixture = demoBase({reps: 20, orders: 300, messy: true});

/** The template fitted to the demo base: more metrics than demoPlan, filters and rates included. */
function templatePlan(driver: TestDriver): PlanDocument {
  return createTemplate(baseSchema(driver.base), '2026-03-31');
}

/** The records of `facts` that a read for `period` keeps: those in it and those without a date. */
function keptBy(facts: Facts, plan: PlanDocument, period: Period): Record<string, SourceRecordFact[]> {
  return Object.fromEntries(
    Object.entries(facts.sources).map(([id, records]) => {
      const dated = plan.mapping.sources.find((s) => s.id === id)?.date !== undefined;
      const kept = dated ? records.filter((r) => ['inPeriod', 'noDate'].includes(placeDay(r.date, period, plan.periods))) : records;
      return [id, kept];
    }),
  );
}

const count = (sources: Record<string, SourceRecordFact[]>) => Object.values(sources).reduce((n, list) => n + list.length, 0);

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
  ['the bench plan', (driver: TestDriver) => benchPlan(baseSchema(driver.base))],
])('readFacts for one period, with %s', (_name, planFor) => {
  it('gives the engine the same results, stats and issues as a full read, for every period', async () => {
    const driver = createDriver(fixture);
    const plan = planFor(driver);
    const full = await readFacts(driver.base, plan);
    let credited = 0;
    for (const period of plan.periods) {
      const scoped = await readFacts(driver.base, plan, undefined, {periodId: period.id});
      expect(scoped.issues).toEqual(full.issues);
      expect(scoped.current).toEqual(full.current);
      expect(scoped.facts.participants).toEqual(full.facts.participants);
      // Only the records in the period and the undated ones become facts, in the same order.
      const kept = keptBy(full.facts, plan, period);
      expect(scoped.facts.sources).toEqual(kept);
      expect(count(scoped.facts.sources)).toBeLessThan(count(full.facts.sources) / 2);
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

  it('reads only the date of a record outside the period and keeps no fact of it, only its count', async () => {
    const driver = createDriver(fixture);
    const full = await readFacts(driver.base, plan);
    const {result, reads} = await cellReads(driver, () => readFacts(driver.base, plan, undefined, {periodId: period.id}));
    const orders = full.facts.sources.orders;
    const outside = orders.filter((o) => o.date !== null && !inPeriod(o.date, period));
    const inside = orders.filter((o) => o.date !== null && inPeriod(o.date, period));
    expect(outside.length).toBeGreaterThan(0);
    expect(inside.length).toBeGreaterThan(0);

    const fieldsReadOf = (id: string) => reads.filter(([recordId]) => recordId === id).map(([, field]) => field).sort();
    const kept = new Set(result.facts.sources.orders.map((o) => o.id));
    for (const order of outside) {
      expect(fieldsReadOf(order.id)).toEqual([F.orders.date]);
      expect(kept.has(order.id)).toBe(false);
    }
    const history = outside.filter((o) => placeDay(o.date, period, plan.periods) === 'beforeFirstPeriod');
    expect(result.facts.leftOut?.orders).toEqual({outsidePeriod: outside.length, beforeFirstPeriod: history.length, outsideEveryPeriod: [MESSY_IDS.outsidePeriods]});

    expect(fieldsReadOf(inside[0].id)).toEqual([F.orders.amount, F.orders.date, F.orders.rep].sort());
    expect(fieldsReadOf(MESSY_IDS.noDate)).toEqual([F.orders.amount, F.orders.date, F.orders.rep].sort());
    expect(result.facts.sources.orders.find((o) => o.id === MESSY_IDS.noDate)!.values).toHaveProperty(F.orders.amount);
    expect(result.facts.periodId).toBe(period.id);
  });

  it('reads fewer cells than a full read', async () => {
    const driver = createDriver(fixture);
    const full = await cellReads(driver, () => readFacts(driver.base, plan));
    const scoped = await cellReads(driver, () => readFacts(driver.base, plan, undefined, {periodId: period.id}));
    const outsideOrders = full.result.facts.sources.orders.filter((o) => o.date !== null && !inPeriod(o.date, period));
    // An order outside the period costs one cell (its date) instead of three.
    expect(full.reads.length - scoped.reads.length).toBeGreaterThanOrEqual(2 * outsideOrders.length);
    expect(full.result.facts.periodId).toBeUndefined();
    expect(full.result.facts.leftOut).toBeUndefined();
  });

  it('reads everything for a period the plan does not have, and the engine reports it', async () => {
    const driver = createDriver(fixture);
    const full = await readFacts(driver.base, plan);
    const unknown = await readFacts(driver.base, plan, undefined, {periodId: '1999-01'});
    expect(unknown.facts).toEqual(full.facts);
    expect(runPlan(plan, '1999-01', unknown.facts).issues.map((issue) => issue.code)).toContain('engine.period.unknown');
  });

  it('reads a source without a mapped date field in full', async () => {
    const driver = createDriver(fixture);
    const undated = demoPlan();
    delete undated.mapping.sources.find((s) => s.id === 'orders')!.date;
    const full = await readFacts(driver.base, undated);
    const scoped = await readFacts(driver.base, undated, undefined, {periodId: period.id});
    expect(scoped.facts.sources.orders).toEqual(full.facts.sources.orders);
    expect(scoped.facts.leftOut).not.toHaveProperty('orders');
    expect(scoped.facts.sources.orders.every((o) => o.date === null)).toBe(true);
    expect(runPlan(undated, period.id, scoped.facts)).toEqual(runPlan(undated, period.id, full.facts));
  });
});
