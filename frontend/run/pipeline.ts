/**
 * The run's steps, outside React: read the base, compute, diff against the result cells, write.
 * Preview and Refresh share `computePreview`, so what a refresh writes is exactly what a preview
 * of the same moment shows. Refresh reads the base again instead of trusting the preview: it may
 * have been edited since, and writing a stale diff could overwrite a colleague's correction. Only
 * when what it reads is what the preview on screen was computed from (the same fingerprint of the
 * plan, the period and every fact, src/fingerprint.ts) does it take that preview's engine run
 * instead of computing the same one again beside it; the diff against the cells is always new.
 *
 * Everything runs on the main thread (the SDK's records live there), so the engine is driven in
 * slices (see cooperative.ts) and the browser gets a turn between phases: the progress bar moves
 * and clicks are answered while a 10,000-participant run computes.
 */
import type {Base, Table} from '@airtable/blocks/models';
import type {FieldRef, Lang, PlanDocument} from '../../src/plan';
import type {Issue, RunResult} from '../../src/results';
import equal from 'fast-deep-equal';
import {runPlanSteps, type EngineStep} from '../../src/engine';
import {planWrites, type WritePlan} from '../../src/writeback';
import {readFacts, type ReadResult} from '../adapter/readFacts';
import {checkWritePermission, writeResults, type WriteOutcome} from '../adapter/writeResults';
import {applyUpsert, checkUpsertPermission, writeLimiter, type UpsertOutcome} from '../adapter/resultsTable';
import {EMPTY_LEDGER, type LedgerState} from '../../src/ledger/state';
import {promotedRun} from '../../src/ledger/promotion';
import type {Text} from '../../src/plan';
import {adjustedRun, periodStanding, previewLedger, refusalOf, type ClosedReader, type LedgerPreview, type PeriodStanding} from './ledgerRun';
import {DEFAULT_SLICE_MS, drive, nextMacrotask} from './cooperative';
import {Fingerprint} from '../../src/fingerprint';
import type {Facts} from '../../src/facts';
import type {PreviewRow, ResultChangeView} from './previewRows';

export type {WritePlan, WriteOutcome};

export interface Preview {
  periodId: string;
  /** The plan revision the preview was computed under (see planRevision.ts). */
  revision: string;
  run: RunResult;
  /** Problems met while reading the base (unreadable cells, missing tables...). */
  readIssues: Issue[];
  /** Primary values of the source records the warnings name, by record id (see readFacts). */
  recordNames?: ReadonlyMap<string, string>;
  /** Each participant's team as read (the charts' pay by team); the facts themselves are not kept. */
  teams?: ReadonlyMap<string, string | null>;
  writes: WritePlan;
  rows: PreviewRow[];
  /** The period's status (provisional, closed...), whether it is empty, and any refusal to write. */
  standing: PeriodStanding;
  /** The results table's rows of the period and their upsert; null when no results table is mapped. */
  ledger: LedgerPreview | null;
  /** The results table's problems (a field gone, duplicate rows...), apart from the read's. */
  ledgerIssues: Issue[];
  /**
   * The engine's own run (before the ledger's adjustments and promotions; its results are those
   * of `run` where these change nothing) and the fingerprint of what it was computed from, when the
   * context asked for one (`shown`): a later run that reads the same takes this run.
   */
  computed: {run: RunResult; inputs: string | null};
}

/**
 * When and in which language the run happens: texts written to the base (breakdown, feedback,
 * calculation time) are in the plan's result language, or, when the plan leaves it open, in
 * the language of the user who presses Refresh.
 */
export interface RunContext {
  now: Date;
  lang: Lang;
  /** The zone of the calculation time written as text; the environment's (the user's) when absent. */
  timeZone?: string;
  /** The ledger's state (period statuses) as stored now; every period open when absent. */
  ledger?: LedgerState;
  /** The user confirmed writing a period with no source record in it. */
  confirmedEmpty?: boolean;
  /**
   * The preview on screen, which stays there while this run computes: what the run finds equal to
   * it (a participant's result, a cell change) is shared with it, not held twice. At 10,000 people
   * a preview is ~30 MB, and without this a refresh would hold two while it writes.
   */
  onScreen?: Preview | null;
  /**
   * This run's preview is shown and handed to the next run as `onScreen` (the run view): its
   * inputs are fingerprinted (~0.25 s at 10,000 people) so that the next run can tell they did
   * not change. The command line and the automation show nothing and skip it.
   */
  shown?: boolean;
}

/** @example writtenLanguage({resultLanguage: 'zh'}, 'en') // 'zh' */
export function writtenLanguage(plan: Pick<PlanDocument, 'resultLanguage'>, userLang: Lang): Lang {
  return plan.resultLanguage === 'zh' || plan.resultLanguage === 'en' ? plan.resultLanguage : userLang;
}

