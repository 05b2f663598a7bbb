import type {Text} from '../plan';

/**
 * Catalogue part: the period ledger (src/ledger, frontend/adapter/resultsTable.ts): the results
 * table's names, period statuses and what the ledger refuses or reports. See src/i18n/index.ts.
 */
export const ledgerMessages = {
  'ledger.table.name': {zh: '绩效结果', en: 'Results'},

  // The results table's fields: created in the plan's result language, recognised in either.
  'ledger.field.period': {zh: '考核周期', en: 'Period'},
  'ledger.field.participant': {zh: '参与人', en: 'Participant'},
  'ledger.field.planVersion': {zh: '方案版本', en: 'Plan version'},
  'ledger.field.status': {zh: '状态', en: 'Status'},
  'ledger.field.totalScore': {zh: '总分', en: 'Total score'},
  'ledger.field.grade': {zh: '等级', en: 'Grade'},
  'ledger.field.rank': {zh: '排名', en: 'Rank'},
  'ledger.field.performancePay': {zh: '绩效工资', en: 'Performance pay'},
  'ledger.field.bonus': {zh: '奖金', en: 'Bonus'},
  'ledger.field.teamBonus': {zh: '团队奖', en: 'Team bonus'},
  'ledger.field.award': {zh: '冠军奖', en: 'Champion award'},
  'ledger.field.adjustments': {zh: '调整', en: 'Adjustments'},
  'ledger.field.balance': {zh: '结转余额', en: 'Balance carried forward'},
  'ledger.field.totalPay': {zh: '总收入', en: 'Total pay'},
  'ledger.field.honours': {zh: '荣誉', en: 'Honours'},
  'ledger.field.promotion': {zh: '晋升建议', en: 'Promotion suggestion'},
  'ledger.field.breakdown': {zh: '绩效明细', en: 'Breakdown'},
  'ledger.field.feedback': {zh: '反馈', en: 'Feedback'},
  'ledger.field.calculatedAt': {zh: '计算时间', en: 'Calculated at'},
  'ledger.field.approvedBy': {zh: '审批人', en: 'Approved by'},
  'ledger.field.approvedAt': {zh: '审批时间', en: 'Approved at'},
  'ledger.field.closedBy': {zh: '关账人', en: 'Closed by'},
  'ledger.field.closedAt': {zh: '关账时间', en: 'Closed at'},

  'ledger.status.open': {zh: '开放', en: 'Open'},
  'ledger.status.provisional': {zh: '预估', en: 'Provisional'},
  'ledger.status.approved': {zh: '已审批', en: 'Approved'},
  'ledger.status.closed': {zh: '已关账', en: 'Closed'},

  'ledger.transition.alreadyApproved': {zh: '周期 {period} 已审批', en: 'Period {period} is already approved'},
  'ledger.transition.isClosed': {
    zh: '周期 {period} 已关账（已发放），不能再审批或关账；如需更正，请先填写原因重新打开',
    en: 'Period {period} is closed (paid) and cannot be approved or closed again; to correct it, reopen it first with a reason',
  },
  'ledger.transition.notEnded': {
    zh: '周期 {period} 尚未结束（截至 {end}），结果仍为预估，不能审批',
    en: 'Period {period} has not ended yet (it runs to {end}); its results are provisional and cannot be approved',
  },
  'ledger.transition.notApproved': {zh: '周期 {period} 尚未审批，须先审批再关账', en: 'Period {period} is not approved yet: approve it before closing it'},
  'ledger.transition.noVersion': {
    zh: '周期 {period} 没有生效的方案版本，无法关账',
    en: 'No plan version is in force for period {period}; it cannot be closed',
  },
  'ledger.transition.alreadyOpen': {zh: '周期 {period} 已是开放状态', en: 'Period {period} is already open'},
  'ledger.transition.reasonRequired': {zh: '重新打开周期 {period} 须填写原因', en: 'Reopening period {period} needs a reason'},
  'ledger.transition.laterClosed': {
    zh: '周期 {period} 之后的周期 {later} 已关账：其调整以 {period} 的发放额为准，不能再重新打开 {period}；请在当前开放周期中调整',
    en: 'Period {later}, after {period}, is closed and its adjustments rest on what {period} paid, so {period} cannot be reopened; make the correction in the current open period',
  },

  'ledger.rows.duplicate': {
    zh: '{name} 在周期 {period} 有 {count} 行结果，无法确定哪一行有效：均未写入，请删除多余的行',
    en: '{name} has {count} result rows for period {period}; it is unclear which one holds: none was written, delete the extra rows',
  },
  'ledger.rows.noParticipant': {
    zh: '周期 {period} 有一行结果未关联参与人，已跳过',
    en: 'A result row of period {period} links to no participant; it was skipped',
  },
  'ledger.rows.manyParticipants': {
    zh: '周期 {period} 有一行结果关联了多名参与人（{names}），已跳过',
    en: 'A result row of period {period} links to several participants ({names}); it was skipped',
  },
  'ledger.rows.noPeriod': {zh: '{name} 有一行结果未填写考核周期，已跳过', en: 'A result row of {name} has no period; it was skipped'},

  'ledger.upsert.closed': {
    zh: '周期 {period} 已关账（已发放）：其结果行保持发放时的数值，本次未写入任何内容',
    en: 'Period {period} is closed (paid): its rows stay as they were paid, and nothing was written',
  },
  'ledger.upsert.approved': {
    zh: '周期 {period} 已审批，而重新计算会改变 {count} 人的结果：未写入。如需更新，请先填写原因重新打开该周期',
    en: 'Period {period} is approved, and recomputing it would change the results of {count} people: nothing was written. To update them, reopen the period first with a reason',
  },
  'ledger.upsert.rowsSayClosed': {
    zh: '周期 {period} 有 {count} 行结果标记为已关账，但关账记录中该周期并未关账（记录可能丢失或被替换）：未写入。请核对后重新关账或填写原因重新打开',
    en: '{count} result rows of period {period} say closed, but the ledger does not have the period closed (its record may have been lost or replaced): nothing was written. Check them, then close the period again or reopen it with a reason',
  },
  'ledger.upsert.keyMissing': {
    zh: '结果表缺少用于识别行的字段（{fields}），无法写入',
    en: 'The results table lacks the fields that identify a row ({fields}); nothing can be written',
  },
  'ledger.upsert.leftAlone': {
    zh: '周期 {period} 有 {count} 行结果的参与人本次未参与计算（{names}），保持原样',
    en: '{count} result rows of period {period} belong to people not in this run ({names}); they were left as they are',
  },

  'ledger.state.unreadable': {
    zh: '周期状态记录无法读取（{detail}），各周期暂按开放处理；已关账周期的结果行仍受保护',
    en: 'The period status record could not be read ({detail}); periods read as open, and rows of closed periods stay protected',
  },
  'ledger.state.entryDropped': {zh: '周期 {period} 的状态记录无法读取，已按开放处理', en: 'The status record of period {period} could not be read; it reads as open'},
  'ledger.state.full': {
    zh: '周期状态记录将达 {size} kB，超出 {budget} kB 的存储上限：本次操作未保存',
    en: 'The period status record would take {size} kB, over its {budget} kB storage budget: this action was not saved',
  },

  'ledger.create.exists': {
    zh: '已有名为“{name}”的表：请在设置中选择该表作为结果表，或先将其改名',
    en: 'A table named "{name}" already exists: choose it as the results table in settings, or rename it first',
  },
  'ledger.create.noPeople': {zh: '请先选择参与人表，结果表要关联到它', en: 'Choose the people table first: the results table links to it'},
  'ledger.create.failed': {zh: '创建结果表失败：{message}', en: 'The results table could not be created: {message}'},
  'ledger.table.missing': {
    zh: '结果表“{name}”已不存在（可能已被删除），未读取也未写入',
    en: 'The results table "{name}" no longer exists (it may have been deleted); nothing was read or written',
  },
  'ledger.table.fieldMissing': {
    zh: '结果表的字段“{name}”已不存在，该项未读取也未写入',
    en: 'Field "{name}" of the results table no longer exists; it was neither read nor written',
  },
  'ledger.table.mistyped': {
    zh: '结果表的字段“{name}”类型为{type}，不能存放“{key}”，已跳过',
    en: 'Field "{name}" of the results table is a {type} field and cannot hold "{key}"; skipped',
  },
  'ledger.write.deleted': {
    zh: '周期 {period} 有 {count} 行结果在写入前被删除，已跳过（{names}）；再次刷新会重新创建',
    en: '{count} result rows of period {period} were deleted before they could be written and were skipped ({names}); refreshing again creates them anew',
  },
  'ledger.write.noChoice': {
    zh: '结果表的状态字段“{name}”没有“{status}”选项，状态未写入',
    en: 'The status field "{name}" of the results table has no "{status}" choice; the status was not written',
  },

  // The people table's optional "period id" result field (its cells say which period the other result cells show).
  'settings.result.periodId': {zh: '周期', en: 'Period id'},
  'run.result.periodId': {zh: '周期', en: 'Period id'},

  // Settings: the results table section.
  'ledger.ui.settings.section': {zh: '绩效结果表', en: 'Results table'},
  'ledger.ui.settings.intro': {
    zh: '每人每个周期一行，保存每期的计算、审批与发放结果（可选）。未设置时，只写入参与人表的结果字段。',
    en: 'One row per person per period, keeping what each period computed, approved and paid (optional). Without it, only the result fields of the people table are written.',
  },
  'ledger.ui.settings.pick': {zh: '选择已有的表', en: 'Use an existing table'},
  'ledger.ui.settings.mapped': {zh: '已匹配 {count}/{total} 个字段：{fields}', en: '{count} of {total} fields matched: {fields}'},
  'ledger.ui.settings.unmapped': {zh: '未匹配（不写入）：{fields}', en: 'Not matched (not written): {fields}'},
  'ledger.ui.settings.required': {zh: '缺少必需的字段：{fields}', en: 'Required fields missing: {fields}'},
  'ledger.ui.settings.mistyped': {
    zh: '以下字段名称相符但类型不能存放该值，未使用：{fields}',
    en: 'These fields have the right name but a type that cannot hold the value, and are not used: {fields}',
  },
  'ledger.ui.settings.create': {zh: '一键创建“{name}”表', en: 'Create the "{name}" table'},
  'ledger.ui.settings.created': {zh: '已创建表“{name}”（{count} 个字段），保存设置后生效', en: 'Table "{name}" created ({count} fields); save the settings to use it'},
  'ledger.ui.settings.cannotCreate': {zh: '无法创建结果表：{reason}', en: 'The results table cannot be created: {reason}'},
  'ledger.ui.settings.nameTaken': {
    zh: '已有名为“{name}”的表：请在上方选择它，或先将其改名',
    en: 'A table named "{name}" already exists: choose it above, or rename it first',
  },

  // The run view: the period's standing, the results table's part of a refresh.
  'ledger.ui.run.emptyHeadless': {zh: '{message}：未写入任何内容', en: '{message}: nothing was written'},
  'ledger.ui.run.empty': {zh: '{period}：本周期没有{sources}', en: '{period}: no {sources} in this period'},
  'ledger.ui.action.unknownPeriod': {zh: '方案中没有周期 {period}', en: 'The plan has no period {period}'},
  'ledger.ui.action.denied': {zh: '你没有权限执行此操作：{reason}', en: 'You may not do this: {reason}'},
  'ledger.ui.action.saveFailed': {zh: '周期状态未能保存：{message}', en: 'The period status could not be saved: {message}'},
  'ledger.ui.cancel': {zh: '取消', en: 'Cancel'},
  'ledger.ui.period.status': {zh: '周期状态：{status}', en: 'Period status: {status}'},
  'ledger.ui.period.provisional': {
    zh: '预估：本周期尚未结束（截至 {end}），结果仍可能变化，结束后才能审批',
    en: 'Provisional: this period has not ended yet (it runs to {end}); its results may still change, and it can be approved once it has ended',
  },
  'ledger.ui.period.noTable': {
    zh: '在设置中选择或创建“绩效结果表”后，才能审批、关账并保留每期的结果',
    en: 'Choose or create a results table in settings to approve and close periods and keep every period',
  },
  'ledger.ui.action.approve': {zh: '审批', en: 'Approve'},
  'ledger.ui.action.close': {zh: '关账（已发放）', en: 'Close (paid)'},
  'ledger.ui.action.reopen': {zh: '重新打开', en: 'Reopen'},
  'ledger.ui.action.title.approve': {zh: '审批周期 {period}', en: 'Approve period {period}'},
  'ledger.ui.action.title.close': {zh: '关账周期 {period}', en: 'Close period {period}'},
  'ledger.ui.action.title.reopen': {zh: '重新打开周期 {period}', en: 'Reopen period {period}'},
  'ledger.ui.action.explain.approve': {
    zh: '确认以下结果无误。审批后，刷新不会再改变本周期的数值（如需更正须先重新打开）。',
    en: 'Confirm these results. Once approved, a refresh no longer changes the period\'s figures (reopen it first to correct them).',
  },
  'ledger.ui.action.explain.close': {
    zh: '关账表示已按以下金额发放。关账后本周期的结果行不再改写，所用方案版本也将锁定。',
    en: 'Closing records that these amounts were paid. The period\'s rows are then never rewritten, and its plan version is locked.',
  },
  'ledger.ui.action.explain.reopen': {
    zh: '重新打开后，本周期的审批与关账记录将清除（历史仍保留），刷新可再次改写其结果。请填写原因，原因会记入运行记录。',
    en: 'Reopening clears the period\'s approval and close (its history is kept), so a refresh may rewrite its results. Give a reason: it is kept in the run log.',
  },
  'ledger.ui.action.reason': {zh: '重新打开的原因', en: 'Reason for reopening'},
  'ledger.ui.action.done.approve': {zh: '周期 {period} 已审批（{rows} 行已更新状态）', en: 'Period {period} approved ({rows} rows updated)'},
  'ledger.ui.action.done.close': {zh: '周期 {period} 已关账（{rows} 行已更新状态）', en: 'Period {period} closed ({rows} rows updated)'},
  'ledger.ui.action.done.reopen': {zh: '周期 {period} 已重新打开（{rows} 行已更新状态）', en: 'Period {period} reopened ({rows} rows updated)'},
  'ledger.ui.action.pending': {
    zh: '结果表中还有 {count} 行待写入：请先刷新，再审批',
    en: '{count} rows of the results table are still to be written: refresh first, then approve',
  },
  'ledger.ui.action.previewFirst': {zh: '请先预览本周期，确认结果已全部写入后再审批', en: 'Preview this period first: approve once its results are all written'},
  'ledger.ui.totals.people': {zh: '人数', en: 'People'},
  'ledger.ui.tab.history': {zh: '历史记录', en: 'History'},
  'ledger.ui.tab.run': {zh: '返回计算', en: 'Back to run'},
  'ledger.ui.run.plan': {
    zh: '绩效结果表（{status}）：将新建 {creates} 行，更新 {updates} 行，{unchanged} 行无变化',
    en: 'Results table ({status}): {creates} rows to create, {updates} to update, {unchanged} unchanged',
  },
  'ledger.ui.run.written': {
    zh: '绩效结果表：新建 {created} 行，更新 {updated} 行（{calls} 次写入）',
    en: 'Results table: {created} rows created, {updated} updated ({calls} write calls)',
  },
  'ledger.ui.run.emptyTitle': {zh: '周期 {period} 没有任何数据', en: 'Period {period} has no data'},
  'ledger.ui.run.emptyBody': {
    zh: '写入后，每人的得分将为 0，且会覆盖参与人表中现有的结果。确定这是正确的吗？',
    en: 'Writing it gives everyone a score of 0 and replaces the results now in the people table. Is this really what you want?',
  },
  'ledger.ui.run.emptyConfirm': {zh: '仍然写入', en: 'Write anyway'},
  'ledger.ui.history.person': {zh: '人员', en: 'Person'},
  'ledger.ui.history.team': {zh: '团队', en: 'Team'},
  'ledger.ui.payroll.download': {zh: '下载工资表', en: 'Download payroll'},
  'ledger.ui.payroll.saved': {zh: '已导出工资表 {file}（{people} 人）', en: 'Payroll file {file} saved ({people} people)'},
  'ledger.ui.payroll.failed': {zh: '工资表未能导出：{message}', en: 'The payroll file could not be exported: {message}'},
  'ledger.ui.history.none': {zh: '绩效结果表中还没有任何结果：刷新一个周期后即可查看', en: 'The results table has no rows yet: refresh a period to see them here'},
  'ledger.ui.log.rows': {zh: '；结果表新建 {created} 行、更新 {updated} 行', en: '; results table: {created} rows created, {updated} updated'},
  'ledger.ui.log.adjustments': {
    zh: '；以前周期调整 {total}（{people} 人），结转余额 {balance}',
    en: '; adjustments from earlier periods {total} ({people} people), balance carried forward {balance}',
  },
  // A plan import must leave the versions of closed periods as they were paid (issue 12).
  // Counted: the closed periods a version paid, in the plural English needs (numbers.ts countText).
  'ledger.n.paidUnder.one': {zh: '已关账周期 {periods} 是按此版本发放的', en: 'closed period {periods} was paid'},
  'ledger.n.paidUnder.other': {zh: '已关账周期 {periods} 是按此版本发放的', en: 'closed periods {periods} were paid'},
  'ledger.n.closedPeriods.one': {zh: '已关账周期 {periods}', en: 'closed period {periods}'},
  'ledger.n.closedPeriods.other': {zh: '已关账周期 {periods}', en: 'closed periods {periods}'},
  'ledger.import.frozenChanged': {
    zh: '导入的方案修改了方案版本“{version}”，而{paid}：导入已取消，未做任何更改。请在文件中保持此版本不变，并从下一个开放周期起新增一个版本；或先重新打开这些周期',
    en: 'The imported plan changes plan version "{version}", under which {paid}: the import was cancelled and nothing changed. Keep that version as it is in the file and add a new version from the next open period, or reopen those periods first',
  },
  'ledger.import.frozenRemoved': {
    zh: '导入的方案没有方案版本“{version}”，而{paid}：导入已取消，未做任何更改。请在文件中保留此版本',
    en: 'The imported plan has no plan version "{version}", under which {paid}: the import was cancelled and nothing changed. Keep that version in the file',
  },
  'ledger.import.frozenNotInForce': {
    zh: '导入的方案中，方案版本“{version}”的生效日期不再覆盖{periods}：导入已取消，未做任何更改。已关账周期须仍按发放时的版本计算',
    en: 'In the imported plan, plan version "{version}" is no longer in force for {periods}: the import was cancelled and nothing changed. A closed period must still be computed with the version it was paid under',
  },
  'ledger.ui.log.approve': {zh: '{at} {user} 审批了周期 {period}（{people} 人，总收入 {totalPay}）', en: '{at} {user} approved period {period} ({people} people, total pay {totalPay})'},
  'ledger.ui.log.close': {zh: '{at} {user} 关账了周期 {period}（{people} 人，总收入 {totalPay}）', en: '{at} {user} closed period {period} ({people} people, total pay {totalPay})'},
  'ledger.ui.log.reopen': {zh: '{at} {user} 重新打开了周期 {period}，原因：{reason}', en: '{at} {user} reopened period {period}; reason: {reason}'},
  'ledger.ui.version.frozen': {
    zh: '方案版本“{version}”用于已关账的周期 {periods}，已锁定，不能修改：已发放的金额须能按当时的规则解释。如需调整规则，请从下一个开放周期起新建版本。',
    en: 'Plan version "{version}" was used by the closed periods {periods} and is locked: what was paid must stay explainable by the rules it was paid under. To change the rules, add a new version from the next open period.',
  },
  'ledger.ui.version.newFrom': {zh: '从 {date} 起新建版本', en: 'New version from {date}'},

  // Issue 13: adjustments of closed periods carried into the open one, the clawback policy, payroll export.
  'ledger.field.baseSalary': {zh: '基本工资', en: 'Base salary'},
  'ledger.field.adjustmentDetail': {zh: '调整明细', en: 'Adjustment detail'},
  // The feedback's promotion line (src/ledger/promotion.ts, docs/plan.md §14).
  'ledger.promotion.suggested': {zh: '连续 {n} 期 {grade} 级及以上，建议晋升为 {tier}', en: '{n} consecutive periods at grade {grade} or better: suggested for {tier}'},
  'ledger.adjust.line': {zh: '{period} 调整：{component} {amount}', en: '{period} adjustment: {component} {amount}'},
  'ledger.adjust.lineCause': {zh: '{period} 调整：{causes} -> {component} {amount}', en: '{period} adjustment: {causes} -> {component} {amount}'},
  'ledger.adjust.cause.created': {zh: '{source} {name} 关账后新增 {amount}', en: '{source} {name} added after close {amount}'},
  'ledger.adjust.cause.modified': {zh: '{source} {name} 关账后修改 {amount}', en: '{source} {name} changed after close {amount}'},
  'ledger.adjust.cause.more': {zh: '等 {count} 条记录', en: 'and {count} more records'},
  'ledger.adjust.broughtForward': {zh: '结转余额（以前周期未扣回）{amount}', en: 'Balance brought forward (not yet recovered) {amount}'},
  'ledger.adjust.capped': {
    zh: '扣回上限为调整前收入 {pay} 的 {percent}%：本期扣回 {taken}，余额 {balance} 结转下期',
    en: 'Clawback capped at {percent}% of pay before adjustments ({pay}): {taken} recovered now, {balance} carried to the next period',
  },
  'ledger.adjust.notClawedBack': {zh: '按方案不扣回负调整 {amount}', en: 'Negative adjustment {amount} not clawed back, as the plan says'},
  'ledger.adjust.total': {zh: '调整合计 {amount}', en: 'Adjustments total {amount}'},
  'ledger.adjust.totalPay': {zh: '调整后总收入 = {before} 调整 {amount} = {after}', en: 'Total pay after adjustments = {before} adjustments {amount} = {after}'},
  'ledger.adjust.unplaced': {
    zh: '{name} 已不在本次计算的参与人中，其 {period} 的调整 {amount} 无法记入：未结转，重新加入后会自动补记',
    en: '{name} is no longer among the people of this run, so their {period} adjustment of {amount} has no row to go to: not carried; it is carried once they are back',
  },
  'ledger.adjust.recomputeFailed': {
    zh: '已关账周期 {period} 无法按其冻结的方案版本重新计算（{reason}）：本次不计其调整，下次刷新再补',
    en: 'Closed period {period} could not be recomputed with its frozen plan version ({reason}); its adjustments are left out this time and carried by a later refresh',
  },
  'ledger.adjust.noVersion': {zh: '冻结的方案版本 {version} 已不存在', en: 'its frozen plan version {version} no longer exists'},
  'ledger.adjust.detailUnreadable': {
    zh: '{name} 在周期 {period} 的调整明细有 {count} 行无法识别，已忽略：请勿手工修改“调整明细”',
    en: '{count} lines of the adjustment detail of {name} in period {period} could not be read and were ignored: do not edit "Adjustment detail" by hand',
  },
  'ledger.adjust.noDetailField': {
    zh: '结果表没有“调整明细”字段（长文本），无法记录已结转的调整：本次未计算已关账周期的调整。请添加该字段后再刷新',
    en: 'The results table has no "Adjustment detail" field (long text) to record what is carried, so the adjustments of closed periods were not computed: add the field and refresh',
  },
  'ledger.adjust.policy.invalid': {
    zh: '方案的调整设置（adjustments）须为对象，现为 {value}',
    en: 'The plan\'s adjustment settings (adjustments) must be an object, not {value}',
  },
  'ledger.adjust.policy.lookback': {
    zh: '调整回溯周期数须为 1 到 {max} 之间的整数，现为 {value}',
    en: 'The number of periods adjustments look back must be a whole number from 1 to {max}, not {value}',
  },
  'ledger.adjust.policy.clawback': {
    zh: '负调整扣回方式须为 full（全额）、capped（按比例封顶）或 none（不扣回），现为 {value}',
    en: 'The clawback of negative adjustments must be full, capped or none, not {value}',
  },
  'ledger.adjust.policy.percent': {
    zh: '扣回上限须为 0 到 100 之间的百分数（如 "30"），现为 {value}',
    en: 'The clawback cap must be a percentage from 0 to 100 (such as "30"), not {value}',
  },
  'ledger.adjust.policy.changedAt': {
    zh: '来源 {source} 的变更时间字段须为 {field: {id, name}, kind: created 或 modified}，现为 {value}',
    en: 'The change-time field of source {source} must be {field: {id, name}, kind: created or modified}, not {value}',
  },

  'ledger.payroll.open': {
    zh: '周期 {period} 尚未审批：只能导出已审批或已关账周期的工资表',
    en: 'Period {period} is not approved yet: only an approved or closed period can be exported for payroll',
  },
  'ledger.payroll.incomplete': {
    zh: '周期 {period} 的结果行不完整（{count} 行无法确定归属），工资表未导出：请先处理上面的提示',
    en: 'The result rows of period {period} are incomplete (rows that cannot be attributed: {count}); the payroll file was not exported: deal with the messages above first',
  },
  'ledger.payroll.empty': {zh: '周期 {period} 没有结果行，工资表未导出', en: 'Period {period} has no result rows; no payroll file was exported'},
  'ledger.payroll.column.id': {zh: '参与人ID', en: 'ID'},
  'ledger.payroll.column.name': {zh: '姓名', en: 'Name'},
  'ledger.payroll.column.team': {zh: '团队', en: 'Team'},
  'ledger.payroll.fileName': {zh: '工资表-{period}.csv', en: 'payroll-{period}.csv'},
} satisfies Record<string, Text>;
