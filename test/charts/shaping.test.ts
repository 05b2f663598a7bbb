/**
 * The charts' data shaping (src/charts): examples worked by hand, invariants over random input,
 * and the invariants again on a real engine run of the demo base.
 *
 * @jest-environment jsdom
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type {GradeBand} from '../../src/plan';
import type {ParticipantResult} from '../../src/results';
import {
  gradeDistribution,
  INCENTIVE_COMPONENTS,
  leaderboard,
  PAY_COMPONENTS,
  payByTeam,
  payParts,
  personTrend,
  runGrades,
  scoreHistogram,
  sumDecimals,
  trendRow,
} from '../../src/charts';
import {demoRuns} from './demoRun';

jest.setTimeout(120_000);

const band = (grade: string, min: string, max?: string): GradeBand => ({grade, min, ...(max === undefined ? {} : {max}), coefficient: '1'});
/** The template's bands, highest first as the plan lists them. */
const TEMPLATE_GRADES = [band('S', '110'), band('A', '100', '110'), band('B', '85', '100'), band('C', '70', '85'), band('D', '0', '70')];

type PayFields = Pick<ParticipantResult, 'participantId' | 'name' | 'rank' | 'totalScore' | 'grade' | 'totalPay' | 'performancePay' | 'bonus' | 'teamBonus' | 'award'>;

function person(id: string, pay: Partial<Record<'base' | 'performancePay' | 'bonus' | 'teamBonus' | 'award', string>>, rest: Partial<PayFields> = {}): PayFields {
  const parts = {performancePay: pay.performancePay ?? '0.00', bonus: pay.bonus ?? '0.00', teamBonus: pay.teamBonus ?? '0.00', award: pay.award ?? '0.00'};
  const totalPay = sumDecimals([pay.base ?? '0.00', ...Object.values(parts)]);
  return {participantId: id, name: id, rank: 1, totalScore: '0', grade: null, totalPay, ...parts, ...rest};
}

describe('payParts', () => {
  it('gives the base salary as what the incentives leave of the total pay', () => {
    expect(payParts({totalPay: '8500.10', performancePay: '1500.00', bonus: '1000.05', teamBonus: '0.00', award: '0.05'})).toEqual({
      baseSalary: '6000.00',
      performancePay: '1500.00',
      bonus: '1000.05',
      teamBonus: '0.00',
      award: '0.05',
    });
  });
});

describe('gradeDistribution', () => {
  it('counts per grade in the plan order, grades nobody got included, and the ungraded apart', () => {
    const results = [{grade: 'B'}, {grade: 'S'}, {grade: 'B'}, {grade: null}, {grade: 'X'}];
    expect(gradeDistribution(results, TEMPLATE_GRADES)).toEqual({
      grades: [
        {grade: 'S', count: 1},
        {grade: 'A', count: 0},
        {grade: 'B', count: 2},
        {grade: 'C', count: 0},
        {grade: 'D', count: 0},
      ],
      ungraded: 2,
      participants: 5,
    });
  });

  it('accounts for every participant once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('S', 'A', 'B', 'C', 'D', 'E'), {nil: null}), {maxLength: 200}), (grades) => {
        const distribution = gradeDistribution(grades.map((grade) => ({grade})), TEMPLATE_GRADES);
        const counted = distribution.grades.reduce((sum, g) => sum + g.count, 0) + distribution.ungraded;
        expect(counted).toBe(grades.length);
        expect(distribution.grades.map((g) => g.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
        for (const g of distribution.grades) expect(g.count).toBe(grades.filter((x) => x === g.grade).length);
      }),
    );
  });
});

