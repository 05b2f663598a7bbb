/**
 * The automation script's entry: refresh the current open period with nobody at the screen.
 * esbuild bundles it with the engine into one file with no imports (scripts/buildAutomation.ts);
 * the extension embeds the saved plan, the ledger's statuses and the schema fingerprint
 * (config.ts) and the user pastes the result into an automation's "Run a script" action.
 *
 * A run: check the fingerprint (a mapped table or field gone or retyped: write nothing, say
 * which and how to regenerate); check the plan marker the extension keeps in a result field's
 * description (the plan saved or a period's status changed since, or no marker: write nothing,
 * say why and how to regenerate); pick the period as the run view does (the latest ended and not
 * closed, else the current one); compute it with the extension's own pipeline over the scripting
 * API (sdkView.ts); refuse what Refresh refuses (a closed period, an approved one whose figures
 * would change, rows of the results table marked closed); then write only the changed cells in
 * calls of at most 50 records, stopping between calls before the time budget runs out. The diff
 * makes the next run write exactly what is left.
 */
import {previewNames} from '../frontend/run/summary';
import {issueText} from '../frontend/run/warningGroups';
import {computePreview, resultTarget, writeDenial, writtenLanguage} from '../frontend/run/pipeline';
import {emptyPeriodText, localIsoDate, refusalOf} from '../frontend/run/ledgerRun';
import {applyUpsert, writeLimiter, type UpsertOutcome} from '../frontend/adapter/resultsTable';
import {writeResults} from '../frontend/adapter/writeResults';
import {t} from '../src/i18n';
import type {MessageKey} from '../src/i18n';
import type {Params} from '../src/i18n';
import {statusName} from '../src/ledger/fields';
import {defaultPeriod} from '../src/ledger/status';
import type {Issue} from '../src/results';
import {DEFAULT_BUDGET_MS, TimeBudget} from './budget';
import {markerCheck, schemaDrift, type AutomationConfig, type FieldType, type MarkerCheck, type SchemaDrift} from './config';
import {fieldTypeName} from '../src/fieldTypeName';
import type {FieldTypeName} from '../src/schema';
import type {Text} from '../src/plan';
import {sdkView} from './sdkView';
import type {ScriptingBase, ScriptingConsole, ScriptingOutput} from './scriptingBase';

/** What the script is given: the scripting API's globals and its clock. */
export interface AutomationEnv {
  base: ScriptingBase;
  output?: ScriptingOutput;
  console?: ScriptingConsole;
  /** Milliseconds: Date.now in an automation. The budget and the run's time both read it. */
  now: () => number;
  /** Waits between write calls (15 a second); a busy wait on `now` where the host has no timers. */
  sleep?: (ms: number) => Promise<void>;
  budgetMs?: number;
}

export type RunStatus = 'schemaChanged' | 'planChanged' | 'noPeriod' | 'refused' | 'readErrors' | 'outOfTime' | 'upToDate' | 'written' | 'stopped' | 'failed';

export interface RunReport {
  status: RunStatus;
  periodId: string | null;
  /** People whose result cells were written; results-table rows created and updated. */
  people: number;
  created: number;
  updated: number;
  /** Records planned but not written (stopped or failed): the next run's work. */
  remaining: number;
  /** Everything printed, in order. */
  lines: string[];
}

/** The warnings printed at most: the log should stay readable; the extension lists them all. */
const WARNINGS_SHOWN = 10;

/** A type as Airtable shows it ("currency" -> 货币 / currency, a formula with its result type). */
function shownType(field: FieldType): Text {
  return fieldTypeName({type: field.type as FieldTypeName, resultType: field.resultType as FieldTypeName | undefined});
}

