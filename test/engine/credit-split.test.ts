/**
 * Split credit (docs/plan.md §2): a record linked to several participants is credited to the
 * first (default), split equally, or split by a percentage field; the parts of an amount add up to
 * it exactly, and a record whose shares do not add up to 100 is reported and credited to nobody.
 */
import fc from 'fast-check';
import {runPlan} from '../../src/engine';
import {aggregateSourcesSteps, bucketValue, emptyStats, sharesOf, splitAmount} from '../../src/engine/aggregate';
import {D, type Dec} from '../../src/engine/money';
import type {Facts} from '../../src/facts';
import type {CreditSplit, PlanDocument} from '../../src/plan';
import type {Issue, RunResult} from '../../src/results';
import {makeFacts, makePlan, newCustomersMetric, order, PERIOD, person, salesMetric} from '../support/planFixtures';

const SPLIT = {id: 'fldOrdersSplit', name: '分成比例'};

function planWith(credit: CreditSplit | undefined): PlanDocument {
  const plan = makePlan({
    metrics: [
      salesMetric({weight: '90', target: {kind: 'fixed', value: '1000'}, scoring: {kind: 'attainment', cap: '1000'}}),
      newCustomersMetric({id: 'orderCount', source: {kind: 'source', sourceId: 'orders', aggregation: 'count'}, weight: '10'}),
    ],
  });
  if (credit) plan.mapping.sources[0].credit = credit;
  return plan;
}

const people = [person('a', '甲'), person('b', '乙'), person('c', '丙')];
const resultOf = (run: RunResult, id: string) => run.results.find((r) => r.participantId === id)!;
const values = (run: RunResult) => Object.fromEntries(run.results.map((r) => [r.participantId, [r.metrics[0].value, r.metrics[1].value]]));

/** The exact credited sum of the sales metric per participant index. */
function exactSales(plan: PlanDocument, facts: Facts): Dec[] {
  const index = new Map(facts.participants.map((p, i) => [p.id, i]));
  const steps = aggregateSourcesSteps(plan, plan.versions[0], PERIOD, facts, index, [] as Issue[], emptyStats(facts.participants.length));
  let next = steps.next();
  while (!next.done) next = steps.next();
  return facts.participants.map((_, i) => bucketValue('sum', next.value.get('sales')![i])!);
}

