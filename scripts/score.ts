/**
 * Headless run, for plan authors and auditors: the extension's own read -> compute -> diff -> write
 * code over a base snapshot, with no browser and no Airtable account.
 *
 *   npm run score -- --base <base.json|demo[:small|1k|10k]> --plan <plan.json> --period <id>
 *                    [--json] [--out <file>] [--lang zh|en]
 *   npm run score -- ... --period <id> --csv <payroll.csv>      (the payroll file of an approved or closed period)
 *   npm run score -- ... --approve|--close <id>, --reopen <id> --reason <text>
 *
 * The base is a @airtable/blocks-testing fixture (the demo base generator writes one); its shape is
 * checked (sim/baseFile.ts), then it is loaded into the same simulated SDK the tests and the
 * playground use. Bad input prints the messages the extension shows, in the chosen language, and
 * exits with 1; a wrong command line exits with 2, `--help` with 0 (scripts/commandLine.ts).
 */
// First: gives the SDK the `window` it installs itself on (before anything imports it).
import '../sim/nodeWindow';
import {readFileSync, writeFileSync} from 'node:fs';
import type {FixtureData} from '../sim/fixture';
import {sayEach, t, type Message} from '../src/i18n';
import type {Lang, PlanDocument, Text} from '../src/plan';
import type {Issue, RunResult} from '../src/results';
import {parseStoredPlan} from '../src/storage';
import {validatePlan} from '../src/validate';
import {createDriver, snapshotFixture} from '../sim/driver';
import {demoBase, DEMO_SIZES, type DemoSize} from '../sim/demoBase';
import {checkBaseFile, type BaseFileProblem} from '../sim/baseFile';
import {baseSchema} from '../frontend/adapter/schema';
import {emptyPeriodText} from '../frontend/run/ledgerRun';
import {refresh, writtenLanguage} from '../frontend/run/pipeline';
import {previewNames} from '../frontend/run/summary';
import {issueText} from '../frontend/run/warningGroups';
import {planRevision} from '../frontend/state/planRevision';
import {BadValue, EXIT, fill, oneOf, readCommandLine, required, type CommandLine, type CommandSpec} from './commandLine';
import {readResultRows, resolveResultsTable} from '../frontend/adapter/resultsTable';
import {periodTotals, readLedgerState, runLedgerAction} from '../frontend/run/ledgerActions';
import {readFacts} from '../frontend/adapter/readFacts';
import {exportPayroll} from '../src/ledger/payroll';
import {messageText} from '../src/ledger/messages';

