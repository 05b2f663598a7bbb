import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {planMessages} from '../src/i18n/plan';
import {hasErrors, issuesAt, validatePlan} from '../src/validate';
import {parseDecimalText} from '../src/decimalText';
import {createTemplate} from '../src/template';
import type {PlanDocument} from '../src/plan';
import type {Issue} from '../src/results';
import type {BaseSchema} from '../src/schema';
import {demoSchema, englishSchema} from './planSchemas';

const demo = demoSchema();
/** The template on the demo base: valid, so each test breaks exactly one thing. */
const fresh = (): PlanDocument => createTemplate(demo, '2026-03-01');
const v0 = (plan: PlanDocument) => plan.versions[0];
const metricIndex = (plan: PlanDocument, id: string) => v0(plan).metrics.findIndex((m) => m.id === id);
const find = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);
const only = (issues: Issue[], code: string): Issue => {
  const found = find(issues, code);
  expect(found.map((i) => i.code)).toEqual([code]);
  return found[0];
};

/** No message may keep an unfilled `{placeholder}` or be empty in either language. */
function expectReadable(issues: Issue[]) {
  for (const issue of issues) {
    expect(issue.message.zh.trim()).not.toBe('');
    expect(issue.message.en.trim()).not.toBe('');
    expect(`${issue.message.zh} ${issue.message.en}`).not.toMatch(/\{\w+\}|undefined|\[object Object\]/);
  }
}

describe('a valid plan', () => {
  it('the template on the demo base has no issue at all', () => {
    expect(validatePlan(fresh(), demo)).toEqual([]);
  });

  it('the template on an English base has no error', () => {
    const issues = validatePlan(createTemplate(englishSchema(), '2026-03-01'), englishSchema());
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('the template without a base asks only for the mapping', () => {
    const issues = validatePlan(createTemplate(undefined, '2026-03-01'));
    expect(hasErrors(issues)).toBe(true);
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set(['mapping.people.missing', 'mapping.table.missing', 'mapping.field.missing', 'mapping.results.none']),
    );
    const sales = issuesAt(issues, `versions[0].metrics[0]`);
    expect(sales).toHaveLength(1);
    expect(sales[0].message.zh).toContain('销售额');
    expect(sales[0].message.en).toContain('Sales amount');
    expectReadable(issues);
  });
});

describe('never throws on garbage', () => {
  it.each([null, undefined, 42, 'plan', [], {}, {versions: 'x', periods: {}, mapping: []}, {versions: [null, 3, {metrics: [null, {weight: 7}]}]}])(
    'reports %p as issues',
    (doc) => {
      const issues = validatePlan(doc as never);
      expect(hasErrors(issues)).toBe(true);
      expectReadable(issues);
    },
  );

  it('reports a non-object as an invalid document', () => {
    expect(validatePlan(null as never).map((i) => i.code)).toEqual(['plan.document.invalid']);
  });

  it('survives any JSON-like value, also grafted into a real plan', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('mapping', 'periods', 'versions', 'currency', 'name'), (junk, key) => {
        expect(Array.isArray(validatePlan(junk as never))).toBe(true);
        const plan = {...fresh(), [key]: junk} as never;
        const issues = validatePlan(plan, demo);
        expect(Array.isArray(issues)).toBe(true);
        expect(find(issues, 'plan.internal')).toEqual([]);
      }),
      {numRuns: 200},
    );
  });

  it('survives junk inside metrics, grades and incentives', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('source', 'target', 'scoring', 'scope', 'weight', 'label'), (junk, key) => {
        const plan = fresh();
        (v0(plan).metrics[0] as unknown as Record<string, unknown>)[key] = junk;
        (v0(plan).grades[1] as unknown as Record<string, unknown>).min = junk;
        (v0(plan).incentives as unknown as Record<string, unknown>).bonuses = [junk];
        const issues = validatePlan(plan, demo);
        expect(find(issues, 'plan.internal')).toEqual([]);
        expect(hasErrors(issues)).toBe(true);
      }),
      {numRuns: 200},
    );
  });
});

