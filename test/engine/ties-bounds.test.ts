/**
 * Targets that cannot be used, exact ties, honours that need something achieved, an empty period,
 * and the bound on cell numbers inside which every sum is exact (docs/plan.md §3, §6, §8, §10).
 */
import fc from 'fast-check';
import {runPlan} from '../../src/engine';
import {BEYOND_BOUND, CELL_PLACES, D, readCell, withinBound} from '../../src/engine/money';
import {competitionRanks} from '../../src/engine/rank';
import {awardHonours, type HonourCandidate} from '../../src/engine/honours';
import {feedbackFor, sharedFeedback} from '../../src/engine/feedback';
import type {Honour, Metric} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {F, makeFacts, makePlan, order, person, salesMetric, satisfactionMetric} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

const resultOf = (run: RunResult, id: string) => run.results.find((r) => r.participantId === id)!;
const only = (run: RunResult, code: string) => {
  const found = run.issues.filter((i) => i.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};
const salesOnly = (over: Partial<Metric> = {}) => makePlan({metrics: [salesMetric({weight: '100', ...over})]});

describe('targets that cannot be used', () => {
  const perPerson = salesOnly({target: {kind: 'participantField', field: F.personalTarget}});

  it('a negative per-person target is a data issue: not scored, reported with the person and the field', () => {
    // Before: -5,000 / -10,000 = 50% of target, a positive attainment out of net refunds.
    const facts = makeFacts(
      [person('r1', '王芳', {fields: {[F.personalTarget.id]: -10000}}), person('r2', '李雷', {fields: {[F.personalTarget.id]: '-1,000'}})],
      {orders: [order('o1', 'r1', -5000), order('o2', 'r2', 8000)]},
    );
    const run = runPlan(perPerson, '2026-03', facts);
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '0.00'});
    expect(resultOf(run, 'r1').metrics[0]).toMatchObject({target: null, attainment: null, score: '0.00'});
    expect(resultOf(run, 'r2')).toMatchObject({totalScore: '0.00'});
    const issues = run.issues.filter((i) => i.code === 'engine.target.fieldNegative');
    expect(issues.map((i) => [i.recordIds, i.fieldId])).toEqual([
      [['r1'], F.personalTarget.id],
      [['r2'], F.personalTarget.id],
    ]);
    expect(issues[0].message.zh).toBe('王芳 的字段“个人目标”中的目标值 -10000 为负数，指标“销售额”不计分，得分记为 0');
    expect(issues[0].message.en).toBe('The target -10000 in field "个人目标" of 王芳 is negative; "Sales" is not scored, the score is 0');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales -5,000.00: no target = 0.00% × weight 100% = 0.00');
  });

  it('a per-person target of 0 follows the zero rule, as a fixed or per-tier 0 does (score 0, warned)', () => {
    const facts = (target: number | null) => makeFacts([person('r1', '王芳', {fields: {[F.personalTarget.id]: target}})], {orders: [order('o1', 'r1', 5000)]});
    const zeroRuns = [
      runPlan(perPerson, '2026-03', facts(0)),
      runPlan(salesOnly({target: {kind: 'fixed', value: '0'}}), '2026-03', facts(null)),
      runPlan(salesOnly({target: {kind: 'perTier', values: {资深: '0'}}}), '2026-03', facts(null)),
    ];
    for (const run of zeroRuns) {
      expect(only(run, 'engine.target.zero').message.en).toBe('The target of "Sales" for 王芳 is 0, so attainment cannot be computed; the score is 0');
      expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales 5,000.00: target is 0 = 0.00% × weight 100% = 0.00');
    }
  });

  it('a negative fixed or per-tier target (refused by the validator) is not used by the engine either', () => {
    const facts = makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', -5000)]});
    for (const target of [{kind: 'fixed', value: '-100'}, {kind: 'perTier', values: {资深: '-100'}}] as Metric['target'][]) {
      const run = runPlan(salesOnly({target}), '2026-03', facts);
      expect(resultOf(run, 'r1').totalScore).toBe('0.00');
      expect(only(run, 'engine.target.negative').message.zh).toBe('王芳 的指标“销售额”目标为负数（-100），不计分，得分记为 0');
    }
  });

  it('property: whatever the target cell holds, a negative value never scores above 0', () => {
    fc.assert(
      fc.property(fc.integer({min: -1e6, max: 1e6}), fc.integer({min: -1e6, max: 0}), (sales, target) => {
        const facts = makeFacts([person('r1', '王芳', {fields: {[F.personalTarget.id]: target}})], {orders: [order('o1', 'r1', sales)]});
        expect(resultOf(runPlan(perPerson, '2026-03', facts), 'r1').totalScore).toBe('0.00');
      }),
      {numRuns: 60},
    );
  });
});