/** The command line's own words: everything about the plan and the base comes from the catalogue. */
const cliText = {
  usage: {
    zh: [
      '用法：npm run score -- --base <base.json|demo> --plan <方案.json> (--period <周期 id> [--csv <文件>] | --approve <周期 id> | --close <周期 id> | --reopen <周期 id> --reason <原因>) [--json] [--out <文件>] [--lang zh|en]',
      '  --base    基地快照（@airtable/blocks-testing 格式），或 demo、demo:1k、demo:10k（生成演示基地）',
      '  --plan    扩展导出的方案文件',
      '  --period  方案中的考核周期 id，例如 2026-01：计算并写回（含绩效结果表）',
      '  --approve 审批该周期（须已结束、未关账），与扩展中的“审批”规则相同',
      '  --close   关账该周期（须已审批），锁定其方案版本',
      '  --reopen  重新打开该周期（须同时给出 --reason），与扩展中的“重新打开”规则相同',
      '  --reason  重新打开的原因（最多 200 字），记录在账本中',
      '  --csv     不计算，将 --period 周期的工资表（CSV，UTF-8 带 BOM）写入此文件；只能导出已审批或已关账的周期',
      '  --allow-empty  周期内没有任何数据时仍然写入（扩展中会先询问）',
      '  --json    输出完整结果（JSON）而非表格',
      '  --out     将写回后的基地保存到此文件',
      '  --lang    消息语言：zh 或 en（默认：终端的 LANG）',
      '  --help    显示本说明',
      '退出码：0 完成；1 输入有误（文件、基地、方案）；2 命令行有误。',
    ].join('\n'),
    en: [
      'Usage: npm run score -- --base <base.json|demo> --plan <plan.json> (--period <id> [--csv <file>] | --approve <id> | --close <id> | --reopen <id> --reason <text>) [--json] [--out <file>] [--lang zh|en]',
      '  --base    a base snapshot (@airtable/blocks-testing format), or demo, demo:1k, demo:10k (the demo base)',
      '  --plan    a plan file as the extension exports it',
      "  --period  one of the plan's period ids, e.g. 2026-01: compute and write back (the results table too)",
      '  --approve approve that period (ended, not closed), by the same rules as the extension',
      '  --close   close that period (approved first); its plan version is locked',
      '  --reopen  reopen that period (with --reason), by the same rules as the extension',
      '  --reason  why the period is reopened (at most 200 characters), kept in the ledger',
      "  --csv     compute nothing: write the payroll file (CSV, UTF-8 with BOM) of the --period to this file; only an approved or closed period",
      '  --allow-empty  write a period with no source record in it (the extension asks first)',
      '  --json    print the full results as JSON instead of a table',
      '  --out     save the base after write-back to this file',
      "  --lang    language of the messages: zh or en (default: the terminal's LANG)",
      '  --help    show this help',
      'Exit codes: 0 done; 1 bad input (a file, the base, the plan); 2 bad command line.',
    ].join('\n'),
  },
  unreadable: {zh: '无法读取文件 {file}：{reason}', en: 'Cannot read {file}: {reason}'},
  notJson: {zh: '{file} 不是有效的 JSON：{reason}', en: '{file} is not valid JSON: {reason}'},
  badBase: {
    zh: '{file} 不是可用的基地快照（@airtable/blocks-testing 格式），有 {count} 处问题，未计算、未写入任何内容：',
    en: '{file} is not a usable base snapshot (@airtable/blocks-testing format): {count} problem(s); nothing was computed or written:',
  },
  moreProblems: {zh: '……另有 {count} 处问题。', en: '… and {count} more.'},
  inTable: {zh: '（表“{table}”）', en: ' (table "{table}")'},
  'base.missing': {zh: '{path}{inTable}缺失：应为{expected}。', en: '{path}{inTable} is missing: it must be {expected}.'},
  'base.wrongType': {zh: '{path}{inTable}应为{expected}，实际是{actual}。', en: '{path}{inTable} must be {expected}, not {actual}.'},
  'base.emptyText': {zh: '{path}{inTable}为空。', en: '{path}{inTable} is empty.'},
  'base.noTables': {zh: '基地没有任何表（{path} 为空）。', en: 'The base has no tables ({path} is empty).'},
  'base.noCollaborators': {
    zh: '基地没有协作者（{path} 为空）：第一个协作者是当前用户。',
    en: 'The base has no collaborators ({path} is empty): the first one is the current user.',
  },
  'base.noFields': {
    zh: '表“{table}”没有字段（{path}）：每张表至少要有一个字段，第一个是主字段。',
    en: 'Table "{table}" has no fields ({path}): every table needs at least one; the first is its primary field.',
  },
  'base.noViews': {zh: '表“{table}”没有视图（{path}）：每张表至少要有一个视图。', en: 'Table "{table}" has no views ({path}): every table needs at least one.'},
  'base.duplicateId': {zh: '{path}{inTable}：id {id} 重复（已用于 {first}）。', en: '{path}{inTable}: id {id} is used twice (also at {first}).'},
  'base.unknownRecord': {
    zh: '表“{table}”的视图“{view}”列出了表中没有的记录 {id}（{path}）。',
    en: 'View "{view}" of table "{table}" lists record {id}, which the table does not have ({path}).',
  },
  'base.unknownField': {
    zh: '表“{table}”的视图“{view}”列出了表中没有的字段 {id}（{path}）。',
    en: 'View "{view}" of table "{table}" lists field {id}, which the table does not have ({path}).',
  },
  'kind.object': {zh: '对象', en: 'an object'},
  'kind.array': {zh: '数组', en: 'an array'},
  'kind.string': {zh: '文本', en: 'a string'},
  'kind.number': {zh: '数字', en: 'a number'},
  'kind.boolean': {zh: '布尔值', en: 'true or false'},
  'kind.null': {zh: '空值（null）', en: 'null'},
  planInvalid: {zh: '方案有 {count} 个错误，未计算、未写入任何内容：', en: 'The plan has {count} errors; nothing was computed or written:'},
  unknownPeriod: {
    zh: '方案中没有考核周期 {period}。可选：{periods}',
    en: 'The plan has no period {period}. Choose one of: {periods}',
  },
  written: {zh: '已将写回后的基地保存到 {file}。', en: 'The base after write-back was saved to {file}.'},
  writeFailed: {zh: '无法写入 {file}：{reason}', en: 'Cannot write {file}: {reason}'},
  warnings: {zh: '提示（{count}）：', en: 'Warnings ({count}):'},
  pay: {zh: '绩效工资', en: 'Perf. pay'},
  bonus: {zh: '奖金', en: 'Bonus'},
  teamBonus: {zh: '团队奖', en: 'Team bonus'},
  award: {zh: '冠军奖', en: 'Award'},
  oneAction: {zh: '--period、--approve、--close、--reopen 只能选一个', en: 'give only one of --period, --approve, --close, --reopen'},
  reasonOnlyReopen: {zh: '--reason 只用于 --reopen', en: '--reason goes with --reopen only'},
  csvOnlyPeriod: {zh: '--csv 只用于 --period', en: '--csv goes with --period only'},
  noResultsTable: {
    zh: '方案没有映射绩效结果表，无法导出工资表：请先在设置中映射或创建结果表',
    en: 'The plan maps no results table, so there is no payroll to export: map or create one in the settings first',
  },
  csvWritten: {zh: '已将周期 {period} 的工资表（{people} 人）写入 {file}。', en: 'The payroll of period {period} ({people} people) was written to {file}.'},
  actionDone: {
    zh: '周期 {period} 已{action}（{by}，{rows} 行结果已更新状态）。人数 {people}，总收入 {totalPay}。',
    en: 'Period {period} {action} ({by}; {rows} result rows updated). People {people}, total pay {totalPay}.',
  },
  approved: {zh: '审批', en: 'approved'},
  closed: {zh: '关账', en: 'closed'},
  reopened: {zh: '重新打开', en: 'reopened'},
  actionNotSaved: {
    zh: '未保存：周期 {period} 的状态未能写入绩效结果表的全部行（{remaining} 行未写），基础文件保持原样。请重试。',
    en: 'Nothing saved: the status of period {period} could not be written to every row of the results table ({remaining} rows not written); the base file is left as it was. Try again.',
  },
  markerMoved: {
    zh: '自动化脚本的方案标记已随周期状态更新（表“{table}”字段“{field}”的描述）：此前复制的脚本将拒绝运行，请在扩展中（设置 → 自动化）重新复制脚本。',
    en: 'The automation\'s plan marker now follows the new status (the description of field "{field}" in table "{table}"): scripts copied before refuse to run; copy the script again in the extension (Settings → Automate).',
  },
} satisfies Record<string, Text>;