describe('weights', () => {
  it('must sum to exactly 100 per version, named on the metrics list', () => {
    const plan = fresh();
    v0(plan).metrics[0].weight = '50';
    const issue = only(validatePlan(plan, demo), 'plan.weights.sum');
    expect(issue.path).toBe('versions[0].metrics');
    expect(issue.message.zh).toContain('90');
    expect(issue.message.en).toContain('90%');
  });

  it('sums exactly in decimal (0.1 + 0.2 + 99.7 is 100)', () => {
    const plan = fresh();
    const metrics = v0(plan).metrics;
    metrics.forEach((m) => (m.weight = '0'));
    metrics[0].weight = '0.1';
    metrics[1].weight = '0.2';
    metrics[2].weight = '99.7';
    expect(validatePlan(plan, demo)).toEqual([]);
  });

  it('accepts any split of 100 into cents and refuses it one cent off', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), {minLength: 1, maxLength: 11}), fc.nat(11), (cuts, off) => {
        // Cut points on 0..10000 cents give parts that sum to exactly 100.00.
        const points = [0, ...cuts.map((c) => c % 10_001).sort((a, b) => a - b), 10_000];
        const parts = points.slice(1).map((p, i) => p - points[i]);
        const plan = fresh();
        const metrics = v0(plan).metrics;
        metrics.forEach((m, i) => (m.weight = i < parts.length ? (parts[i] / 100).toFixed(2) : '0'));
        expect(find(validatePlan(plan, demo), 'plan.weights.sum')).toEqual([]);
        const k = off % metrics.length;
        metrics[k].weight = (Number(metrics[k].weight) + 0.01).toFixed(2);
        expect(find(validatePlan(plan, demo), 'plan.weights.sum')).toHaveLength(1);
      }),
      {numRuns: 100},
    );
  });

  it('reports a weight that is not a number at the weight, and no misleading sum', () => {
    const plan = fresh();
    v0(plan).metrics[1].weight = '30%';
    const issues = validatePlan(plan, demo);
    const issue = only(issues, 'plan.decimal.invalid');
    expect(issue.path).toBe('versions[0].metrics[1].weight');
    expect(issue.message.zh).toContain('客户满意度');
    expect(find(issues, 'plan.weights.sum')).toEqual([]);
  });

  it('refuses a negative weight even when the sum is 100', () => {
    const plan = fresh();
    v0(plan).metrics[0].weight = '70';
    v0(plan).metrics[3].weight = '-10';
    expect(only(validatePlan(plan, demo), 'plan.weight.negative').path).toBe('versions[0].metrics[3].weight');
  });
});

