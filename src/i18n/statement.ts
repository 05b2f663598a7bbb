import type {Text} from '../plan';

/**
 * Catalogue part: statements (绩效单, src/statement and frontend/statement): the statement
 * document's lines, its print view and the results table's statement field. See src/i18n/index.ts.
 */
export const statementMessages = {
  // The results table's optional statement field (long text), for an Airtable Interface.
  'ledger.field.statement': {zh: '绩效单', en: 'Statement'},

  'statement.title': {zh: '绩效单', en: 'Pay statement'},
  'statement.plan': {zh: '方案：{plan}', en: 'Plan: {plan}'},
  'statement.person': {zh: '参与人：{name}', en: 'Participant: {name}'},
  'statement.period': {zh: '考核周期：{period}', en: 'Period: {period}'},
  'statement.periodStatus': {zh: '考核周期：{period}（{status}）', en: 'Period: {period} ({status})'},
  'statement.score': {zh: '总分 {score}，等级 {grade}，排名第 {rank}', en: 'Total score {score}, grade {grade}, rank {rank}'},
  'statement.scoreUngraded': {zh: '总分 {score}，无等级，排名第 {rank}', en: 'Total score {score}, no grade, rank {rank}'},
  'statement.honours': {zh: '荣誉：{honours}', en: 'Honours: {honours}'},
  'statement.provisionalNote': {
    zh: '本周期尚未结束，以上为预估金额，可能变化。',
    en: 'This period has not ended yet: these amounts are provisional and may change.',
  },

  // A section's heading in the plain text (the statement field).
  'statement.heading': {zh: '【{heading}】', en: '[{heading}]'},
  'statement.section.pay': {zh: '收入', en: 'Pay'},
  'statement.section.breakdown': {zh: '绩效明细', en: 'Breakdown'},
  'statement.section.adjustments': {zh: '调整', en: 'Adjustments'},
  'statement.section.feedback': {zh: '反馈与改进', en: 'Feedback'},

  'statement.pay.baseSalary': {zh: '基本工资', en: 'Base salary'},
  'statement.pay.performancePay': {zh: '绩效工资', en: 'Performance pay'},
  'statement.pay.bonus': {zh: '奖金', en: 'Bonus'},
  'statement.pay.teamBonus': {zh: '团队奖', en: 'Team bonus'},
  'statement.pay.award': {zh: '冠军奖', en: 'Champion award'},
  'statement.pay.adjustments': {zh: '调整', en: 'Adjustments'},
  'statement.pay.totalPay': {zh: '总收入', en: 'Total pay'},
  'statement.pay.balance': {zh: '结转余额（下期扣回）', en: 'Balance carried forward (recovered later)'},
  'statement.pay.line': {zh: '{label}：{amount}', en: '{label}: {amount}'},
  'statement.noFeedback': {zh: '本期无反馈。', en: 'No feedback this period.'},
  'statement.noAdjustments': {zh: '本期无调整。', en: 'No adjustments this period.'},

  // The print view (frontend/statement).
  'statement.ui.one': {zh: '绩效单', en: 'Statement'},
  'statement.ui.all': {zh: '全部绩效单', en: 'All statements'},
  'statement.ui.print': {zh: '打印 / 导出 PDF', en: 'Print / save as PDF'},
  'statement.ui.close': {zh: '关闭', en: 'Close'},
  'statement.ui.count.one': {zh: '{count} 份绩效单，每人一页', en: '{count} statement, one page per person'},
  'statement.ui.count.other': {zh: '{count} 份绩效单，每人一页', en: '{count} statements, one page per person'},
  'statement.ui.language': {zh: '按方案的结果语言（{lang}）显示', en: 'Shown in the plan\'s result language ({lang})'},
  'statement.ui.lang.zh': {zh: '中文', en: 'Chinese'},
  'statement.ui.lang.en': {zh: '英文', en: 'English'},
  'statement.ui.page': {zh: '{name} 的绩效单', en: 'Statement of {name}'},
  // Everyone's statements are shown and printed a group at a time (docs/statements.md).
  'statement.ui.group.label': {zh: '打印范围（按排名）', en: 'People to print (by rank)'},
  'statement.ui.group.option': {zh: '第 {from}–{to} 人：{first} … {last}', en: '{from}–{to}: {first} … {last}'},
  'statement.ui.group.hint': {
    zh: '人数较多，每次显示并打印 {size} 人：选择一组，打印后再选下一组。',
    en: 'With this many people, {size} are shown and printed at a time: choose a group, print it, then choose the next.',
  },
  'statement.ui.group.next': {zh: '下一组', en: 'Next group'},
} satisfies Record<string, Text>;