type CliKey = keyof typeof cliText;

function say(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return fill(cliText[key], lang, params);
}

export interface ScoreOptions {
  base: string;
  plan: string;
  period: string;
  json: boolean;
  out?: string;
  lang: Lang;
  /** Approve, close or reopen `period` instead of refreshing it (issue 12). */
  action?: 'approve' | 'close' | 'reopen';
  /** Reopen only: why. */
  reason?: string;
  /** Write the payroll CSV of `period` to this file instead of refreshing it (issue 13). */
  csv?: string;
  /** Write a period with no source record in it. */
  allowEmpty?: boolean;
}

const DEMO_BASE = /^demo(?::(.*))?$/;

export const scoreCommand: CommandSpec<Omit<ScoreOptions, 'lang'>> = {
  usage: cliText.usage,
  options: {
    base: {type: 'string'},
    plan: {type: 'string'},
    period: {type: 'string'},
    approve: {type: 'string'},
    close: {type: 'string'},
    reopen: {type: 'string'},
    reason: {type: 'string'},
    csv: {type: 'string'},
    'allow-empty': {type: 'boolean'},
    json: {type: 'boolean'},
    out: {type: 'string'},
  },
  read(values) {
    const base = required('--base', values.base);
    const size = DEMO_BASE.exec(base)?.[1];
    if (size !== undefined) oneOf('--base', base, Object.keys(DEMO_SIZES).map((name) => `demo:${name}`));
    // One of --period, --approve, --close, --reopen: what to do, and to which period.
    const given = (['period', 'approve', 'close', 'reopen'] as const).filter((name) => typeof values[name] === 'string');
    if (given.length > 1) throw new BadValue(`--${given[1]}`, String(values[given[1]]), cliText.oneAction);
    const chosen = given[0] ?? 'period';
    if (typeof values.reason === 'string' && chosen !== 'reopen') throw new BadValue('--reason', values.reason, cliText.reasonOnlyReopen);
    if (typeof values.csv === 'string' && chosen !== 'period') throw new BadValue('--csv', values.csv, cliText.csvOnlyPeriod);
    return {
      base,
      plan: required('--plan', values.plan),
      period: required(`--${chosen}`, values[chosen]),
      ...(chosen === 'period' ? {} : {action: chosen}),
      ...(chosen === 'reopen' ? {reason: required('--reason', values.reason)} : {}),
      ...(typeof values.csv === 'string' ? {csv: values.csv} : {}),
      ...(values['allow-empty'] === true ? {allowEmpty: true} : {}),
      json: values.json === true,
      out: typeof values.out === 'string' ? values.out : undefined,
    };
  },
};

