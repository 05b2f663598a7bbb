/** @jest-environment jsdom */
/**
 * Reliability catalogue, group "data" (docs/reliability.md): messy cells and links in the user's
 * base. Each case runs the engine on facts shaped as the adapter hands them over (a number cell as
 * a number, text as text, a link as record ids) and checks the numbers and the warning the user
 * reads in the run view. None of them may throw or stop the other participants from computing.
 */
// The simulated base must load before the SDK: sim/ first.
import {createDriver} from '../../sim/driver';
import {demoBase, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';
import {readFacts} from '../../frontend/adapter/readFacts';
import {runPlan} from '../../src/engine';
import {validatePlan} from '../../src/validate';
import type {Metric} from '../../src/plan';
import type {ParticipantResult, RunResult} from '../../src/results';
import {customer, F, makeFacts, makePlan, order, person, review, salesMetric} from '../support/planFixtures';
import {demoPlan} from '../support/demoPlan';
import {theIssue} from '../support/reliability';
import {sayEach} from '../../src/i18n';

const resultOf = (run: RunResult, id: string): ParticipantResult => {
  const found = run.results.find((r) => r.participantId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};
const valueOf = (run: RunResult, id: string, metricId = 'sales') => resultOf(run, id).metrics.find((m) => m.metricId === metricId)?.value;

/** One metric at weight 100, so each case's score is the metric's score. */
const salesOnly = (over: Partial<Metric> = {}) => makePlan({metrics: [salesMetric({weight: '100', ...over})]});

const teamPlan = () =>
  makePlan({
    metrics: [salesMetric({weight: '100'})],
    incentives: {teamBonus: {enabled: true, metricId: 'sales', levels: ['0.05', '0.02']}},
  });

describe('reliability: data', () => {
  it('D1 text in a number cell: a warning naming the field, the count and the record; the value is ignored', () => {
    const run = runPlan(salesOnly(), '2026-03', makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 10000), order('o2', 'r1', '一千二百')]}));
    expect(valueOf(run, 'r1')).toBe('10000.00');
    const issue = theIssue(run.issues, 'engine.value.notNumber');
    expect(issue).toMatchObject({severity: 'warning', tableId: 'tblOrders', fieldId: F.amount.id, recordIds: ['o2']});
    expect(issue.message.en).toBe('Field "订单金额" of source "Orders" holds text that is not a number in 1 record; the value is ignored: o2');
    expect(issue.message.zh).toBe('数据源“订单”的字段“订单金额”中有 1 条记录填写的不是数字，已忽略该值：o2');
  });

  it('D2 text in a participant money cell (base salary): a warning naming the rep; counted as 0', () => {
    const plan = salesOnly();
    plan.mapping.people = {...plan.mapping.people!, baseSalary: {id: 'fldRepsBaseSalary', name: '基本工资'}};
    const run = runPlan(plan, '2026-03', makeFacts([person('r1', '王芳', {baseSalary: '三千'})], {orders: [order('o1', 'r1', 50000)]}));
    const issue = theIssue(run.issues, 'engine.participant.notNumber');
    expect(issue.recordIds).toEqual(['r1']);
    expect(issue.message.zh).toBe('王芳 的字段“基本工资”不是数字（“三千”），按空值处理');
    expect(issue.message.en).toBe('Field "基本工资" of 王芳 is not a number ("三千"); it is treated as empty');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')).toContain('Base salary 0.00');
  });

  it('D3 empty number cells: an empty amount adds nothing, an empty rating is not averaged in (no data is not a bad review)', () => {
    const plan = makePlan();
    const facts = makeFacts([person('r1', '王芳'), person('r2', '李雷')], {
      orders: [order('o1', 'r1', 20000), order('o2', 'r1', null), order('o3', 'r2', null)],
      reviews: [review('v1', 'r1', 5), review('v2', 'r1', null)],
    });
    const run = runPlan(plan, '2026-03', facts);
    expect(valueOf(run, 'r1')).toBe('20000.00');
    expect(valueOf(run, 'r2')).toBe('0.00');
    expect(valueOf(run, 'r1', 'satisfaction')).toBe('5.00');
    const noReviews = resultOf(run, 'r2');
    expect(noReviews.metrics.find((m) => m.metricId === 'satisfaction')).toMatchObject({value: null, score: '0.00'});
    expect(sayEach(noReviews.breakdown, 'en')).toContain('Satisfaction: no data this period = 0.00% × weight 30% = 0.00');
    expect(sayEach(noReviews.breakdown, 'zh')).toContain('客户满意度：本期无数据 = 0.00% × 权重 30% = 0.00');
  });

  it('D4 refunds (negative amounts) reduce the credited sales, and the breakdown shows the net', () => {
    const run = runPlan(salesOnly(), '2026-03', makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 30000), order('o2', 'r1', -5000)]}));
    expect(valueOf(run, 'r1')).toBe('25000.00');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales 25,000.00 / target 50,000.00 = 50.00% × weight 100% = 50.00');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'zh')[0]).toBe('销售额 25,000.00 / 目标 50,000.00 = 50.00% × 权重 100% = 50.00');
  });

  it('D5 a fully refunded order nets to 0, and a net-negative period scores 0 and pays no bonus (never negative pay)', () => {
    const plan = makePlan({
      metrics: [salesMetric({weight: '100'})],
      incentives: {bonuses: [{id: 'commission', label: {zh: '提成', en: 'Commission'}, metricId: 'sales', tierMode: 'marginal', tiers: [{fromAttainment: '0', rate: '0.02'}]}]},
    });
    const facts = makeFacts([person('r1', '王芳'), person('r2', '李雷')], {
      orders: [order('o1', 'r1', 8000), order('o2', 'r1', -8000), order('o3', 'r2', -3000)],
    });
    const run = runPlan(plan, '2026-03', facts);
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '0.00', bonus: '0.00'});
    expect(valueOf(run, 'r1')).toBe('0.00');
    const negative = resultOf(run, 'r2');
    expect(valueOf(run, 'r2')).toBe('-3000.00');
    expect(negative).toMatchObject({totalScore: '0.00', bonus: '0.00', totalPay: '3000.00'});
    expect(sayEach(negative.breakdown, 'en')).toContain('Commission: Sales -3,000.00 is negative = 0.00');
    expect(sayEach(negative.breakdown, 'zh')).toContain('提成：销售额 -3,000.00 为负数 = 0.00');
  });

  it('D6 huge amounts (1e15) and many decimals add up exactly (a float sum would give .63)', () => {
    // 1e15 + 1234.56789123 as a JS float is 1000000000001234.625: its 2-place value would be .63.
    const facts = makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 1e15), order('o2', 'r1', 1234.56789123)]});
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect(valueOf(run, 'r1')).toBe('1000000000001234.57');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales 1,000,000,000,001,234.57 / target 50,000.00 = 2,000,000,000,002.47%, counted as 120.00% × weight 100% = 120.00');
    expect(run.issues).toEqual([]);
  });

  it('D7 many decimals: 0.1 + 0.2 + 0.705 is exactly 1.005 and rounds half up to 1.01 (float arithmetic prints 1.00)', () => {
    // In JS, 0.1 + 0.2 + 0.705 prints 1.005 but (…).toFixed(2) is "1.00": the cent a payslip would lose.
    const facts = makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 0.1), order('o2', 'r1', 0.2), order('o3', 'r1', 0.705)]});
    const run = runPlan(salesOnly({target: {kind: 'fixed', value: '1'}}), '2026-03', facts);
    // Shown at 2 places as 1.01; scored exact (docs/plan.md §7): 1.005 / 1 = 100.5%, not the 101% of 1.01.
    expect(resultOf(run, 'r1').metrics[0]).toMatchObject({value: '1.01', attainment: '100.50', score: '100.50'});
  });

  it('D8 a record with no date: counted, not credited, and listed by id', () => {
    const run = runPlan(salesOnly(), '2026-03', makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 1000), order('o2', 'r1', 9000, null)]}));
    expect(valueOf(run, 'r1')).toBe('1000.00');
    expect(run.stats.recordsWithoutDate).toBe(1);
    const issue = theIssue(run.issues, 'engine.record.noDate');
    expect(issue).toMatchObject({recordIds: ['o2'], tableId: 'tblOrders'});
    expect(issue.message.en).toBe('1 record of source "Orders" has no date and was not credited: o2');
    expect(issue.message.zh).toBe('数据源“订单”中有 1 条记录日期为空，未计入：o2');
  });

  it('D9 a record dated outside every period: listed; one in another period or before the first (history) is only counted', () => {
    const facts = makeFacts([person('r1', '王芳')], {
      orders: [
        order('o1', 'r1', 1000),
        order('o2', 'r1', 9000, '2026-07-15'),
        order('o3', 'r1', 7000, '2026-04-02'),
        order('o4', 'r1', 5000, '2025-06-15'),
      ],
    });
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect(valueOf(run, 'r1')).toBe('1000.00');
    expect(run.stats.recordsOutsidePeriod).toBe(3);
    expect(run.stats.recordsBeforeFirstPeriod).toBe(1);
    const issue = theIssue(run.issues, 'engine.record.outsideEveryPeriod');
    expect(issue.recordIds).toEqual(['o2']);
    expect(issue.message.en).toBe('1 record of source "Orders" is dated outside every period of the plan: o2');
    expect(issue.message.zh).toBe('数据源“订单”中有 1 条记录的日期不在方案的任何考核周期内：o2');
  });

  it('D10 an order linked to no rep, or to a rep not in the people table: not credited, listed as orphans', () => {
    const facts = makeFacts([person('r1', '王芳')], {orders: [order('o1', 'r1', 1000), order('o2', null, 500), order('o3', 'recGone', 700)]});
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect(valueOf(run, 'r1')).toBe('1000.00');
    expect(run.stats.orphanRecords).toBe(2);
    const issue = theIssue(run.issues, 'engine.record.orphan');
    expect(issue.recordIds).toEqual(['o2', 'o3']);
    expect(issue.message.en).toBe(
      '2 records of source "Orders" in this period are linked to no participant (or to one not in the people table) and were not credited: o2, o3',
    );
    expect(issue.message.zh).toBe('数据源“订单”中有 2 条本期记录未关联销售人员（或关联的人员不在人员表中），未计入：o2, o3');
  });

  it('D11 an order linked to two reps: credited once, to the first, and listed', () => {
    const facts = makeFacts([person('r1', '王芳'), person('r2', '李雷')], {orders: [order('o1', ['r1', 'r2'], 4000)]});
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect([valueOf(run, 'r1'), valueOf(run, 'r2')]).toEqual(['4000.00', '0.00']);
    const issue = theIssue(run.issues, 'engine.record.multiLinked');
    expect(issue.recordIds).toEqual(['o1']);
    expect(issue.message.en).toBe('1 record of source "Orders" is linked to several participants; only the first one is credited: o1');
    expect(issue.message.zh).toBe('数据源“订单”中有 1 条记录关联了多名销售人员，只计入第一位：o1');
  });

  it('D12 a rep who is their own upline: named, no team figures for them, the rest still compute', () => {
    const facts = makeFacts([person('r1', '王芳', {uplineId: 'r1'}), person('r2', '李雷'), person('r3', '赵敏', {uplineId: 'r2'})], {
      orders: [order('o1', 'r1', 10000), order('o3', 'r3', 20000)],
    });
    const run = runPlan(teamPlan(), '2026-03', facts);
    const issue = theIssue(run.issues, 'engine.hierarchy.selfLink');
    expect(issue.recordIds).toEqual(['r1']);
    expect(issue.message).toEqual({zh: '王芳 的上级是其本人：该人员不计算团队数据', en: '王芳 is their own upline: no team figures are computed for them'});
    expect(resultOf(run, 'r1')).toMatchObject({inCycle: true, teamBonus: '0.00'});
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')).toContain('Team bonus: in an upline cycle, not computed = 0.00');
    // 5% of the direct downline's 20,000.
    expect(resultOf(run, 'r2')).toMatchObject({inCycle: false, teamBonus: '1000.00'});
  });

  it('D13 a cycle of three: all three named in one message, none gets team figures, others do', () => {
    const facts = makeFacts(
      [
        person('a', '甲', {uplineId: 'b'}),
        person('b', '乙', {uplineId: 'c'}),
        person('c', '丙', {uplineId: 'a'}),
        person('lead', '丁'),
        person('kid', '戊', {uplineId: 'lead'}),
      ],
      {orders: [order('o1', 'a', 9000), order('o2', 'kid', 10000)]},
    );
    const run = runPlan(teamPlan(), '2026-03', facts);
    const issue = theIssue(run.issues, 'engine.hierarchy.cycle');
    expect([...(issue.recordIds ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(issue.message.en).toMatch(/^The upline links form a cycle \((甲|乙|丙) → (甲|乙|丙) → (甲|乙|丙)\): no team figures are computed for these participants$/);
    expect(issue.message.zh).toMatch(/^上级关系形成循环（.+ → .+ → .+）：这些人员不计算团队数据$/);
    for (const id of ['a', 'b', 'c']) expect(resultOf(run, id)).toMatchObject({inCycle: true, teamBonus: '0.00'});
    expect(valueOf(run, 'a')).toBe('9000.00');
    expect(resultOf(run, 'lead')).toMatchObject({inCycle: false, teamBonus: '500.00'});
  });

  it('D14 an upline that was deleted: named, treated as no upline, the rep still computes', () => {
    const facts = makeFacts([person('r1', '王芳', {uplineId: 'recDeleted'})], {orders: [order('o1', 'r1', 25000)]});
    const run = runPlan(teamPlan(), '2026-03', facts);
    const issue = theIssue(run.issues, 'engine.hierarchy.unknownUpline');
    expect(issue.recordIds).toEqual(['r1']);
    expect(issue.message).toEqual({
      zh: '王芳 的上级记录 recDeleted 不在人员表中（可能已删除），按无上级处理',
      en: 'The upline recDeleted of 王芳 is not in the people table (deleted?); treated as no upline',
    });
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '50.00', inCycle: false});
  });

  it('D15 duplicate rep names: two participants, each credited and written by record id', () => {
    const facts = makeFacts([person('r1', '王伟'), person('r2', '王伟', {tier: '新人'})], {
      orders: [order('o1', 'r1', 50000), order('o2', 'r2', 15000)],
    });
    const run = runPlan(salesOnly(), '2026-03', facts);
    expect(run.results.map((r) => [r.participantId, r.name, r.totalScore, r.rank])).toEqual([
      ['r1', '王伟', '100.00', 1],
      ['r2', '王伟', '50.00', 2],
    ]);
  });

  it('D16 a tier value with no target: a warning naming the rep and the tier; score 0 for that metric', () => {
    const facts = makeFacts([person('r1', '王芳', {tier: '实习'}), person('r2', '李雷')], {orders: [order('o1', 'r1', 30000), order('o2', 'r2', 30000)]});
    const run = runPlan(salesOnly(), '2026-03', facts);
    const issue = theIssue(run.issues, 'engine.target.unknownTier');
    expect(issue.recordIds).toEqual(['r1']);
    expect(issue.message.en).toBe('Tier "实习" of 王芳 has no target for "Sales"; the score is 0');
    expect(issue.message.zh).toBe('王芳 的级别“实习”在指标“销售额”的目标中没有设置，得分记为 0');
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '0.00'});
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales 30,000.00: no target = 0.00% × weight 100% = 0.00');
    expect(resultOf(run, 'r2')).toMatchObject({totalScore: '60.00'});
  });

  it('D17 a zero target: the validator refuses a fixed 0, and a per-person 0 gives a warning and score 0', () => {
    const perPerson = salesOnly({target: {kind: 'participantField', field: F.personalTarget}});
    const facts = makeFacts(
      [person('r1', '王芳', {fields: {[F.personalTarget.id]: 0}}), person('r2', '李雷', {fields: {[F.personalTarget.id]: 20000}})],
      {orders: [order('o1', 'r1', 5000), order('o2', 'r2', 5000)]},
    );
    const run = runPlan(perPerson, '2026-03', facts);
    const issue = theIssue(run.issues, 'engine.target.zero');
    expect(issue.recordIds).toEqual(['r1']);
    expect(issue.message.en).toBe('The target of "Sales" for 王芳 is 0, so attainment cannot be computed; the score is 0');
    expect(sayEach(resultOf(run, 'r1').breakdown, 'en')[0]).toBe('Sales 5,000.00: target is 0 = 0.00% × weight 100% = 0.00');
    expect(resultOf(run, 'r2')).toMatchObject({totalScore: '25.00'});

    const fixedZero = theIssue(validatePlan(salesOnly({target: {kind: 'fixed', value: '0'}})), 'plan.target.zero');
    expect(fixedZero).toMatchObject({severity: 'error', path: 'versions[0].metrics[0].target.value'});
    expect(fixedZero.message).toEqual({zh: '指标“销售额”的目标为 0，无法计算达成率', en: 'Target of metric "Sales" is 0: attainment cannot be computed'});
  });

  it('D18 a missing target (per-person target cell empty): a warning naming the rep; score 0', () => {
    const perPerson = salesOnly({target: {kind: 'participantField', field: F.personalTarget}});
    const run = runPlan(perPerson, '2026-03', makeFacts([person('r1', '王芳', {fields: {[F.personalTarget.id]: null}})], {orders: [order('o1', 'r1', 5000)]}));
    const issue = theIssue(run.issues, 'engine.target.missing');
    expect(issue.message.en).toBe('王芳 has no target for "Sales"; the score is 0');
    expect(issue.message.zh).toBe('王芳 的指标“销售额”没有目标值，得分记为 0');
    expect(resultOf(run, 'r1')).toMatchObject({totalScore: '0.00'});
  });

  it('D19 a rating outside its scale (7 on 1..5): a warning with the record; the nearest end (5) is used', () => {
    const facts = makeFacts([person('r1', '王芳')], {reviews: [review('v1', 'r1', 7), review('v2', 'r1', 3)]});
    const run = runPlan(makePlan(), '2026-03', facts);
    // (5 + 3) / 2 = 4 -> (4 - 1) / 4 = 75%.
    expect(resultOf(run, 'r1').metrics.find((m) => m.metricId === 'satisfaction')).toMatchObject({value: '4.00', score: '75.00'});
    const issue = theIssue(run.issues, 'engine.value.outOfScale');
    expect(issue).toMatchObject({recordIds: ['v1'], fieldId: F.rating.id});
    expect(issue.message.en).toBe('Field "满意度" of source "Reviews" is outside the scale 1–5 in 1 record; the nearest end of the scale is used: v1');
    expect(issue.message.zh).toBe('数据源“客户评价”的字段“满意度”中有 1 条记录超出评分范围 1–5，已按边界值计：v1');
  });

  it('D20 a count source whose records have no date field mapped: every record counts, none is reported missing', () => {
    const plan = makePlan();
    plan.mapping.sources = plan.mapping.sources.map((s) => (s.id === 'customers' ? {...s, date: undefined} : s));
    const run = runPlan(plan, '2026-03', makeFacts([person('r1', '王芳')], {customers: [customer('c1', 'r1', null), customer('c2', 'r1', '2024-01-01')]}));
    expect(valueOf(run, 'r1', 'newCustomers')).toBe('2.00');
    expect(run.issues.filter((i) => i.code.startsWith('engine.record.'))).toEqual([]);
  });

  it('D21 duplicate rep names where orders name the rep in a text field: such an order credits neither and is reported by name', async () => {
    const fixture = demoBase({messy: true, reps: 8, orders: 30});
    const reps = fixture.base.tables.find((t) => t.id === TABLE_IDS.reps)!;
    const orders = fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!;
    const nameOf = new Map(reps.records.map((r) => [r.id, r.cellValuesByFieldId[FIELD_IDS.reps.name] as string]));
    // The base keeps the rep as typed text, not a link: names are all there is to match on.
    const repField = orders.fields.find((f) => f.id === FIELD_IDS.orders.rep)!;
    Object.assign(repField, {type: 'singleLineText', options: null});
    for (const record of orders.records) {
      const links = record.cellValuesByFieldId[FIELD_IDS.orders.rep] as {id: string}[] | null;
      record.cellValuesByFieldId[FIELD_IDS.orders.rep] = links && links.length > 0 ? nameOf.get(links[0].id) : null;
    }
    const twin = MESSY_IDS.duplicateName;
    const first = reps.records[0].id;
    const name = nameOf.get(first)!;
    expect(nameOf.get(twin)).toBe(name);

    const read = await readFacts(createDriver(fixture).base, demoPlan());
    const run = runPlan(demoPlan(), '2026-01', read.facts);
    const naming = orders.records.filter((r) => r.cellValuesByFieldId[FIELD_IDS.orders.rep] === name);
    expect(naming.length).toBeGreaterThan(0);
    // Credited to nobody, whatever the order of the people table: neither of the two gets them.
    for (const order of naming) expect(read.facts.sources.orders.find((o) => o.id === order.id)!.participantIds).toEqual([]);
    expect(valueOf(run, twin)).toBe('0.00');
    expect(valueOf(run, first)).toBe('0.00');
    const issue = theIssue(read.issues, 'adapter.read.ambiguousName');
    expect([...(issue.recordIds ?? [])].sort()).toEqual(naming.map((r) => r.id).sort());
    // Named as the user sees them: the rep's name and each order by its order number.
    const numbers = naming.slice(0, 10).map((r) => `“${r.cellValuesByFieldId[FIELD_IDS.orders.number] as string}”`);
    expect(issue.message.zh).toBe(
      `数据源“订单”中有 ${naming.length} 条记录写的参与人是“${name}”，但参与人表中有 2 人叫这个名字，无法确定是谁，这些记录未计入任何人：${numbers.join('、')}${naming.length > 10 ? '等' : ''}。请改用关联字段，或让姓名不重复。`,
    );
    expect(issue.message.en).toContain(`records of source "Orders" name the participant "${name}", a name 2 people in the people table share`);
  });
});