describe('ranks compare exact decimals', () => {
  it('two different totals near 6e19 do not share rank 1', () => {
    const ranked = competitionRanks([
      {id: 'a', name: 'A', total: new D('60000000000000000000.01')},
      {id: 'b', name: 'B', total: new D('60000000000000000000.02')},
      {id: 'c', name: 'C', total: new D('60000000000000000000.01')},
    ]);
    expect(ranked.map(({item, rank}) => [item.id, rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ]);
  });

  it('property: a rank is 1 + the number of strictly greater totals; ties are listed by name', () => {
    // Totals as short (keyed) and long (decimal-compared) decimals, mixed.
    const total = fc.oneof(
      fc.integer({min: -20000, max: 20000}).map((n) => new D(n).dividedBy(100)),
      fc.tuple(fc.bigInt({min: -(10n ** 21n), max: 10n ** 21n}), fc.integer({min: 0, max: 6})).map(([n, places]) => new D(n.toString()).dividedBy(10 ** places)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(total, fc.constantFrom('甲', '乙', '丙')), {maxLength: 12}), (entries) => {
        const items = entries.map(([t, name], i) => ({id: `r${i}`, name, total: t}));
        const ranked = competitionRanks(items);
        for (const {item, rank} of ranked) expect(rank).toBe(1 + items.filter((o) => o.total.greaterThan(item.total)).length);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1].item, ranked[i].item];
          expect(a.total.greaterThanOrEqualTo(b.total)).toBe(true);
          if (a.total.equals(b.total)) expect(a.name <= b.name).toBe(true);
        }
      }),
      {numRuns: 200},
    );
  });
});

