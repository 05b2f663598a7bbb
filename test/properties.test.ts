/**
 * Invariants of the engine over random small companies: exact sums, monotonicity, order
 * independence and self-explaining breakdowns. Runs are kept modest so the suite stays fast.
 */
import fc from 'fast-check';
import {runPlan} from '../src/engine';
import {D} from '../src/engine/money';
import {largestRemainder} from '../src/engine/split';
import type {Facts, ParticipantFact, SourceRecordFact} from '../src/facts';
import type {PlanDocument, RoundingMode} from '../src/plan';
import type {RunResult} from '../src/results';
import {checkBreakdown} from './support/breakdown';
import {customer, makePlan, order, person, review} from './support/planFixtures';

const RUNS = {numRuns: 100};

function fullPlan(rounding: RoundingMode = 'halfUp', split: 'equal' | 'proRata' = 'proRata'): PlanDocument {
  return makePlan({
    currency: {rounding},
    incentives: {
      performancePay: {enabled: true},
      bonuses: [
        {id: 'b', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: '0.02'}, {fromAttainment: '100', rate: '0.035'}, {fromAttainment: '120', rate: '0.05'}], cap: '3000', fixedOnTarget: '200', gate: {minScore: '30'}},
        {id: 'w', label: {zh: '冲刺奖', en: 'Sprint bonus'}, metricId: 'sales', tierMode: 'whole', tiers: [{fromAttainment: '80', rate: '0.01'}, {fromAttainment: '110', rate: '0.015'}]},
      ],
      teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.01']},
      championAward: {enabled: true, metricId: 'sales', pool: '1000.01', leaderShare: '0.3', split},
      honours: [{id: 'top', title: {zh: '销售冠军', en: 'Top sales'}, by: {metricId: 'sales'}, direction: 'highest', count: 1}],
    },
  });
}

const TEAMS = ['华东', '华南', null];
const TIERS = ['资深', '新人', '其他'];
const DATES = ['2026-03-01', '2026-03-15', '2026-03-31', '2026-04-02', null];

/** A small company: people with uplines among themselves (cycles possible), orders incl. refunds, reviews, customers. */
const company = fc
  .integer({min: 1, max: 7})
  .chain((n) =>
    fc.record({
      people: fc.tuple(
        ...Array.from({length: n}, (_, i) =>
          fc.record({upline: fc.option(fc.integer({min: 0, max: n - 1}), {nil: null}), team: fc.constantFrom(...TEAMS), tier: fc.constantFrom(...TIERS), base: fc.integer({min: 0, max: 500000}).map((c) => c / 100)}).map(
            (p): ParticipantFact => person(`rec${i}`, `人${i % 3}`, {uplineId: p.upline === null ? null : `rec${p.upline}`, team: p.team, tier: p.tier, performancePayBase: p.base}),
          ),
        ),
      ),
      orders: fc.array(fc.record({who: fc.integer({min: 0, max: n}), cents: fc.integer({min: -500000, max: 9000000}), date: fc.constantFrom(...DATES)}), {maxLength: 25}),
      reviews: fc.array(fc.record({who: fc.integer({min: 0, max: n - 1}), rating: fc.option(fc.integer({min: 1, max: 5}), {nil: null})}), {maxLength: 8}),
      customers: fc.array(fc.integer({min: 0, max: n - 1}), {maxLength: 8}),
    }),
  )
  .map(
    ({people, orders, reviews, customers}): Facts => ({
      participants: people,
      sources: {
        // who = n is an orphan (no such participant)
        orders: orders.map((o, i) => order(`o${i}`, `rec${o.who}`, o.cents / 100, o.date)),
        reviews: reviews.map((r, i) => review(`v${i}`, `rec${r.who}`, r.rating)),
        customers: customers.map((c, i) => customer(`c${i}`, `rec${c}`)),
      },
    }),
  );

const sum = (values: string[]) => values.reduce((a, v) => a.plus(v), new D(0));