/** The phases of a run, in order; a preview stops after `comparing`. */
export type Phase = 'reading' | 'computing' | 'comparing' | 'writing';

/** Where a run is: its phase, and how far through that phase (0..1). */
export interface Progress {
  phase: Phase;
  fraction: number;
}

/** What a caller may observe of a run; everything is optional. */
export interface RunHooks {
  /** Every phase starts with fraction 0; then as its work advances. */
  onProgress?: (progress: Progress) => void;
  /**
   * When a phase has ended, how long it took in milliseconds, turns given to the browser included
   * (the bench times the same path the user waits for). Not called for a phase that failed.
   */
  onPhase?: (phase: Phase, ms: number) => void;
  /** How the run gives the browser a turn between slices; a new macrotask by default (tests replace it). */
  yieldToBrowser?: () => Promise<void>;
  /** Work this long (ms) between turns; 40 by default. 0 turns after every engine step (tests). */
  sliceMs?: number;
}

const ENGINE_PHASES: readonly EngineStep['phase'][] = ['credit', 'score', 'pay', 'explain'];

/**
 * The engine's step as a fraction of the computing phase, each engine phase a quarter (as
 * src/engine/run.ts documents its steps): the profile gives them comparable shares, and a bar
 * that only moves forward matters more than exact proportions.
 *
 * @example computingFraction({phase: 'score', done: 50, total: 100}) // 0.375
 */
export function computingFraction(step: EngineStep): number {
  const index = ENGINE_PHASES.indexOf(step.phase);
  const within = step.total > 0 ? Math.min(1, step.done / step.total) : 1;
  return (Math.max(0, index) + within) / ENGINE_PHASES.length;
}

/**
 * Reports phase starts, progress and phase durations to the hooks, and gives the browser its
 * turns. A turn at a phase boundary is taken only once a slice's worth of work has run since the
 * last one: a small base then runs without a single pause, as fast as before.
 */
class PhaseClock {
  private phase: Phase | null = null;
  private startedAt = 0;
  private lastTurn = performance.now();

  constructor(readonly hooks: RunHooks) {}

  get sliceMs(): number {
    return this.hooks.sliceMs ?? DEFAULT_SLICE_MS;
  }

  /** Ends the running phase (reporting its time) and starts `phase` at 0, painted if the slice is up. */
  async enter(phase: Phase): Promise<void> {
    this.end();
    this.phase = phase;
    this.startedAt = performance.now();
    this.progress(0);
    await this.turnIfDue();
  }

  /** A turn, if a slice's worth of work has run since the last one. */
  async turnIfDue(): Promise<void> {
    if (performance.now() - this.lastTurn >= this.sliceMs) await this.turn();
  }

  progress(fraction: number): void {
    if (this.phase) this.hooks.onProgress?.({phase: this.phase, fraction});
  }

  async turn(): Promise<void> {
    await (this.hooks.yieldToBrowser ?? nextMacrotask)();
    this.lastTurn = performance.now();
  }

  end(): void {
    if (this.phase) this.hooks.onPhase?.(this.phase, performance.now() - this.startedAt);
    this.phase = null;
  }
}

/**
 * One row per participant, with the cells that would change grouped under it: the write plan's
 * own changes, not copies (a copy of each was ~4 MB per preview at 10,000 people, and a refresh
 * holds two previews while it writes).
 */
export function previewRows(run: RunResult, writes: WritePlan): PreviewRow[] {
  const changesByRecord = new Map<string, ResultChangeView[]>();
  for (const change of writes.changes) {
    const list = changesByRecord.get(change.recordId);
    if (list) list.push(change);
    else changesByRecord.set(change.recordId, [change]);
  }
  return run.results.map((result) => ({
    participantId: result.participantId,
    rank: result.rank,
    name: result.name,
    totalScore: result.totalScore,
    grade: result.grade,
    totalPay: result.totalPay,
    changes: changesByRecord.get(result.participantId) ?? [],
  }));
}

/**
 * The run with each participant's result that equals the one of `onScreen` (the same data: the
 * base did not change for them since that preview) replaced by that very object; the run's own
 * copy is then garbage. Results are plain data (src/results.ts), so equal data is the same result.
 */
export function sharedResults(run: RunResult, onScreen: RunResult): RunResult {
  const shown = new Map(onScreen.results.map((result) => [result.participantId, result]));
  const results = run.results.map((result) => {
    const same = shown.get(result.participantId);
    return same && equal(same, result) ? same : result;
  });
  return {...run, results};
}

/**
 * Reads the base, computes the period and diffs the results against the cells: what a refresh
 * would write. Nothing is written.
 */
