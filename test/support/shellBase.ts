/**
 * A tiny base for the shell's tests: three reps (one the upline of another), four orders in two
 * months, one orphan order. Small on purpose: every expected number in the tests is worked out
 * by hand from these rows.
 */
import {fixtureTable, type FixtureData} from '../../sim/fixture';

type Cells = Record<string, unknown>;
type TableFixture = FixtureData['base']['tables'][number];

const field = (id: string, name: string, type: string, options: Record<string, unknown> | null = null) => ({
  id,
  name,
  description: null,
  type,
  options,
});

/** A table of `[record id, cells]` rows, every record created at the same instant. */
export function table(id: string, name: string, fields: (ReturnType<typeof field> | TableFixture['fields'][number])[], rows: [string, Cells][]) {
  // The hand-written fields name their type as a plain string; the SDK checks it when it loads.
  return fixtureTable(id, name, fields as TableFixture['fields'], rows.map(([recordId, cellValuesByFieldId]) => ({id: recordId, commentCount: 0, createdTime: '2026-01-01T00:00:00.000Z', cellValuesByFieldId})));
}

const money = {precision: 2, symbol: '¥'};
const grades = {choices: ['S', 'A', 'B', 'C', 'D'].map((name, i) => ({id: `sel${name}`, name, color: `blue${i}`}))};
const tiers = {choices: [{id: 'selNew', name: '新人', color: 'green'}, {id: 'selSenior', name: '资深', color: 'red'}]};
const link = (linkedTableId: string, inverseLinkFieldId: string) => ({
  linkedTableId,
  inverseLinkFieldId,
  prefersSingleRecordLink: false,
  isReversed: false,
});
const isoDate = {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}};

export function shellBase(): FixtureData {
  const reps = table(
    'tblReps',
    '销售人员',
    [
      field('fldRepsName', '姓名', 'singleLineText'),
      field('fldRepsUpline', '上级', 'multipleRecordLinks', link('tblReps', 'fldRepsDownline')),
      field('fldRepsDownline', '下级', 'multipleRecordLinks', link('tblReps', 'fldRepsUpline')),
      field('fldRepsTier', '级别', 'singleSelect', tiers),
      field('fldRepsBaseSalary', '基本工资', 'currency', money),
      field('fldRepsPayBase', '绩效工资基数', 'currency', money),
      field('fldRepsOrders', '订单', 'multipleRecordLinks', link('tblOrders', 'fldOrdersRep')),
      field('fldRepsScore', '总分', 'number', {precision: 2}),
      field('fldRepsGrade', '等级', 'singleSelect', grades),
      field('fldRepsRank', '排名', 'number', {precision: 0}),
      field('fldRepsPerfPay', '绩效工资', 'currency', money),
      field('fldRepsTotalPay', '总收入', 'currency', money),
      field('fldRepsCalculatedAt', '计算时间', 'singleLineText'),
    ],
    [
      ['recLi', {fldRepsName: '李娜', fldRepsTier: {id: 'selSenior', name: '资深'}, fldRepsBaseSalary: 5000, fldRepsPayBase: 2000, fldRepsDownline: [{id: 'recWang'}]}],
      ['recWang', {fldRepsName: '王强', fldRepsUpline: [{id: 'recLi'}], fldRepsTier: {id: 'selNew', name: '新人'}, fldRepsBaseSalary: 4000, fldRepsPayBase: 1000}],
      ['recZhao', {fldRepsName: '赵敏', fldRepsTier: {id: 'selNew', name: '新人'}, fldRepsBaseSalary: 4000, fldRepsPayBase: 1000}],
    ],
  );
  const orders = table(
    'tblOrders',
    '订单',
    [
      field('fldOrdersNo', '订单号', 'singleLineText'),
      field('fldOrdersRep', '销售人员', 'multipleRecordLinks', link('tblReps', 'fldRepsOrders')),
      field('fldOrdersDate', '下单日期', 'date', isoDate),
      field('fldOrdersAmount', '订单金额', 'currency', money),
    ],
    [
      ['recO1', {fldOrdersNo: 'SO-1', fldOrdersRep: [{id: 'recLi'}], fldOrdersDate: '2026-03-05', fldOrdersAmount: 12000}],
      ['recO2', {fldOrdersNo: 'SO-2', fldOrdersRep: [{id: 'recWang'}], fldOrdersDate: '2026-03-10', fldOrdersAmount: 4000}],
      ['recO3', {fldOrdersNo: 'SO-3', fldOrdersRep: [{id: 'recZhao'}], fldOrdersDate: '2026-03-20', fldOrdersAmount: 6000}],
      ['recO4', {fldOrdersNo: 'SO-4', fldOrdersRep: [{id: 'recLi'}], fldOrdersDate: '2026-04-02', fldOrdersAmount: 9000}],
      ['recO5', {fldOrdersNo: 'SO-5', fldOrdersDate: '2026-03-15', fldOrdersAmount: 700}],
    ],
  );
  return {
    base: {
      id: 'appShell',
      name: '直销测试库',
      tables: [reps, orders],
      collaborators: [{id: 'usrManager', email: 'manager@example.com', name: '张经理', isActive: true}],
      workspaceId: 'wspShell',
    },
  } as unknown as FixtureData;
}