function driftText(drift: SchemaDrift, lang: AutomationConfig['lang']): string {
  switch (drift.kind) {
    case 'tableGone':
      return t(lang, 'automation.drift.tableGone', {table: drift.table});
    case 'fieldGone':
      return t(lang, 'automation.drift.fieldGone', {table: drift.table, field: drift.field});
    case 'fieldRetyped':
      return t(lang, 'automation.drift.fieldRetyped', {table: drift.table, field: drift.field, was: shownType(drift.was), now: shownType(drift.now)});
  }
}

/** Why the marker stops the run, as a message key and its parameters. */
function markerMessage(check: Exclude<MarkerCheck, {kind: 'current'}>): [MessageKey, Params] {
  switch (check.kind) {
    case 'fieldGone':
      return ['automation.marker.fieldGone', {}];
    case 'missing':
      return ['automation.marker.missing', {table: check.table, field: check.field}];
    case 'planChanged':
      return ['automation.marker.planChanged', {was: check.was, now: check.now}];
    case 'ledgerChanged':
      return ['automation.marker.ledgerChanged', {}];
  }
}

/** The pipeline times its phases with `performance.now`, which a script host may lack. */
function ensurePerformance(now: () => number): void {
  const scope = globalThis as {performance?: {now(): number}};
  if (typeof scope.performance?.now !== 'function') scope.performance = {now};
}

function busyWait(now: () => number): (ms: number) => Promise<void> {
  return async (ms) => {
    const until = now() + ms;
    while (now() < until) {
      // An automation has no timers: the limiter's few tens of milliseconds are waited out here.
    }
  };
}

/**
 * One run of the script. Never throws for bad input: every refusal is printed and returned.
 *
 * @example const report = await runAutomation(config, {base, output, console, now: () => Date.now()});
 */