describe('honours need something achieved; ties share the title', () => {
  const champion: Honour = {id: 'top', title: {zh: '销售冠军', en: 'Sales champion'}, by: {metricId: 'sales'}, direction: 'highest', count: 1};
  const plan = makePlan({incentives: {honours: [champion]}});

  it('an empty month gives the sales champion to nobody (before: to everyone, all tied at 0)', () => {
    const people = Array.from({length: 60}, (_, i) => person(`r${i}`, `人${i}`));
    const run = runPlan(plan, '2026-03', makeFacts(people, {orders: [order('o1', 'r1', 5000, '2026-04-02')]}));
    expect(run.results.filter((r) => r.honours.length > 0)).toEqual([]);
  });

  it('a zero or negative value never earns a highest-first honour; a tie at the top shares it', () => {
    const people = [person('a', '安'), person('b', '白'), person('c', '陈'), person('d', '丁')];
    const net = runPlan(plan, '2026-03', makeFacts(people, {orders: [order('o1', 'a', 100), order('o2', 'a', -100), order('o3', 'b', -50)]}));
    expect(net.results.filter((r) => r.honours.length > 0)).toEqual([]);
    const tied = runPlan(plan, '2026-03', makeFacts(people, {orders: [order('o1', 'a', 700), order('o2', 'c', 700), order('o3', 'd', 699.99)]}));
    expect(tied.results.filter((r) => r.honours.length > 0).map((r) => r.participantId)).toEqual(['a', 'c']);
  });

  it('lowest first: a measured 0 wins, a value over no records is none; totals of 0 honour nobody', () => {
    const least = (value: string | null, sample: number): HonourCandidate['metric'] => () => ({value: value === null ? null : new D(value), sample});
    const candidates: HonourCandidate[] = [
      {index: 0, tier: null, total: new D(0), metric: least('0', 0)},
      {index: 1, tier: null, total: new D(0), metric: least('0', 20)},
      {index: 2, tier: null, total: new D(0), metric: least('2.5', 8)},
      {index: 3, tier: null, total: new D(0), metric: least(null, 0)},
    ];
    const fewest: Honour = {id: 'fewest', title: {zh: '零投诉', en: 'No complaints'}, by: {metricId: 'complaints'}, direction: 'lowest', count: 1};
    const byTotal: Honour = {id: 'best', title: {zh: '最佳', en: 'Best'}, by: 'totalScore', direction: 'highest', count: 1};
    expect([...awardHonours([fewest], candidates).keys()]).toEqual([1]);
    expect(awardHonours([byTotal], candidates).size).toBe(0);
  });

  it('values compare exactly: 6e19 + 1 beats 6e19', () => {
    const metric = (value: string): HonourCandidate['metric'] => () => ({value: new D(value), sample: 1});
    const candidates: HonourCandidate[] = [
      {index: 0, tier: null, total: new D(1), metric: metric('60000000000000000000')},
      {index: 1, tier: null, total: new D(1), metric: metric('60000000000000000001')},
    ];
    expect([...awardHonours([champion], candidates).keys()]).toEqual([1]);
  });

  it('property: the holders of a count-1 highest honour are exactly those with the largest positive value', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({min: -3, max: 3}), {nil: null}), {maxLength: 10}), (values) => {
        const candidates: HonourCandidate[] = values.map((v, index) => ({index, tier: null, total: new D(0), metric: () => ({value: v === null ? null : new D(v), sample: 1})}));
        const best = Math.max(0, ...values.filter((v): v is number => v !== null));
        const expected = values.flatMap((v, i) => (best > 0 && v === best ? [i] : []));
        expect([...awardHonours([champion], candidates).keys()].sort((a, b) => a - b)).toEqual(expected);
      }),
      {numRuns: 200},
    );
  });
});

describe('feedback orders exact scores', () => {
  it('keeps the plan order on equal scores and puts 99.99 below 100', () => {
    const metric = (id: string): Metric => salesMetric({id, label: {zh: id, en: id}, improvement: undefined});
    const row = (id: string, score: string) => ({metric: metric(id), score: new D(score), scoreText: score, weight: new D(10), noData: false});
    const feedback = feedbackFor([row('m1', '99.99'), row('m2', '100.00'), row('m3', '50.00'), row('m4', '99.99'), row('m5', '120.00')], {strengths: 2, weakest: 3});
    expect(feedback.strengths.map((f) => f.metricId)).toEqual(['m5', 'm2']);
    expect(feedback.weakest.map((f) => f.metricId)).toEqual(['m3', 'm1', 'm4']);
  });

  it('shared across a run: equal feedback is one object, equal to the unshared one; any other score is its own', () => {
    const m1 = salesMetric({id: 'm1', label: {zh: '一', en: 'one'}, improvement: {zh: '多拜访', en: 'Visit more'}});
    const m2 = salesMetric({id: 'm2', label: {zh: '二', en: 'two'}});
    const row = (metric: Metric, score: string, noData = false) => ({metric, score: new D(score), scoreText: score, weight: new D(10), noData});
    const rules = {strengths: 1, weakest: 1};
    const share = sharedFeedback();
    const first = feedbackFor([row(m1, '120.00'), row(m2, '80.00')], rules, share);
    expect(first).toEqual(feedbackFor([row(m1, '120.00'), row(m2, '80.00')], rules));
    expect(feedbackFor([row(m1, '120.00'), row(m2, '80.00')], rules, share)).toBe(first);
    const lower = feedbackFor([row(m1, '120.00'), row(m2, '79.99')], rules, share);
    expect(lower.weakest[0].score).toBe('79.99');
    // The strength is the same item; a score of 0 without data is not the item of a measured 0.
    expect(lower.strengths[0]).toBe(first.strengths[0]);
    const measured = feedbackFor([row(m1, '0.00')], {strengths: 0, weakest: 1}, share);
    const none = feedbackFor([row(m1, '0.00', true)], {strengths: 0, weakest: 1}, share);
    expect(none.weakest[0]).toEqual({metricId: 'm1', label: {zh: '一', en: 'one'}, score: '0.00', action: {zh: '多拜访', en: 'Visit more'}, noData: true});
    expect(measured.weakest[0].noData).toBeUndefined();
  });
});

