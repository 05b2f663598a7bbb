/**
 * The results table's part of a run (issue 12): what a preview shows and a refresh writes for the
 * period's rows, and the period's safeguards: a closed (or approved, or unexplained closed-row)
 * period refuses the whole refresh with the reason; a period with no source record in it needs
 * an explicit confirmation; a period not ended yet is provisional (预估).
 *
 * Pure planning lives in src/ledger; this module reads the base through the adapter.
 */
import type {Base} from '@airtable/blocks/models';
import {t} from '../../src/i18n';
import {
  adjustedComputedRows,
  adjustedPeriods,
  changedSince,
  computeAdjustments,
  recomputeClosed,
  withAdjustments,
  type AdjustmentOutcome,
  type ClosedRecompute,
} from '../../src/ledger/adjustments';
import {clawbackOf, lookbackOf} from '../../src/ledger/clawback';
import {D, fixedText} from '../../src/engine/money';
import {listText} from '../../src/i18n/numbers';
import {messageIssue, messageText} from '../../src/ledger/messages';
import {promotionSuggestions, withPromotions} from '../../src/ledger/promotion';
import type {ResultRow} from '../../src/ledger/rows';
import type {LedgerState} from '../../src/ledger/state';
import {rowStatus, type PeriodState} from '../../src/ledger/status';
import {planUpsert, type UpsertPlan} from '../../src/ledger/upsert';
import type {RowStatus} from '../../src/ledger/fields';
import {versionForPeriod} from '../../src/period';
import type {Lang, Period, PlanDocument, Text} from '../../src/plan';
import type {Issue, PromotionSuggestion, RunResult} from '../../src/results';
import {readResultRows, resolveResultsTable, type ResolvedResultsTable} from '../adapter/resultsTable';
import type {ReadResult} from '../adapter/readFacts';

/** Today's date in the user's time zone, ISO: a period ends when its last local day is over. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The period's ledger facts at the time of the preview, whether or not a results table is mapped. */
export interface PeriodStanding {
  state: PeriodState | undefined;
  /** open, provisional (not ended yet), approved or closed. */
  status: RowStatus;
  /** No source record credited in the period: a refresh asks for confirmation first. */
  empty: boolean;
  /** Why nothing may be written for the period (closed, approved with changes...), or null. */
  refusal: Text | null;
}

/** What the preview knows of the results table: its rows for the period and the upsert planned. */
export interface LedgerPreview {
  resolved: ResolvedResultsTable;
  /** The period's rows as read (duplicates included): what approve/close show and stamp. */
  rows: ResultRow[];
  upsert: UpsertPlan;
  /**
   * What the open period carries from the closed periods before it (issue 13): null when it
   * carries none (no closed period just before it, or it is itself closed).
   */
  adjustments: AdjustmentOutcome | null;
  /** The promotions suggested by the plan's rules (docs/plan.md §14), by participant id; empty without rules. */
  promotions: ReadonlyMap<string, PromotionSuggestion>;
}

/** Reads the facts of a closed period for its recomputation (readFacts with `forAdjustments`). */
export type ClosedReader = (periodId: string) => Promise<Pick<ReadResult, 'facts' | 'recordNames'>>;

/**
 * "2026-12：本周期没有订单、客户或评价" / "2026-12: no orders, customers, or reviews in this period",
 * naming the plan's sources by their labels, listed by Intl.ListFormat ("or") in each language.
 */
export function emptyPeriodText(plan: Pick<PlanDocument, 'mapping'>, period: Pick<Period, 'label'>): Text {
  const labels = plan.mapping.sources.map((source) => source.label);
  const sources = (lang: Lang) => {
    const names = labels.map((label) => (lang === 'en' ? label.en.charAt(0).toLowerCase() + label.en.slice(1) : label.zh));
    return listText(names, lang, 'disjunction');
  };
  return {
    zh: t('zh', 'ledger.ui.run.empty', {period: period.label, sources: sources('zh')}),
    en: t('en', 'ledger.ui.run.empty', {period: period.label, sources: sources('en')}),
  };
}

/** The period's status, emptiness and any refusal, from the ledger's state and the run. */
export function periodStanding(plan: PlanDocument, run: RunResult, state: LedgerState, now: Date): PeriodStanding {
  const period = plan.periods.find((p) => p.id === run.periodId);
  const periodState = state.periods[run.periodId];
  const status = period ? rowStatus(periodState, period, localIsoDate(now)) : 'open';
  const refusal = periodState?.status === 'closed' ? messageText({key: 'ledger.upsert.closed', params: {period: period?.label ?? run.periodId}}) : null;
  return {state: periodState, status, empty: run.stats.recordsCredited === 0, refusal};
}

/**
 * Reads the period's rows of the results table and plans their upsert, or null when the plan maps
 * no results table. Issues: the table or fields gone, duplicate and unkeyed rows, rows left alone,
 * and the adjustments' messages.
 *
 * With `readClosed`, an open period also carries the adjustments of the closed periods just
 * before it (docs/adjustments.md): each is read again and recomputed with its frozen version, and
 * the differences go into the open period's rows (adjustments, balance, detail, total pay). The
 * closed periods' rows are read, never written.
 */
