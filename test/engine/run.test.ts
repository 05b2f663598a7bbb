import {runPlan} from '../../src/engine';
import {customer, makeFacts, makePlan, order, person, review} from '../support/planFixtures';
import {sayEach} from '../../src/i18n';

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
    expect(sayEach(wang.breakdown, 'en')[0]).toBe('Sales 46,000.00 / target 50,000.00 = 92.00% × weight 60% = 55.20');
    expect(sayEach(wang.breakdown, 'zh')[0]).toBe('销售额 46,000.00 / 目标 50,000.00 = 92.00% × 权重 60% = 55.20');
    expect(sayEach(wang.breakdown, 'en')).toContain('Total score 55.20 + 26.25 + 4.00 = 85.45');
    expect(sayEach(wang.breakdown, 'zh')).toContain('总分 55.20 + 26.25 + 4.00 = 85.45');
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

describe('runPlan: the people table', () => {
  const plan = makePlan();

  it('says so when the people table has no records, naming the mapped table, instead of an empty preview', () => {
    const run = runPlan(plan, '2026-03', makeFacts([], {orders: [order('o1', 'r1', 100)]}));
    expect(run.results).toEqual([]);
    expect(run.issues).toEqual([
      {
        code: 'engine.participants.none',
        severity: 'warning',
        tableId: 'tblReps',
        message: {zh: '人员表“销售人员”没有记录，没有可计算的内容', en: 'The people table "销售人员" has no records: nothing to compute'},
      },
    ]);
    expect(run.totals.totalPay).toBe('0');
  });

  it('computes the first record of a repeated participant id once and names the records dropped', () => {
    const facts = makeFacts([person('r1', '王芳'), person('r2', '李雷'), person('r1', '王芳（副本）', {baseSalary: 9999})], {
      orders: [order('o1', 'r1', 46000), order('o2', 'r2', 24000)],
    });
    const run = runPlan(plan, '2026-03', facts);
    expect(run.results.map((r) => r.participantId).sort()).toEqual(['r1', 'r2']);
    const wang = run.results.find((r) => r.participantId === 'r1')!;
    expect(wang.name).toBe('王芳');
    expect(wang.metrics[0].value).toBe('46000.00');
    expect(run.stats.participants).toBe(2);
    const duplicate = run.issues.filter((i) => i.code === 'engine.participant.duplicate');
    expect(duplicate).toEqual([
      {
        code: 'engine.participant.duplicate',
        severity: 'warning',
        recordIds: ['r1'],
        message: {
          zh: '人员表中有 1 条记录的记录 ID 重复，只计算每个 ID 的第一条：王芳（副本） (r1)',
          en: '1 record of the people table repeats a record id; only the first record of each id is computed: 王芳（副本） (r1)',
        },
      },
    ]);
  });
});
