/**
 * Catalogue part: the automation script (automation/, docs/automation.md) and the settings
 * section that makes it (frontend/settings/AutomateSection.tsx). The script prints these in the
 * language embedded at generation; the section shows them in the user's. See src/i18n/index.ts.
 */
import type {Text} from '../plan';

export const automationMessages = {
  // What a run prints.
  'automation.run.header': {
    zh: '销售绩效与奖金 · 自动刷新：方案“{plan}”（修订 {revision}，脚本生成于 {generatedAt}）',
    en: 'Sales Performance & Bonus · automatic refresh: plan “{plan}” (revision {revision}, script made {generatedAt})',
  },
  'automation.run.period': {zh: '周期：{period}（{status}）', en: 'Period: {period} ({status})'},
  'automation.drift.tableGone': {zh: '映射的表“{table}”已不存在。', en: 'The mapped table “{table}” no longer exists.'},
  'automation.drift.fieldGone': {zh: '表“{table}”中映射的字段“{field}”已不存在。', en: 'The mapped field “{field}” of the table “{table}” no longer exists.'},
  'automation.drift.fieldRetyped': {
    zh: '表“{table}”中映射的字段“{field}”的类型已从 {was} 改为 {now}。',
    en: 'The type of the mapped field “{field}” of the table “{table}” changed from {was} to {now}.',
  },
  'automation.drift.nothingWritten': {
    zh: '未写入任何内容：脚本生成之后，基础中映射的表或字段变了。',
    en: 'Nothing was written: a mapped table or field of the base changed after this script was made.',
  },
  'automation.regenerate': {
    zh: '如何修复：打开扩展 → 设置，修正映射并保存，再到“自动化”复制新脚本，替换此自动化“运行脚本”操作中的脚本。',
    en: 'To fix it: open the extension → Settings, correct the mapping and save, then copy the new script under “Automate” and paste it over the one in this automation’s “Run a script” action.',
  },
  'automation.noPeriod': {
    zh: '没有未关账的周期：未写入任何内容。请在方案中添加下一个周期，然后重新复制脚本。',
    en: 'No period is open: nothing was written. Add the next period to the plan, then copy the script again.',
  },
  'automation.refused': {zh: '未写入任何内容：{reason}', en: 'Nothing was written: {reason}'},
  'automation.empty': {
    zh: '未写入任何内容：{reason}。空周期请在扩展中确认后刷新。',
    en: 'Nothing was written: {reason}. An empty period is refreshed from the extension, where it can be confirmed.',
  },
  'automation.readErrors': {zh: '未写入任何内容：读取基础时发现错误：', en: 'Nothing was written: reading the base met errors:'},
  'automation.upToDate': {zh: '一切已是最新：未写入任何内容。', en: 'Everything is up to date: nothing was written.'},
  'automation.written': {
    zh: '已写入：人员表 {people} 条记录的结果单元格；绩效结果表新建 {created} 行、更新 {updated} 行。',
    en: 'Written: the result cells of {people} people; results table: {created} rows created, {updated} updated.',
  },
  'automation.stopped': {
    zh: '为留在自动化 30 秒的限制内，在第 {seconds} 秒停止：还有 {remaining} 条记录未写，下次运行会写完。',
    en: 'Stopped at {seconds} s to stay within the automation’s 30-second limit: {remaining} records remain, and the next run writes them.',
  },
  'automation.outOfTime': {
    zh: '读取和计算用了 {seconds} 秒，已没有写入的时间：未写入任何内容（{remaining} 条记录待写）。',
    en: 'Reading and computing took {seconds} s, which leaves no time to write: nothing was written ({remaining} records to write).',
  },
  'automation.marker.missing': {
    zh: '未写入任何内容：表“{table}”中字段“{field}”的描述里没有方案标记，无法确认扩展中的方案和周期状态在脚本生成之后没有变。',
    en: 'Nothing was written: the description of the field “{field}” of the table “{table}” holds no plan marker, so nothing shows that the plan and the periods’ statuses in the extension are unchanged since this script was made.',
  },
  'automation.marker.fieldGone': {
    zh: '未写入任何内容：保存方案标记的字段已不存在，无法确认扩展中的方案和周期状态在脚本生成之后没有变。',
    en: 'Nothing was written: the field holding the plan marker no longer exists, so nothing shows that the plan and the periods’ statuses in the extension are unchanged since this script was made.',
  },
  'automation.marker.planChanged': {
    zh: '未写入任何内容：脚本生成之后，扩展中的方案又保存过（脚本带的是修订 {was}，现在是修订 {now}）。按旧方案写入会覆盖新方案的结果。',
    en: 'Nothing was written: the plan was saved in the extension after this script was made (the script carries revision {was}, the extension now has {now}). Writing from the old plan would overwrite the new plan’s results.',
  },
  'automation.marker.ledgerChanged': {
    zh: '未写入任何内容：脚本生成之后，扩展中有周期被审批、关账或重新打开，脚本带的周期状态已过时。',
    en: 'Nothing was written: a period was approved, closed or reopened in the extension after this script was made, so the statuses the script carries are out of date.',
  },
  'automation.regenerateScript': {
    zh: '如何修复：打开扩展 → 设置 → 自动化，点“复制脚本”，用新脚本替换此自动化“运行脚本”操作中的脚本。',
    en: 'To fix it: open the extension → Settings → Automate, click “Copy script” and paste the new script over the one in this automation’s “Run a script” action.',
  },
  'automation.warnings': {zh: '{count} 条提示（扩展的预览会全部列出）：', en: '{count} warnings (the extension’s preview lists them all):'},

  // The settings section.
  'automation.ui.title': {zh: '自动化', en: 'Automate'},
  'automation.ui.intro': {
    zh: '扩展只在有人打开时运行。要让排行榜和预估收入每天早上自动更新，把下面的脚本放进 Airtable 自动化：',
    en: 'The extension runs only while someone has it open. To have the leaderboard and provisional pay updated every morning, put the script below into an Airtable automation:',
  },
  'automation.ui.step1': {zh: '在基础顶部打开“自动化”（Automations），创建一个自动化。', en: 'Open Automations at the top of the base and create an automation.'},
  'automation.ui.step2': {
    zh: '触发器选“在预定时间”（At a scheduled time），例如每天早上 7:00。',
    en: 'Trigger: “At a scheduled time”, e.g. every day at 7:00.',
  },
  'automation.ui.step3': {
    zh: '添加操作“运行脚本”（Run a script），删除编辑器中的示例代码，粘贴本脚本。',
    en: 'Add the action “Run a script”, delete the sample code in its editor and paste this script.',
  },
  'automation.ui.step4': {zh: '点“测试”运行一次并查看日志，然后打开自动化。', en: 'Click “Test” once and read the log, then turn the automation on.'},
  'automation.ui.writes': {
    zh: '每次运行计算当前周期（现在是 {period}），只写入有变化的单元格，每次调用最多 50 条记录：人员表的结果字段{ledger}。已关账的周期从不写入。运行超过 25 秒时会停下，下次运行写完其余部分。',
    en: 'Each run computes the current period (now {period}) and writes only the cells that changed, at most 50 records a call: the people table’s result fields{ledger}. A closed period is never written. A run that reaches 25 seconds stops, and the next run writes the rest.',
  },
  'automation.ui.writesLedger': {zh: '，以及绩效结果表“{table}”中本周期的行', en: ', and this period’s rows of the results table “{table}”'},
  'automation.ui.regenerate': {
    zh: '脚本带着已保存的方案（修订 {revision}）和此刻各周期的状态。保存方案修改、更改映射或审批、关账、重新打开一个周期之后，请重新复制脚本。',
    en: 'The script carries the saved plan (revision {revision}) and the periods’ statuses as they are now. After saving a change to the plan, changing the mapping, or approving, closing or reopening a period, copy the script again.',
  },
  'automation.ui.size': {zh: '脚本大小：{size}', en: 'Script size: {size}'},
  'automation.ui.copy': {zh: '复制脚本', en: 'Copy script'},
  'automation.ui.copied': {zh: '已复制', en: 'Copied'},
  'automation.ui.copyFailed': {zh: '无法写入剪贴板：请在下面的文本框中全选并复制。', en: 'The clipboard is not available: select everything in the box below and copy it.'},
  'automation.ui.noPlan': {zh: '先保存一个没有错误的方案：脚本由已保存的方案生成。', en: 'Save a plan without errors first: the script is made from the saved plan.'},
  'automation.ui.noPeriod': {zh: '没有未关账的周期', en: 'no period open'},
  'automation.ui.unsaved': {zh: '有未保存的修改：脚本使用已保存的方案。', en: 'There are unsaved changes: the script uses the saved plan.'},

  // The plan marker (frontend/adapter/planMarker.ts).
  'automation.marker.noField': {
    zh: '方案没有映射可以保存方案标记的字段：请映射绩效结果表的“方案版本”字段，或人员表的结果字段。',
    en: 'The plan maps no field that can hold the plan marker: map the results table’s plan-version field, or a result field of the people table.',
  },
  'automation.marker.denied': {
    zh: '无法把方案标记写入表“{table}”中字段“{field}”的描述：{reason}',
    en: 'The plan marker cannot be written into the description of the field “{field}” of the table “{table}”: {reason}',
  },
  'automation.marker.failed': {
    zh: '写入表“{table}”中字段“{field}”的描述时出错：{message}',
    en: 'Writing the description of the field “{field}” of the table “{table}” failed: {message}',
  },
  'automation.marker.stale': {
    zh: '自动化脚本的方案标记没有更新（{reason}）。之前复制的脚本看不到这次更改，会照旧运行，直到有权修改字段的人（基础创建者）打开 设置 → 自动化 重新复制脚本。',
    en: 'The automation script’s plan marker was not updated ({reason}). A script copied earlier does not see this change and keeps running as before until someone who may change the base’s fields (a creator) copies the script again under Settings → Automate.',
  },
  'automation.ui.marker': {
    zh: '脚本每次运行前会读取表“{table}”中字段“{field}”描述末尾的方案标记 {marker}。之后保存方案、审批、关账或重新打开周期时，扩展会更新这一行，旧脚本看到标记不同就不写入，并提示重新复制。请不要删除这一行；描述的其余部分不会被改动。',
    en: 'Before every run the script reads the plan marker {marker} at the end of the description of the field “{field}” of the table “{table}”. When the plan is saved or a period approved, closed or reopened later, the extension updates that line, and an older script that finds a different marker writes nothing and asks to be copied again. Do not delete that line; the rest of the description is never changed.',
  },
  'automation.ui.markerDenied': {
    zh: '你无法写入方案标记：{reason}。没有与已保存方案相符的标记，脚本每次运行都会拒绝写入，所以这里不提供脚本。请让有权修改字段的人（基础创建者）在这里复制脚本。',
    en: 'You cannot write the plan marker: {reason}. Without a marker that matches the saved plan, the script would refuse to write on every run, so none is offered here. Ask someone who may change the base’s fields (a creator) to copy the script here.',
  },
} satisfies Record<string, Text>;