export async function previewLedger(
  base: Base,
  plan: PlanDocument,
  run: RunResult,
  context: {now: Date; lang: Lang; state: LedgerState; readClosed?: ClosedReader; tiers?: ReadonlyMap<string, string | null>},
): Promise<{ledger: LedgerPreview | null; issues: Issue[]}> {
  const mapping = plan.mapping.resultsTable;
  const period = plan.periods.find((p) => p.id === run.periodId);
  if (!mapping || !period) return {ledger: null, issues: []};
  const {resolved, issues} = resolveResultsTable(base, mapping, plan.mapping.people?.table.id);
  if (!resolved) return {ledger: null, issues};
  const version = versionForPeriod(plan, period);
  const cellContext = {
    lang: context.lang,
    calculatedAt: context.now.toISOString(),
    versionLabel: version?.label ?? run.versionId,
    // The statement text is made only when the table has a field for it.
    ...(resolved.keys.includes('statement') ? {statement: {planName: plan.name, period, currency: plan.currency}} : {}),
  };
  const ownState = context.state.periods[period.id];
  // A closed period is refused whole; an approved one is recomputed like its figures, adjustments
  // included, so that the upsert refuses it only when they would change.
  const carried = context.readClosed && ownState?.status !== 'closed' ? adjustedPeriods(plan.periods, context.state.periods, period, lookbackOf(plan.adjustments)) : [];
  let rows: ResultRow[];
  let allRows: ResultRow[] | null = null;
  let adjustments: AdjustmentOutcome | null = null;
  if (carried.length > 0 && context.readClosed) {
    // Every row of the periods from the oldest carried one to this one: what they paid and carried.
    allRows = await readResultRows(resolved);
    const from = carried[0].start;
    const inWindow = new Set(plan.periods.filter((p) => p.start >= from && p.start <= period.start).map((p) => p.id));
    const windowRows = allRows.filter((row) => row.periodId !== null && inWindow.has(row.periodId));
    rows = windowRows.filter((row) => row.periodId === period.id);
    const closed: ClosedRecompute[] = [];
    for (const closedPeriod of carried) {
      const read = await context.readClosed(closedPeriod.id);
      closed.push(
        recomputeClosed(plan, closedPeriod, context.state.periods[closedPeriod.id]!, read.facts, {
          primary: (_sourceId, recordId) => read.recordNames.get(recordId),
          since: changedSince(plan.periods, context.state.periods, closedPeriod, period),
        }),
      );
    }
    adjustments = computeAdjustments({
      open: period,
      periods: plan.periods,
      states: context.state.periods,
      closed,
      rows: windowRows,
      keys: resolved.keys,
      results: run.results,
      policy: clawbackOf(plan.adjustments),
      currency: plan.currency,
    });
  } else if (plan.promotion?.length) {
    // The promotion rules read the closed periods' grades (docs/plan.md §14).
    allRows = await readResultRows(resolved);
    rows = allRows.filter((row) => row.periodId === period.id);
  } else {
    rows = await readResultRows(resolved, period.id);
  }
  const promotions = promotionSuggestions({
    plan,
    periodId: period.id,
    states: context.state.periods,
    rows: allRows ?? rows,
    tiers: context.tiers ?? new Map(),
    participantIds: run.results.map((result) => result.participantId),
  });
  const computed = adjustedComputedRows(withPromotions(run.results, promotions), adjustments ?? {people: new Map()}, cellContext, plan.currency);
  const upsert = planUpsert({period, state: ownState, today: localIsoDate(context.now), computed, rows, keys: resolved.keys});
  const at = {tableId: resolved.table.id};
  const all = [
    ...issues,
    ...(adjustments?.messages ?? []).map((message) => messageIssue(message, 'warning', at)),
    ...upsert.messages.map((message) => messageIssue(message, 'warning', at)),
  ];
  return {ledger: {resolved, rows, upsert, adjustments, promotions}, issues: all};
}

/**
 * The run as the open period pays it: each person's total pay and breakdown with their
 * adjustments, and the run's total pay with their sum. The run itself when nothing is carried.
 */
export function adjustedRun(run: RunResult, adjustments: AdjustmentOutcome | null, precision: number): RunResult {
  if (!adjustments || adjustments.people.size === 0) return run;
  const results = run.results.map((result) => withAdjustments(result, adjustments.people.get(result.participantId), {precision}));
  const totalPay = fixedText(new D(run.totals.totalPay).plus(adjustments.total), precision);
  return {...run, results, totals: {...run.totals, totalPay}};
}

/**
 * The balances the open period carries forward, summed: zero or negative, a plain decimal.
 *
 * @example balancesCarried(null) // '0'
 */
export function balancesCarried(adjustments: Pick<AdjustmentOutcome, 'people'> | null): string {
  const people = adjustments ? [...adjustments.people.values()] : [];
  return people.reduce((sum, person) => sum.plus(person.balance), new D(0)).toFixed();
}

/** The refusal that stops the whole refresh: the period's own, else the upsert's. */
export function refusalOf(standing: PeriodStanding, ledger: LedgerPreview | null): Text | null {
  if (standing.refusal) return standing.refusal;
  return ledger?.upsert.refusal ? messageText(ledger.upsert.refusal) : null;
}
