import type {Text} from '../plan';

/** Catalogue part: the run view (preview, refresh, warnings, run log). See src/i18n/index.ts. */
export const runMessages = {
  'run.period.label': {zh: '考核周期', en: 'Period'},

  'run.preview.button': {zh: '预览', en: 'Preview'},
  'run.preview.title': {zh: '预览：每位参与人的结果', en: 'Preview: results of every participant'},
  'run.preview.none': {zh: '选择考核周期后点击“预览”，查看将写入的结果。', en: 'Choose a period and press Preview to see the results before anything is written.'},
  'run.preview.summary': {
    zh: '{participants} 位参与人；{changedRecords} 人的 {changedCells} 个结果单元格将更新，{unchanged} 人无变化（方案版本 {version}）。',
    en: '{participants} participants; {changedCells} result cells of {changedRecords} participants will change, {unchanged} unchanged (plan version {version}).',
  },
  'run.preview.noChange': {zh: '无变化', en: 'No change'},
  'run.preview.showMore': {zh: '显示更多（已显示 {shown} / {total}）', en: 'Show more ({shown} of {total} shown)'},

  'run.col.rank': {zh: '排名', en: 'Rank'},
  'run.col.name': {zh: '姓名', en: 'Name'},
  'run.col.totalScore': {zh: '总分', en: 'Score'},
  'run.col.grade': {zh: '等级', en: 'Grade'},
  'run.col.totalPay': {zh: '总收入', en: 'Total pay'},
  'run.col.changes': {zh: '将更新的单元格（原值 → 新值）', en: 'Cells to update (old → new)'},

  'run.result.totalScore': {zh: '总分', en: 'Total score'},
  'run.result.grade': {zh: '等级', en: 'Grade'},
  'run.result.rank': {zh: '排名', en: 'Rank'},
  'run.result.performancePay': {zh: '绩效工资', en: 'Performance pay'},
  'run.result.bonus': {zh: '奖金', en: 'Bonus'},
  'run.result.teamBonus': {zh: '团队奖', en: 'Team bonus'},
  'run.result.award': {zh: '冠军奖', en: 'Champion award'},
  'run.result.totalPay': {zh: '总收入', en: 'Total pay'},
  'run.result.honours': {zh: '荣誉', en: 'Honours'},
  'run.result.breakdown': {zh: '绩效明细', en: 'Breakdown'},
  'run.result.feedback': {zh: '反馈', en: 'Feedback'},
  'run.result.calculatedAt': {zh: '计算时间', en: 'Calculated at'},

  'run.leaderboard.title': {zh: '排行榜', en: 'Leaderboard'},

  'run.detail.title': {zh: '{name} 的绩效明细', en: 'Breakdown for {name}'},
  'run.detail.close': {zh: '关闭明细', en: 'Close breakdown'},
  'run.detail.inCycle': {
    zh: '此人处于上级关系循环中，未计算团队奖。',
    en: 'This participant is in an upline cycle: no team figures were computed.',
  },
  'run.detail.breakdown': {zh: '计算过程', en: 'How each number is computed'},
  'run.detail.honours': {zh: '荣誉', en: 'Honours'},
  'run.detail.feedback': {zh: '反馈与改进', en: 'Feedback and improvement'},
  'run.detail.strength': {zh: '优势：{metric}（得分 {score}）', en: 'Strength: {metric} (score {score})'},
  'run.detail.weak': {zh: '待提升：{metric}（得分 {score}）', en: 'To improve: {metric} (score {score})'},
  'run.detail.action': {zh: '建议：{action}', en: 'Action: {action}'},
  'run.detail.noFeedback': {zh: '暂无反馈。', en: 'No feedback.'},

  'run.warnings.title': {zh: '提示（{count}）', en: 'Warnings ({count})'},
  'run.warnings.open': {zh: '打开 {record}', en: 'Open {record}'},
  'run.warnings.more': {zh: '……另有 {count} 条记录', en: '… and {count} more records'},
  'run.warnings.recordGone': {zh: '记录 {record} 已不存在。', en: 'Record {record} no longer exists.'},

  'run.refresh.button': {zh: '刷新结果', en: 'Refresh'},
  'run.refresh.busy': {zh: '正在运行，请稍候。', en: 'Running, please wait.'},
  'run.refresh.previewFirst': {zh: '请先预览本周期的结果，再刷新。', en: 'Preview this period first, then refresh.'},
  'run.refresh.stale': {
    zh: '预览之后方案已被修改（可能是其他协作者），请重新预览。',
    en: 'The plan was changed after this preview (perhaps by a collaborator): preview again.',
  },
  'run.refresh.invalid': {zh: '方案有错误，无法刷新：{message}', en: 'The plan has errors, so nothing can be written: {message}'},
  'run.refresh.lostPermission': {
    zh: '没有写入权限，未写入任何内容：{reason}',
    en: 'You may not write the result fields; nothing was written: {reason}',
  },

  'run.failed': {zh: '运行失败：{message}', en: 'The run failed: {message}'},

  'run.progress.reading': {zh: '正在读取数据…… {percent}%', en: 'Reading the base… {percent}%'},
  'run.progress.computing': {zh: '正在计算得分与收入…… {percent}%', en: 'Computing scores and pay… {percent}%'},
  'run.progress.comparing': {zh: '正在与现有结果比对…… {percent}%', en: 'Comparing with the result cells… {percent}%'},
  'run.progress.writing': {zh: '正在写入结果…… {percent}%', en: 'Writing results… {percent}%'},

  'run.summary.counts': {
    zh: '完成：{changed} 人已更新（{cells} 个单元格），{unchanged} 人无变化，{failed} 人失败；写入调用 {calls} 次。',
    en: 'Done: {changed} participants updated ({cells} cells), {unchanged} unchanged, {failed} failed; {calls} write calls.',
  },
  'run.summary.rerun': {
    zh: '已写入的结果保留；再次刷新将只补写未完成的部分。',
    en: 'What was written stays; refresh again to complete the rest, and only the rest.',
  },
  'run.summary.notLogged': {
    zh: '你没有修改扩展设置的权限，本次运行未记入运行记录。',
    en: 'You may not change the extension settings, so this run was not added to the run log.',
  },

  'run.log.title': {zh: '运行记录', en: 'Run log'},
  'run.log.empty': {zh: '还没有运行记录。', en: 'No runs yet.'},
  'run.log.entry': {
    zh: '{at} · {user} · {period} · 版本 {version}（{revision}）· 更新 {changed} / 无变化 {unchanged} / 失败 {failed} · 总收入合计 {totalPay}',
    en: '{at} · {user} · {period} · version {version} ({revision}) · changed {changed} / unchanged {unchanged} / failed {failed} · total pay {totalPay}',
  },
  'run.log.anonymous': {zh: '（匿名）', en: '(anonymous)'},
  'run.log.all': {zh: '显示全部 {count} 条', en: 'Show all {count}'},
  'run.log.less': {zh: '收起', en: 'Show fewer'},
  // Counted nouns (see src/i18n/numbers.ts countText): English picks .one or .other by Intl.PluralRules.
  'run.n.records.one': {zh: '{count} 条记录', en: '{count} record'},
  'run.n.records.other': {zh: '{count} 条记录', en: '{count} records'},
  'run.n.participants.one': {zh: '{count} 位参与人', en: '{count} participant'},
  'run.n.participants.other': {zh: '{count} 位参与人', en: '{count} participants'},
  'run.n.cells.one': {zh: '{count} 个单元格', en: '{count} cell'},
  'run.n.cells.other': {zh: '{count} 个单元格', en: '{count} cells'},
  'run.n.calls.one': {zh: '{count} 次写入调用', en: '{count} write call'},
  'run.n.calls.other': {zh: '{count} 次写入调用', en: '{count} write calls'},
  'run.n.warnings.one': {zh: '{count} 条提示', en: '{count} warning'},
  'run.n.warnings.other': {zh: '{count} 条提示', en: '{count} warnings'},

  'run.preview.summaryCounted': {
    zh: '{participants}；{changedRecords}的 {changedCells}将更新，{unchanged} 人无变化（{version}）。',
    en: '{participants}; {changedCells} of {changedRecords} will change, {unchanged} unchanged ({version}).',
  },
  'run.version.named': {zh: '方案版本“{label}”', en: 'plan version “{label}”'},
  'run.col.changesShort': {zh: '变更', en: 'Changes'},
  'run.preview.search': {zh: '按姓名搜索', en: 'Search by name'},
  'run.preview.matches': {zh: '显示 {shown} / {total}', en: '{shown} of {total} shown'},
  'run.preview.noMatch': {zh: '没有姓名包含“{query}”的参与人。', en: 'Nobody’s name contains “{query}”.'},
  'run.preview.expand': {zh: '展开 {name} 的变更', en: 'Show the changes for {name}'},
  'run.preview.collapse': {zh: '收起 {name} 的变更', en: 'Hide the changes for {name}'},
  'run.preview.openDetail': {zh: '查看 {name} 的绩效明细', en: 'Open the breakdown for {name}'},
  'run.summary.countsCounted': {
    zh: '完成：{changed}已更新（{cells}），{unchanged} 人无变化，{failed} 人失败；{calls}。',
    en: 'Done: {changed} updated ({cells}), {unchanged} unchanged, {failed} failed; {calls}.',
  },
  'run.log.entryCounted': {
    zh: '{at} · {user} · {period} · {version}（{revision}）· 更新 {changed} / 无变化 {unchanged} / 失败 {failed} · 总收入合计 {totalPay}',
    en: '{at} · {user} · {period} · {version} ({revision}) · changed {changed} / unchanged {unchanged} / failed {failed} · total pay {totalPay}',
  },
  'run.warnings.titleCounted': {zh: '提示（{count}）', en: 'Warnings ({count})'},
  'run.warnings.openRecord': {zh: '打开“{record}”', en: 'Open “{record}”'},
  'run.warnings.moreRecords': {zh: '……另有 {records}', en: '… and {records} not shown'},
  'run.warnings.similar': {zh: '同类提示共 {count} 条', en: '{count} warnings of this kind'},
  'run.warnings.showSimilar': {zh: '显示全部同类提示', en: 'Show all of this kind'},
  // Records dated before the plan's first period: history, a count under the preview's totals, never a warning.
  'run.preview.history': {zh: '{records}早于方案的第一个周期（历史）', en: '{records} before the plan’s first period (history)'},
} satisfies Record<string, Text>;