describe('metrics', () => {
  it('checks caps, scales and bands', () => {
    const plan = fresh();
    const metrics = v0(plan).metrics;
    metrics[0].scoring = {kind: 'attainment', cap: '90'};
    metrics[1].scoring = {kind: 'scale', min: '5', max: '1'};
    metrics[2].scoring = {kind: 'bands', on: 'value', bands: [{from: '0', score: '0'}, {from: '5', score: '80'}, {from: '5', score: '100'}]};
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.scoring.cap').path).toBe('versions[0].metrics[0].scoring.cap');
    expect(only(issues, 'plan.scoring.scale').path).toBe('versions[0].metrics[1].scoring.max');
    expect(only(issues, 'plan.scoring.bands.order').path).toBe('versions[0].metrics[2].scoring.bands[2].from');
  });

  it('needs a target for attainment, never zero or negative', () => {
    const plan = fresh();
    const metrics = v0(plan).metrics;
    metrics[metricIndex(plan, 'units')].target = {kind: 'none'};
    metrics[metricIndex(plan, 'complaintRate')].target = {kind: 'fixed', value: '0'};
    metrics[metricIndex(plan, 'sales')].target = {kind: 'perTier', values: {新人: '-5', 资深: '100000'}};
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.target.missing').message.zh).toContain('销售数量');
    expect(only(issues, 'plan.target.zero').path).toBe(`versions[0].metrics[${metricIndex(plan, 'complaintRate')}].target.value`);
    const negative = only(issues, 'plan.target.negative');
    expect(negative.path).toBe('versions[0].metrics[0].target.values.新人');
    expect(negative.message.en).toContain('tier "新人"');
  });

  it('refers to a known source, with the fields its aggregation needs', () => {
    const plan = fresh();
    const sales = v0(plan).metrics[0];
    sales.source = {kind: 'source', sourceId: 'invoices', aggregation: 'sum', field: {id: 'fldOrdersAmount', name: '订单金额'}};
    const rate = v0(plan).metrics[metricIndex(plan, 'complaintRate')];
    rate.source = {kind: 'source', sourceId: 'reviews', aggregation: 'rate'};
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.metric.source.unknown').message.en).toBe('Metric "Sales amount" uses source "invoices", which does not exist');
    expect(only(issues, 'plan.metric.rateFilter.missing').path).toBe(`versions[0].metrics[${metricIndex(plan, 'complaintRate')}].source.rateFilter`);
  });

  it('reports duplicate metric ids', () => {
    const plan = fresh();
    v0(plan).metrics[1].id = 'sales';
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.id.duplicate').path).toBe('versions[0].metrics[1].id');
  });

  it('needs a filter value for comparisons and a depth of at least 1 for team scope', () => {
    const plan = fresh();
    const referrals = v0(plan).metrics[metricIndex(plan, 'referrals')];
    if (referrals.source.kind === 'source' && referrals.source.filter) referrals.source.filter.value = '';
    v0(plan).metrics[0].scope = {kind: 'team', depth: 0};
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.filter.value.missing').message.zh).toContain('转介绍客户');
    expect(only(issues, 'plan.scope.depth').path).toBe('versions[0].metrics[0].scope.depth');
  });
});

describe('grade bands', () => {
  const grades = (plan: PlanDocument) => v0(plan).grades;

  it('finds a gap and names both grades', () => {
    const plan = fresh();
    grades(plan)[2].max = '95'; // B now 85-95, A starts at 100
    const issue = only(validatePlan(plan, demo), 'plan.grades.gap');
    expect(issue.path).toBe('versions[0].grades[1].min');
    expect(issue.message.en).toBe('Grade "B" ends at 95 and grade "A" starts at 100: scores from 95 to 100 get no grade');
  });

  it('finds an overlap', () => {
    const plan = fresh();
    grades(plan)[3].max = '90'; // C now 70-90, B starts at 85
    const issue = only(validatePlan(plan, demo), 'plan.grades.overlap');
    expect(issue.message.zh).toContain('“C”与“B”');
  });

  it('must start at 0 and have unique names and non-negative coefficients', () => {
    const plan = fresh();
    grades(plan)[4].min = '10';
    grades(plan)[0].grade = 'A';
    grades(plan)[1].coefficient = '-1';
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.grades.start').path).toBe('versions[0].grades[4].min');
    expect(only(issues, 'plan.grades.duplicate').path).toBe('versions[0].grades[1].grade');
    expect(only(issues, 'plan.coefficient.negative').path).toBe('versions[0].grades[1].coefficient');
  });

  it('warns when the top band is closed', () => {
    const plan = fresh();
    grades(plan)[0].max = '150';
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.grades.top').severity).toBe('warning');
    expect(hasErrors(issues)).toBe(false);
  });

  it('reports a band whose minimum is not below its maximum', () => {
    const plan = fresh();
    grades(plan)[1].max = '100';
    expect(find(validatePlan(plan, demo), 'plan.grades.range')[0].path).toBe('versions[0].grades[1].max');
  });
});

