/**
 * Small plans and facts for engine tests, built inline so the engine's tests do not depend on the
 * template. Field ids follow the demo base's naming (fldOrdersAmount...).
 */
import type {FactValue, Facts, ParticipantFact, SourceRecordFact} from '../../src/facts';
import type {Currency, Incentives, Metric, PlanDocument, PlanVersion} from '../../src/plan';
import {monthPeriod} from '../../src/period';

export const F = {
  amount: {id: 'fldOrdersAmount', name: '订单金额'},
  received: {id: 'fldOrdersReceived', name: '实际到账金额'},
  status: {id: 'fldOrdersStatus', name: '状态'},
  rating: {id: 'fldReviewsRating', name: '满意度'},
  complaint: {id: 'fldReviewsComplaint', name: '是否投诉'},
  source: {id: 'fldCustomersSource', name: '来源'},
  skill: {id: 'fldRepsSkill', name: '销售技巧'},
  personalTarget: {id: 'fldRepsTarget', name: '个人目标'},
};

export function salesMetric(over: Partial<Metric> = {}): Metric {
  return {
    id: 'sales',
    label: {zh: '销售额', en: 'Sales'},
    family: 'sales',
    unit: 'money',
    source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: F.amount},
    scope: {kind: 'personal'},
    target: {kind: 'perTier', values: {资深: '50000', 新人: '30000'}},
    scoring: {kind: 'attainment', cap: '120'},
    weight: '60',
    improvement: {zh: '参加销售技巧培训', en: 'Attend a sales-skills training'},
    ...over,
  };
}

export function satisfactionMetric(over: Partial<Metric> = {}): Metric {
  return {
    id: 'satisfaction',
    label: {zh: '客户满意度', en: 'Satisfaction'},
    family: 'customerQuality',
    unit: 'rating',
    source: {kind: 'source', sourceId: 'reviews', aggregation: 'average', field: F.rating},
    scope: {kind: 'personal'},
    target: {kind: 'none'},
    scoring: {kind: 'scale', min: '1', max: '5'},
    weight: '30',
    improvement: {zh: '参加沟通技巧培训', en: 'Attend a communication-skills training'},
    ...over,
  };
}

export function newCustomersMetric(over: Partial<Metric> = {}): Metric {
  return {
    id: 'newCustomers',
    label: {zh: '新客户数', en: 'New customers'},
    family: 'customerDevelopment',
    unit: 'count',
    source: {kind: 'source', sourceId: 'customers', aggregation: 'count'},
    scope: {kind: 'personal'},
    target: {kind: 'fixed', value: '5'},
    scoring: {kind: 'attainment', cap: '100'},
    weight: '10',
    improvement: {zh: '每周安排客户拜访', en: 'Plan weekly prospecting visits'},
    ...over,
  };
}

export const GRADES: PlanVersion['grades'] = [
  {grade: 'S', min: '100', coefficient: '1.5'},
  {grade: 'A', min: '90', max: '100', coefficient: '1.2'},
  {grade: 'B', min: '75', max: '90', coefficient: '1'},
  {grade: 'C', min: '60', max: '75', coefficient: '0.8'},
  {grade: 'D', min: '0', max: '60', coefficient: '0.5'},
];

export function noIncentives(): Incentives {
  return {
    performancePay: {enabled: false},
    bonuses: [],
    teamBonus: {enabled: false, metricId: 'sales', levels: []},
    championAward: {enabled: false, metricId: 'sales', pool: '0', leaderShare: '0', split: 'equal'},
    honours: [],
  };
}

export const PERIOD = monthPeriod(2026, 3);

export interface PlanOptions {
  metrics?: Metric[];
  incentives?: Partial<Incentives>;
  currency?: Partial<Currency>;
  feedback?: PlanVersion['feedback'];
  versions?: PlanVersion[];
}

