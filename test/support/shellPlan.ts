/**
 * A one-metric plan over test/support/shellBase.ts, small enough to check every written number
 * by hand: sales = sum of 订单金额, fixed target 10,000, attainment capped at 150, weight 100.
 * March 2026: 李娜 12,000 -> 120 -> S (x1.5 of 2,000 = 3,000; total 8,000);
 * 赵敏 6,000 -> 60 -> C (x0.8 of 1,000 = 800; total 4,800); 王强 4,000 -> 40 -> D (x0.5 = 500; total 4,500).
 */
import {monthPeriod} from '../../src/period';
import {PLAN_SCHEMA_VERSION, type PlanDocument} from '../../src/plan';

export function shellPlan(): PlanDocument {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: '测试方案',
    mapping: {
      people: {
        table: {id: 'tblReps', name: '销售人员'},
        name: {id: 'fldRepsName', name: '姓名'},
        upline: {id: 'fldRepsUpline', name: '上级'},
        tier: {id: 'fldRepsTier', name: '级别'},
        baseSalary: {id: 'fldRepsBaseSalary', name: '基本工资'},
        performancePayBase: {id: 'fldRepsPayBase', name: '绩效工资基数'},
      },
      sources: [
        {
          id: 'orders',
          label: {zh: '订单', en: 'Orders'},
          table: {id: 'tblOrders', name: '订单'},
          participant: {id: 'fldOrdersRep', name: '销售人员'},
          date: {id: 'fldOrdersDate', name: '下单日期'},
        },
      ],
      results: {
        totalScore: {id: 'fldRepsScore', name: '总分'},
        grade: {id: 'fldRepsGrade', name: '等级'},
        rank: {id: 'fldRepsRank', name: '排名'},
        performancePay: {id: 'fldRepsPerfPay', name: '绩效工资'},
        totalPay: {id: 'fldRepsTotalPay', name: '总收入'},
        calculatedAt: {id: 'fldRepsCalculatedAt', name: '计算时间'},
      },
    },
    periods: [monthPeriod(2026, 3), monthPeriod(2026, 4)],
    versions: [
      {
        id: 'v1',
        label: '2026',
        effectiveFrom: '2026-01-01',
        metrics: [
          {
            id: 'sales',
            label: {zh: '销售额', en: 'Sales'},
            family: 'sales',
            unit: 'money',
            source: {kind: 'source', sourceId: 'orders', aggregation: 'sum', field: {id: 'fldOrdersAmount', name: '订单金额'}},
            scope: {kind: 'personal'},
            target: {kind: 'fixed', value: '10000'},
            scoring: {kind: 'attainment', cap: '150'},
            weight: '100',
            improvement: {zh: '参加销售技巧培训', en: 'Attend the sales-skills training'},
          },
        ],
        grades: [
          {grade: 'S', min: '120', coefficient: '1.5'},
          {grade: 'A', min: '100', max: '120', coefficient: '1.2'},
          {grade: 'B', min: '80', max: '100', coefficient: '1'},
          {grade: 'C', min: '60', max: '80', coefficient: '0.8'},
          {grade: 'D', min: '0', max: '60', coefficient: '0.5'},
        ],
        incentives: {
          performancePay: {enabled: true},
          bonuses: [],
          teamBonus: {enabled: false, metricId: 'sales', levels: []},
          championAward: {enabled: false, metricId: 'sales', pool: '0', leaderShare: '0', split: 'equal'},
          honours: [],
        },
        feedback: {strengths: 1, weakest: 1},
      },
    ],
    currency: {code: 'CNY', precision: 2, rounding: 'halfUp'},
  };
}
