import Decimal from 'decimal.js';
import {createTemplate, TEMPLATE_METRIC_IDS, TEMPLATE_SOURCE_IDS} from '../src/template';
import type {Metric, PlanDocument} from '../src/plan';
import {versionForPeriod} from '../src/period';
import {demoSchema, englishSchema} from './planSchemas';

const metricOf = (plan: PlanDocument, id: string): Metric => plan.versions[0].metrics.find((m) => m.id === id)!;
const fieldOf = (plan: PlanDocument, id: string) => metricOf(plan, id).source.field;

describe('the direct-sales template without a base', () => {
  const plan = createTemplate(undefined, '2026-05-10');

  it('weights sales 60 / satisfaction 30 / new customers 10 and the rest 0, summing to 100', () => {
    const weights = Object.fromEntries(plan.versions[0].metrics.map((m) => [m.id, m.weight]));
    expect(weights).toMatchObject({sales: '60', satisfaction: '30', newCustomers: '10'});
    const others = plan.versions[0].metrics.filter((m) => !['sales', 'satisfaction', 'newCustomers'].includes(m.id));
    expect(others.map((m) => m.weight)).toEqual(others.map(() => '0'));
    const sum = plan.versions[0].metrics.reduce((acc, m) => acc.plus(m.weight), new Decimal(0));
    expect(sum.toString()).toBe('100');
    expect(plan.versions[0].metrics.map((m) => m.id)).toEqual([...TEMPLATE_METRIC_IDS]);
    expect(plan.mapping.sources.map((s) => s.id)).toEqual([...TEMPLATE_SOURCE_IDS]);
  });

  it('sets higher targets for 资深 than for 新人', () => {
    for (const id of ['sales', 'newCustomers']) {
      const target = metricOf(plan, id).target;
      if (target.kind !== 'perTier') throw new Error(`${id} target is ${target.kind}`);
      expect(new Decimal(target.values['资深']).gt(target.values['新人'])).toBe(true);
    }
  });

  it('has grades S..D starting at 0 without gaps, with falling coefficients', () => {
    const grades = plan.versions[0].grades;
    expect(grades.map((g) => g.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(grades.find((g) => g.grade === 'D')!.min).toBe('0');
    for (let i = 1; i < grades.length; i++) {
      expect(grades[i].max).toBe(grades[i - 1].min);
      expect(new Decimal(grades[i].coefficient).lt(grades[i - 1].coefficient)).toBe(true);
    }
  });

  it('has a gated, capped, marginal sales bonus, a two-level team bonus and a 10,000 champion pool', () => {
    const {bonuses, teamBonus, championAward, honours} = plan.versions[0].incentives;
    expect(bonuses[0]).toMatchObject({metricId: 'sales', tierMode: 'marginal', gate: {minGrade: 'C'}, cap: '20000'});
    expect(bonuses[0].tiers.map((t) => t.fromAttainment)).toEqual(['0', '100', '120']);
    expect(bonuses[0].fixedOnTarget).toBe('500');
    expect(teamBonus).toMatchObject({enabled: true, levels: ['0.05', '0.02']});
    expect(teamBonus.gate).toBeDefined();
    expect(championAward).toMatchObject({enabled: true, pool: '10000', leaderShare: '0.3', split: 'proRata'});
    expect(honours.map((h) => h.title.zh)).toEqual(['销售冠军', '最佳新人', '服务之星']);
    expect(honours[1]).toMatchObject({by: 'totalScore', tier: '新人'});
    expect(honours[2]).toMatchObject({by: {metricId: 'satisfaction'}, minSample: 5});
  });

  it('labels everything in zh and en and gives each metric an improvement action', () => {
    for (const m of plan.versions[0].metrics) {
      expect(m.label.zh && m.label.en).toBeTruthy();
      expect(m.improvement?.zh && m.improvement?.en).toBeTruthy();
    }
    expect(metricOf(plan, 'satisfaction').improvement).toEqual({zh: '参加沟通技巧培训', en: 'Take the communication-skills training'});
    for (const s of plan.mapping.sources) expect(s.label.zh && s.label.en).toBeTruthy();
  });

  it('covers the 12 months of the given year with one version from its first day', () => {
    expect(plan.periods.map((p) => p.id)).toEqual(Array.from({length: 12}, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0].effectiveFrom).toBe('2026-01-01');
    for (const p of plan.periods) expect(versionForPeriod(plan, p)?.id).toBe('v1');
    expect(plan.currency).toEqual({code: 'CNY', precision: 2, rounding: 'halfUp'});
  });

  it('leaves the mapping empty for the user to choose', () => {
    expect(plan.mapping.people).toBeUndefined();
    expect(plan.mapping.sources.every((s) => s.table.id === '' && s.participant.id === '')).toBe(true);
    expect(plan.mapping.results).toEqual({});
    expect(fieldOf(plan, 'sales')?.id).toBe('');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('the template on the demo base (Chinese names)', () => {
  const plan = createTemplate(demoSchema(), '2026-03-01');

  it('pre-selects the people table and its fields', () => {
    expect(plan.mapping.people).toEqual({
      table: {id: 'tblReps', name: '销售人员'},
      name: {id: 'fldRepsName', name: '姓名'},
      upline: {id: 'fldRepsUpline', name: '上级'},
      team: {id: 'fldRepsTeam', name: '团队'},
      tier: {id: 'fldRepsTier', name: '级别'},
      baseSalary: {id: 'fldRepsBaseSalary', name: '基本工资'},
      performancePayBase: {id: 'fldRepsPayBase', name: '绩效工资基数'},
    });
  });

  it('pre-selects every source with its participant link and date', () => {
    const sources = Object.fromEntries(plan.mapping.sources.map((s) => [s.id, [s.table.id, s.participant.id, s.date?.id]]));
    expect(sources).toEqual({
      orders: ['tblOrders', 'fldOrdersRep', 'fldOrdersDate'],
      customers: ['tblCustomers', 'fldCustomersOwner', 'fldCustomersCreated'],
      reviews: ['tblReviews', 'fldReviewsRep', 'fldReviewsDate'],
      evaluations: ['tblEvals', 'fldEvalsRep', 'fldEvalsDate'],
      teamwork: ['tblTeamwork', 'fldTeamworkRep', 'fldTeamworkDate'],
    });
  });

  it('credits sales by 订单金额 and received by 实际到账金额', () => {
    expect(fieldOf(plan, 'sales')).toEqual({id: 'fldOrdersAmount', name: '订单金额'});
    expect(fieldOf(plan, 'received')).toEqual({id: 'fldOrdersReceived', name: '实际到账金额'});
    expect(fieldOf(plan, 'units')?.id).toBe('fldOrdersQuantity');
    expect(fieldOf(plan, 'satisfaction')?.id).toBe('fldReviewsRating');
    expect(fieldOf(plan, 'salesSkill')?.id).toBe('fldEvalsSkill');
    expect(fieldOf(plan, 'serviceQuality')?.id).toBe('fldEvalsService');
  });

  it('builds the rate and count filters on the matching fields and choices', () => {
    const complaint = metricOf(plan, 'complaintRate').source;
    expect(complaint.kind === 'source' && complaint.rateFilter).toEqual({field: {id: 'fldReviewsComplaint', name: '是否投诉'}, op: 'isTrue'});
    const referrals = metricOf(plan, 'referrals').source;
    expect(referrals.kind === 'source' && referrals.filter).toEqual({field: {id: 'fldCustomersOrigin', name: '来源'}, op: 'eq', value: '转介绍'});
    const shared = metricOf(plan, 'sharedInfo').source;
    expect(shared.kind === 'source' && shared.filter).toMatchObject({field: {id: 'fldTeamworkType'}, value: '信息分享'});
  });

  it('maps the twelve result fields and never the computed 销售额汇总', () => {
    const results = plan.mapping.results;
    expect(Object.keys(results)).toHaveLength(12);
    expect(results.grade).toEqual({id: 'fldRepsGrade', name: '等级'});
    expect(results.calculatedAt).toEqual({id: 'fldRepsCalculatedAt', name: '计算时间'});
    expect(JSON.stringify(results)).not.toContain('fldRepsSalesRollup');
  });
});

describe('the template on an English base', () => {
  const plan = createTemplate(englishSchema(), '2027-01-01');

  it('matches English names and uses the base tier names for targets and honours', () => {
    expect(plan.mapping.people?.table.id).toBe('tblP');
    expect(plan.mapping.people?.upline?.name).toBe('Manager');
    expect(plan.mapping.people?.tier?.name).toBe('Level');
    expect(fieldOf(plan, 'sales')?.name).toBe('Amount');
    expect(fieldOf(plan, 'received')?.name).toBe('Received amount');
    const target = metricOf(plan, 'sales').target;
    expect(target).toEqual({kind: 'perTier', values: {New: '50000', Senior: '100000'}});
    expect(plan.versions[0].incentives.honours[1].tier).toBe('New');
    const referrals = metricOf(plan, 'referrals').source;
    expect(referrals.kind === 'source' && referrals.filter?.value).toBe('Referral');
    expect(plan.mapping.sources.find((s) => s.id === 'teamwork')?.table.name).toBe('Activities');
    expect(plan.mapping.sources.find((s) => s.id === 'customers')?.date?.name).toBe('Created');
  });

  it('leaves the computed Total pay unmapped', () => {
    expect(plan.mapping.results.totalPay).toBeUndefined();
    expect(plan.mapping.results.teamBonus?.name).toBe('Team bonus');
    expect(plan.periods[0].id).toBe('2027-01');
  });
});

describe('the template with tables chosen in the wizard', () => {
  it('matches fields inside the chosen tables, and leaves a table declined as empty', () => {
    const schema = demoSchema();
    // The base keeps its orders under another name; the user points the wizard at it.
    const orders = schema.tables.find((t) => t.id === 'tblOrders')!;
    orders.name = '成交记录';
    expect(createTemplate(schema, '2026-01-01').mapping.sources[0].table.id).toBe('');
    const plan = createTemplate(schema, '2026-01-01', {sources: {orders: 'tblOrders', teamwork: null}});
    expect(plan.mapping.sources[0].table).toEqual({id: 'tblOrders', name: '成交记录'});
    expect(plan.mapping.sources[0].participant.id).toBe('fldOrdersRep');
    expect(fieldOf(plan, 'sales')?.id).toBe('fldOrdersAmount');
    const teamwork = plan.mapping.sources.find((s) => s.id === 'teamwork')!;
    expect(teamwork.table.id).toBe('');
    expect(teamwork.participant.id).toBe('');
  });

  it('does not reuse a chosen table for another concept', () => {
    // The user says reviews live in 客户 (odd, but theirs to say): customers must not also get it.
    const plan = createTemplate(demoSchema(), '2026-01-01', {sources: {reviews: 'tblCustomers'}});
    const tableOf = (id: string) => plan.mapping.sources.find((s) => s.id === id)!.table.id;
    expect(tableOf('reviews')).toBe('tblCustomers');
    expect(tableOf('customers')).toBe('');
  });

  it('uses the chosen people table for people fields, links and results', () => {
    const plan = createTemplate(demoSchema(), '2026-01-01', {people: 'tblReps'});
    expect(plan.mapping.people?.upline?.id).toBe('fldRepsUpline');
    expect(plan.mapping.results.totalScore?.id).toBe('fldRepsTotalScore');
  });
});

describe("the template's plan name", () => {
  it('is in the language of whoever applies the template, Chinese by default', () => {
    expect(createTemplate(demoSchema(), '2026-01-01', {}, 'zh').name).toBe('直销绩效与奖金方案');
    expect(createTemplate(demoSchema(), '2026-01-01', {}, 'en').name).toBe('Direct-sales performance and bonus plan');
    expect(createTemplate(demoSchema(), '2026-01-01').name).toBe('直销绩效与奖金方案');
  });
});