/** The article's three metrics (60/30/10), grades S..D, no incentives unless given. */
export function makePlan(options: PlanOptions = {}): PlanDocument {
  const version: PlanVersion = {
    id: 'v1',
    label: 'Standard',
    effectiveFrom: '2026-01-01',
    metrics: options.metrics ?? [salesMetric(), satisfactionMetric(), newCustomersMetric()],
    grades: GRADES,
    incentives: {...noIncentives(), ...options.incentives},
    feedback: options.feedback ?? {strengths: 2, weakest: 2},
  };
  return {
    schemaVersion: 1,
    name: 'Test plan',
    mapping: {
      people: {table: {id: 'tblReps', name: '销售人员'}},
      sources: [
        {id: 'orders', label: {zh: '订单', en: 'Orders'}, table: {id: 'tblOrders', name: '订单'}, participant: {id: 'fldOrdersRep', name: '销售人员'}, date: {id: 'fldOrdersDate', name: '下单日期'}},
        {id: 'reviews', label: {zh: '客户评价', en: 'Reviews'}, table: {id: 'tblReviews', name: '客户评价'}, participant: {id: 'fldReviewsRep', name: '销售人员'}, date: {id: 'fldReviewsDate', name: '评价日期'}},
        {id: 'customers', label: {zh: '客户', en: 'Customers'}, table: {id: 'tblCustomers', name: '客户'}, participant: {id: 'fldCustomersOwner', name: '负责人'}, date: {id: 'fldCustomersDate', name: '创建日期'}},
      ],
      results: {},
    },
    periods: [monthPeriod(2026, 2), PERIOD, monthPeriod(2026, 4)],
    versions: options.versions ?? [version],
    currency: {code: 'CNY', precision: 2, rounding: 'halfUp', ...options.currency},
  };
}

export function person(id: string, name: string, over: Partial<ParticipantFact> = {}): ParticipantFact {
  return {id, name, uplineId: null, team: null, tier: '资深', baseSalary: 3000, performancePayBase: 2000, fields: {}, ...over};
}

export function order(id: string, rep: string | string[] | null, amount: FactValue, date: string | null = '2026-03-10', values: Record<string, FactValue> = {}): SourceRecordFact {
  const participantIds = rep === null ? [] : Array.isArray(rep) ? rep : [rep];
  return {id, participantIds, date, values: {[F.amount.id]: amount, ...values}};
}

export function review(id: string, rep: string, rating: FactValue, date: string | null = '2026-03-12', values: Record<string, FactValue> = {}): SourceRecordFact {
  return {id, participantIds: [rep], date, values: {[F.rating.id]: rating, ...values}};
}

export function customer(id: string, rep: string, date: string | null = '2026-03-05', values: Record<string, FactValue> = {}): SourceRecordFact {
  return {id, participantIds: [rep], date, values};
}

export function makeFacts(participants: ParticipantFact[], sources: Partial<Record<'orders' | 'reviews' | 'customers', SourceRecordFact[]>> = {}): Facts {
  return {participants, sources: {orders: [], reviews: [], customers: [], ...sources}};
}

/**
 * The plan of the worked example in docs/plan.md: the article's 60/30/10 weights, targets per
 * tier, grades S..D, a tiered sales bonus with a gate and a cap, a two-level team bonus, a champion
 * award and honours. The doc's tables hold the facts and the results; test/docs-plan.test.ts
 * runs this plan on the doc's facts and compares with the doc's results.
 */
export function workedExamplePlan(): PlanDocument {
  return makePlan({
    metrics: [
      salesMetric(),
      satisfactionMetric(),
      newCustomersMetric(),
    ],
    feedback: {strengths: 1, weakest: 1},
    incentives: {
      performancePay: {enabled: true},
      bonuses: [
        {
          id: 'salesBonus',
          label: {zh: '销售奖金', en: 'Sales bonus'},
          metricId: 'sales',
          tierMode: 'marginal',
          tiers: [
            {fromAttainment: '0', rate: '0.02'},
            {fromAttainment: '100', rate: '0.03'},
            {fromAttainment: '120', rate: '0.05'},
          ],
          gate: {minScore: '60'},
          cap: '3000',
        },
      ],
      teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.01'], gate: {minGrade: 'C'}},
      championAward: {enabled: true, metricId: 'sales', pool: '6000', leaderShare: '0.3', split: 'proRata'},
      honours: [
        {id: 'salesChampion', title: {zh: '销售冠军', en: 'Sales champion'}, by: {metricId: 'sales'}, direction: 'highest', count: 1},
        {id: 'bestNewcomer', title: {zh: '最佳新人', en: 'Best newcomer'}, by: 'totalScore', direction: 'highest', tier: '新人', count: 1},
        {id: 'serviceStar', title: {zh: '服务之星', en: 'Service star'}, by: {metricId: 'satisfaction'}, direction: 'highest', minSample: 2, count: 1},
      ],
    },
  });
}
