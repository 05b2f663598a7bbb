import {runPlan} from '../../src/engine';
import {checkBreakdown} from '../support/breakdown';
import {customer, makeFacts, makePlan, order, person, review, salesMetric, satisfactionMetric, newCustomersMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

describe('breakdown', () => {
  const metrics = [
    salesMetric(),
    satisfactionMetric(),
    newCustomersMetric({scoring: {kind: 'bands', on: 'value', bands: [{from: '1', score: '50'}, {from: '3', score: '100'}]}}),
    satisfactionMetric({id: 'complaints', label: {zh: '投诉率', en: 'Complaint rate'}, weight: '0', scoring: {kind: 'lowerIsBetter', cap: '150'}, target: {kind: 'fixed', value: '5'}}),
  ];
  const plan = makePlan({
    metrics,
    incentives: {
      performancePay: {enabled: true},
      bonuses: [{id: 'b', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: '0.02'}, {fromAttainment: '100', rate: '0.035'}], cap: '1500', fixedOnTarget: '300'}],
      teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.015']},
      championAward: {enabled: true, metricId: 'sales', pool: '1000', leaderShare: '0.25', split: 'proRata'},
    },
  });
  const people = [
    person('a', '安', {team: '华东', performancePayBase: '2333.33'}),
    person('b', '白', {team: '华东', uplineId: 'a', tier: '新人'}),
    person('c', '陈', {team: '华东', uplineId: 'b', tier: '新人'}),
    person('d', '丁', {team: '华南', uplineId: 'a'}),
  ];
  const facts = makeFacts(people, {
    orders: [order('o1', 'a', 61234.56), order('o2', 'b', 12345.67), order('o3', 'c', 33333.33), order('o4', 'c', -1000), order('o5', 'd', 7000)],
    reviews: [review('v1', 'a', 5), review('v2', 'a', 4), review('v3', 'a', 4), review('v4', 'b', 2)],
    customers: [customer('c1', 'a'), customer('c2', 'a'), customer('c3', 'a'), customer('c4', 'b')],
  });
  const run = runPlan(plan, '2026-03', facts);

  it('recomputes to every written number, for every participant', () => {
    for (const result of run.results) expect(checkBreakdown(result, plan.currency)).toEqual([]);
    expect(run.results.every((r) => sayEach(r.breakdown, 'en').length >= 8)).toBe(true);
  });

  it('has the same lines in zh and en', () => {
    const a = run.results.find((r) => r.participantId === 'a')!;
    expect(sayEach(a.breakdown, 'zh').length).toBe(sayEach(a.breakdown, 'en').length);
    expect(sayEach(a.breakdown, 'en').slice(0, 5)).toEqual([
      'Sales 61,234.56 / target 50,000.00 = 122.47%, counted as 120.00% × weight 60% = 72.00',
      'Satisfaction 4.33 (scale 1–5) = 83.33% × weight 30% = 25.00',
      'New customers 3 ≥ band 3 = 100.00% × weight 10% = 10.00',
      'Total score 72.00 + 25.00 + 10.00 = 107.00',
      'Grade S (107.00 ≥ 100)',
    ]);
    expect(sayEach(a.breakdown, 'zh').slice(0, 5)).toEqual([
      '销售额 61,234.56 / 目标 50,000.00 = 122.47%，按 120.00% 计 × 权重 60% = 72.00',
      '客户满意度 4.33（评分 1–5）= 83.33% × 权重 30% = 25.00',
      '新客户数 3 ≥ 档位 3 = 100.00% × 权重 10% = 10.00',
      '总分 72.00 + 25.00 + 10.00 = 107.00',
      '等级 S（107.00 ≥ 100）',
    ]);
    // 2,333.33 x 1.5 = 3,499.995 -> 3,500.00; bonus: 50,000 x 2% + 11,234.56 x 3.5% = 1,393.2096 -> under the cap, + 300 on target
    expect(sayEach(a.breakdown, 'en')).toContain('Performance pay 2,333.33 × coefficient 1.5 (grade S) = 3,500.00');
    expect(sayEach(a.breakdown, 'en')).toContain('Sales bonus 50,000.00 × 2% + 11,234.56 × 3.5% + 300.00 for reaching target = 1,693.21');
    expect(a.bonus).toBe('1693.21');
  });

  it('catches a line that does not add up', () => {
    const a = run.results.find((r) => r.participantId === 'a')!;
    const tampered = {...a, breakdown: a.breakdown.map((l) => (l.key === 'engine.line.scale' ? {...l, params: {...l.params, weighted: '24.97'}} : l))};
    expect(checkBreakdown(tampered, plan.currency)).toEqual(['Satisfaction 4.33 (scale 1–5) = 83.33% × weight 30% = 24.97']);
  });
});