describe('incentives', () => {
  const inc = (plan: PlanDocument) => v0(plan).incentives;

  it('checks bonus tiers order, rates, caps and gates', () => {
    const plan = fresh();
    const bonus = inc(plan).bonuses[0];
    bonus.tiers = [{fromAttainment: '0', rate: '0.02'}, {fromAttainment: '120', rate: '0.05'}, {fromAttainment: '100', rate: '-0.03'}];
    bonus.cap = '-1';
    bonus.gate = {minGrade: 'E'};
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.bonus.tiers.order').path).toBe('versions[0].incentives.bonuses[0].tiers[2].fromAttainment');
    expect(only(issues, 'plan.rate.negative').path).toBe('versions[0].incentives.bonuses[0].tiers[2].rate');
    expect(only(issues, 'plan.amount.negative').path).toBe('versions[0].incentives.bonuses[0].cap');
    expect(only(issues, 'plan.gate.grade.unknown').message.en).toContain('"E"');
  });

  it('needs a bonus metric that exists and has a target', () => {
    const plan = fresh();
    inc(plan).bonuses[0].metricId = 'satisfaction';
    inc(plan).bonuses.push({...inc(plan).bonuses[0], id: 'other', metricId: 'gone'});
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.bonus.metric.noTarget').message.zh).toContain('客户满意度');
    expect(only(issues, 'plan.bonus.metric.unknown').path).toBe('versions[0].incentives.bonuses[1].metricId');
  });

  it('keeps team-bonus levels and the leader share within 0..1 and the pool non-negative', () => {
    const plan = fresh();
    inc(plan).teamBonus.levels = ['0.05', '5'];
    inc(plan).championAward.leaderShare = '30';
    inc(plan).championAward.pool = '-10000';
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.teamBonus.level.range').path).toBe('versions[0].incentives.teamBonus.levels[1]');
    expect(only(issues, 'plan.champion.leaderShare.range').path).toBe('versions[0].incentives.championAward.leaderShare');
    expect(only(issues, 'plan.amount.negative').path).toBe('versions[0].incentives.championAward.pool');
  });

  it('does not check a disabled team bonus', () => {
    const plan = fresh();
    inc(plan).teamBonus = {enabled: false, metricId: 'gone', levels: []};
    expect(validatePlan(plan, demo)).toEqual([]);
  });

  it('checks honours: known metric, at least one place', () => {
    const plan = fresh();
    inc(plan).honours[0].by = {metricId: 'gone'};
    inc(plan).honours[2].count = 0;
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.honour.metric.unknown').message.zh).toContain('销售冠军');
    expect(only(issues, 'plan.honour.count').path).toBe('versions[0].incentives.honours[2].count');
  });

  it('asks for the people fields the incentives need', () => {
    const plan = fresh();
    delete plan.mapping.people!.upline;
    delete plan.mapping.people!.tier;
    delete plan.mapping.people!.team;
    delete plan.mapping.people!.performancePayBase;
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'mapping.people.upline.needed').message.en).toBe(
      'The team bonus needs the upline field of the people table: choose it',
    );
    expect(only(issues, 'mapping.people.tier.needed').path).toBe('mapping.people.tier');
    expect(only(issues, 'mapping.people.team.needed').path).toBe('mapping.people.team');
    expect(only(issues, 'mapping.people.payBase.needed').path).toBe('mapping.people.performancePayBase');
  });
});