export async function computePreview(
  base: Base,
  plan: PlanDocument,
  periodId: string,
  revision: string,
  context: RunContext,
  hooks: RunHooks = {},
): Promise<Preview> {
  const clock = new PhaseClock(hooks);
  const preview = await previewPhases(base, plan, periodId, revision, context, clock);
  clock.end();
  return preview;
}

interface Started {
  read: Omit<ReadResult, 'facts'>;
  /** The fingerprint of the plan, the period and the facts; null when the context needs none. */
  inputs: string | null;
  teams: Map<string, string | null>;
  /** Each participant's tier as read, for the promotion rules. */
  tiers: Map<string, string | null>;
  steps: Generator<EngineStep, RunResult, void> | null;
}

/**
 * Reads the base for the period and starts the engine on the facts. The facts (every record
 * read) are the engine's alone: held only by its generator, which is done once the run is, they
 * can be collected while the results are compared and written. (In the caller's frame they
 * would live until the refresh ends.)
 */
async function readAndStart(base: Base, plan: PlanDocument, periodId: string, clock: PhaseClock, fingerprinted: boolean): Promise<Started> {
  // Read for the chosen period only: records dated outside it are counted by their date alone.
  // The read's turns are the run's turns: the hooks (tests, the bench) see them all.
  const {facts, ...read} = await readFacts(base, plan, (fraction) => clock.progress(fraction), {
    periodId,
    sliceMs: clock.sliceMs,
    yieldToBrowser: () => clock.turn(),
  });
  const teams = new Map(facts.participants.map((participant) => [participant.id, participant.team] as const));
  const tiers = new Map(facts.participants.map((participant) => [participant.id, participant.tier] as const));
  const inputs = fingerprinted ? await inputsOf(plan, periodId, facts, clock) : null;
  return {read, teams, tiers, inputs, steps: runPlanSteps(plan, periodId, facts)};
}

/**
 * Everything the engine computes from (`runPlanSteps(plan, periodId, facts)` is a pure function
 * of these) as one fingerprint. Every key of the facts is taken, so a kind of fact added later is
 * counted too; the sources one table at a time, with a turn between when one is due.
 */
async function inputsOf(plan: PlanDocument, periodId: string, facts: Facts, clock: PhaseClock): Promise<string> {
  const print = new Fingerprint().add(plan).add(periodId);
  for (const [key, value] of Object.entries(facts)) {
    print.add(key);
    if (key !== 'sources') {
      print.add(value);
      continue;
    }
    for (const [sourceId, records] of Object.entries(facts.sources)) {
      await clock.turnIfDue();
      print.add(sourceId).add(records);
    }
  }
  return print.digest();
}

async function previewPhases(
  base: Base,
  plan: PlanDocument,
  periodId: string,
  revision: string,
  context: RunContext,
  clock: PhaseClock,
): Promise<Preview> {
  const onScreen = context.onScreen?.periodId === periodId ? context.onScreen : null;
  await clock.enter('reading');
  const started = await readAndStart(base, plan, periodId, clock, Boolean(context.shown || onScreen?.computed.inputs));
  const read = started.read;

  await clock.enter('computing');
  let computed: RunResult;
  if (started.inputs !== null && onScreen?.computed.inputs === started.inputs) {
    // The same plan, period and facts as the preview on screen: the engine would compute its run
    // again, object for object, and the refresh would hold both while it writes (at 10,000 people
    // ~50 MB more at its peak). Only what depends on the moment (the ledger's rows, the diff
    // against the cells, the calculation time) is made anew below.
    computed = onScreen.computed.run;
    clock.progress(1);
  } else {
    // Progress is reported just before each turn: a report re-renders the progress bar, which the
    // browser can only paint during a turn anyway.
    let latest: EngineStep | null = null;
    if (!started.steps) throw new Error('the run has already been driven');
    computed = await drive(started.steps, {
      sliceMs: clock.sliceMs,
      onStep: (step) => (latest = step),
      yieldToBrowser: () => {
        if (latest) clock.progress(computingFraction(latest));
        return clock.turn();
      },
    });
  }

  // A finished (or unused) generator may still hold its arguments: let go of it, and with it of the facts.
  started.steps = null;
  await clock.enter('comparing');
  // Shared before the ledger is planned: the results table's created rows make their texts from
  // these results (src/ledger/cells.ts), and would otherwise keep the run's own 10,000 beside the
  // shown ones while it writes. A row itself is never the shown one's: its calculation time differs.
  const run = onScreen && computed !== onScreen.computed.run ? sharedResults(computed, onScreen.run) : computed;
  const ledgerState = context.ledger ?? EMPTY_LEDGER;
  const standing = periodStanding(plan, run, ledgerState, context.now);
  // The closed periods the open one carries are read by the same reader, with the same turns.
  const readClosed: ClosedReader = (closedId) =>
    readFacts(base, plan, undefined, {periodId: closedId, forAdjustments: true, sliceMs: clock.sliceMs, yieldToBrowser: () => clock.turn()});
  const {ledger, issues: ledgerIssues} = await previewLedger(base, plan, run, {now: context.now, lang: writtenLanguage(plan, context.lang), state: ledgerState, readClosed, tiers: started.tiers});
  // What the period pays, adjustments included, and the promotions suggested: the people table, the preview and the log show them.
  const adjusted = promotedRun(adjustedRun(run, ledger?.adjustments ?? null, plan.currency.precision), ledger?.promotions);
  const paid = onScreen ? sharedResults(adjusted, onScreen.run) : adjusted;
  const writes = planWrites(paid, plan, read.current, {
    lang: writtenLanguage(plan, context.lang),
    calculatedAt: context.now.toISOString(),
    timeZone: context.timeZone,
    fields: read.resultFields,
    previous: onScreen?.writes,
  });
  const rows = previewRows(paid, writes);
  clock.progress(1);
  return {periodId, revision, run: paid, readIssues: read.issues, recordNames: read.recordNames, teams: started.teams, writes, rows, standing, ledger, ledgerIssues, computed: {run, inputs: started.inputs}};
}

