import type {Text} from '../plan';

/** Catalogue part: the charts (frontend/charts). See src/i18n/index.ts. */
export const chartsMessages = {
  'charts.title': {zh: '图表', en: 'Charts'},
  'charts.empty': {zh: '这次计算没有结果，暂无图表。', en: 'This run has no results: there is nothing to chart.'},
  // Plural forms, chosen by Intl.PluralRules of the language (Chinese has one form).
  'charts.people.one': {zh: '{count} 人', en: '{count} person'},
  'charts.people.other': {zh: '{count} 人', en: '{count} people'},
  'charts.axis.people': {zh: '人数', en: 'People'},
  'charts.axis.score': {zh: '总分', en: 'Total score'},
  'charts.axis.pay': {zh: '金额（{currency}）', en: 'Amount ({currency})'},

  'charts.grades.title': {zh: '等级分布', en: 'Grade distribution'},
  'charts.grades.ungraded': {zh: '无等级', en: 'No grade'},
  'charts.grades.grade': {zh: '{grade} 级', en: 'Grade {grade}'},
  'charts.grades.share': {zh: '占 {share}', en: '{share} of all'},

  'charts.histogram.title': {zh: '总分分布（按等级着色）', en: 'Scores, coloured by grade band'},
  'charts.histogram.bin': {zh: '{from} – {to} 分', en: 'Score {from} – {to}'},

  'charts.teamPay.title': {zh: '各团队收入构成', en: 'Pay by team and component'},
  'charts.teamPay.noTeam': {zh: '未分团队', en: 'No team'},
  'charts.teamPay.otherTeams': {zh: '其余 {count} 个团队', en: '{count} other teams'},
  'charts.teamPay.total': {zh: '总收入 {amount}', en: 'Total pay {amount}'},
  'charts.teamPay.hint': {zh: '基本工资默认隐藏，点击图例可显示或隐藏各项。', en: 'Base salary is hidden at first: click a legend item to show or hide it.'},

  'charts.part.baseSalary': {zh: '基本工资', en: 'Base salary'},
  'charts.part.performancePay': {zh: '绩效工资', en: 'Performance pay'},
  'charts.part.bonus': {zh: '奖金', en: 'Bonus'},
  'charts.part.teamBonus': {zh: '团队奖', en: 'Team bonus'},
  'charts.part.award': {zh: '冠军奖', en: 'Champion award'},
  'charts.part.adjustments': {zh: '调整（补发/扣回）', en: 'Adjustments (true-up/clawback)'},
  // What the parts a results-table row names leave of its total pay: the base salary, mostly.
  'charts.part.other': {zh: '基本工资及其他', en: 'Base salary and other'},

  'charts.leaderboard.title': {zh: '排行榜：总分与总收入', en: 'Leaderboard: score and pay'},
  'charts.leaderboard.entry': {zh: '{rank}. {name}', en: '{rank}. {name}'},
  'charts.leaderboard.score': {zh: '总分', en: 'Score'},
  'charts.leaderboard.pay': {zh: '总收入', en: 'Total pay'},
  'charts.leaderboard.tiedBeyond': {zh: '另有 {count} 人并列第 {rank} 名。', en: '{count} more share rank {rank}.'},

  'charts.trend.title': {zh: '{name} 的历期趋势', en: 'Trend across periods: {name}'},
  'charts.trend.score': {zh: '总分', en: 'Total score'},
  'charts.trend.empty': {zh: '{name} 还没有已保存的周期结果。', en: 'No stored period results for {name} yet.'},
} satisfies Record<string, Text>;
