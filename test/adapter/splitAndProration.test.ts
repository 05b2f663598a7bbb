/** @jest-environment jsdom */
/**
 * Issue 15 through the simulated base: the fields the new plan options read (a source's
 * split-percentage field, the people table's start date) are read by the adapter, from the plan's
 * walk over its references, and credited by the engine.
 */
import {readFacts} from '../../frontend/adapter/readFacts';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const F = FIELD_IDS;
const SPLIT = {id: 'fldOrdersSplit', name: '分成比例'};

/** The demo base with a split-percentage field on orders, and one March order of 1,000 sold by two reps 70/30. */
function baseWithSharedOrder() {
  const fixture = demoBase({reps: 6, orders: 60});
  const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!.records;
  const orders = fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!;
  orders.fields.push({id: SPLIT.id, name: SPLIT.name, description: null, type: 'singleLineText' as never, options: null});
  const [a, b] = [reps[1], reps[2]];
  const shared = orders.records.find((r) => String(r.cellValuesByFieldId[F.orders.date]).startsWith('2026-03'))!;
  shared.cellValuesByFieldId[F.orders.rep] = [a, b].map((r) => ({id: r.id, name: String(r.cellValuesByFieldId[F.reps.name])}));
  shared.cellValuesByFieldId[F.orders.amount] = 1000;
  shared.cellValuesByFieldId[SPLIT.id] = '70, 30';
  return {fixture, a: a.id, b: b.id, shared: shared.id};
}

const salesOf = (plan: PlanDocument, facts: Awaited<ReturnType<typeof readFacts>>['facts'], id: string) =>
  Number(runPlan(plan, '2026-03', facts).results.find((r) => r.participantId === id)!.metrics.find((m) => m.metricId === 'sales')!.value);

describe('split credit on the simulated base', () => {
  it('reads the split-percentage field and credits each linked rep their share', async () => {
    const {fixture, a, b, shared} = baseWithSharedOrder();
    const first = demoPlan();
    const split = demoPlan();
    split.mapping.sources.find((s) => s.id === 'orders')!.credit = {kind: 'splitField', field: SPLIT};

    const before = await readFacts(createDriver(fixture).base, first);
    // The default plan does not read the field; the split plan does.
    expect(before.facts.sources.orders.find((o) => o.id === shared)!.values[SPLIT.id]).toBeUndefined();
    const read = await readFacts(createDriver(fixture).base, split);
    expect(read.issues).toEqual([]);
    const record = read.facts.sources.orders.find((o) => o.id === shared)!;
    expect(record.participantIds).toEqual([a, b]);
    expect(record.values[SPLIT.id]).toBe('70, 30');

    // First linked: a gets all 1,000. Split: a gets 700, b gets 300.
    expect(salesOf(split, read.facts, a)).toBeCloseTo(salesOf(first, before.facts, a) - 300, 2);
    expect(salesOf(split, read.facts, b)).toBeCloseTo(salesOf(first, before.facts, b) + 300, 2);
    expect(runPlan(split, '2026-03', read.facts).issues.map((i) => i.code)).not.toContain('engine.record.multiLinked');
  });
});

describe('target proration on the simulated base', () => {
  it("reads the people table's start date and prorates the targets of a rep who joined mid-period", async () => {
    const fixture = demoBase({reps: 6, orders: 60});
    const rep = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!.records[3];
    rep.cellValuesByFieldId[F.reps.joined] = '2026-03-20';
    const plan = demoPlan();
    plan.mapping.people!.start = {id: F.reps.joined, name: '入职日期'};
    plan.proration = {enabled: true};

    const read = await readFacts(createDriver(fixture).base, plan);
    expect(read.issues).toEqual([]);
    expect(read.facts.participants.find((p) => p.id === rep.id)!.fields[F.reps.joined]).toBe('2026-03-20');

    const off = runPlan({...plan, proration: {enabled: false}}, '2026-03', read.facts).results.find((r) => r.participantId === rep.id)!;
    const on = runPlan(plan, '2026-03', read.facts).results.find((r) => r.participantId === rep.id)!;
    const sales = (r: typeof on) => r.metrics.find((m) => m.metricId === 'sales')!;
    const full = Number(sales(off).target);
    expect(full).toBeGreaterThan(0);
    expect(sales(on).target).toBe(((full * 12) / 31).toFixed(2));
    // Everyone else joined before March: not prorated.
    const others = runPlan(plan, '2026-03', read.facts).results.filter((r) => r.participantId !== rep.id);
    const othersOff = runPlan({...plan, proration: {enabled: false}}, '2026-03', read.facts).results.filter((r) => r.participantId !== rep.id);
    expect(others.map((r) => r.totalScore)).toEqual(othersOff.map((r) => r.totalScore));
  });
});