/**
 * @example readScoreCommandLine(['--base', 'demo', '--plan', 'p.json', '--period', '2026-01', '--json'], {})
 *          // {kind: 'run', lang: 'en', options: {base: 'demo', plan: 'p.json', period: '2026-01', json: true, lang: 'en'}}
 */
export function readScoreCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine<ScoreOptions> {
  const line = readCommandLine(scoreCommand, argv, env);
  return line.kind === 'run' ? {...line, options: {...line.options, lang: line.lang}} : line;
}

/** A failure the user can act on: printed as it is, exit code 1. */
class InputError extends Error {}

function readJson(file: string, lang: Lang): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(say(lang, 'unreadable', {file, reason: (error as Error).message}));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(say(lang, 'notJson', {file, reason: (error as Error).message}));
  }
}

/** One problem of a base file, as a line of the refusal. */
export function baseProblemLine(problem: BaseFileProblem, lang: Lang): string {
  const params: Record<string, string> = {path: problem.path, inTable: 'table' in problem && problem.table ? say(lang, 'inTable', {table: problem.table}) : ''};
  for (const [key, value] of Object.entries(problem)) if (key !== 'code' && key !== 'path' && typeof value === 'string') params[key] ??= value;
  if ('expected' in problem) params.expected = say(lang, `kind.${problem.expected}`);
  if ('actual' in problem) params.actual = say(lang, `kind.${problem.actual}`);
  return `  - ${say(lang, `base.${problem.code}`, params)}`;
}

function loadBase(source: string, lang: Lang): FixtureData {
  const demo = DEMO_BASE.exec(source);
  if (demo) return demoBase({size: (demo[1] ?? 'small') as DemoSize});
  const checked = checkBaseFile(readJson(source, lang));
  if (checked.ok) return checked.fixture;
  const lines = [say(lang, 'badBase', {file: source, count: checked.total}), ...checked.problems.map((problem) => baseProblemLine(problem, lang))];
  if (checked.total > checked.problems.length) lines.push(`  ${say(lang, 'moreProblems', {count: checked.total - checked.problems.length})}`);
  throw new InputError(lines.join('\n'));
}

/**
 * An issue as one line; with the preview's `names`, its records named by what the user sees (an
 * order number, a rep's name) instead of their record ids, as the extension's warnings do.
 */
function issueLine(issue: Issue, lang: Lang, names: ReadonlyMap<string, string> = new Map()): string {
  const where = issue.path ? ` [${issue.path}]` : '';
  return `  - ${issueText(issue, lang, names)}${where} (${issue.code})`;
}

