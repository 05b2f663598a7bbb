/**
 * Headless run, for plan authors and auditors: the extension's own read -> compute -> diff -> write
 * code over a base snapshot, with no browser and no Airtable account.
 *
 *   npm run score -- --base <base.json|demo[:small|1k|10k]> --plan <plan.json> --period <id>
 *                    [--json] [--out <file>] [--lang zh|en]
 *
 * The base is a @airtable/blocks-testing fixture (the demo base generator writes one); it is loaded
 * into the same simulated SDK the tests and the playground use. Bad input prints the messages the
 * extension shows, in the chosen language, and exits with 1 (2 for a wrong command line).
 */
// First: gives the SDK the `window` it installs itself on (before anything imports it).
import '../sim/nodeWindow';
import {readFileSync, writeFileSync} from 'node:fs';
import type {FixtureData} from '@airtable/blocks-testing/dist/types/src/mock_airtable_interface';
import {sayEach, t} from '../src/i18n';
import type {Lang, PlanDocument, Text} from '../src/plan';
import type {Issue, RunResult} from '../src/results';
import {parseStoredPlan} from '../src/storage';
import {validatePlan} from '../src/validate';
import {createDriver, snapshotFixture} from '../sim/driver';
import {demoBase, DEMO_SIZES, type DemoSize} from '../sim/demoBase';
import {baseSchema} from '../frontend/adapter/schema';
import {emptyPeriodText} from '../frontend/run/ledgerRun';
import {refresh} from '../frontend/run/pipeline';
import {planRevision} from '../frontend/state/planRevision';

/** The command line's own words: everything about the plan and the base comes from the catalogue. */
const cliText = {
  usage: {
    zh: '用法：npm run score -- --base <base.json|demo> --plan <plan.json> --period <周期 id> [--json] [--out <文件>] [--lang zh|en]',
    en: 'Usage: npm run score -- --base <base.json|demo> --plan <plan.json> --period <period id> [--json] [--out <file>] [--lang zh|en]',
  },
  missing: {zh: '缺少参数 {flag}。', en: 'Missing {flag}.'},
  unknownFlag: {zh: '未知参数 {flag}。', en: 'Unknown option {flag}.'},
  badLang: {zh: '--lang 只能是 zh 或 en。', en: '--lang must be zh or en.'},
  unreadable: {zh: '无法读取文件 {file}：{reason}', en: 'Cannot read {file}: {reason}'},
  notJson: {zh: '{file} 不是有效的 JSON：{reason}', en: '{file} is not valid JSON: {reason}'},
  notFixture: {
    zh: '{file} 不是 @airtable/blocks-testing 的基地快照（缺少 base.tables）。',
    en: '{file} is not an @airtable/blocks-testing base snapshot (base.tables is missing).',
  },
  badDemo: {zh: '演示基地规模只能是 small、1k 或 10k：{size}', en: 'The demo base size must be small, 1k or 10k: {size}'},
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
} satisfies Record<string, Text>;

type CliKey = keyof typeof cliText;