describe('scoreHistogram', () => {
  it('picks bins of 5 so that the template bands (70, 85, 100, 110) are edges', () => {
    const histogram = scoreHistogram(['16.22', '69.99', '70', '84.5', '85', '99.99', '100', '109.99', '110', '128'], TEMPLATE_GRADES);
    expect(histogram.step).toBe('5');
    expect(histogram.bins[0]).toEqual({from: '15', to: '20', count: 1, grade: 'D'});
    expect(histogram.bins[histogram.bins.length - 1]).toEqual({from: '125', to: '130', count: 1, grade: 'S'});
    expect(histogram.bins).toHaveLength(23);
    const at = (from: string) => histogram.bins.find((bin) => bin.from === from)!;
    expect([at('65'), at('70'), at('80'), at('85'), at('95'), at('100'), at('105'), at('110')]).toEqual([
      {from: '65', to: '70', count: 1, grade: 'D'},
      {from: '70', to: '75', count: 1, grade: 'C'},
      {from: '80', to: '85', count: 1, grade: 'C'},
      {from: '85', to: '90', count: 1, grade: 'B'},
      {from: '95', to: '100', count: 1, grade: 'B'},
      {from: '100', to: '105', count: 1, grade: 'A'},
      {from: '105', to: '110', count: 1, grade: 'A'},
      {from: '110', to: '115', count: 1, grade: 'S'},
    ]);
  });

  it('adds off-step band boundaries as edges when no nice width falls on them', () => {
    const grades = [band('A', '72.3'), band('B', '0', '72.3')];
    const histogram = scoreHistogram(['60', '72.29', '72.3', '79'], grades, {maxBins: 4});
    expect(histogram.step).toBeNull();
    expect(histogram.bins).toEqual([
      {from: '60', to: '65', count: 1, grade: 'B'},
      {from: '65', to: '70', count: 0, grade: 'B'},
      {from: '70', to: '72.3', count: 1, grade: 'B'},
      {from: '72.3', to: '75', count: 1, grade: 'A'},
      {from: '75', to: '80', count: 1, grade: 'A'},
    ]);
  });

  it('gives no bins without scores and one bin when all scores are equal', () => {
    expect(scoreHistogram([], TEMPLATE_GRADES)).toEqual({bins: [], step: null});
    expect(scoreHistogram(['0.00', '0.00'], TEMPLATE_GRADES).bins).toEqual([{from: '0', to: '0.01', count: 2, grade: 'D'}]);
  });

  it('puts every score in the one bin that holds it, each bin inside one band (property)', () => {
    const score = fc.integer({min: -2000, max: 20000}).map((cents) => new Decimal(cents).div(100).toFixed(2));
    fc.assert(
      fc.property(fc.array(score, {minLength: 1, maxLength: 300}), fc.integer({min: 1, max: 40}), (scores, maxBins) => {
        const {bins, step} = scoreHistogram(scores, TEMPLATE_GRADES, {maxBins});
        expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(scores.length);
        if (step !== null) expect(bins.length).toBeLessThanOrEqual(maxBins);
        for (let i = 0; i < bins.length; i++) {
          const from = new Decimal(bins[i].from);
          const to = new Decimal(bins[i].to);
          expect(from.lessThan(to)).toBe(true);
          if (i > 0) expect(bins[i].from).toBe(bins[i - 1].to);
          expect(bins[i].count).toBe(scores.filter((s) => from.lessThanOrEqualTo(s) && to.greaterThan(s)).length);
          // Inside one band: no boundary strictly inside the bin.
          for (const b of [0, 70, 85, 100, 110]) expect(from.lessThan(b) && to.greaterThan(b)).toBe(false);
          const grade = from.greaterThanOrEqualTo(110) ? 'S' : from.greaterThanOrEqualTo(100) ? 'A' : from.greaterThanOrEqualTo(85) ? 'B' : from.greaterThanOrEqualTo(70) ? 'C' : from.greaterThanOrEqualTo(0) ? 'D' : null;
          expect(bins[i].grade).toBe(grade);
        }
      }),
    );
  });
});