/** An issue in the JSON output: its records named as in {@link issueLine}, the ids kept apart for scripts. */
export interface JsonIssue extends Omit<Issue, 'message'> {
  /** In the CLI's language, records by their primary values. */
  message: string;
  /** The catalogue entry and its parameters the message was made from (engine issues have them). */
  key?: string;
  params?: Message['params'];
}

/**
 * @example jsonIssue(orphanIssue, 'en', new Map([['recO1', 'SO-1024']]))
 *          // {code: 'engine.record.orphan', message: '… were not credited: SO-1024', key: 'engine.record.orphan', params: {…, ids: 'recO1'}, recordIds: ['recO1'], …}
 */
export function jsonIssue(issue: Issue, lang: Lang, names: ReadonlyMap<string, string>): JsonIssue {
  const made = (issue.message as {message?: Message}).message;
  return {...issue, message: issueText(issue, lang, names), ...(made ? {key: made.key, params: made.params} : {})};
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** The results as an aligned text table, one participant per line, in rank order. */
export function resultsTable(run: RunResult, lang: Lang): string {
  const header = [
    t(lang, 'run.col.rank'),
    t(lang, 'run.col.name'),
    t(lang, 'run.col.totalScore'),
    t(lang, 'run.col.grade'),
    say(lang, 'pay'),
    say(lang, 'bonus'),
    say(lang, 'teamBonus'),
    say(lang, 'award'),
    t(lang, 'run.col.totalPay'),
  ];
  const rows = [...run.results]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => [String(r.rank), r.name, r.totalScore, r.grade ?? '', r.performancePay, r.bonus, r.teamBonus, r.award, r.totalPay]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => displayWidth(row[column]))));
  const numeric = (column: number) => column !== 1 && column !== 3;
  return [header, ...rows].map((row) => row.map((cell, column) => pad(cell, widths[column], numeric(column))).join('  ').trimEnd()).join('\n');
}

export async function score(options: ScoreOptions): Promise<{code: number; stdout: string[]; stderr: string[]}> {
  const {lang} = options;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const fixture = loadBase(options.base, lang);
  const planText = JSON.stringify(readJson(options.plan, lang));
  const parsed = parseStoredPlan(planText);
  const driver = createDriver(fixture);
  const planIssues: Issue[] = parsed.plan ? validatePlan(parsed.plan, baseSchema(driver.base)) : parsed.issues;
  const errors = planIssues.filter((issue) => issue.severity === 'error');
  if (!parsed.plan || errors.length > 0) {
    stderr.push(say(lang, 'planInvalid', {count: errors.length}), ...errors.map((issue) => issueLine(issue, lang)));
    return {code: EXIT.badInput, stdout, stderr};
  }
  const plan: PlanDocument = parsed.plan;
  if (!plan.periods.some((period) => period.id === options.period)) {
    stderr.push(say(lang, 'unknownPeriod', {period: options.period, periods: plan.periods.map((p) => p.id).join(', ')}));
    return {code: EXIT.badInput, stdout, stderr};
  }

  if (options.action) {
    const acted = await act(driver, plan, options.period, options.action, lang, options.reason);
    (acted.ok ? stdout : stderr).push(acted.line);
    stderr.push(...acted.notes);
    if (!acted.ok) return {code: EXIT.badInput, stdout, stderr};
  } else if (options.csv !== undefined) {
    // An export reads and writes nothing in the base: there is no snapshot to save.
    const exported = await payroll(driver, plan, options.period, options.csv, lang);
    (exported.ok ? stdout : stderr).push(...exported.lines);
    return {code: exported.ok ? EXIT.ok : EXIT.badInput, stdout, stderr};
  } else {
    const code = await refreshPeriod(driver, plan, planText, options, stdout, stderr);
    if (code !== EXIT.ok) return {code, stdout, stderr};
  }
  if (options.out) {
    try {
      writeFileSync(options.out, JSON.stringify(snapshotFixture(driver), null, 1));
      stderr.push(say(lang, 'written', {file: options.out}));
    } catch (error) {
      stderr.push(say(lang, 'writeFailed', {file: options.out, reason: (error as Error).message}));
      return {code: EXIT.badInput, stdout, stderr};
    }
  }
  return {code: EXIT.ok, stdout, stderr};
}

