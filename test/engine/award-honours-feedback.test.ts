import {runPlan} from '../../src/engine';
import {feedbackLines} from '../../src/i18n/results';
import type {ChampionAward, Honour} from '../../src/plan';
import {customer, makeFacts, makePlan, newCustomersMetric, order, person, review, salesMetric, satisfactionMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

const byId = (run: ReturnType<typeof runPlan>, id: string) => run.results.find((r) => r.participantId === id)!;

describe('team champion award', () => {
  // 华东: a leads b, b leads d; 华南: c leads e
  const people = [
    person('a', '安', {team: '华东'}),
    person('b', '白', {team: '华东', uplineId: 'a'}),
    person('d', '丁', {team: '华东', uplineId: 'b'}),
    person('c', '陈', {team: '华南', uplineId: 'a'}),
    person('e', '鄂', {team: '华南', uplineId: 'c'}),
  ];
  const orders = [order('o1', 'a', 10000), order('o2', 'b', 20000), order('o3', 'd', 40000), order('o4', 'c', 5000), order('o5', 'e', 1000)];
  const award = (over: Partial<ChampionAward> = {}): ChampionAward => ({enabled: true, metricId: 'sales', pool: '10000', leaderShare: '0.3', split: 'equal', ...over});
  const run = (a: ChampionAward, who = people, list = orders) => runPlan(makePlan({incentives: {championAward: a}}), '2026-03', makeFacts(who, {orders: list}));

  it('gives the best team\'s leader pool x share and splits the rest equally', () => {
    const r = run(award());
    expect(['a', 'b', 'd', 'c', 'e'].map((id) => byId(r, id).award)).toEqual(['3000.00', '3500.00', '3500.00', '0.00', '0.00']);
    expect(sayEach(byId(r, 'a').breakdown, 'en')).toContain('Champion award (华东, leader): pool 10,000.00 × 30% = 3,000.00');
    expect(sayEach(byId(r, 'b').breakdown, 'zh')).toContain('冠军奖（华东，成员）：7,000.00 由 2 名成员平分 = 3,500.00');
    expect(r.totals.award).toBe('10000.00');
  });
  it('splits pro rata by the members\' values, by largest remainder so the parts sum to the pool', () => {
    const r = run(award({split: 'proRata'}));
    // 7,000 x 20,000/60,000 = 2,333.333.. and x 40,000/60,000 = 4,666.666..: the spare cent goes to the larger remainder
    expect(byId(r, 'b').award).toBe('2333.33');
    expect(byId(r, 'd').award).toBe('4666.67');
    expect(sayEach(byId(r, 'd').breakdown, 'en')).toContain('Champion award (华东, member): 7,000.00 × Sales 40,000.00 / 60,000.00 = 4,666.67');
    expect(r.totals.award).toBe('10000.00');
  });
  it('gives a team of one the whole pool; breaks equal team sums by team name', () => {
    const r = run(award(), [person('a', 'A', {team: 'Beta'}), person('b', 'B', {team: 'Alpha'})], [order('o1', 'a', 100), order('o2', 'b', 100)]);
    expect(byId(r, 'b').award).toBe('10000.00');
    expect(byId(r, 'a').award).toBe('0.00');
    expect(sayEach(byId(r, 'b').breakdown, 'en')).toContain('Champion award (Alpha, only member): pool 10,000.00 = 10,000.00');
  });
  it('picks as leader the member with the most downline inside the team (ties by name)', () => {
    const flat = [person('x', 'Xu', {team: 'T'}), person('w', 'Wu', {team: 'T'})];
    const r = run(award({leaderShare: '0.5'}), flat, [order('o1', 'x', 10), order('o2', 'w', 30)]);
    expect(sayEach(byId(r, 'w').breakdown, 'en')[sayEach(byId(r, 'w').breakdown, 'en').length - 2]).toContain('leader');
    expect(byId(r, 'x').award).toBe('5000.00');
  });
  it('awards nobody when no team has a positive value', () => {
    const r = run(award(), people, [order('o1', 'a', -10)]);
    expect(r.totals.award).toBe('0.00');
  });
});

describe('honours', () => {
  const people = [
    person('a', '安', {tier: '资深'}),
    person('b', '白', {tier: '新人'}),
    person('c', '陈', {tier: '新人'}),
    person('d', '丁', {tier: '资深'}),
  ];
  const facts = makeFacts(people, {
    orders: [order('o1', 'a', 50000), order('o2', 'b', 30000), order('o3', 'c', 30000), order('o4', 'd', 10000)],
    reviews: [review('v1', 'a', 5), review('v2', 'b', 5), review('v3', 'b', 5), review('v4', 'c', 4), review('v5', 'c', 4), review('v6', 'c', 4)],
  });
  const title = (en: string) => ({zh: en, en});
  const run = (honours: Honour[]) => runPlan(makePlan({incentives: {honours}}), '2026-03', facts);
  const holders = (r: ReturnType<typeof runPlan>, en: string) => r.results.filter((x) => x.honours.some((h) => h.en === en)).map((x) => x.participantId).sort();

  it('gives a title to the best by a metric, sharing ties at the last place', () => {
    const r = run([
      {id: 'top', title: title('Top sales'), by: {metricId: 'sales'}, direction: 'highest', count: 1},
      {id: 'top3', title: title('Top 2'), by: {metricId: 'sales'}, direction: 'highest', count: 2},
    ]);
    expect(holders(r, 'Top sales')).toEqual(['a']);
    expect(holders(r, 'Top 2')).toEqual(['a', 'b', 'c']);
    expect(sayEach(byId(r, 'a').breakdown, 'en')).toContain('Honours: Top sales, Top 2');
  });
  it('filters by tier and by a minimum sample; a participant without a value is never a candidate', () => {
    const r = run([
      {id: 'newbie', title: title('Best newcomer'), by: 'totalScore', direction: 'highest', tier: '新人', count: 1},
      {id: 'service', title: title('Service star'), by: {metricId: 'satisfaction'}, direction: 'highest', minSample: 2, count: 1},
      {id: 'lowest', title: title('Lowest satisfaction'), by: {metricId: 'satisfaction'}, direction: 'lowest', count: 1},
    ]);
    // 新人 (target 30,000): b = 60 + 30 + 0 = 90.00, c = 60 + 22.50 + 0 = 82.50 (ratings 5 and 4)
    expect(holders(r, 'Best newcomer')).toEqual(['b']);
    // a has a perfect 5 but only one review
    expect(holders(r, 'Service star')).toEqual(['b']);
    // d has no reviews (null): not the lowest
    expect(holders(r, 'Lowest satisfaction')).toEqual(['c']);
  });
});

describe('feedback', () => {
  const metrics = [salesMetric(), satisfactionMetric(), newCustomersMetric({improvement: undefined})];
  it('names strengths (score >= 100) and the weakest metrics (< 100) with their actions; no data is said so', () => {
    const facts = makeFacts([person('a', 'A')], {orders: [order('o1', 'a', 60000)], customers: [customer('c1', 'a'), customer('c2', 'a')]});
    const r = runPlan(makePlan({metrics, feedback: {strengths: 2, weakest: 2}}), '2026-03', facts).results[0];
    expect(r.feedback.strengths.map((s) => [s.metricId, s.score])).toEqual([['sales', '120.00']]);
    expect(r.feedback.weakest.map((s) => [s.metricId, s.score, s.noData ?? false])).toEqual([
      ['satisfaction', '0.00', true],
      ['newCustomers', '40.00', false],
    ]);
    expect(feedbackLines(r.feedback, 'en')).toEqual([
      'Strength: Sales (score 120.00)',
      'To improve: no data for Satisfaction this period (score 0): Attend a communication-skills training',
      'To improve: New customers (score 40.00)',
    ]);
    expect(feedbackLines(r.feedback, 'zh')[1]).toBe('待改进：客户满意度 本期没有数据（得分 0）：参加沟通技巧培训');
    expect(sayEach(r.breakdown, 'en')[1]).toBe('Satisfaction: no data this period = 0.00% × weight 30% = 0.00');
  });
  it('limits the lists to the plan\'s counts, lowest first, ties in plan order', () => {
    const facts = makeFacts([person('a', 'A')]);
    const r = runPlan(makePlan({metrics, feedback: {strengths: 1, weakest: 1}}), '2026-03', facts).results[0];
    expect(r.feedback.weakest.map((s) => s.metricId)).toEqual(['sales']);
    expect(r.feedback.strengths).toEqual([]);
  });
});
