/**
 * Base schemas shaped like the demo base (docs: /work/notes/demo-base.md), for the plan tests:
 * one with the demo's Chinese names and one with English names and other ids, as a second base
 * a plan may be imported into.
 */
import type {BaseSchema, FieldSchema, TableSchema} from '../src/schema';

const field = (id: string, name: string, type: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({
  id,
  name,
  type,
  isComputed: ['formula', 'rollup', 'count', 'multipleLookupValues', 'autoNumber', 'createdTime'].includes(type),
  ...extra,
});

const table = (id: string, name: string, fields: FieldSchema[]): TableSchema => ({id, name, fields});

/** The demo base's tables and fields, with the demo's ids. */
export function demoSchema(): BaseSchema {
  return {
    tables: [
      table('tblReps', '销售人员', [
        field('fldRepsName', '姓名', 'singleLineText'),
        field('fldRepsUpline', '上级', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldRepsTeam', '团队', 'singleSelect', {choices: ['华东一队', '华东二队', '华南队', '华北队']}),
        field('fldRepsTier', '级别', 'singleSelect', {choices: ['新人', '资深']}),
        field('fldRepsBaseSalary', '基本工资', 'currency'),
        field('fldRepsPayBase', '绩效工资基数', 'currency'),
        field('fldRepsHired', '入职日期', 'date'),
        field('fldRepsSalesRollup', '销售额汇总', 'rollup'),
        field('fldRepsTotalScore', '总分', 'number'),
        field('fldRepsGrade', '等级', 'singleSelect', {choices: ['S', 'A', 'B', 'C', 'D']}),
        field('fldRepsRank', '排名', 'number'),
        field('fldRepsPerfPay', '绩效工资', 'currency'),
        field('fldRepsBonus', '奖金', 'currency'),
        field('fldRepsTeamBonus', '团队奖', 'currency'),
        field('fldRepsAward', '冠军奖', 'currency'),
        field('fldRepsTotalPay', '总收入', 'currency'),
        field('fldRepsHonours', '荣誉', 'multilineText'),
        field('fldRepsBreakdown', '绩效明细', 'multilineText'),
        field('fldRepsFeedback', '反馈', 'multilineText'),
        field('fldRepsCalculatedAt', '计算时间', 'singleLineText'),
      ]),
      table('tblOrders', '订单', [
        field('fldOrdersNo', '订单号', 'singleLineText'),
        field('fldOrdersRep', '销售人员', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldOrdersDate', '下单日期', 'date'),
        field('fldOrdersAmount', '订单金额', 'currency'),
        field('fldOrdersReceived', '实际到账金额', 'currency'),
        field('fldOrdersQuantity', '数量', 'number'),
        field('fldOrdersCustomer', '客户', 'multipleRecordLinks', {linkedTableId: 'tblCustomers'}),
        field('fldOrdersStatus', '状态', 'singleSelect', {choices: ['已完成', '已退款']}),
      ]),
      table('tblCustomers', '客户', [
        field('fldCustomersName', '客户名称', 'singleLineText'),
        field('fldCustomersOwner', '负责人', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldCustomersCreated', '创建日期', 'date'),
        field('fldCustomersRegion', '区域', 'singleSelect', {choices: ['华东', '华南']}),
        field('fldCustomersOrigin', '来源', 'singleSelect', {choices: ['转介绍', '自主开发', '活动']}),
        field('fldCustomersRetained', '是否留存', 'checkbox'),
      ]),
      table('tblReviews', '客户评价', [
        field('fldReviewsNo', '评价编号', 'singleLineText'),
        field('fldReviewsRep', '销售人员', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldReviewsDate', '评价日期', 'date'),
        field('fldReviewsRating', '满意度', 'rating'),
        field('fldReviewsComplaint', '是否投诉', 'checkbox'),
        field('fldReviewsPositive', '好评', 'checkbox'),
      ]),
      table('tblEvals', '经理评分', [
        field('fldEvalsNo', '评分编号', 'singleLineText'),
        field('fldEvalsRep', '销售人员', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldEvalsDate', '评分日期', 'date'),
        field('fldEvalsSkill', '销售技巧', 'rating'),
        field('fldEvalsService', '服务质量', 'rating'),
      ]),
      table('tblTeamwork', '团队协作', [
        field('fldTeamworkNo', '记录编号', 'singleLineText'),
        field('fldTeamworkRep', '销售人员', 'multipleRecordLinks', {linkedTableId: 'tblReps'}),
        field('fldTeamworkDate', '日期', 'date'),
        field('fldTeamworkType', '类型', 'singleSelect', {choices: ['信息分享', '推荐客户']}),
      ]),
    ],
  };
}

/** The same company kept in English, with other ids (another base), and some traps for matching. */
export function englishSchema(): BaseSchema {
  return {
    tables: [
      table('tblP', 'Sales reps', [
        field('fP1', 'Name', 'singleLineText'),
        field('fP2', 'Manager', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fP3', 'Team', 'singleSelect', {choices: ['East', 'South']}),
        field('fP4', 'Level', 'singleSelect', {choices: ['New', 'Senior']}),
        field('fP5', 'Base salary', 'currency'),
        field('fP6', 'Performance pay base', 'currency'),
        field('fP7', 'Total score', 'number'),
        field('fP8', 'Grade', 'singleLineText'),
        field('fP9', 'Rank', 'number'),
        field('fP10', 'Performance pay', 'currency'),
        field('fP11', 'Team bonus', 'currency'),
        field('fP12', 'Bonus', 'currency'),
        field('fP13', 'Award', 'currency'),
        field('fP14', 'Total pay', 'formula'),
        field('fP15', 'Honours', 'multilineText'),
        field('fP16', 'Breakdown', 'multilineText'),
        field('fP17', 'Feedback', 'multilineText'),
        field('fP18', 'Calculated at', 'dateTime'),
        field('fP19', 'Report', 'singleLineText'),
      ]),
      table('tblO', 'Orders', [
        field('fO1', 'Order ID', 'singleLineText'),
        field('fO2', 'Rep', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fO3', 'Order date', 'date'),
        field('fO4', 'Amount', 'currency'),
        field('fO5', 'Received amount', 'currency'),
        field('fO6', 'Quantity', 'number'),
      ]),
      table('tblC', 'Customers', [
        field('fC1', 'Customer', 'singleLineText'),
        field('fC2', 'Owner', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fC3', 'Created', 'createdTime'),
        field('fC4', 'Source', 'singleSelect', {choices: ['Referral', 'Own prospecting']}),
        field('fC5', 'Retained', 'checkbox'),
      ]),
      table('tblR', 'Customer reviews', [
        field('fR1', 'Review', 'singleLineText'),
        field('fR2', 'Sales rep', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fR3', 'Date', 'date'),
        field('fR4', 'Rating', 'rating'),
        field('fR5', 'Complaint', 'checkbox'),
        field('fR6', 'Positive', 'checkbox'),
      ]),
      table('tblE', 'Evaluations', [
        field('fE1', 'Evaluation', 'singleLineText'),
        field('fE2', 'Rep', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fE3', 'Date', 'date'),
        field('fE4', 'Sales skill', 'rating'),
        field('fE5', 'Service quality', 'rating'),
      ]),
      table('tblA', 'Activities', [
        field('fA1', 'Activity', 'singleLineText'),
        field('fA2', 'Rep', 'multipleRecordLinks', {linkedTableId: 'tblP'}),
        field('fA3', 'Date', 'date'),
        field('fA4', 'Type', 'singleSelect', {choices: ['Information sharing', 'Referral passed']}),
      ]),
    ],
  };
}