export async function runAutomation(config: AutomationConfig, env: AutomationEnv): Promise<RunReport> {
  const lang = config.lang;
  const report: RunReport = {status: 'upToDate', periodId: null, people: 0, created: 0, updated: 0, remaining: 0, lines: []};
  const print = (line: string) => {
    report.lines.push(line);
    if (env.output?.markdown) env.output.markdown(line);
    else env.console?.log(line);
  };
  const say = (key: MessageKey, params: Params = {}) => print(t(lang, key, params));
  const finish = (status: RunStatus): RunReport => {
    report.status = status;
    env.output?.set?.('status', status);
    env.output?.set?.('summary', report.lines.join('\n'));
    env.output?.set?.('remaining', report.remaining);
    return report;
  };

  // One reading of the clock starts both the budget and the run's time (written as the calculation time).
  const startedAt = env.now();
  const budget = new TimeBudget(env.now, env.budgetMs ?? DEFAULT_BUDGET_MS, startedAt);
  const plan = config.plan;
  say('automation.run.header', {plan: plan.name, revision: config.revision, generatedAt: config.generatedAt});

  // 1. The base still has what the plan maps, with the same types.
  const drift = schemaDrift(config.tables, env.base);
  if (drift.length > 0) {
    say('automation.drift.nothingWritten');
    for (const item of drift) print(`- ${driftText(item, lang)}`);
    say('automation.regenerate');
    return finish('schemaChanged');
  }

  // 2. The plan and the statuses it carries are still the saved ones: the extension's marker says so.
  const marker = markerCheck(config.marker, env.base);
  if (marker.kind !== 'current') {
    say(...markerMessage(marker));
    say('automation.regenerateScript');
    return finish('planChanged');
  }

  // 3. The period the run view would choose, from the statuses known at generation.
  const now = new Date(startedAt);
  const period = defaultPeriod(plan.periods, config.ledger.periods, localIsoDate(now));
  if (!period) {
    say('automation.noPeriod');
    return finish('noPeriod');
  }
  report.periodId = period.id;

  // 4. Read, compute and diff with the extension's own pipeline. No turns to give: no one is watching.
  ensurePerformance(env.now);
  const base = sdkView(env.base, config.tables, budget);
  const context = {now, lang, ledger: config.ledger};
  const preview = await computePreview(base, plan, period.id, config.revision, context, {yieldToBrowser: async () => undefined, sliceMs: Number.MAX_SAFE_INTEGER});
  say('automation.run.period', {period: period.label, status: statusName(preview.standing.status, lang)});

  // 5. What Refresh refuses, the script refuses; what Refresh would ask, the script cannot.
  const refusal = refusalOf(preview.standing, preview.ledger);
  if (refusal) {
    say('automation.refused', {reason: refusal[lang]});
    return finish('refused');
  }
  const errors = [...preview.readIssues, ...preview.ledgerIssues].filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    say('automation.readErrors');
    for (const issue of errors) print(`- ${issue.message[lang]}`);
    say('automation.regenerate');
    return finish('readErrors');
  }
  if (preview.standing.empty) {
    say('automation.empty', {reason: emptyPeriodText(plan, period)[lang]});
    return finish('refused');
  }
  const target = resultTarget(base, plan);
  const denial = writeDenial(base, plan, lang);
  if (!target || denial !== null) {
    say('automation.refused', {reason: denial ?? ''});
    return finish('refused');
  }
  // The engine's warnings too, as the extension's preview lists them, records named by their primary values.
  const names = previewNames(preview);
  printWarnings(preview.readIssues.concat(preview.run.issues, preview.ledgerIssues), lang, print, names);

  const upsert = preview.ledger?.upsert;
  const planned = preview.writes.updates.length + (upsert ? upsert.creates.length + upsert.updates.length : 0);
  if (planned === 0) {
    say('automation.upToDate');
    return finish('upToDate');
  }
  if (budget.exhausted()) {
    report.remaining = planned;
    say('automation.outOfTime', {seconds: Math.round(budget.elapsedMs() / 1000), remaining: planned});
    return finish('outOfTime');
  }

  // 6. Write, people first, then the results table, as Refresh does; stop between calls when the time is up.
  const limiter = writeLimiter(env.now, env.sleep ?? busyWait(env.now));
  // writeResults and applyUpsert read only `aborted`, before each call.
  const signal = {
    get aborted() {
      return budget.exhausted();
    },
  } as unknown as AbortSignal;
  const outcome = await writeResults(target.table, preview.writes.updates, {limiter, signal});
  report.people = outcome.writtenRecordIds.length;
  let ledger: UpsertOutcome | null = null;
  if (preview.ledger && !outcome.failed && !outcome.aborted) {
    ledger = await applyUpsert(preview.ledger.resolved, preview.ledger.upsert, {lang: writtenLanguage(plan, lang), limiter, signal});
    report.created = ledger.createdRecordIds.length;
    report.updated = ledger.updatedRecordIds.length;
  }
  const ledgerPlanned = upsert ? upsert.creates.length + upsert.updates.length : 0;
  report.remaining = planned - report.people - report.created - report.updated - outcome.skippedDeletedRecordIds.length - (ledger?.skippedDeletedRecordIds.length ?? 0);
  say('automation.written', {people: report.people, created: report.created, updated: report.updated});
  for (const issue of [...outcome.issues, ...(ledger?.issues ?? [])]) print(`- ${issueText(issue, lang, names)}`);
  if (outcome.failed || ledger?.failed) return finish('failed');
  if (outcome.aborted || ledger?.aborted || (ledgerPlanned > 0 && !ledger)) {
    say('automation.stopped', {seconds: Math.round(budget.elapsedMs() / 1000), remaining: report.remaining});
    return finish('stopped');
  }
  return finish('written');
}

function printWarnings(issues: readonly Issue[], lang: AutomationConfig['lang'], print: (line: string) => void, names: ReadonlyMap<string, string>): void {
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (warnings.length === 0) return;
  print(t(lang, 'automation.warnings', {count: warnings.length}));
  for (const issue of warnings.slice(0, WARNINGS_SHOWN)) print(`- ${issueText(issue, lang, names)}`);
}