/**
 * Approve, close or reopen a period in the snapshot, by the extension's own rules and code
 * (frontend/run/ledgerActions.ts): the ledger state in the snapshot's globalConfig, the stamps in
 * its results table, the base's first collaborator as the one who acts. When an automation script
 * has been made in the base, its plan marker moves as the extension moves it (permission checked
 * first), so that a script copied before refuses; `notes` say so, or why it could not move.
 */
async function act(
  driver: ReturnType<typeof createDriver>,
  plan: PlanDocument,
  periodId: string,
  action: 'approve' | 'close' | 'reopen',
  lang: Lang,
  reason?: string,
): Promise<{ok: boolean; line: string; notes: string[]}> {
  const resolved = plan.mapping.resultsTable ? resolveResultsTable(driver.base, plan.mapping.resultsTable, plan.mapping.people?.table.id).resolved : null;
  const user = driver.session.currentUser?.name ?? '';
  const totals = resolved ? periodTotals(await readResultRows(resolved, periodId), periodId) : null;
  const outcome = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId, action, reason, user, now: new Date(), lang: writtenLanguage(plan, lang), base: driver.base});
  if (!outcome.ok) return {ok: false, line: outcome.reason[lang], notes: []};
  // The extension shows a failed stamp write instead of "done"; here the half-stamped base is not
  // saved either (no --out), so the file never holds a status its rows do not show.
  const failure = outcome.stamped?.issues.find((issue) => issue.severity === 'error');
  if (failure) {
    const period = plan.periods.find((p) => p.id === periodId)?.label ?? periodId;
    return {ok: false, line: `${failure.message[lang]}\n${say(lang, 'actionNotSaved', {period, remaining: outcome.stamped?.remaining ?? 0})}`, notes: []};
  }
  const {marker} = outcome;
  const notes = !marker ? [] : marker.ok ? (marker.written ? [say(lang, 'markerMoved', {table: marker.at.table.name, field: marker.at.field.name})] : []) : [marker.reason[lang]];
  return {
    ok: true,
    notes,
    line: say(lang, 'actionDone', {
      period: plan.periods.find((p) => p.id === periodId)?.label ?? periodId,
      action: say(lang, action === 'approve' ? 'approved' : action === 'close' ? 'closed' : 'reopened'),
      by: user,
      rows: outcome.stamped?.updatedRecordIds.length ?? 0,
      people: totals?.people ?? 0,
      totalPay: totals?.sums.totalPay ?? '0',
    }),
  };
}

/**
 * The payroll file of a period (src/ledger/payroll.ts exportPayroll, as the extension's download
 * button): the results table's rows as written, the teams from the people table. The CSV is
 * written as it is, byte-order mark included; a refusal (an open period, incomplete rows) writes
 * no file.
 */
async function payroll(driver: ReturnType<typeof createDriver>, plan: PlanDocument, periodId: string, file: string, lang: Lang): Promise<{ok: boolean; lines: string[]}> {
  const period = plan.periods.find((p) => p.id === periodId)!;
  const mapping = plan.mapping.resultsTable;
  const {resolved, issues} = mapping ? resolveResultsTable(driver.base, mapping, plan.mapping.people?.table.id) : {resolved: null, issues: []};
  if (!resolved) return {ok: false, lines: [mapping ? issues.map((issue) => issue.message[lang]).join('\n') : say(lang, 'noResultsTable')]};
  const {facts} = await readFacts(driver.base, plan, undefined, {periodId});
  const exported = exportPayroll({
    period,
    state: readLedgerState(driver.globalConfig).state.periods[periodId],
    rows: await readResultRows(resolved, periodId),
    people: facts.participants,
    lang: writtenLanguage(plan, lang),
    currency: plan.currency,
  });
  const messages = exported.messages.map((message) => `  - ${messageText(message)[lang]}`);
  if (!exported.ok) return {ok: false, lines: [...messages, messageText(exported.refusal)[lang]]};
  try {
    writeFileSync(file, exported.csv, 'utf8');
  } catch (error) {
    return {ok: false, lines: [say(lang, 'writeFailed', {file, reason: (error as Error).message})]};
  }
  return {ok: true, lines: [...messages, say(lang, 'csvWritten', {period: period.label, people: exported.lines.length, file})]};
}