/** The people table and the result field ids, or null when the mapping no longer resolves. */
export function resultTarget(base: Base, plan: PlanDocument): {table: Table; fields: FieldRef[]} | null {
  const tableId = plan.mapping.people?.table.id;
  const table = tableId ? base.getTableByIdIfExists(tableId) : null;
  if (!table) return null;
  const fields = Object.values(plan.mapping.results).flatMap((field) => (field ? [field] : []));
  return {table, fields};
}

/** Null when the user may write every result field, else the SDK's reason, shown as it is. */
export function writeDenial(base: Base, plan: PlanDocument, lang: Lang): string | null {
  const target = resultTarget(base, plan);
  if (!target) return null;
  const check = checkWritePermission(target.table, target.fields, lang);
  return check.ok ? null : check.reason;
}

export type RefreshOutcome =
  | {kind: 'denied'; reason: string}
  /** Nothing written: the period is closed, or approved and its figures would change... */
  | {kind: 'refused'; reason: Text; preview: Preview}
  /** Nothing written: the period has no source record, and the user has not confirmed. */
  | {kind: 'needsConfirmation'; preview: Preview}
  | {kind: 'written'; preview: Preview; outcome: WriteOutcome; ledger: UpsertOutcome | null};

/**
 * Recomputes and writes the changed cells. Permission is checked again just before the first
 * write: it can be lost between the preview and the click, and then nothing is written.
 */
export async function refresh(
  base: Base,
  plan: PlanDocument,
  periodId: string,
  revision: string,
  context: RunContext,
  hooks: RunHooks = {},
): Promise<RefreshOutcome> {
  const clock = new PhaseClock(hooks);
  const preview = await previewPhases(base, plan, periodId, revision, context, clock);
  await clock.enter('writing');
  // A refusal or an unconfirmed empty period stops the whole refresh, the people table's cells too:
  // they would otherwise show figures the ledger refuses.
  const refusal = refusalOf(preview.standing, preview.ledger);
  if (refusal) {
    clock.end();
    return {kind: 'refused', reason: refusal, preview};
  }
  if (preview.standing.empty && !context.confirmedEmpty) {
    clock.end();
    return {kind: 'needsConfirmation', preview};
  }
  const target = resultTarget(base, plan);
  const denial = writeDenial(base, plan, context.lang);
  const ledgerCheck = preview.ledger ? checkUpsertPermission(preview.ledger.resolved) : {ok: true as const};
  if (!target || denial !== null || !ledgerCheck.ok) {
    clock.end();
    return {kind: 'denied', reason: denial ?? (ledgerCheck.ok ? '' : ledgerCheck.reason)};
  }
  // One limiter for both tables: together they stay within 15 calls a second.
  const limiter = writeLimiter();
  const ledgerTotal = preview.ledger ? preview.ledger.upsert.creates.length + preview.ledger.upsert.updates.length : 0;
  const total = preview.writes.updates.length + ledgerTotal;
  const outcome = await writeResults(target.table, preview.writes.updates, {
    limiter,
    onProgress: (written) => clock.progress(total > 0 ? written / total : 1),
  });
  let ledger: UpsertOutcome | null = null;
  if (preview.ledger && !outcome.failed && !outcome.aborted) {
    const done = outcome.writtenRecordIds.length;
    ledger = await applyUpsert(preview.ledger.resolved, preview.ledger.upsert, {
      lang: writtenLanguage(plan, context.lang),
      limiter,
      onProgress: (written) => clock.progress(total > 0 ? (done + written) / total : 1),
    });
  }
  clock.progress(1);
  clock.end();
  return {kind: 'written', preview, outcome, ledger};
}