describe('payByTeam', () => {
  it('sums each team per component, named teams by total pay, then other teams, then no team', () => {
    const results = [
      person('r1', {base: '5000.00', performancePay: '1000.00', bonus: '200.50'}),
      person('r2', {base: '5000.00', teamBonus: '300.25', award: '99.99'}),
      person('r3', {base: '4000.00', bonus: '0.01'}),
      person('r4', {base: '1.00'}),
      person('r5', {base: '2.00'}),
      person('r6', {base: '3000.00', award: '0.01'}),
    ];
    const teams = new Map([['r1', '华东一队'], ['r2', '华东一队'], ['r3', '华南队'], ['r4', 'Z'], ['r5', 'Y'], ['r6', '  ']]);
    const {rows, total} = payByTeam(results, teams, {maxTeams: 2});
    expect(rows).toEqual([
      {kind: 'team', team: '华东一队', teams: 1, participants: 2, totalPay: '11600.74', parts: {baseSalary: '10000.00', performancePay: '1000.00', bonus: '200.50', teamBonus: '300.25', award: '99.99'}},
      {kind: 'team', team: '华南队', teams: 1, participants: 1, totalPay: '4000.01', parts: {baseSalary: '4000.00', performancePay: '0.00', bonus: '0.01', teamBonus: '0.00', award: '0.00'}},
      {kind: 'otherTeams', team: null, teams: 2, participants: 2, totalPay: '3.00', parts: {baseSalary: '3.00', performancePay: '0.00', bonus: '0.00', teamBonus: '0.00', award: '0.00'}},
      {kind: 'noTeam', team: null, teams: 0, participants: 1, totalPay: '3000.01', parts: {baseSalary: '3000.00', performancePay: '0.00', bonus: '0.00', teamBonus: '0.00', award: '0.01'}},
    ]);
    expect(total.totalPay).toBe('18603.76');
  });

  it('keeps a single left-over team under its own name rather than as "other teams"', () => {
    const results = [person('r1', {base: '2.00'}), person('r2', {base: '1.00'})];
    expect(payByTeam(results, (id) => (id === 'r1' ? 'A' : 'B'), {maxTeams: 1}).rows.map((row) => [row.kind, row.team])).toEqual([
      ['team', 'A'],
      ['team', 'B'],
    ]);
  });

  it('adds up exactly: per team the parts make the total, and the teams make the whole (property)', () => {
    const cents = fc.integer({min: -100_000, max: 10_000_000}).map((c) => new Decimal(c).div(100).toFixed(2));
    const row = fc.record({base: cents, performancePay: cents, bonus: cents, teamBonus: cents, award: cents, team: fc.option(fc.constantFrom('A', 'B', 'C', 'D', '华北队'), {nil: null})});
    fc.assert(
      fc.property(fc.array(row, {maxLength: 60}), fc.integer({min: 0, max: 6}), (people, maxTeams) => {
        const results = people.map((p, i) => person(`r${i}`, p));
        const teams = new Map(people.map((p, i) => [`r${i}`, p.team]));
        const {rows, total} = payByTeam(results, teams, {maxTeams});
        for (const r of rows) expect(sumDecimals(PAY_COMPONENTS.map((c) => r.parts[c]))).toBe(new Decimal(r.totalPay).toFixed(2));
        for (const c of PAY_COMPONENTS) {
          expect(new Decimal(sumDecimals(rows.map((r) => r.parts[c]))).equals(total.parts[c])).toBe(true);
        }
        expect(new Decimal(sumDecimals(results.map((r) => r.totalPay))).equals(total.totalPay)).toBe(true);
        expect(rows.reduce((sum, r) => sum + r.participants, 0)).toBe(people.length);
        expect(rows.filter((r) => r.kind === 'team').length).toBeLessThanOrEqual(maxTeams + 1);
      }),
    );
  });
});

describe('leaderboard', () => {
  const results = [
    person('a', {}, {name: '甲', rank: 1, totalScore: '120.00', grade: 'S'}),
    person('b', {}, {name: '乙', rank: 2, totalScore: '110.00', grade: 'S'}),
    person('c', {}, {name: '丙', rank: 2, totalScore: '110.00', grade: 'S'}),
    person('d', {}, {name: '丁', rank: 2, totalScore: '110.00', grade: 'S'}),
    person('e', {}, {name: '戊', rank: 5, totalScore: '90.00', grade: 'B'}),
  ];

  it('takes the first places in ranking order, says how many more share the last rank shown', () => {
    const board = leaderboard([results[4], ...results.slice(0, 4)], 3);
    expect(board.entries.map((e) => [e.rank, e.name])).toEqual([
      [1, '甲'],
      [2, '乙'],
      [2, '丙'],
    ]);
    expect(board.tiedBeyond).toBe(1);
    expect(leaderboard(results, 4).tiedBeyond).toBe(0);
    expect(leaderboard(results, 10).entries).toHaveLength(5);
  });
});

