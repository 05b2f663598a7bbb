/**
 * A small plan over the demo base (sim/demoBase.ts), written by hand so that the adapter's tests
 * do not depend on the template: sales (60%, target per tier), satisfaction (30%, 1..5 scale),
 * new customers (10%), a commission, every result field mapped, one period per demo month.
 */
import {demoMonths, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {monthPeriod} from '../../src/period';
import {PLAN_SCHEMA_VERSION, type FieldRef, type PlanDocument, type ResultKey} from '../../src/plan';

const F = FIELD_IDS;
const ref = (id: string, name: string): FieldRef => ({id, name});

/** Every result field the demo base has (it has no period-id field: the people-table cells alone). */
export const DEMO_RESULT_FIELDS: Record<Exclude<ResultKey, 'periodId'>, FieldRef> = {
  totalScore: ref(F.reps.totalScore, '总分'),
  grade: ref(F.reps.grade, '等级'),
  rank: ref(F.reps.rank, '排名'),
  performancePay: ref(F.reps.performancePay, '绩效工资'),
  bonus: ref(F.reps.bonus, '奖金'),
  teamBonus: ref(F.reps.teamBonus, '团队奖'),
  award: ref(F.reps.award, '冠军奖'),
  totalPay: ref(F.reps.totalPay, '总收入'),
  honours: ref(F.reps.honours, '荣誉'),
  breakdown: ref(F.reps.breakdown, '绩效明细'),
  feedback: ref(F.reps.feedback, '反馈'),
  calculatedAt: ref(F.reps.calculatedAt, '计算时间'),
};

export function demoPlan(months = 3): PlanDocument {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: '演示方案',
    currency: {code: 'CNY', precision: 2, rounding: 'halfUp'},
    periods: demoMonths(months).map((id) => monthPeriod(Number(id.slice(0, 4)), Number(id.slice(5)))),
    mapping: {
      people: {
        table: {id: TABLE_IDS.reps, name: '销售人员'},
        name: ref(F.reps.name, '姓名'),
        upline: ref(F.reps.upline, '上级'),
        team: ref(F.reps.team, '团队'),
        tier: ref(F.reps.tier, '级别'),
        baseSalary: ref(F.reps.baseSalary, '基本工资'),
        performancePayBase: ref(F.reps.performancePayBase, '绩效工资基数'),
      },
      sources: [
        {
          id: 'orders',
          label: {zh: '订单', en: 'Orders'},
          table: {id: TABLE_IDS.orders, name: '订单'},
          participant: ref(F.orders.rep, '销售人员'),
          date: ref(F.orders.date, '下单日期'),
        },
        {
          id: 'customers',
          label: {zh: '客户', en: 'Customers'},
          table: {id: TABLE_IDS.customers, name: '客户'},
          participant: ref(F.customers.owner, '负责人'),
          date: ref(F.customers.created, '创建日期'),
        },
        {
          id: 'reviews',
          label: {zh: '客户评价', en: 'Reviews'},
          table: {id: TABLE_IDS.reviews, name: '客户评价'},
          participant: ref(F.reviews.rep, '销售人员'),
          date: ref(F.reviews.date, '评价日期'),
        },
      ],
      results: {...DEMO_RESULT_FIELDS},
    },
    versions: [
      {
        id: 'v1',
        label: '2026 标准版',
        effectiveFrom: '2026-01-01',
        metrics: [
          {
            id: 'sales',
            label: {zh: '销售额', en: 'Sales'},
            family: 'sales',
            unit: 'money',
            source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: ref(F.orders.amount, '订单金额')},
            scope: {kind: 'personal'},
            target: {kind: 'perTier', values: {新人: '30000', 资深: '60000'}, fallback: '30000'},
            scoring: {kind: 'attainment', cap: '150'},
            weight: '60',
            improvement: {zh: '参加产品知识培训', en: 'Join the product training'},
          },
          {
            id: 'satisfaction',
            label: {zh: '客户满意度', en: 'Customer satisfaction'},
            family: 'customerQuality',
            unit: 'rating',
            source: {kind: 'source', sourceId: 'reviews', aggregation: 'average', field: ref(F.reviews.satisfaction, '满意度')},
            scope: {kind: 'personal'},
            target: {kind: 'none'},
            scoring: {kind: 'scale', min: '1', max: '5'},
            weight: '30',
            improvement: {zh: '参加沟通技巧培训', en: 'Take the communication-skills training'},
          },
          {
            id: 'newCustomers',
            label: {zh: '新客户数', en: 'New customers'},
            family: 'customerDevelopment',
            unit: 'count',
            source: {
              kind: 'source',
              sourceId: 'customers',
              aggregation: 'count',
              filter: {field: ref(F.customers.source, '来源'), op: 'neq', value: '活动'},
            },
            scope: {kind: 'personal'},
            target: {kind: 'fixed', value: '3'},
            scoring: {kind: 'attainment', cap: '150'},
            weight: '10',
          },
        ],
        grades: [
          {grade: 'S', min: '110', coefficient: '1.5'},
          {grade: 'A', min: '100', max: '110', coefficient: '1.2'},
          {grade: 'B', min: '85', max: '100', coefficient: '1'},
          {grade: 'C', min: '70', max: '85', coefficient: '0.8'},
          {grade: 'D', min: '0', max: '70', coefficient: '0.5'},
        ],
        incentives: {
          performancePay: {enabled: true},
          bonuses: [
            {
              id: 'commission',
              label: {zh: '销售提成', en: 'Commission'},
              metricId: 'sales',
              tierMode: 'marginal',
              tiers: [
                {fromAttainment: '0', rate: '0.02'},
                {fromAttainment: '100', rate: '0.05'},
              ],
              gate: {minScore: '60'},
              cap: '20000',
            },
          ],
          teamBonus: {enabled: true, metricId: 'sales', levels: ['0.03', '0.01']},
          championAward: {enabled: true, metricId: 'sales', pool: '10000', leaderShare: '0.3', split: 'equal'},
          honours: [{id: 'champion', title: {zh: '销售冠军', en: 'Sales champion'}, by: {metricId: 'sales'}, direction: 'highest', count: 1}],
        },
        feedback: {strengths: 1, weakest: 1},
      },
    ],
  };
}