function say(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return cliText[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export interface ScoreOptions {
  base: string;
  plan: string;
  period: string;
  json: boolean;
  out?: string;
  lang: Lang;
}

/** Language when --lang is absent: the terminal's, as the extension takes the browser's. */
function defaultLang(env: NodeJS.ProcessEnv): Lang {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en';
}

/**
 * @example parseArgs(['--base', 'demo', '--plan', 'p.json', '--period', '2026-01', '--json'], {})
 *          // {options: {base: 'demo', plan: 'p.json', period: '2026-01', json: true, lang: 'en'}}
 */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): {options: ScoreOptions} | {lang: Lang; error: string} {
  const values: Record<string, string | true> = {};
  const valued = new Set(['--base', '--plan', '--period', '--out', '--lang']);
  let lang = defaultLang(env);
  const langAt = argv.indexOf('--lang');
  if (langAt >= 0 && (argv[langAt + 1] === 'zh' || argv[langAt + 1] === 'en')) lang = argv[langAt + 1] as Lang;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') values[flag] = true;
    else if (valued.has(flag) && i + 1 < argv.length) values[flag] = argv[++i];
    else if (valued.has(flag)) return {lang, error: say(lang, 'missing', {flag})};
    else return {lang, error: say(lang, 'unknownFlag', {flag})};
  }
  if (values['--lang'] !== undefined && values['--lang'] !== 'zh' && values['--lang'] !== 'en') return {lang, error: say(lang, 'badLang')};
  for (const flag of ['--base', '--plan', '--period']) {
    if (typeof values[flag] !== 'string') return {lang, error: say(lang, 'missing', {flag})};
  }
  return {
    options: {
      base: values['--base'] as string,
      plan: values['--plan'] as string,
      period: values['--period'] as string,
      json: values['--json'] === true,
      out: values['--out'] as string | undefined,
      lang,
    },
  };
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

function loadBase(source: string, lang: Lang): FixtureData {
  const demo = /^demo(?::(.*))?$/.exec(source);
  if (demo) {
    const size = demo[1] ?? 'small';
    if (!(size in DEMO_SIZES)) throw new InputError(say(lang, 'badDemo', {size}));
    return demoBase({size: size as DemoSize});
  }
  const fixture = readJson(source, lang) as Partial<FixtureData> | null;
  if (!fixture || !Array.isArray(fixture.base?.tables)) throw new InputError(say(lang, 'notFixture', {file: source}));
  return fixture as FixtureData;
}

function issueLine(issue: Issue, lang: Lang): string {
  const where = issue.path ? ` [${issue.path}]` : '';
  return `  - ${issue.message[lang]}${where} (${issue.code})`;
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
    return {code: 1, stdout, stderr};
  }
  const plan: PlanDocument = parsed.plan;
  if (!plan.periods.some((period) => period.id === options.period)) {
    stderr.push(say(lang, 'unknownPeriod', {period: options.period, periods: plan.periods.map((p) => p.id).join(', ')}));
    return {code: 1, stdout, stderr};
  }

  // The extension's Refresh, step for step: read, compute, diff, check permission, write.
  const refreshed = await refresh(driver.base, plan, options.period, planRevision(planText), {now: new Date(), lang});
  if (refreshed.kind === 'denied') {
    stderr.push(t(lang, 'run.refresh.lostPermission', {reason: refreshed.reason}));
    return {code: 1, stdout, stderr};
  }
  // The extension's safeguards hold headless too: a closed period, an empty one (issue 12).
  if (refreshed.kind === 'refused') {
    stderr.push(refreshed.reason[lang]);
    return {code: 1, stdout, stderr};
  }
  if (refreshed.kind === 'needsConfirmation') {
    stderr.push(t(lang, 'ledger.ui.run.emptyHeadless', {message: emptyPeriodText(plan, plan.periods.find((p) => p.id === options.period)!)[lang]}));
    return {code: 1, stdout, stderr};
  }
  const {preview, outcome} = refreshed;
  const warnings = [...preview.readIssues, ...preview.run.issues];

  if (options.json) {
    // Breakdown lines are data (key and parameters) until the edge: printed as text in the CLI's language.
    const run = {...preview.run, results: preview.run.results.map((result) => ({...result, breakdown: sayEach(result.breakdown, lang)}))};
    stdout.push(JSON.stringify({run, readIssues: preview.readIssues, writes: outcome}, null, 2));
  } else {
    stdout.push(resultsTable(preview.run, lang));
    if (warnings.length > 0) stderr.push(say(lang, 'warnings', {count: warnings.length}), ...warnings.map((issue) => issueLine(issue, lang)));
  }
  if (options.out) {
    try {
      writeFileSync(options.out, JSON.stringify(snapshotFixture(driver), null, 1));
      stderr.push(say(lang, 'written', {file: options.out}));
    } catch (error) {
      stderr.push(say(lang, 'writeFailed', {file: options.out, reason: (error as Error).message}));
      return {code: 1, stdout, stderr};
    }
  }
  return {code: 0, stdout, stderr};
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env);
  if ('error' in args) {
    console.error(args.error);
    console.error(say(args.lang, 'usage'));
    return 2;
  }
  try {
    const result = await score(args.options);
    for (const line of result.stdout) console.log(line);
    for (const line of result.stderr) console.error(line);
    return result.code;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  // The SDK keeps unload timers running; the run is over once main resolves.
  main().then(
    // Exit once stdout has drained: a pipe is written asynchronously, and a large JSON was cut short.
    (code) => process.stdout.write('', () => process.exit(code)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