describe('personTrend', () => {
  it('turns rows into series; the parts add up to each period total, the remainder as "other"', () => {
    const trend = personTrend([
      {periodId: '2026-01', periodLabel: '1月', totalScore: '92.50', grade: 'B', totalPay: '9000.00', components: {baseSalary: '6000.00', bonus: '3000.00'}},
      {periodId: '2026-02', periodLabel: '', totalScore: '104.00', grade: 'A', totalPay: '9800.00', components: {baseSalary: '6000.00', bonus: '3500.00', award: '0.00'}},
    ]);
    expect(trend).toEqual({
      periodIds: ['2026-01', '2026-02'],
      labels: ['1月', '2026-02'],
      totalScore: ['92.50', '104.00'],
      grade: ['B', 'A'],
      totalPay: ['9000.00', '9800.00'],
      parts: [
        {part: 'baseSalary', values: ['6000.00', '6000.00']},
        {part: 'bonus', values: ['3000.00', '3500.00']},
        {part: 'other', values: ['0.00', '300.00']},
      ],
    });
  });

  it('takes a results-table row: adjustments named, the base salary left to "other"', () => {
    const trend = personTrend([
      {periodId: '2026-02', periodLabel: '2月', totalScore: '104.00', grade: 'A', totalPay: '9300.00', components: {performancePay: '1800.00', bonus: '1700.00', teamBonus: '0.00', award: '0.00', adjustments: '-200.00'}},
    ]);
    expect(trend.parts).toEqual([
      {part: 'performancePay', values: ['1800.00']},
      {part: 'bonus', values: ['1700.00']},
      {part: 'adjustments', values: ['-200.00']},
      {part: 'other', values: ['6000.00']},
    ]);
  });

  it('adds up exactly in every period (property)', () => {
    const cents = fc.integer({min: -100_000, max: 10_000_000}).map((c) => new Decimal(c).div(100).toFixed(2));
    const row = fc.record({total: cents, base: fc.option(cents, {nil: undefined}), bonus: fc.option(cents, {nil: undefined}), award: fc.option(cents, {nil: undefined})});
    fc.assert(
      fc.property(fc.array(row, {maxLength: 24}), (rows) => {
        const trend = personTrend(
          rows.map((r, i) => ({
            periodId: `p${i}`,
            periodLabel: `P${i}`,
            totalScore: '0',
            grade: null,
            totalPay: r.total,
            components: {...(r.base === undefined ? {} : {baseSalary: r.base}), ...(r.bonus === undefined ? {} : {bonus: r.bonus}), ...(r.award === undefined ? {} : {award: r.award})},
          })),
        );
        rows.forEach((r, i) => expect(sumDecimals(trend.parts.map((p) => p.values[i]))).toBe(trend.parts.length ? r.total : '0'));
      }),
    );
  });
});

describe('on a run of the template plan on the demo base', () => {
  it('counts every participant once, bins every score, and sums each team exactly to the run totals', async () => {
    const {plan, runs, teams} = await demoRuns();
    const run = runs[0];
    expect(run.results.length).toBeGreaterThan(20);
    const grades = runGrades(plan, run);
    expect(grades.map((g) => g.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);

    const distribution = gradeDistribution(run.results, grades);
    expect(distribution.grades.reduce((sum, g) => sum + g.count, 0) + distribution.ungraded).toBe(run.results.length);
    expect(distribution.grades.find((g) => g.grade === 'S')!.count).toBe(run.results.filter((r) => r.grade === 'S').length);

    const histogram = scoreHistogram(run.results.map((r) => r.totalScore), grades);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(run.results.length);
    // Each bin's grade is the grade the engine gave the participants in it.
    for (const r of run.results) {
      const bin = histogram.bins.find((b) => new Decimal(b.from).lessThanOrEqualTo(r.totalScore) && new Decimal(b.to).greaterThan(r.totalScore))!;
      expect(bin.grade).toBe(r.grade);
    }

    const {rows, total} = payByTeam(run.results, teams);
    expect(rows.map((r) => r.team).sort()).toEqual(['华东一队', '华东二队', '华北队', '华南队']);
    for (const c of INCENTIVE_COMPONENTS) {
      expect(sumDecimals(rows.map((r) => r.parts[c]))).toBe(run.totals[c]);
      expect(total.parts[c]).toBe(run.totals[c]);
    }
    expect(sumDecimals(rows.map((r) => r.totalPay))).toBe(run.totals.totalPay);
    for (const r of rows) expect(sumDecimals(PAY_COMPONENTS.map((c) => r.parts[c]))).toBe(r.totalPay);

    const board = leaderboard(run.results, 10);
    expect(board.entries.map((e) => e.participantId)).toEqual(run.results.slice(0, 10).map((r) => r.participantId));
  });

  it("follows a person's results across three periods, each period's parts adding up to its total pay", async () => {
    const periods = ['2026-01', '2026-02', '2026-03'];
    const {runs} = await demoRuns(periods);
    const id = runs[2].results[0].participantId;
    const rows = runs.map((run, i) => trendRow(periods[i], periods[i], run.results.find((r) => r.participantId === id)!));
    const trend = personTrend(rows);
    expect(trend.totalPay).toEqual(rows.map((r) => r.totalPay));
    expect(trend.parts.map((p) => p.part)).not.toContain('other');
    expect(trend.parts.map((p) => p.part)[0]).toBe('baseSalary');
    periods.forEach((_, i) => expect(sumDecimals(trend.parts.map((p) => p.values[i]))).toBe(trend.totalPay[i]));
  });
});