/** The extension's Refresh, step for step: read, compute, diff, check permission, write. */
async function refreshPeriod(
  driver: ReturnType<typeof createDriver>,
  plan: PlanDocument,
  planText: string,
  options: ScoreOptions,
  stdout: string[],
  stderr: string[],
): Promise<number> {
  const {lang} = options;
  const ledger = readLedgerState(driver.globalConfig).state;
  const refreshed = await refresh(driver.base, plan, options.period, planRevision(planText), {now: new Date(), lang, ledger, confirmedEmpty: options.allowEmpty});
  if (refreshed.kind === 'denied') {
    stderr.push(t(lang, 'run.refresh.lostPermission', {reason: refreshed.reason}));
    return EXIT.badInput;
  }
  // The extension's safeguards hold headless too: a closed period, an empty one (issue 12).
  if (refreshed.kind === 'refused') {
    stderr.push(refreshed.reason[lang]);
    return EXIT.badInput;
  }
  if (refreshed.kind === 'needsConfirmation') {
    stderr.push(t(lang, 'ledger.ui.run.emptyHeadless', {message: emptyPeriodText(plan, plan.periods.find((p) => p.id === options.period)!)[lang]}));
    return EXIT.badInput;
  }
  const {preview, outcome} = refreshed;
  const warnings = [...preview.readIssues, ...preview.run.issues, ...preview.ledgerIssues];
  if (refreshed.ledger) stderr.push(t(lang, 'ledger.ui.run.written', {created: refreshed.ledger.createdRecordIds.length, updated: refreshed.ledger.updatedRecordIds.length, calls: refreshed.ledger.calls}));

  const names = previewNames(preview);
  if (options.json) {
    // Breakdown lines and issues are data (key and parameters) until the edge: printed as text in the CLI's language.
    const issues = (list: readonly Issue[]) => list.map((issue) => jsonIssue(issue, lang, names));
    const run = {...preview.run, results: preview.run.results.map((result) => ({...result, breakdown: sayEach(result.breakdown, lang)})), issues: issues(preview.run.issues)};
    const ledger = refreshed.ledger && {...refreshed.ledger, issues: issues(refreshed.ledger.issues)};
    const output = {run, readIssues: issues(preview.readIssues), ledgerIssues: issues(preview.ledgerIssues), writes: {...outcome, issues: issues(outcome.issues)}, ledger};
    stdout.push(JSON.stringify(output, null, 2));
  } else {
    stdout.push(resultsTable(preview.run, lang));
    if (warnings.length > 0) stderr.push(say(lang, 'warnings', {count: warnings.length}), ...warnings.map((issue) => issueLine(issue, lang, names)));
  }
  return EXIT.ok;
}

/** The command as a process runs it: argv and env in, lines out, the exit code back. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, out: {stdout(line: string): void; stderr(line: string): void}): Promise<number> {
  const line = readScoreCommandLine(argv, env);
  if (line.kind === 'exit') {
    for (const text of line.lines) out[line.stream](text);
    return line.code;
  }
  try {
    const result = await score(line.options);
    for (const text of result.stdout) out.stdout(text);
    for (const text of result.stderr) out.stderr(text);
    return result.code;
  } catch (error) {
    if (error instanceof InputError) {
      out.stderr(error.message);
      return EXIT.badInput;
    }
    throw error;
  }
}

if (require.main === module) {
  // The SDK keeps unload timers running; the run is over once main resolves.
  main(process.argv.slice(2), process.env, {stdout: (text) => console.log(text), stderr: (text) => console.error(text)}).then(
    // Exit once stdout has drained: a pipe is written asynchronously, and a large JSON was cut short.
    (code) => process.stdout.write('', () => process.exit(code)),
    (error) => {
      console.error(error);
      process.exit(EXIT.badInput);
    },
  );
}