describe('versions, periods and currency', () => {
  it('refuses overlapping versions and accepts consecutive ones', () => {
    const plan = fresh();
    plan.versions.push({...structuredClone(v0(plan)), id: 'launch', label: '新品上市', effectiveFrom: '2026-06-01', effectiveTo: '2026-06-30'});
    const issue = only(validatePlan(plan, demo), 'plan.versions.overlap');
    expect(issue.path).toBe('versions[1].effectiveFrom');
    expect(issue.message.zh).toContain('新品上市');
    v0(plan).effectiveTo = '2026-05-31';
    plan.versions.push({...structuredClone(v0(plan)), id: 'v2', label: 'H2', effectiveFrom: '2026-07-01', effectiveTo: undefined});
    expect(validatePlan(plan, demo)).toEqual([]);
  });

  it('needs a version for every period', () => {
    const plan = fresh();
    plan.periods.unshift({id: '2025-12', kind: 'month', label: '2025-12', start: '2025-12-01', end: '2025-12-31'});
    const issue = only(validatePlan(plan, demo), 'plan.period.noVersion');
    expect(issue.path).toBe('periods[0]');
  });

  it('checks dates and period ranges', () => {
    const plan = fresh();
    plan.periods[0].end = '2025-12-31';
    plan.periods[1].start = '2026-02-30';
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'plan.period.range').path).toBe('periods[0].end');
    expect(only(issues, 'plan.date.invalid').path).toBe('periods[1].start');
  });

  it('keeps currency precision within 0..4', () => {
    for (const precision of [-1, 5, 1.5]) {
      const plan = fresh();
      plan.currency.precision = precision;
      expect(only(validatePlan(plan, demo), 'plan.currency.precision').path).toBe('currency.precision');
    }
    const plan = fresh();
    plan.currency.precision = 0;
    expect(validatePlan(plan, demo)).toEqual([]);
  });

  it('refuses a document of another format version', () => {
    const plan = {...fresh(), schemaVersion: 0};
    expect(only(validatePlan(plan, demo), 'plan.schemaVersion').path).toBe('schemaVersion');
  });
});