/** A fraction of BigInts, for an oracle that shares no arithmetic with the engine. */
type Q = [bigint, bigint];
const q = (n: bigint, d = 1n): Q => (d < 0n ? [-n, -d] : [n, d]);
const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
const less = (a: Q, b: Q) => a[0] * b[1] < b[0] * a[1];
const clampQ = (x: Q, lo: Q, hi: Q): Q => (less(x, lo) ? lo : less(hi, x) ? hi : x);
/** A fraction of at least 0, rounded half up to 2 places, as text. */
function fixed2(x: Q): string {
  const hundredths = (x[0] * 200n + x[1]) / (2n * x[1]);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/**
 * fullPlan's total score for one participant (sales 60% attainment capped at 120 against the
 * tier's target, satisfaction 30% on a 1-5 scale, new customers 10% against 5 capped at 100),
 * recomputed from the facts in fractions: nothing rounded until the total.
 */
function exactTotal(facts: Facts, id: string): string {
  const p = facts.participants.find((x) => x.id === id)!;
  const mine = (r: SourceRecordFact) => r.participantIds[0] === id && (r.date ?? '').startsWith('2026-03');
  let sales = q(0n);
  for (const o of facts.sources.orders.filter(mine)) sales = add(sales, q(BigInt(Math.round(Number(o.values.fldOrdersAmount) * 100)), 100n));
  const ratings = facts.sources.reviews.filter(mine).map((r) => r.values.fldReviewsRating).filter((v): v is number => typeof v === 'number');
  const customers = facts.sources.customers.filter(mine).length;
  const target = p.tier === '资深' ? 50000n : p.tier === '新人' ? 30000n : null;
  const salesScore = target === null ? q(0n) : clampQ(div(mul(sales, q(100n)), q(target)), q(0n), q(120n));
  const average = ratings.length === 0 ? null : q(BigInt(ratings.reduce((a, b) => a + b, 0)), BigInt(ratings.length));
  const satisfactionScore = average === null ? q(0n) : clampQ(mul(add(average, q(-1n)), q(25n)), q(0n), q(100n));
  const customerScore = clampQ(q(BigInt(customers) * 20n), q(0n), q(100n));
  const total = add(add(mul(salesScore, q(6n, 10n)), mul(satisfactionScore, q(3n, 10n))), mul(customerScore, q(1n, 10n)));
  return fixed2(total);
}

/** Issues compared as sets: their record lists follow the order records came in. */
const issueSet = (run: RunResult) => run.issues.map((i) => `${i.code}:${[...(i.recordIds ?? [])].sort().join(',')}`).sort();

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('engine properties', () => {
  it('rounded once (the default): the total is the exact weighted sum, computed in fractions, rounded once', () => {
    fc.assert(
      fc.property(company, (facts) => {
        const run = runPlan(fullPlan(), '2026-03', facts);
        for (const r of run.results) expect(r.totalScore).toBe(exactTotal(facts, r.participantId));
      }),
      RUNS,
    );
  });

  it('each line rounded: the weighted scores shown add up to the total', () => {
    fc.assert(
      fc.property(company, fc.integer({min: 0, max: 4}), (facts, places) => {
        const run = runPlan({...fullPlan(), scoreRounding: {mode: 'eachWeighted', places}}, '2026-03', facts);
        for (const r of run.results) {
          expect(sum(r.metrics.map((m) => m.weighted)).toFixed(places)).toBe(r.totalScore);
          expect(r.totalScore).toMatch(places === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${places}}$`));
        }
      }),
      RUNS,
    );
  });

  it('totals are the sums of the parts', () => {
    fc.assert(
      fc.property(company, (facts) => {
        const run = runPlan(fullPlan(), '2026-03', facts);
        for (const r of run.results) {
          expect(sum(r.bonuses.map((b) => b.amount)).toFixed(2)).toBe(r.bonus);
          expect(sum([r.performancePay, r.bonus, r.teamBonus, r.award, '3000']).toFixed(2)).toBe(r.totalPay);
        }
        expect(sum(run.results.map((r) => r.totalPay)).toFixed(2)).toBe(run.totals.totalPay);
        // The award is the whole pool or nothing, never a cent more or less.
        expect(['0.00', '1000.01']).toContain(sum(run.results.map((r) => r.award)).toFixed(2));
      }),
      RUNS,
    );
  });

  it('pool splits add up to the pool exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 10_000_000}),
        fc.array(fc.integer({min: -100, max: 10_000}), {minLength: 1, maxLength: 12}),
        fc.integer({min: 0, max: 3}),
        (units, weights, precision) => {
          const total = new D(units).dividedBy(new D(10).pow(precision));
          const parts = largestRemainder(total, weights.map((w) => new D(w)), precision);
          expect(parts.reduce((a, p) => a.plus(p), new D(0)).equals(total)).toBe(true);
          expect(parts.every((p) => p.greaterThanOrEqualTo(0) && p.decimalPlaces() <= precision)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('more credited sales never lowers a participant\'s score or pay', () => {
    fc.assert(
      fc.property(company, fc.nat(), fc.integer({min: 1, max: 5_000_000}), fc.constantFrom('equal' as const, 'proRata' as const), (facts, pick, cents, split) => {
        const plan = fullPlan('halfUp', split);
        const who = facts.participants[pick % facts.participants.length].id;
        const before = runPlan(plan, '2026-03', facts).results.find((r) => r.participantId === who)!;
        const more: Facts = {...facts, sources: {...facts.sources, orders: [...facts.sources.orders, order('extra', who, cents / 100)]}};
        const after = runPlan(plan, '2026-03', more).results.find((r) => r.participantId === who)!;
        expect(new D(after.totalScore).greaterThanOrEqualTo(before.totalScore)).toBe(true);
        expect(new D(after.metrics[0].score).greaterThanOrEqualTo(before.metrics[0].score)).toBe(true);
        for (const key of ['performancePay', 'bonus', 'award', 'totalPay'] as const) {
          expect([key, new D(after[key]).greaterThanOrEqualTo(before[key])]).toEqual([key, true]);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of records or participants', () => {
    fc.assert(
      fc.property(company, fc.integer({min: 1, max: 1_000_000}), (facts, seed) => {
        const plan = fullPlan();
        const reordered: Facts = {
          participants: shuffled(facts.participants, seed),
          sources: Object.fromEntries(Object.entries(facts.sources).map(([id, list]) => [id, shuffled(list as SourceRecordFact[], seed + 1)])),
        };
        const a = runPlan(plan, '2026-03', facts);
        const b = runPlan(plan, '2026-03', reordered);
        expect(b.results).toEqual(a.results);
        expect(b.totals).toEqual(a.totals);
        expect(b.stats).toEqual(a.stats);
        expect(issueSet(b)).toEqual(issueSet(a));
      }),
      RUNS,
    );
  });

  it('breakdown lines recompute to the written values, in every rounding mode', () => {
    fc.assert(
      fc.property(company, fc.constantFrom<RoundingMode>('halfUp', 'halfEven', 'down'), (facts, rounding) => {
        const plan = fullPlan(rounding);
        for (const r of runPlan(plan, '2026-03', facts).results) expect(checkBreakdown(r, plan.currency)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never throws on messy cells: any value in any field, any date text, any link', () => {
    const cell = fc.oneof(fc.double(), fc.string({maxLength: 6}), fc.boolean(), fc.constant(null), fc.array(fc.string({maxLength: 3}), {maxLength: 2}), fc.constantFrom('1,234.5', '-0', '1e400', 'NaN'));
    const messy = fc.record({
      people: fc.array(fc.record({upline: fc.option(fc.constantFrom('p0', 'p1', 'p2', 'gone'), {nil: null}), base: cell, tier: fc.option(fc.string({maxLength: 2}), {nil: null})}), {minLength: 1, maxLength: 4}),
      records: fc.array(fc.record({who: fc.array(fc.constantFrom('p0', 'p1', 'p2', 'x'), {maxLength: 2}), date: fc.option(fc.string({maxLength: 12}), {nil: null}), amount: cell, rating: cell}), {maxLength: 10}),
    });
    fc.assert(
      fc.property(messy, ({people, records}) => {
        const facts: Facts = {
          participants: people.map((p, i) => person(`p${i}`, `P${i}`, {uplineId: p.upline, baseSalary: p.base, performancePayBase: p.base, tier: p.tier})),
          sources: {
            orders: records.map((r, i) => ({id: `o${i}`, participantIds: r.who, date: r.date, values: {fldOrdersAmount: r.amount}})),
            reviews: records.map((r, i) => ({id: `v${i}`, participantIds: r.who, date: r.date, values: {fldReviewsRating: r.rating}})),
          },
        };
        const run = runPlan(fullPlan(), '2026-03', facts);
        expect(run.results).toHaveLength(people.length);
        for (const r of run.results) expect(r.totalPay).toMatch(/^-?\d+\.\d{2}$/);
      }),
      RUNS,
    );
  });
});
