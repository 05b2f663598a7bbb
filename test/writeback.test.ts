import Decimal from 'decimal.js';
import fc from 'fast-check';
import type {ParticipantResult, RunResult} from '../src/results';
import type {FieldSchema} from '../src/schema';
import {comparable, planWrites, pointsToFraction, resultCells, type WriteContext} from '../src/writeback';
import {FIELD_IDS} from '../sim/demoBase';
import {demoPlan} from './support/demoPlan';

const F = FIELD_IDS.reps;
const plan = demoPlan();

const field = (id: string, name: string, type: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({id, name, type, isComputed: false, ...extra});
const FIELDS: Record<string, FieldSchema> = {
  [F.totalScore]: field(F.totalScore, '总分', 'number'),
  [F.grade]: field(F.grade, '等级', 'singleSelect', {choices: ['S', 'A', 'B', 'C', 'D']}),
  [F.rank]: field(F.rank, '排名', 'number'),
  [F.performancePay]: field(F.performancePay, '绩效工资', 'currency'),
  [F.bonus]: field(F.bonus, '奖金', 'currency'),
  [F.teamBonus]: field(F.teamBonus, '团队奖', 'currency'),
  [F.award]: field(F.award, '冠军奖', 'currency'),
  [F.totalPay]: field(F.totalPay, '总收入', 'currency'),
  [F.honours]: field(F.honours, '荣誉', 'multilineText'),
  [F.breakdown]: field(F.breakdown, '绩效明细', 'multilineText'),
  [F.feedback]: field(F.feedback, '反馈', 'multilineText'),
  [F.calculatedAt]: field(F.calculatedAt, '计算时间', 'singleLineText'),
  // In the base but not a result field: must never be written.
  [F.joined]: field(F.joined, '入职日期', 'date'),
};
// The zone of the run's environment, pinned: the text of the calculation time depends on it.
const ctx = (overrides: Partial<WriteContext> = {}): WriteContext => ({
  lang: 'zh',
  calculatedAt: '2026-04-01T08:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  fields: FIELDS,
  ...overrides,
});

function participant(id: string, overrides: Partial<ParticipantResult> = {}): ParticipantResult {
  return {
    participantId: id,
    name: `rep ${id}`,
    metrics: [],
    totalScore: '92.55',
    grade: 'B',
    rank: 2,
    performancePay: '3000.00',
    bonus: '1240.50',
    bonuses: [],
    teamBonus: '0.00',
    award: '0.00',
    totalPay: '12240.50',
    honours: [{zh: '销售冠军', en: 'Sales champion'}],
    feedback: {
      strengths: [{metricId: 'sales', label: {zh: '销售额', en: 'Sales'}, score: '120.00'}],
      weakest: [{metricId: 'satisfaction', label: {zh: '客户满意度', en: 'Satisfaction'}, score: '50.00', action: {zh: '参加培训', en: 'Take the training'}}],
    },
    breakdown: [
      {key: 'engine.line.attainment', params: {metric: {zh: '销售额', en: 'Sales'}, value: '46,000.00', target: '50,000.00', attainment: '92.00', limit: '', weight: '60', weighted: '55.20'}},
      {key: 'engine.line.total', params: {terms: '55.20 + 37.35', total: '92.55'}},
    ],
    inCycle: false,
    ...overrides,
  };
}

function run(results: ParticipantResult[]): RunResult {
  const zero = '0.00';
  return {
    periodId: '2026-03',
    versionId: 'v1',
    results,
    issues: [],
    stats: {participants: results.length, recordsRead: 0, recordsCredited: 0, recordsOutsidePeriod: 0, recordsBeforeFirstPeriod: 0, recordsWithoutDate: 0, orphanRecords: 0, multiLinkedRecords: 0},
    totals: {performancePay: zero, bonus: zero, teamBonus: zero, award: zero, totalPay: zero},
  };
}

/** What the base holds after the updates are applied: the shape readFacts returns. */
function applied(updates: {id: string; fields: Record<string, unknown>}[], before = new Map<string, Record<string, unknown>>()) {
  const after = new Map([...before].map(([id, cells]) => [id, {...cells}]));
  for (const u of updates) after.set(u.id, {...after.get(u.id), ...u.fields});
  return after;
}

describe('resultCells', () => {
  it('formats each result for its field type, in the chosen language', () => {
    const cells = Object.fromEntries(resultCells(participant('rec1'), plan, {versionId: 'v1'}, ctx()).map((c) => [c.resultKey, c.value]));
    expect(cells).toEqual({
      totalScore: 92.55,
      grade: {name: 'B'},
      rank: 2,
      performancePay: 3000,
      bonus: 1240.5,
      teamBonus: 0,
      award: 0,
      totalPay: 12240.5,
      honours: '销售冠军',
      breakdown: '销售额 46,000.00 / 目标 50,000.00 = 92.00% × 权重 60% = 55.20\n总分 55.20 + 37.35 = 92.55',
      feedback: '优势：销售额（得分 120.00）\n待改进：客户满意度（得分 50.00）：参加培训',
      calculatedAt: '2026年4月1日 GMT+8 16:00（方案版本 2026 标准版）',
    });
    const en = Object.fromEntries(resultCells(participant('rec1'), plan, {versionId: 'v1'}, ctx({lang: 'en', versionLabel: 'launch'})).map((c) => [c.resultKey, c.value]));
    expect(en.breakdown).toBe('Sales 46,000.00 / target 50,000.00 = 92.00% × weight 60% = 55.20\nTotal score 55.20 + 37.35 = 92.55');
    expect(en.calculatedAt).toBe('Apr 1, 2026, 16:00 GMT+8 (plan version launch)');
  });

  it('writes the calculation time into a text field as local time with its zone, into a dateTime field as the ISO moment', () => {
    const inNewYork = resultCells(participant('rec1'), plan, {versionId: 'v1'}, ctx({lang: 'en', timeZone: 'America/New_York', calculatedAt: '2026-04-01T08:00:02.085Z'}));
    // Local time to the minute, no milliseconds, no ISO "T…Z".
    expect(inNewYork.find((c) => c.resultKey === 'calculatedAt')?.value).toBe('Apr 1, 2026, 04:00 EDT (plan version 2026 标准版)');
    const fields = {...FIELDS, [F.calculatedAt]: field(F.calculatedAt, '计算时间', 'dateTime')};
    const moment = resultCells(participant('rec1'), plan, {versionId: 'v1'}, ctx({fields, calculatedAt: '2026-04-01T08:00:02.085Z'}));
    // Airtable shows a dateTime cell in each reader's own zone: the moment itself is written.
    expect(moment.find((c) => c.resultKey === 'calculatedAt')).toMatchObject({value: '2026-04-01T08:00:02.085Z', shown: '2026-04-01T08:00:02.085Z'});
  });

  it('writes a score into a percent field as a fraction, and texts into a single line', () => {
    const fields = {
      ...FIELDS,
      [F.totalScore]: field(F.totalScore, '总分', 'percent'),
      [F.honours]: field(F.honours, '荣誉', 'singleLineText'),
    };
    const result = participant('rec1', {honours: [{zh: '销售冠军', en: 'Champion'}, {zh: '服务之星', en: 'Service star'}]});
    const cells = Object.fromEntries(resultCells(result, plan, {versionId: 'v1'}, ctx({fields})).map((c) => [c.resultKey, c.value]));
    expect(cells.totalScore).toBe(0.9255);
    expect(cells.honours).toBe('销售冠军；服务之星');
  });

  it('leaves out computed result fields and results a field type cannot hold', () => {
    const fields = {
      ...FIELDS,
      [F.totalPay]: field(F.totalPay, '总收入', 'formula', {isComputed: true}),
      [F.bonus]: field(F.bonus, '奖金', 'checkbox'),
    };
    const keys = resultCells(participant('rec1'), plan, {versionId: 'v1'}, ctx({fields})).map((c) => c.resultKey);
    expect(keys).not.toContain('totalPay');
    expect(keys).not.toContain('bonus');
    expect(keys).toContain('totalScore');
  });
});

describe('planWrites', () => {
  const results = [participant('rec1'), participant('rec2', {grade: 'A', totalScore: '101.00', rank: 1, honours: []})];

  it('writes every result cell the first time, and nothing on an unchanged rerun', () => {
    const first = planWrites(run(results), plan, new Map(), ctx());
    expect(first.updates).toHaveLength(2);
    expect(Object.keys(first.updates[0].fields).sort()).toEqual(Object.values(plan.mapping.results).map((r) => r!.id).sort());
    // An empty honours cell stays empty: nothing to write for rec2.
    expect(first.updates[1].fields[F.honours]).toBeUndefined();
    expect(first.unchanged).toBe(0);
    const second = planWrites(run(results), plan, applied(first.updates), ctx({calculatedAt: '2026-04-02T09:00:00.000Z'}));
    expect(second).toEqual({changes: [], updates: [], unchanged: 2, issues: []});
  });

  it('does not rewrite a calculation time that differs only in its format or zone', () => {
    const first = applied(planWrites(run(results), plan, new Map(), ctx()).updates);
    // The cell as an earlier version wrote it (ISO with milliseconds), or as a colleague elsewhere did.
    for (const old of ['2026-04-01T08:00:00.000Z（方案版本 2026 标准版）', 'Apr 1, 2026, 04:00 EDT (plan version 2026 标准版)']) {
      const current = new Map([...first].map(([id, cells]) => [id, {...cells, [F.calculatedAt]: old}]));
      for (const timeZone of ['Asia/Shanghai', 'Europe/Berlin']) {
        expect(planWrites(run(results), plan, current, ctx({timeZone, calculatedAt: '2026-04-02T09:00:00.000Z'})).updates).toEqual([]);
      }
    }
  });

  it('writes only the changed cells, with the calculation time, and lists old -> new', () => {
    const before = applied(planWrites(run(results), plan, new Map(), ctx()).updates);
    const changed = [participant('rec1', {bonus: '1300.00', totalPay: '12300.00'}), results[1]];
    const writes = planWrites(run(changed), plan, before, ctx({calculatedAt: '2026-04-02T09:00:00.000Z'}));
    expect(writes.updates).toEqual([
      {id: 'rec1', fields: {[F.bonus]: 1300, [F.totalPay]: 12300, [F.calculatedAt]: '2026年4月2日 GMT+8 17:00（方案版本 2026 标准版）'}},
    ]);
    expect(writes.changes.map((c) => [c.resultKey, c.old, c.new])).toEqual([
      ['bonus', 1240.5, 1300],
      ['totalPay', 12240.5, 12300],
      ['calculatedAt', '2026年4月1日 GMT+8 16:00（方案版本 2026 标准版）', '2026年4月2日 GMT+8 17:00（方案版本 2026 标准版）'],
    ]);
    expect(writes.unchanged).toBe(1);
  });

  it('compares numbers by value, selects by name and treats empty text as empty', () => {
    const written = applied(planWrites(run([results[1]]), plan, new Map(), ctx()).updates);
    const asTheBaseReturnsIt = new Map([...written].map(([id, cells]) => [id, {...cells, [F.grade]: {id: 'selGrade02', name: 'A', color: 'blue'}, [F.honours]: ''}]));
    expect(planWrites(run([results[1]]), plan, asTheBaseReturnsIt, ctx()).updates).toEqual([]);
  });

  it('clears a grade that no longer applies and overwrites text typed into a number result', () => {
    const before = new Map([['rec1', {[F.grade]: {name: 'S'}, [F.totalScore]: 'ninety'}]]);
    const writes = planWrites(run([participant('rec1', {grade: null})]), plan, before, ctx());
    expect(writes.updates[0].fields[F.grade]).toBeNull();
    expect(writes.updates[0].fields[F.totalScore]).toBe(92.55);
  });

  it('never writes outside the mapped result fields, nor to a computed or incompatible one', () => {
    const fields = {
      ...FIELDS,
      [F.totalPay]: field(F.totalPay, '总收入', 'formula', {isComputed: true}),
      [F.grade]: field(F.grade, '等级', 'singleSelect', {choices: ['甲', '乙']}),
    };
    const writes = planWrites(run(results), plan, new Map(), ctx({fields}));
    const written = new Set(writes.updates.flatMap((u) => Object.keys(u.fields)));
    expect(written.has(F.totalPay)).toBe(false);
    expect(written.has(F.grade)).toBe(false);
    expect(written.has(F.joined)).toBe(false);
    expect(writes.issues.map((i) => [i.code, i.fieldId])).toEqual([
      ['adapter.write.computed', F.totalPay],
      ['adapter.write.valueType', F.grade],
    ]);
    expect(writes.issues[0].message.zh).toContain('总收入');
    expect(writes.issues[1].message.en).toContain('Grade');
    // The field's type as Airtable names it, never the SDK's identifier.
    expect(writes.issues[1].message.en).toContain('"等级", a single select field');
    expect(writes.issues[1].message.zh).toContain('类型为单选的字段“等级”');
  });

  it('skips a mapped result field that is no longer in the base', () => {
    const {[F.feedback]: _gone, ...fields} = FIELDS;
    const writes = planWrites(run(results), plan, new Map(), ctx({fields}));
    expect(writes.updates.every((u) => !(F.feedback in u.fields))).toBe(true);
  });
});

describe('pointsToFraction and comparable', () => {
  it('moves the decimal point exactly', () => {
    expect(pointsToFraction('92.5')).toBe('0.925');
    expect(pointsToFraction('100')).toBe('1');
    expect(pointsToFraction('0')).toBe('0');
    expect(pointsToFraction('-3.2')).toBe('-0.032');
    fc.assert(
      fc.property(fc.integer({min: -2_000_000_000, max: 2_000_000_000}), fc.integer({min: 0, max: 4}), (units, places) => {
        const points = new Decimal(units.toString()).div(10 ** places).toFixed(places);
        expect(new Decimal(pointsToFraction(points)).equals(new Decimal(points).div(100))).toBe(true);
      }),
    );
  });

  it('reads SDK cells in their comparable form', () => {
    expect(comparable({id: 'sel', name: 'A'}, 'singleSelect')).toBe('A');
    expect(comparable(12, 'currency')).toBe(12);
    expect(comparable('', 'multilineText')).toBeNull();
    expect(comparable(undefined, 'number')).toBeNull();
  });
});
