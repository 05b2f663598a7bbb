import {runPlan} from '../../src/engine';
import type {Facts, RecordsLeftOut, SourceRecordFact} from '../../src/facts';
import type {PlanDocument} from '../../src/plan';
import {placeDay} from '../../src/period';
import {customer, makeFacts, makePlan, order, person, review} from '../support/planFixtures';

/**
 * The facts a period-scoped read gives for `periodId`: every record dated outside the period is
 * left out and only counted, as the adapter does.
 */
function readForPeriod(plan: PlanDocument, periodId: string, full: Facts): Facts {
  const period = plan.periods.find((p) => p.id === periodId)!;
  const sources: Facts['sources'] = {};
  const leftOut: Record<string, RecordsLeftOut> = {};
  for (const [sourceId, records] of Object.entries(full.sources)) {
    const kept: SourceRecordFact[] = [];
    const out: RecordsLeftOut = {outsidePeriod: 0, beforeFirstPeriod: 0, outsideEveryPeriod: []};
    for (const record of records) {
      const placement = placeDay(record.date, period, plan.periods);
      if (placement === 'inPeriod' || placement === 'noDate') kept.push(record);
      else {
        out.outsidePeriod++;
        if (placement === 'beforeFirstPeriod') out.beforeFirstPeriod++;
        else if (placement === 'outsideEveryPeriod') out.outsideEveryPeriod.push(record.id);
      }
    }
    sources[sourceId] = kept;
    leftOut[sourceId] = out;
  }
  return {participants: full.participants, sources, periodId, leftOut};
}

describe('runPlan on facts read for one period', () => {
  const plan = makePlan({incentives: {performancePay: {enabled: true}}});
  // Periods of the plan: 2026-02, 2026-03, 2026-04. Records of March, of other periods, of no
  // period (history before February: 2024, 2025, January; 2027 after April), without a date, and
  // orphans, interleaved so that order matters.
  const full = makeFacts([person('r1', '王芳'), person('r2', '李雷', {tier: '新人'})], {
    orders: [
      order('o1', 'r1', 46000),
      order('o2', 'r1', 9000, '2025-12-31'),
      order('o3', 'r2', 24000, '2026-03-31T23:30:00.000Z'),
      order('o4', 'r2', 5000, '2026-04-01'),
      order('o5', 'r2', -3000),
      order('o6', 'r1', 700, '2027-01-05'),
      order('o7', 'r2', 800, null),
      order('o8', null, 100),
      order('o9', 'r1', 50, '2026-02-28T10:00:00Z'),
      order('o10', 'r9', 60, '2024-06-01'),
    ],
    reviews: [review('v1', 'r1', 5), review('v2', 'r1', 4, '2026-01-31'), review('v3', 'r2', 3, '2026-02-15')],
    customers: [customer('c1', 'r1'), customer('c2', 'r1', '2030-01-01'), customer('c3', 'r2')],
  });
  const scoped = readForPeriod(plan, '2026-03', full);

  it('leaves records out of the scoped facts (the fixture does test something)', () => {
    expect(scoped.sources.orders.map((r) => r.id)).toEqual(['o1', 'o3', 'o5', 'o7', 'o8']);
    expect(scoped.leftOut?.orders).toEqual({outsidePeriod: 5, beforeFirstPeriod: 2, outsideEveryPeriod: ['o6']});
    expect(scoped.leftOut?.reviews).toEqual({outsidePeriod: 2, beforeFirstPeriod: 1, outsideEveryPeriod: []});
  });

  it('computes the same results, statistics and issues as on the full facts', () => {
    const whole = runPlan(plan, '2026-03', full);
    const read = runPlan(plan, '2026-03', scoped);
    expect(read).toEqual(whole);
    expect(whole.stats).toMatchObject({recordsRead: 16, recordsOutsidePeriod: 8, recordsBeforeFirstPeriod: 3, recordsWithoutDate: 1, orphanRecords: 1});
    // History (o2, o10, v2) is counted above and never reported; only the records after the last period are.
    const outside = whole.issues.filter((i) => i.code === 'engine.record.outsideEveryPeriod');
    expect(outside.map((i) => i.recordIds)).toEqual([['o6'], ['c2']]);
  });

  it('counts left-out records of a source whose kept records are all credited', () => {
    const onlyLeftOut = {...scoped, sources: {...scoped.sources, orders: []}};
    const run = runPlan(plan, '2026-03', onlyLeftOut);
    expect(run.stats).toMatchObject({recordsRead: 11, recordsOutsidePeriod: 8, recordsBeforeFirstPeriod: 3});
    expect(run.issues.find((i) => i.code === 'engine.record.outsideEveryPeriod')?.recordIds).toEqual(['o6']);
  });

  it('refuses to compute another period on them: no results and one error naming both periods', () => {
    const run = runPlan(plan, '2026-04', scoped);
    expect(run.results).toEqual([]);
    expect(run.issues).toHaveLength(1);
    expect(run.issues[0]).toMatchObject({code: 'engine.facts.otherPeriod', severity: 'error'});
    expect(run.issues[0].message.en).toContain('2026-03');
    expect(run.issues[0].message.en).toContain('2026-04');
    expect(run.issues[0].message.zh).toContain('2026-03');
  });

  it('computes on facts that name the period of the run', () => {
    expect(runPlan(plan, '2026-03', {...full, periodId: '2026-03'})).toEqual(runPlan(plan, '2026-03', full));
  });
});