describe('the mapping against the base', () => {
  const without = (schema: BaseSchema, tableId: string, fieldId?: string): BaseSchema => ({
    tables: schema.tables
      .filter((t) => fieldId !== undefined || t.id !== tableId)
      .map((t) => (t.id === tableId ? {...t, fields: t.fields.filter((f) => f.id !== fieldId)} : t)),
  });

  it('names a deleted field by its kept name', () => {
    const issues = validatePlan(fresh(), without(demo, 'tblOrders', 'fldOrdersAmount'));
    const issue = only(issues, 'mapping.field.unknown');
    expect(issue.path).toBe('versions[0].metrics[0].source.field');
    expect(issue.fieldId).toBe('fldOrdersAmount');
    expect(issue.message.zh).toBe('指标“销售额”的数值字段“订单金额”在表“订单”中不存在（可能已被删除）');
  });

  it('reports a deleted table once, not each of its fields', () => {
    const issues = validatePlan(fresh(), without(demo, 'tblReviews'));
    expect(issues.map((i) => i.code)).toEqual(['mapping.table.unknown']);
    expect(issues[0].message.en).toContain('"客户评价"');
  });

  it('warns about a renamed field', () => {
    const schema = structuredClone(demo);
    schema.tables[1].fields.find((f) => f.id === 'fldOrdersAmount')!.name = '成交金额';
    const issue = only(validatePlan(fresh(), schema), 'mapping.field.renamed');
    expect(issue.severity).toBe('warning');
    expect(issue.message.zh).toContain('成交金额');
  });

  it('refuses a field of the wrong type and a link to another table', () => {
    const plan = fresh();
    const sales = v0(plan).metrics[0];
    if (sales.source.kind === 'source') sales.source.field = {id: 'fldOrdersNo', name: '订单号'};
    plan.mapping.sources[0].participant = {id: 'fldOrdersCustomer', name: '客户'};
    plan.mapping.sources[0].date = {id: 'fldOrdersStatus', name: '状态'};
    const issues = validatePlan(plan, demo);
    const types = find(issues, 'mapping.field.type');
    expect(types.map((i) => i.path).sort()).toEqual(['mapping.sources[0].date', 'versions[0].metrics[0].source.field']);
    expect(types.find((i) => i.path?.endsWith('source.field'))!.message.en).toContain('is of type single line text; it must be a number field');
    expect(only(issues, 'mapping.field.link').message.zh).toBe('数据源“订单”的参与人关联字段“客户”关联的不是参与人表“销售人员”');
  });

  it('wants a rating for a rating scale and a yes/no field for "is true"', () => {
    const plan = fresh();
    const satisfaction = v0(plan).metrics[metricIndex(plan, 'satisfaction')].source;
    const complaint = v0(plan).metrics[metricIndex(plan, 'complaintRate')].source;
    if (satisfaction.kind === 'source') satisfaction.field = {id: 'fldReviewsNo', name: '评价编号'};
    if (complaint.kind === 'source' && complaint.rateFilter) complaint.rateFilter.field = {id: 'fldReviewsDate', name: '评价日期'};
    const issues = find(validatePlan(plan, demo), 'mapping.field.type');
    expect(issues.map((i) => i.message.en)).toEqual([
      'Value field of metric "Customer satisfaction" "评价编号" is of type single line text; it must be a rating or number field',
      'Rate condition field of metric "Complaint rate" "评价日期" is of type date; it must be a checkbox or single-select field',
    ]);
  });

  it('names a lookup, rollup or formula by its result type when it cannot serve, in both languages', () => {
    const schema = structuredClone(demo);
    const reviews = schema.tables.find((t) => t.fields.some((f) => f.id === 'fldReviewsNo'))!;
    reviews.fields.push({id: 'fldReviewsRepName', name: '销售人员姓名', type: 'multipleLookupValues', isComputed: true, resultType: 'singleLineText'});
    reviews.fields.push({id: 'fldReviewsScoreText', name: '评分说明', type: 'formula', isComputed: true, resultType: 'multilineText'});
    const plan = fresh();
    const satisfaction = v0(plan).metrics[metricIndex(plan, 'satisfaction')].source;
    if (satisfaction.kind === 'source') satisfaction.field = {id: 'fldReviewsRepName', name: '销售人员姓名'};
    const issue = only(validatePlan(plan, schema), 'mapping.field.type');
    expect(issue.message.en).toBe('Value field of metric "Customer satisfaction" "销售人员姓名" is of type lookup (single line text result); it must be a rating or number field');
    expect(issue.message.zh).toBe('指标“客户满意度”的数值字段“销售人员姓名”的类型为查找字段（结果为单行文本），这里需要评分或数字字段');
    expect(issue.message.en).not.toContain('multipleLookupValues');
    if (satisfaction.kind === 'source') satisfaction.field = {id: 'fldReviewsScoreText', name: '评分说明'};
    expect(only(validatePlan(plan, schema), 'mapping.field.type').message.en).toContain('is of type formula (long text result);');
  });

  it('refuses an upline that links to another table', () => {
    const schema = structuredClone(demo);
    schema.tables[0].fields.find((f) => f.id === 'fldRepsUpline')!.linkedTableId = 'tblCustomers';
    expect(only(validatePlan(fresh(), schema), 'mapping.field.link').path).toBe('mapping.people.upline');
  });

  it('refuses a computed result field and one of the wrong type', () => {
    const plan = fresh();
    plan.mapping.results.totalScore = {id: 'fldRepsSalesRollup', name: '销售额汇总'};
    plan.mapping.results.bonus = {id: 'fldRepsHonours', name: '荣誉'};
    delete plan.mapping.results.honours;
    const issues = validatePlan(plan, demo);
    expect(only(issues, 'mapping.result.computed').path).toBe('mapping.results.totalScore');
    const type = only(issues, 'mapping.result.type');
    expect(type.path).toBe('mapping.results.bonus');
    expect(type.message.en).toBe('"bonus" result field "荣誉" is of type long text; it must be a currency or number field');
  });

  it('refuses a field used both as input and as result, and one field for two results', () => {
    const plan = fresh();
    plan.mapping.results.grade = {id: 'fldRepsTier', name: '级别'};
    plan.mapping.results.teamBonus = {id: 'fldRepsBonus', name: '奖金'};
    const issues = validatePlan(plan, demo);
    const both = only(issues, 'mapping.field.inputAndResult');
    expect(both.path).toBe('mapping.results.grade');
    expect(both.message.zh).toContain('级别');
    expect(only(issues, 'mapping.result.duplicate').path).toBe('mapping.results.teamBonus');
  });

  it('checks input-and-result without a schema too', () => {
    const plan = fresh();
    plan.mapping.results.totalPay = {id: 'fldRepsBaseSalary', name: '基本工资'};
    expect(find(validatePlan(plan), 'mapping.field.inputAndResult')).toHaveLength(1);
  });

  it('warns when the grade select lacks a grade', () => {
    const schema = structuredClone(demo);
    schema.tables[0].fields.find((f) => f.id === 'fldRepsGrade')!.choices = ['A', 'B', 'C', 'D'];
    const issue = only(validatePlan(fresh(), schema), 'mapping.result.choices');
    expect(issue.severity).toBe('warning');
    expect(issue.message.en).toContain('S');
  });

  it('warns about a source no metric uses, without checking its table', () => {
    const plan = fresh();
    plan.mapping.sources.push({id: 'visits', label: {zh: '拜访', en: 'Visits'}, table: {id: '', name: ''}, participant: {id: '', name: ''}});
    const issue = only(validatePlan(plan, demo), 'mapping.source.unused');
    expect(issue.severity).toBe('warning');
  });

  it('refuses an incomplete reference also in an optional slot: the read would take it for a deleted field', () => {
    const plan = fresh();
    plan.mapping.people!.baseSalary = {id: '', name: ''};
    const issue = only(validatePlan(plan, demo), 'mapping.field.missing');
    expect(issue.path).toBe('mapping.people.baseSalary');
    expect(issue.message).toEqual({zh: '参与人表的基本工资字段：请选择字段', en: 'Base salary field of the people table: choose a field'});
    // Left out, it is simply not used; asked for only where the plan needs it.
    delete plan.mapping.people!.baseSalary;
    expect(validatePlan(plan, demo)).toEqual([]);
    delete plan.mapping.people!.upline;
    expect(validatePlan(plan, demo).map((i) => i.code)).toEqual(['mapping.people.upline.needed']);
  });

  it('never writes the people table\'s primary field, which names each person, even when the name field is left empty', () => {
    const plan = fresh();
    delete plan.mapping.people!.name;
    plan.mapping.results.breakdown = {id: 'fldRepsName', name: '姓名'};
    const issue = only(validatePlan(plan, demo), 'mapping.result.primary');
    expect(issue).toMatchObject({path: 'mapping.results.breakdown', severity: 'error', fieldId: 'fldRepsName'});
    expect(issue.message).toEqual({
      zh: '“绩效明细”结果字段“姓名”是参与人表的主字段，用来识别每个人，只读取、不写入：请选择其他字段',
      en: '"breakdown" result field "姓名" is the primary field of the people table, which names each person: it is read, never written; choose another field',
    });
    // The schema's primary field wins over the first field.
    const schema = demoSchema();
    const reps = schema.tables.find((t) => t.id === 'tblReps')!;
    reps.primaryFieldId = 'fldRepsCalculatedAt';
    plan.mapping.results.breakdown = {id: 'fldRepsBreakdown', name: '绩效明细'};
    expect(only(validatePlan(plan, schema), 'mapping.result.primary').path).toBe('mapping.results.calculatedAt');
  });

  it('never writes a field the run reads from the people table, whatever reads it', () => {
    const plan = fresh();
    // A participant metric's field and a per-person target are inputs as much as the name.
    plan.versions[0].metrics[0].target = {kind: 'participantField', field: {id: 'fldRepsTotalPay', name: '总收入'}};
    const issue = only(validatePlan(plan, demo), 'mapping.field.inputAndResult');
    expect(issue.path).toBe('mapping.results.totalPay');
    expect(issue.message.en).toBe(
      'Field "总收入" is used both as an input (target field of metric "Sales amount") and as a result ("total pay" result field): writing results would overwrite the input',
    );
  });

  it('asks for the people table', () => {
    const plan = fresh();
    delete plan.mapping.people;
    expect(find(validatePlan(plan, demo), 'mapping.people.missing')).toHaveLength(1);
  });
});

