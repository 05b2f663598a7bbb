import {runPlan} from '../../src/engine';
import type {RateBonus} from '../../src/plan';
import {makeFacts, makePlan, order, person, salesMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

const sales = salesMetric({weight: '100', target: {kind: 'fixed', value: '50000'}});
const tiers = [
  {fromAttainment: '0', rate: '0.02'},
  {fromAttainment: '100', rate: '0.03'},
  {fromAttainment: '120', rate: '0.05'},
];
const bonus = (over: Partial<RateBonus> = {}): RateBonus => ({id: 'salesBonus', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'marginal', tiers, ...over});

function runWith(b: RateBonus, amounts: Record<string, number[]>) {
  const plan = makePlan({metrics: [sales], incentives: {bonuses: [b]}});
  const people = Object.keys(amounts).map((id) => person(id, id));
  const orders = Object.entries(amounts).flatMap(([id, list]) => list.map((a, i) => order(`${id}-${i}`, id, a)));
  const run = runPlan(plan, '2026-03', makeFacts(people, {orders}));
  return (id: string) => run.results.find((r) => r.participantId === id)!;
}

describe('rate bonus', () => {
  it('marginal: each slice between tier thresholds earns its own rate', () => {
    // 50,000 x 2% + 10,000 x 3% + 5,000 x 5% = 1,000 + 300 + 250
    const r = runWith(bonus(), {a: [65000]})('a');
    expect(r.bonus).toBe('1550.00');
    expect(r.bonuses).toEqual([{bonusId: 'salesBonus', label: {zh: '销售奖金', en: 'Sales bonus'}, amount: '1550.00'}]);
    expect(sayEach(r.breakdown, 'en')).toContain('Sales bonus 50,000.00 × 2% + 10,000.00 × 3% + 5,000.00 × 5% = 1,550.00');
    expect(sayEach(r.breakdown, 'zh')).toContain('销售奖金 50,000.00 × 2% + 10,000.00 × 3% + 5,000.00 × 5% = 1,550.00');
  });
  it('whole: the whole value earns the rate of the highest tier reached', () => {
    const get = runWith(bonus({tierMode: 'whole'}), {a: [65000], b: [55000], c: [30000]});
    expect(get('a').bonus).toBe('3250.00'); // 130% -> 65,000 x 5%
    expect(get('b').bonus).toBe('1650.00'); // 110% -> 55,000 x 3%
    expect(get('c').bonus).toBe('600.00'); // 60% -> 30,000 x 2%
  });
  it('caps the rate part, then adds the fixed amount for reaching target', () => {
    const get = runWith(bonus({cap: '1200', fixedOnTarget: '500'}), {a: [65000], b: [49999.99]});
    expect(get('a').bonus).toBe('1700.00');
    expect(sayEach(get('a').breakdown, 'en')).toContain('Sales bonus min(50,000.00 × 2% + 10,000.00 × 3% + 5,000.00 × 5%, cap 1,200.00) + 500.00 for reaching target = 1,700.00');
    // Just under target: no fixed amount; 49,999.99 x 2% = 999.9998 -> 1,000.00
    expect(get('b').bonus).toBe('1000.00');
  });
  it('pays nothing under the gate (minimum score or grade) and says why', () => {
    const get = runWith(bonus({gate: {minScore: '60'}}), {a: [20000], b: [30000]});
    expect(get('a').bonus).toBe('0.00');
    expect(sayEach(get('a').breakdown, 'en')).toContain('Sales bonus: gate not met (total score 40.00 < 60) = 0.00');
    expect(get('b').bonus).toBe('600.00');
    const byGrade = runWith(bonus({gate: {minGrade: 'B'}}), {a: [40000], b: [37500], c: [37490]});
    expect(byGrade('a').bonus).toBe('800.00'); // 80 -> B
    expect(byGrade('b')).toMatchObject({grade: 'B', bonus: '750.00'}); // 75 is B's min: qualifies
    expect(byGrade('c')).toMatchObject({grade: 'C', bonus: '0.00'}); // 74.98 -> C
    expect(sayEach(byGrade('c').breakdown, 'zh')).toContain('销售奖金：未达门槛（等级 C 低于 B）= 0.00');
  });
  it('pays 0 on a negative base (net refunds)', () => {
    const r = runWith(bonus(), {a: [1000, -3000]})('a');
    expect(r.bonus).toBe('0.00');
    expect(sayEach(r.breakdown, 'en')).toContain('Sales bonus: Sales -2,000.00 is negative = 0.00');
  });
  it('rounds once at the currency precision and mode', () => {
    const plan = makePlan({metrics: [sales], incentives: {bonuses: [bonus({tiers: [{fromAttainment: '0', rate: '0.015'}]})]}, currency: {precision: 0, rounding: 'halfEven'}});
    // 1,234.50 x 1.5% = 18.5175 -> 19 (half even only matters on exact halves); 100 x 1.5% = 1.5 -> 2; 300 x 1.5% = 4.5 -> 4
    const run = runPlan(plan, '2026-03', makeFacts([person('a', 'a'), person('b', 'b'), person('c', 'c')], {orders: [order('o1', 'a', 1234.5), order('o2', 'b', 100), order('o3', 'c', 300)]}));
    expect(run.results.map((r) => [r.participantId, r.bonus])).toEqual([
      ['a', '19'],
      ['c', '4'],
      ['b', '2'],
    ]);
  });
});

describe('performance pay and total pay', () => {
  it('pays performance-pay base x the grade coefficient, and total pay adds the rounded parts', () => {
    const plan = makePlan({metrics: [sales], incentives: {performancePay: {enabled: true}, bonuses: [bonus()]}});
    const run = runPlan(plan, '2026-03', makeFacts([person('a', '钱七', {baseSalary: '3,500', performancePayBase: 2333.33})], {orders: [order('o1', 'a', 46000)]}));
    const [r] = run.results;
    // 92 -> A, coefficient 1.2: 2,333.33 x 1.2 = 2,799.996 -> 2,800.00; bonus 46,000 x 2% = 920
    expect(r).toMatchObject({grade: 'A', performancePay: '2800.00', bonus: '920.00', totalPay: '7220.00'});
    expect(sayEach(r.breakdown, 'en')).toContain('Performance pay 2,333.33 × coefficient 1.2 (grade A) = 2,800.00');
    expect(sayEach(r.breakdown, 'en')).toContain('Total pay = base salary 3,500.00 + performance pay 2,800.00 + bonus 920.00 + team bonus 0.00 + award 0.00 = 7,220.00');
    expect(sayEach(r.breakdown, 'zh')).toContain('总收入 = 基本工资 3,500.00 + 绩效工资 2,800.00 + 奖金 920.00 + 团队奖 0.00 + 冠军奖 0.00 = 7,220.00');
  });
  it('reports a base salary that is not a number and counts it as 0', () => {
    const plan = makePlan({metrics: [sales]});
    const run = runPlan(plan, '2026-03', makeFacts([person('a', '钱七', {baseSalary: 'n/a'})]));
    expect(run.results[0].totalPay).toBe('0.00');
    expect(run.issues.find((i) => i.code === 'engine.participant.notNumber')?.message.en).toBe('Field "base salary" of 钱七 is not a number ("n/a"); it is treated as empty');
  });
});

describe('multi-level team bonus', () => {
  // a <- b, c; b <- d; d <- e
  const people = [person('a', 'A'), person('b', 'B', {uplineId: 'a'}), person('c', 'C', {uplineId: 'a'}), person('d', 'D', {uplineId: 'b'}), person('e', 'E', {uplineId: 'd'})];
  const orders = [order('o1', 'a', 10000), order('o2', 'b', 20000), order('o3', 'c', 5000), order('o4', 'd', 40000), order('o5', 'e', 1000)];
  const teamPlan = (gate?: {minScore?: string; minGrade?: string}) =>
    makePlan({metrics: [sales], incentives: {teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.01'], gate}}});
  const byId = (run: ReturnType<typeof runPlan>, id: string) => run.results.find((r) => r.participantId === id)!;

  it('pays a fraction of each downline level\'s personal value', () => {
    const run = runPlan(teamPlan(), '2026-03', makeFacts(people, {orders}));
    // A: level 1 (B, C) 25,000 x 3% + level 2 (D) 40,000 x 1% = 750 + 400
    expect(byId(run, 'a').teamBonus).toBe('1150.00');
    expect(sayEach(byId(run, 'a').breakdown, 'en')).toContain('Team bonus level 1 25,000.00 × 3% + level 2 40,000.00 × 1% = 1,150.00');
    expect(sayEach(byId(run, 'a').breakdown, 'zh')).toContain('团队奖 第 1 级 25,000.00 × 3% + 第 2 级 40,000.00 × 1% = 1,150.00');
    // B: D 40,000 x 3% + E 1,000 x 1%
    expect(byId(run, 'b').teamBonus).toBe('1210.00');
    expect(byId(run, 'e').teamBonus).toBe('0.00');
    expect(run.totals.teamBonus).toBe('2390.00'); // 1,150 + 1,210 + D: E 1,000 x 3% = 30
  });
  it('applies the gate to the leader', () => {
    const run = runPlan(teamPlan({minGrade: 'C'}), '2026-03', makeFacts(people, {orders}));
    expect(byId(run, 'a').teamBonus).toBe('0.00'); // 20 -> D
    expect(sayEach(byId(run, 'a').breakdown, 'en')).toContain('Team bonus: gate not met (grade D below C) = 0.00');
    expect(byId(run, 'b').teamBonus).toBe('0.00');
    expect(byId(run, 'd').teamBonus).toBe('30.00'); // 80 -> B
  });
  it('floors at 0 when the downline nets refunds', () => {
    const run = runPlan(teamPlan(), '2026-03', makeFacts([person('a', 'A'), person('b', 'B', {uplineId: 'a'})], {orders: [order('o1', 'b', -5000)]}));
    expect(byId(run, 'a').teamBonus).toBe('0.00');
    expect(sayEach(byId(run, 'a').breakdown, 'en')).toContain('Team bonus max(0, level 1 -5,000.00 × 3% + level 2 0.00 × 1%) = 0.00');
  });
  it('gives no team bonus to participants in a cycle, and still pays the others', () => {
    const looped = [person('x', 'X', {uplineId: 'y'}), person('y', 'Y', {uplineId: 'x'}), person('z', 'Z', {uplineId: 'x'}), ...people];
    const run = runPlan(teamPlan(), '2026-03', makeFacts(looped, {orders: [...orders, order('o9', 'y', 9000), order('o8', 'z', 8000)]}));
    expect(byId(run, 'x')).toMatchObject({teamBonus: '0.00', inCycle: true});
    expect(sayEach(byId(run, 'x').breakdown, 'en')).toContain('Team bonus: in an upline cycle, not computed = 0.00');
    expect(byId(run, 'z').inCycle).toBe(false);
    expect(byId(run, 'a').teamBonus).toBe('1150.00');
  });
});
