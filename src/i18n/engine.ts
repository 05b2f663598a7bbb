import type {Entry} from './entry';

/**
 * Catalogue part of the calculation engine: issue messages and the breakdown-line templates.
 * Breakdown lines are built only from these templates so that zh and en say the same arithmetic.
 */
export const engineMessages = {
  // Run-level problems
  'engine.period.unknown': {zh: '未找到考核周期 {period}', en: 'Period {period} is not in the plan'},
  'engine.version.none': {
    zh: '考核周期 {period} 没有生效的方案版本',
    en: 'No plan version is in force for period {period}',
  },
  'engine.facts.otherPeriod': {
    zh: '读取的数据属于考核周期 {readFor}，不能用来计算考核周期 {period}，请重新读取',
    en: 'The data was read for period {readFor} and cannot compute period {period}; read it again for this period',
  },
  'engine.source.unknown': {
    zh: '指标“{metric}”引用的数据源 {source} 未映射，指标值记为空',
    en: 'Metric "{metric}" uses source {source}, which is not mapped; its value is left empty',
  },
  'engine.source.noFacts': {
    zh: '数据源“{source}”没有读取到任何记录',
    en: 'No records were read for source "{source}"',
  },
  'engine.metric.noField': {
    zh: '指标“{metric}”需要一个数值字段，指标值记为空',
    en: 'Metric "{metric}" needs a number field; its value is left empty',
  },
  'engine.metric.unknown': {
    zh: '“{incentive}”引用的指标 {metric} 不存在，该项记为 0',
    en: '"{incentive}" refers to metric {metric}, which does not exist; it pays 0',
  },
  'engine.period.noRecords': {
    zh: '考核周期 {period} 没有任何数据源记录计入：来自数据源的指标均为 0 或无数据。请先确认本期数据已录入，再写入结果',
    en: 'No source record counts for period {period}: every metric drawn from a source is 0 or has no data. Check that the period\'s data is in the base before writing results',
  },
  'engine.participants.none': {
    zh: '人员表“{table}”没有记录，没有可计算的内容',
    en: 'The people table "{table}" has no records: nothing to compute',
  },
  'engine.participant.duplicate': {
    zh: '人员表中有 {count} 条记录的记录 ID 重复，只计算每个 ID 的第一条：{names}',
    en: '{count} records of the people table repeat a record id; only the first record of each id is computed: {names}',
    enOne: '{count} record of the people table repeats a record id; only the first record of each id is computed: {names}',
  },
  // Records
  'engine.record.noDate': {
    zh: '数据源“{source}”中有 {count} 条记录日期为空，未计入：{ids}',
    en: '{count} records of source "{source}" have no date and were not credited: {ids}',
    enOne: '{count} record of source "{source}" has no date and was not credited: {ids}',
  },
  'engine.record.outsideEveryPeriod': {
    zh: '数据源“{source}”中有 {count} 条记录的日期不在方案的任何考核周期内：{ids}',
    en: '{count} records of source "{source}" are dated outside every period of the plan: {ids}',
    enOne: '{count} record of source "{source}" is dated outside every period of the plan: {ids}',
  },
  'engine.record.orphan': {
    zh: '数据源“{source}”中有 {count} 条本期记录未关联销售人员（或关联的人员不在人员表中），未计入：{ids}',
    en: '{count} records of source "{source}" in this period are linked to no participant (or to one not in the people table) and were not credited: {ids}',
    enOne: '{count} record of source "{source}" in this period is linked to no participant (or to one not in the people table) and was not credited: {ids}',
  },
  'engine.record.badSplit': {
    zh: '数据源“{source}”中有 {count} 条关联多人的记录，其“{field}”没有为每位关联人员各给出一个比例、合计 100%，这些记录不计入任何人：{ids}',
    en: '{count} records of source "{source}" are linked to several participants but their "{field}" does not give one percentage per linked participant adding up to 100%; they are credited to nobody: {ids}',
    enOne: '{count} record of source "{source}" is linked to several participants but its "{field}" does not give one percentage per linked participant adding up to 100%; it is credited to nobody: {ids}',
  },
  'engine.record.multiLinked': {
    zh: '数据源“{source}”中有 {count} 条记录关联了多名销售人员，只计入第一位：{ids}',
    en: '{count} records of source "{source}" are linked to several participants; only the first one is credited: {ids}',
    enOne: '{count} record of source "{source}" is linked to several participants; only the first one is credited: {ids}',
  },
  'engine.value.notNumber': {
    zh: '数据源“{source}”的字段“{field}”中有 {count} 条记录填写的不是数字，已忽略该值：{ids}',
    en: 'Field "{field}" of source "{source}" holds text that is not a number in {count} records; the value is ignored: {ids}',
    enOne: 'Field "{field}" of source "{source}" holds text that is not a number in {count} record; the value is ignored: {ids}',
  },
  'engine.value.beyondBound': {
    zh: '数据源“{source}”的字段“{field}”中有 {count} 条记录的数值超出可精确计算的范围（绝对值须小于 10^16，小数不超过 18 位），已忽略该值：{ids}',
    en: 'Field "{field}" of source "{source}" holds a number beyond what is computed exactly (under 10^16 in size, at most 18 decimal places) in {count} records; the value is ignored: {ids}',
    enOne: 'Field "{field}" of source "{source}" holds a number beyond what is computed exactly (under 10^16 in size, at most 18 decimal places) in {count} record; the value is ignored: {ids}',
  },
  'engine.value.outOfScale': {
    zh: '数据源“{source}”的字段“{field}”中有 {count} 条记录超出评分范围 {min}–{max}，已按边界值计：{ids}',
    en: 'Field "{field}" of source "{source}" is outside the scale {min}–{max} in {count} records; the nearest end of the scale is used: {ids}',
    enOne: 'Field "{field}" of source "{source}" is outside the scale {min}–{max} in {count} record; the nearest end of the scale is used: {ids}',
  },
  'engine.participant.notNumber': {
    zh: '{name} 的字段“{field}”不是数字（“{value}”），按空值处理',
    en: 'Field "{field}" of {name} is not a number ("{value}"); it is treated as empty',
  },
  'engine.participant.beyondBound': {
    zh: '{name} 的字段“{field}”中的数值 {value} 超出可精确计算的范围（绝对值须小于 10^16，小数不超过 18 位），按空值处理',
    en: 'The number {value} in field "{field}" of {name} is beyond what is computed exactly (under 10^16 in size, at most 18 decimal places); it is treated as empty',
  },
  // Hierarchy
  'engine.hierarchy.selfLink': {
    zh: '{name} 的上级是其本人：该人员不计算团队数据',
    en: '{name} is their own upline: no team figures are computed for them',
  },
  'engine.hierarchy.cycle': {
    zh: '上级关系形成循环（{names}）：这些人员不计算团队数据',
    en: 'The upline links form a cycle ({names}): no team figures are computed for these participants',
  },
  'engine.hierarchy.unknownUpline': {
    zh: '{name} 的上级记录 {upline} 不在人员表中（可能已删除），按无上级处理',
    en: 'The upline {upline} of {name} is not in the people table (deleted?); treated as no upline',
  },
  // Targets and scores
  'engine.target.missing': {
    zh: '{name} 的指标“{metric}”没有目标值，得分记为 0',
    en: '{name} has no target for "{metric}"; the score is 0',
  },
  'engine.target.zero': {
    zh: '{name} 的指标“{metric}”目标为 0，无法计算达成率，得分记为 0',
    en: 'The target of "{metric}" for {name} is 0, so attainment cannot be computed; the score is 0',
  },
  'engine.target.negative': {
    zh: '{name} 的指标“{metric}”目标为负数（{value}），不计分，得分记为 0',
    en: 'The target of "{metric}" for {name} is negative ({value}); it is not scored, the score is 0',
  },
  'engine.target.fieldNegative': {
    zh: '{name} 的字段“{field}”中的目标值 {value} 为负数，指标“{metric}”不计分，得分记为 0',
    en: 'The target {value} in field "{field}" of {name} is negative; "{metric}" is not scored, the score is 0',
  },
  'engine.target.unknownTier': {
    zh: '{name} 的级别“{tier}”在指标“{metric}”的目标中没有设置，得分记为 0',
    en: 'Tier "{tier}" of {name} has no target for "{metric}"; the score is 0',
  },
  'engine.score.outOfScale': {
    zh: '{name} 的指标“{metric}”值 {value} 超出评分范围 {min}–{max}，已按边界值计',
    en: 'The value {value} of "{metric}" for {name} is outside the scale {min}–{max}; the nearest end is used',
  },
  'engine.scale.invalid': {
    zh: '指标“{metric}”的评分范围无效（最小值须小于最大值），得分记为 0',
    en: 'The scale of "{metric}" is invalid (min must be below max); the score is 0',
  },
  'engine.grade.none': {
    zh: '{name} 的总分 {total} 不在任何等级区间内，没有等级，绩效工资为 0',
    en: 'The total score {total} of {name} is in no grade band: no grade, and no performance pay',
  },
  // Breakdown lines: one template per kind of arithmetic.
  'engine.line.attainment': {
    zh: '{metric} {value} / 目标 {target} = {attainment}%{limit} × 权重 {weight}% = {weighted}',
    en: '{metric} {value} / target {target} = {attainment}%{limit} × weight {weight}% = {weighted}',
  },
  'engine.line.lowerIsBetter': {
    zh: '{metric} {value}（越低越好）：目标 {target} / {value} = {ratio}%{limit} × 权重 {weight}% = {weighted}',
    en: '{metric} {value} (lower is better): target {target} / {value} = {ratio}%{limit} × weight {weight}% = {weighted}',
  },
  'engine.line.lowerIsBetterNone': {
    zh: '{metric} {value}（越低越好，为 0）= 上限 {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value} (lower is better, none) = cap {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.scale': {
    zh: '{metric} {value}（评分 {min}–{max}）= {ratio}%{limit} × 权重 {weight}% = {weighted}',
    en: '{metric} {value} (scale {min}–{max}) = {ratio}%{limit} × weight {weight}% = {weighted}',
  },
  'engine.line.bandValue': {
    zh: '{metric} {value} ≥ 档位 {from} = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value} ≥ band {from} = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.bandAttainment': {
    zh: '{metric} {value} / 目标 {target} = {attainment}% ≥ 档位 {from}% = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value} / target {target} = {attainment}% ≥ band {from}% = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.bandBelow': {
    zh: '{metric} {value} 低于最低档位 {from} = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value} below the lowest band {from} = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.noData': {
    zh: '{metric}：本期无数据 = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric}: no data this period = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.noTarget': {
    zh: '{metric} {value}：没有目标 = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value}: no target = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.zeroTarget': {
    zh: '{metric} {value}：目标为 0 = {score}% × 权重 {weight}% = {weighted}',
    en: '{metric} {value}: target is 0 = {score}% × weight {weight}% = {weighted}',
  },
  'engine.line.limit': {zh: '，按 {score}% 计', en: ', counted as {score}%'},
  'engine.line.total': {zh: '总分 {terms} = {total}', en: 'Total score {terms} = {total}'},
  'engine.line.prorated': {
    zh: '{metric} 目标 {target} × {days}/{periodDays} 天 = {prorated}',
    en: '{metric} target {target} × {days}/{periodDays} days = {prorated}',
  },
  'engine.participant.notDate': {
    zh: '{name} 的“{field}”不是日期（{value}），目标不按在岗天数折算',
    en: '"{field}" of {name} is not a date ({value}); their targets are not prorated',
  },
  'engine.line.roundingNote': {
    zh: '（各项加权得分按显示位数舍入，相加为 {sum}；总分按精确值相加，只舍入一次，为 {total}）',
    en: '(The weighted scores above are rounded for display and add up to {sum}; the total score is their exact sum, rounded once: {total})',
  },
  'engine.line.grade': {
    zh: '等级 {grade}（{min} ≤ {total} < {max}）',
    en: 'Grade {grade} ({min} ≤ {total} < {max})',
  },
  'engine.line.gradeTop': {zh: '等级 {grade}（{total} ≥ {min}）', en: 'Grade {grade} ({total} ≥ {min})'},
  'engine.line.gradeNone': {zh: '无等级：总分 {total} 不在任何等级区间内', en: 'No grade: total {total} is in no grade band'},
  'engine.name.teamBonus': {zh: '团队奖', en: 'Team bonus'},
  'engine.name.championAward': {zh: '冠军奖', en: 'Champion award'},
  'engine.name.baseSalary': {zh: '基本工资', en: 'base salary'},
  'engine.name.performancePayBase': {zh: '绩效工资基数', en: 'performance-pay base'},
  'engine.line.baseSalary': {zh: '基本工资 {amount}', en: 'Base salary {amount}'},
  'engine.line.performancePay': {
    zh: '绩效工资 {base} × 系数 {coefficient}（等级 {grade}）= {amount}',
    en: 'Performance pay {base} × coefficient {coefficient} (grade {grade}) = {amount}',
  },
  'engine.line.performancePayNoGrade': {zh: '绩效工资：无等级 = {amount}', en: 'Performance pay: no grade = {amount}'},
  'engine.line.bonus': {zh: '{bonus} {calc} = {amount}', en: '{bonus} {calc} = {amount}'},
  'engine.line.bonusGate': {zh: '{bonus}：未达门槛（{reason}）= {amount}', en: '{bonus}: gate not met ({reason}) = {amount}'},
  'engine.line.bonusNegative': {
    zh: '{bonus}：{metric} {value} 为负数 = {amount}',
    en: '{bonus}: {metric} {value} is negative = {amount}',
  },
  'engine.line.teamBonus': {zh: '团队奖 {calc} = {amount}', en: 'Team bonus {calc} = {amount}'},
  'engine.line.teamBonusGate': {zh: '团队奖：未达门槛（{reason}）= {amount}', en: 'Team bonus: gate not met ({reason}) = {amount}'},
  'engine.line.teamBonusCycle': {
    zh: '团队奖：上级关系存在循环，不计算 = {amount}',
    en: 'Team bonus: in an upline cycle, not computed = {amount}',
  },
  'engine.line.awardLeader': {
    zh: '冠军奖（{team}，队长）：奖池 {pool} × {share}% = {amount}',
    en: 'Champion award ({team}, leader): pool {pool} × {share}% = {amount}',
  },
  'engine.line.awardAlone': {
    zh: '冠军奖（{team}，唯一成员）：奖池 {pool} = {amount}',
    en: 'Champion award ({team}, only member): pool {pool} = {amount}',
  },
  'engine.line.awardEqual': {
    zh: '冠军奖（{team}，成员）：{rest} 由 {members} 名成员平分 = {amount}',
    en: 'Champion award ({team}, member): {rest} shared equally by {members} members = {amount}',
  },
  'engine.line.awardProRata': {
    zh: '冠军奖（{team}，成员）：{rest} × {metric} {value} / {teamValue} = {amount}',
    en: 'Champion award ({team}, member): {rest} × {metric} {value} / {teamValue} = {amount}',
  },
  'engine.line.totalPay': {
    zh: '总收入 = 基本工资 {base} + 绩效工资 {performance} + 奖金 {bonus} + 团队奖 {team} + 冠军奖 {award} = {total}',
    en: 'Total pay = base salary {base} + performance pay {performance} + bonus {bonus} + team bonus {team} + award {award} = {total}',
  },
  'engine.line.honours': {zh: '荣誉：{titles}', en: 'Honours: {titles}'},
  // Fragments of the lines above.
  'engine.frag.slice': {zh: '{base} × {rate}%', en: '{base} × {rate}%'},
  'engine.frag.level': {zh: '第 {level} 级 {base} × {rate}%', en: 'level {level} {base} × {rate}%'},
  'engine.frag.cap': {zh: 'min({calc}, 封顶 {cap})', en: 'min({calc}, cap {cap})'},
  'engine.frag.floor': {zh: 'max(0, {calc})', en: 'max(0, {calc})'},
  'engine.frag.fixed': {zh: '{calc} + 达标奖 {fixed}', en: '{calc} + {fixed} for reaching target'},
  'engine.frag.gateScore': {zh: '总分 {total} < {min}', en: 'total score {total} < {min}'},
  'engine.frag.gateGrade': {zh: '等级 {grade} 低于 {min}', en: 'grade {grade} below {min}'},
  'engine.frag.none': {zh: '无', en: 'none'},
  // Feedback
  'engine.feedback.strength': {zh: '优势：{metric}（得分 {score}）', en: 'Strength: {metric} (score {score})'},
  'engine.feedback.weak': {zh: '待改进：{metric}（得分 {score}）：{action}', en: 'To improve: {metric} (score {score}): {action}'},
  'engine.feedback.weakNoAction': {zh: '待改进：{metric}（得分 {score}）', en: 'To improve: {metric} (score {score})'},
  'engine.feedback.noData': {
    zh: '待改进：{metric} 本期没有数据（得分 0）：{action}',
    en: 'To improve: no data for {metric} this period (score 0): {action}',
  },
  'engine.feedback.noDataNoAction': {
    zh: '待改进：{metric} 本期没有数据（得分 0）',
    en: 'To improve: no data for {metric} this period (score 0)',
  },
} satisfies Record<string, Entry>;