describe('helpers for the settings screen', () => {
  const issues = validatePlan(
    (() => {
      const plan = fresh();
      plan.versions[0].metrics[2].weight = 'x';
      plan.versions[0].metrics[0].scoring = {kind: 'attainment', cap: '50'};
      return plan;
    })(),
    demo,
  );

  it('issuesAt finds the issues of a control and of everything under it', () => {
    expect(issuesAt(issues, 'versions[0].metrics[2]').map((i) => i.path)).toEqual(['versions[0].metrics[2].weight']);
    expect(issuesAt(issues, 'versions[0].metrics')).toHaveLength(2);
    expect(issuesAt(issues, 'versions[0].metrics', true)).toHaveLength(0);
    expect(issuesAt(issues, 'versions[0].metrics[2].weight', true)).toHaveLength(1);
    // A prefix of an index is not a parent: metrics[1] is not under metrics[10].
    expect(issuesAt([{...issues[0], path: 'versions[0].metrics[10]'}], 'versions[0].metrics[1]')).toHaveLength(0);
  });

  it('hasErrors ignores warnings', () => {
    expect(hasErrors(issues)).toBe(true);
    expect(hasErrors([{code: 'plan.grades.top', severity: 'warning', message: {zh: 'x', en: 'x'}}])).toBe(false);
  });

  it('plan decimals are plain decimal text only (parseDecimalText)', () => {
    expect(parseDecimalText('0.05')?.toString()).toBe('0.05');
    expect(parseDecimalText(' 60 ')?.toString()).toBe('60');
    for (const bad of ['1e5', 'Infinity', '0x10', '', '5%', 5, null]) expect(parseDecimalText(bad)).toBeNull();
  });
});

