import {runPlan} from '../../src/engine';
import {customer, makeFacts, makePlan, order, person, review} from '../support/planFixtures';

describe('runPlan: the basic path', () => {
  const plan = makePlan({incentives: {performancePay: {enabled: true}}});
  const facts = makeFacts([person('r1', '王芳'), person('r2', '李雷', {tier: '新人'})], {
    orders: [order('o1', 'r1', 46000), order('o2', 'r2', 24000), order('o3', 'r2', -3000)],
    reviews: [review('v1', 'r1', 5), review('v2', 'r1', 4), review('v3', 'r2', 3)],
    customers: [customer('c1', 'r1'), customer('c2', 'r1'), customer('c3', 'r2')],
  });

  it('computes values, scores, weighted total, grade, rank and pay (hand-checked)', () => {
    const run = runPlan(plan, '2026-03', facts);
    expect(run.issues).toEqual([]);
    expect(run.versionId).toBe('v1');
    const [wang, li] = run.results;
    // 46,000 / 50,000 = 92% x 60 = 55.20; (4.5-1)/4 = 87.5% x 30 = 26.25; 2/5 = 40% x 10 = 4.00
    expect(wang.metrics.map((m) => [m.value, m.score, m.weighted])).toEqual([
      ['46000.00', '92.00', '55.20'],
      ['4.50', '87.50', '26.25'],
      ['2.00', '40.00', '4.00'],
    ]);
    expect(wang).toMatchObject({totalScore: '85.45', grade: 'B', rank: 1, performancePay: '2000.00', totalPay: '5000.00'});
    // 新人 target 30,000: (24,000 - 3,000 refund) = 21,000 -> 70% x 60 = 42.00; (3-1)/4 = 50% x 30 = 15.00; 1/5 = 20% x 10 = 2.00
    expect(li).toMatchObject({totalScore: '59.00', grade: 'D', rank: 2, performancePay: '1000.00', totalPay: '4000.00'});
    expect(run.totals.totalPay).toBe('9000.00');
    expect(run.stats).toMatchObject({participants: 2, recordsRead: 9, recordsCredited: 9});
  });

  it('explains every number in zh and en', () => {
    const [wang] = runPlan(plan, '2026-03', facts).results;
    expect(wang.breakdown.en[0]).toBe('Sales 46,000.00 / target 50,000.00 = 92.00% x weight 60% = 55.20');
    expect(wang.breakdown.zh[0]).toBe('销售额 46,000.00 / 目标 50,000.00 = 92.00% × 权重 60% = 55.20');
    expect(wang.breakdown.en).toContain('Total score 55.20 + 26.25 + 4.00 = 85.45');
    expect(wang.breakdown.zh).toContain('总分 55.20 + 26.25 + 4.00 = 85.45');
  });

  it('never throws on an unknown period or a period without a version', () => {
    const unknown = runPlan(plan, '2030-01', facts);
    expect(unknown.results).toEqual([]);
    expect(unknown.issues).toEqual([expect.objectContaining({code: 'engine.period.unknown', severity: 'error'})]);
    expect(unknown.issues[0].message.zh).toContain('2030-01');
    const early = makePlan({versions: [{...makePlan().versions[0], effectiveFrom: '2026-04-01'}]});
    const none = runPlan(early, '2026-03', facts);
    expect(none.results).toEqual([]);
    expect(none.issues[0]).toMatchObject({code: 'engine.version.none', severity: 'error'});
  });
});