describe('a period with no source record', () => {
  it('warns once, naming the period, and still computes', () => {
    const run = runPlan(makePlan(), '2026-03', makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 100, '2026-04-02')]}));
    expect(run.results).toHaveLength(1);
    const issue = only(run, 'engine.period.noRecords');
    expect(issue.severity).toBe('warning');
    expect(issue.message.en).toBe("No source record counts for period 2026-03: every metric drawn from a source is 0 or has no data. Check that the period's data is in the base before writing results");
    expect(issue.message.zh).toContain('考核周期 2026-03 没有任何数据源记录计入');
    const withOrder = runPlan(makePlan(), '2026-03', makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 100)]}));
    expect(withOrder.issues.filter((i) => i.code === 'engine.period.noRecords')).toEqual([]);
  });
});

describe('the bound on cell numbers: |x| < 1e16, at most 18 decimal places', () => {
  it('reads numbers inside the bound and marks those beyond it', () => {
    expect(readCell(1e15)?.toString()).toBe('1000000000000000');
    expect(readCell('9999999999999999.999999999999999999')?.toString()).toBe('9999999999999999.999999999999999999');
    expect(readCell(1e16)).toBe(BEYOND_BOUND);
    expect(readCell(-2e20)).toBe(BEYOND_BOUND);
    expect(readCell('0.0000000000000000001')).toBe(BEYOND_BOUND);
    expect(readCell(1.5e-19)).toBe(BEYOND_BOUND);
  });

  it('reports a source cell beyond the bound with its record and field, and does not credit it', () => {
    const facts = makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 1000), order('o2', 'r1', 3e16), order('o3', 'r1', '1.0000000000000000001')]});
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect(resultOf(run, 'r1').metrics[0].value).toBe('1000.00');
    const issue = only(run, 'engine.value.beyondBound');
    expect(issue).toMatchObject({fieldId: F.amount.id, tableId: 'tblOrders', recordIds: ['o2', 'o3']});
    expect(issue.message.zh).toBe('数据源“订单”的字段“订单金额”中有 2 条记录的数值超出可精确计算的范围（绝对值须小于 10^16，小数不超过 18 位），已忽略该值：o2, o3');
    expect(issue.message.en).toBe('Field "订单金额" of source "Orders" holds a number beyond what is computed exactly (under 10^16 in size, at most 18 decimal places) in 2 records; the value is ignored: o2, o3');
  });

  it('treats a participant cell beyond the bound (field metric, target, base salary) as empty and names it', () => {
    const skill = satisfactionMetric({id: 'skill', source: {kind: 'participant', field: F.skill}, weight: '0'});
    const plan = makePlan({metrics: [salesMetric({weight: '100', target: {kind: 'participantField', field: F.personalTarget}}), skill]});
    const rep = person('r1', '王芳', {baseSalary: 1e17, fields: {[F.personalTarget.id]: 2e16, [F.skill.id]: 1e-30}});
    const run = runPlan(plan, '2026-03', makeFacts([rep], {orders: [order('o1', 'r1', 100)]}));
    const issues = run.issues.filter((i) => i.code === 'engine.participant.beyondBound');
    expect(issues.map((i) => i.message.en)).toEqual([
      'The number 1e-30 in field "销售技巧" of 王芳 is beyond what is computed exactly (under 10^16 in size, at most 18 decimal places); it is treated as empty',
      'The number 20000000000000000 in field "个人目标" of 王芳 is beyond what is computed exactly (under 10^16 in size, at most 18 decimal places); it is treated as empty',
      'The number 100000000000000000 in field "基本工资" of 王芳 is beyond what is computed exactly (under 10^16 in size, at most 18 decimal places); it is treated as empty',
    ].map((en) => en.replace('"基本工资"', '"base salary"')));
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '0.00', totalPay: '0.00'});
  });

  /** A number inside the bound: a double, or a decimal text of up to 18 places. */
  const cell = fc.oneof(
    fc.double({min: -9.99e15, max: 9.99e15, noNaN: true}).filter((x) => withinBound(new D(x))),
    fc
      .tuple(fc.bigInt({min: -(10n ** 34n) + 1n, max: 10n ** 34n - 1n}), fc.integer({min: 0, max: CELL_PLACES}))
      .map(([digits, places]) => new D(digits.toString()).dividedBy(new D(10).pow(places)))
      .filter((x) => withinBound(x))
      .map((x) => x.toFixed()),
  );

  /** Exact reference: a decimal as an integer count of 1e-18, in BigInt. */
  const atto = (x: number | string) => {
    const [whole, fraction = ''] = new D(x).abs().toFixed(CELL_PLACES).split('.');
    const n = BigInt(whole + fraction.padEnd(CELL_PLACES, '0'));
    return new D(x).isNegative() ? -n : n;
  };
  /** n / 10^shift rounded half away from zero. */
  const roundHalfUp = (n: bigint, shift: number) => {
    const unit = 10n ** BigInt(shift);
    const q = (n < 0n ? -n : n) / unit;
    const r = (n < 0n ? -n : n) % unit;
    const rounded = 2n * r >= unit ? q + 1n : q;
    return n < 0n ? -rounded : rounded;
  };
  const hundredths = (n: bigint) => {
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(3, '0');
    return `${negative && n !== 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  };

  it('property: within the bound a sum, and the bonus paid on it, are exact (checked in BigInt)', () => {
    const rate = fc.integer({min: 1, max: 99999}).map((n) => new D(n).dividedBy(1e6).toFixed());
    fc.assert(
      fc.property(fc.array(cell, {minLength: 1, maxLength: 40}), rate, (amounts, r) => {
        // No target and no gate: one tier from 0% pays the rate on the whole value.
        const p = salesOnly({target: {kind: 'none'}, scoring: {kind: 'scale', min: '0', max: '1'}});
        p.versions[0].incentives.bonuses = [{id: 'b', label: {zh: '奖金', en: 'Bonus'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: r}]}];
        const run = runPlan(p, '2026-03', makeFacts([person('r1', '王芳')], {orders: amounts.map((a, i) => order(`o${i}`, 'r1', a))}));
        expect(run.issues.filter((i) => i.code.includes('beyondBound'))).toEqual([]);
        const exact = amounts.reduce((sum, a) => sum + atto(a), 0n);
        const value = roundHalfUp(exact, CELL_PLACES - 2);
        const result = resultOf(run, 'r1');
        expect(result.metrics[0].value).toBe(hundredths(value));
        // The bonus on the exact value (never the rounded one): 10^-18 units x rate (in millionths), rounded once to cents.
        const expectedBonus = exact > 0n ? roundHalfUp(exact * BigInt(new D(r).times(1e6).toFixed()), CELL_PLACES + 6 - 2) : 0n;
        expect(result.bonus).toBe(hundredths(expectedBonus));
      }),
      {numRuns: 150},
    );
  });

  it('200,000 records at the edge of the bound add up exactly', () => {
    const edge = '9999999999999999.999999999999999999';
    const orders = Array.from({length: 200_000}, (_, i) => order(`o${i}`, 'r1', i % 2 === 0 ? edge : '-0.000000000000000001'));
    const run = runPlan(salesOnly(), '2026-03', makeFacts([person('r1', '王芳')], {orders}));
    // 100,000 x edge - 100,000 x 1e-18 = 999,999,999,999,999,999,999.9999999999999 -> 1,000,000,000,000,000,000,000.00
    const exact = atto(edge) * 100_000n - 100_000n;
    expect(resultOf(run, 'r1').metrics[0].value).toBe(hundredths(roundHalfUp(exact, CELL_PLACES - 2)));
    expect(resultOf(run, 'r1').metrics[0].value).toBe('1000000000000000000000.00');
  });
});