describe('split credit', () => {
  const facts = makeFacts(people, {
    orders: [
      order('o1', ['a', 'b'], 1000, '2026-03-10', {[SPLIT.id]: '60, 40'}),
      order('o2', ['a', 'b', 'c'], 100, '2026-03-11', {[SPLIT.id]: '50%/30%/20%'}),
      order('o3', 'c', 500, '2026-03-12'),
    ],
  });

  it('credits the first linked participant by default, and reports the record', () => {
    const run = runPlan(planWith(undefined), '2026-03', facts);
    expect(values(run)).toEqual({a: ['1100.00', '2.00'], b: ['0.00', '0.00'], c: ['500.00', '1.00']});
    expect(run.issues.map((i) => i.code)).toContain('engine.record.multiLinked');
    expect(run.stats).toMatchObject({recordsCredited: 3, multiLinkedRecords: 2});
  });

  it('splits amounts equally; a count goes to the first linked, whole', () => {
    const run = runPlan(planWith({kind: 'equal'}), '2026-03', facts);
    // o2: 100 / 3 = 33.333333333333333333 (18 places) each, the last part takes 33.333333333333333334.
    expect(values(run)).toEqual({a: ['533.33', '2.00'], b: ['533.33', '0.00'], c: ['533.33', '1.00']});
    expect(run.issues.map((i) => i.code)).not.toContain('engine.record.multiLinked');
    const exact = exactSales(planWith({kind: 'equal'}), facts);
    expect(exact.reduce((a, v) => a.plus(v), new D(0)).toString()).toBe('1600');
    expect(exact.map(String)).toEqual(['533.333333333333333333', '533.333333333333333333', '533.333333333333333334']);
  });

  it('splits amounts by the percentage field', () => {
    const run = runPlan(planWith({kind: 'splitField', field: SPLIT}), '2026-03', facts);
    expect(values(run)).toEqual({a: ['650.00', '2.00'], b: ['430.00', '0.00'], c: ['520.00', '1.00']});
    expect(run.stats).toMatchObject({recordsCredited: 3, multiLinkedRecords: 2});
  });

  it('reports a record whose shares are missing, short, or do not add up to 100, and credits it to nobody', () => {
    const bad = makeFacts(people, {
      orders: [
        order('o1', ['a', 'b'], 1000, '2026-03-10', {[SPLIT.id]: '60, 30'}),
        order('o2', ['a', 'b'], 1000, '2026-03-10', {[SPLIT.id]: '100'}),
        order('o3', ['a', 'b'], 1000, '2026-03-10', {[SPLIT.id]: null}),
        order('o4', ['a', 'b'], 1000, '2026-03-10', {[SPLIT.id]: 'sixty, forty'}),
        order('o5', ['a', 'x'], 1000, '2026-03-10', {[SPLIT.id]: '50, 50'}),
        order('o6', 'a', 7, '2026-03-10'),
      ],
    });
    const run = runPlan(planWith({kind: 'splitField', field: SPLIT}), '2026-03', bad);
    expect(values(run)).toEqual({a: ['7.00', '1.00'], b: ['0.00', '0.00'], c: ['0.00', '0.00']});
    const issue = run.issues.find((i) => i.code === 'engine.record.badSplit')!;
    expect(issue.recordIds).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(issue.fieldId).toBe(SPLIT.id);
    // o5 names someone not in the people table: an orphan, so no part of it goes missing unseen.
    expect(run.issues.find((i) => i.code === 'engine.record.orphan')!.recordIds).toEqual(['o5']);
    expect(run.stats.recordsCredited).toBe(1);
    expect(resultOf(run, 'a').totalScore).toBe('2.63');
  });

  it('reads shares as text in several separators, or as a list (a lookup)', () => {
    expect(sharesOf('60, 40', 2)?.map(String)).toEqual(['0.6', '0.4']);
    expect(sharesOf('60%；40%', 2)?.map(String)).toEqual(['0.6', '0.4']);
    expect(sharesOf(['33.5', '66.5'], 2)?.map(String)).toEqual(['0.335', '0.665']);
    expect(sharesOf('50 50', 2)?.map(String)).toEqual(['0.5', '0.5']);
    expect(sharesOf('-10, 110', 2)).toBeNull();
    expect(sharesOf(100, 1)).toBeNull();
  });

  it('property: the parts of a split amount add up to the amount exactly', () => {
    const amount = fc.tuple(fc.bigInt({min: -(10n ** 17n), max: 10n ** 17n}), fc.integer({min: 0, max: 4})).map(([n, places]) => new D(n.toString()).dividedBy(new D(10).pow(places)));
    fc.assert(
      fc.property(amount, fc.array(fc.integer({min: 0, max: 10_000}), {minLength: 1, maxLength: 7}), fc.boolean(), (value, weights, equal) => {
        const total = weights.reduce((a, w) => a + w, 0);
        fc.pre(equal || total > 0);
        // Percentages with up to 2 places adding up to exactly 100: hundredths of 10,000.
        const hundredths = weights.map((w) => Math.floor((w * 10_000) / Math.max(total, 1)));
        hundredths[0] += 10_000 - hundredths.reduce((a, h) => a + h, 0);
        const shares = equal ? Array.from({length: weights.length}, () => new D(1).dividedBy(weights.length)) : sharesOf(hundredths.map((h) => (h / 100).toFixed(2)).join(', '), weights.length);
        expect(shares).not.toBeNull();
        const parts = splitAmount(value, shares!);
        expect(parts.reduce((a, p) => a.plus(p), new D(0)).equals(value)).toBe(true);
      }),
      {numRuns: 1000},
    );
  });

  it('property: through the engine, every credited part adds up to the amounts of the period', () => {
    const record = fc.record({cents: fc.integer({min: -100_000, max: 10_000_000}), who: fc.subarray(['a', 'b', 'c'], {minLength: 1})});
    fc.assert(
      fc.property(fc.array(record, {maxLength: 12}), (records) => {
        const f = makeFacts(people, {orders: records.map((r, i) => order(`o${i}`, r.who, r.cents / 100))});
        const exact = exactSales(planWith({kind: 'equal'}), f);
        const expected = records.reduce((a, r) => a.plus(new D(r.cents).dividedBy(100)), new D(0));
        expect(exact.reduce((a, v) => a.plus(v), new D(0)).equals(expected)).toBe(true);
      }),
      {numRuns: 200},
    );
  });
});
