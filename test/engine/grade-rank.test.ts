import {D} from '../../src/engine/money';
import {gradeAtLeast, gradeFor} from '../../src/engine/grade';
import {competitionRanks} from '../../src/engine/rank';
import {runPlan} from '../../src/engine';
import {GRADES, makeFacts, makePlan, order, person, salesMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

describe('grades', () => {
  it('uses min <= total < max, the top band open-ended', () => {
    expect(gradeFor(new D('89.99'), GRADES)?.grade).toBe('B');
    expect(gradeFor(new D('90'), GRADES)?.grade).toBe('A');
    expect(gradeFor(new D('100'), GRADES)?.grade).toBe('S');
    expect(gradeFor(new D('0'), GRADES)?.grade).toBe('D');
    expect(gradeFor(new D('-1'), GRADES)).toBeNull();
  });
  it('orders grades by their bands for gates', () => {
    expect(gradeAtLeast('A', 'B', GRADES)).toBe(true);
    expect(gradeAtLeast('B', 'B', GRADES)).toBe(true);
    expect(gradeAtLeast('C', 'B', GRADES)).toBe(false);
    expect(gradeAtLeast(null, 'D', GRADES)).toBe(false);
  });
  it('reports a total that falls in no band (a gap) and pays no performance pay', () => {
    const plan = makePlan({metrics: [salesMetric({weight: '100', target: {kind: 'fixed', value: '100'}})], incentives: {performancePay: {enabled: true}}});
    plan.versions[0].grades = [{grade: 'A', min: '50', coefficient: '1.2'}];
    const run = runPlan(plan, '2026-03', makeFacts([person('r1', 'A')], {orders: [order('o1', 'r1', 10)]}));
    expect(run.results[0]).toMatchObject({grade: null, performancePay: '0.00'});
    expect(run.issues.map((i) => i.code)).toEqual(['engine.grade.none']);
    expect(sayEach(run.results[0].breakdown, 'en')).toContain('No grade: total 10.00 is in no grade band');
  });
});

describe('ranking', () => {
  it('ranks by total, highest first, equal totals share a rank and the next skips (1, 1, 3); ties listed by name then id', () => {
    const ranked = competitionRanks([
      {id: 'r3', name: '乙', total: new D(80)},
      {id: 'r2', name: '甲', total: new D(90)},
      {id: 'r1', name: '甲', total: new D(90)},
      {id: 'r4', name: 'A', total: new D(70)},
    ]);
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ['r1', 1],
      ['r2', 1],
      ['r3', 3],
      ['r4', 4],
    ]);
  });
  it('lists results in rank order in the run', () => {
    const plan = makePlan({metrics: [salesMetric({weight: '100', target: {kind: 'fixed', value: '100'}})]});
    const facts = makeFacts([person('a', 'Zed'), person('b', 'Amy'), person('c', 'Bob')], {orders: [order('o1', 'a', 50), order('o2', 'b', 50), order('o3', 'c', 90)]});
    expect(runPlan(plan, '2026-03', facts).results.map((r) => [r.name, r.rank])).toEqual([
      ['Bob', 1],
      ['Amy', 2],
      ['Zed', 2],
    ]);
  });
});