describe('messages', () => {
  it('are filled in both languages for a plan broken everywhere', () => {
    const plan = fresh();
    const version = v0(plan);
    version.metrics.forEach((m) => {
      m.weight = '-1';
      m.scoring = {kind: 'attainment', cap: '1'};
      m.target = {kind: 'fixed', value: '0'};
    });
    version.grades = [{grade: '', min: 'x', coefficient: '-1'}, {grade: 'Z', min: '50', max: '10', coefficient: '1'}];
    version.incentives.honours.push({id: 'h', title: {zh: '', en: ''}, by: {metricId: ''}, direction: 'up' as never, count: -1, minSample: -2});
    plan.currency = {code: '', precision: 9, rounding: 'ceil' as never};
    const issues = validatePlan(plan, demo);
    expect(issues.length).toBeGreaterThan(30);
    expectReadable(issues);
    expect(issues.every((i) => typeof i.path === 'string')).toBe(true);
  });
});

describe('docs/plan-document.md', () => {
  it('lists every code with its current zh and en message', () => {
    const doc = readFileSync(`${__dirname}/../docs/plan-document.md`, 'utf8');
    const stale: string[] = [];
    for (const [key, entry] of Object.entries(planMessages)) {
      const code = /^validate\.((plan|mapping|migrate|import|storage)\..+)$/.exec(key)?.[1];
      if (!code) continue;
      const esc = (s: string) => s.replace(/\|/g, '\\|');
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      if (!row || !row.includes(`| ${esc(entry.zh)} | ${esc(entry.en)} |`)) stale.push(code);
    }
    expect(stale).toEqual([]);
  });
});
