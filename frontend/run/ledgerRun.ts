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
import {computedRows} from '../../src/ledger/cells';
import {messageIssue, messageText} from '../../src/ledger/messages';
import {promotionSuggestions, withPromotions} from '../../src/ledger/promotion';
import type {ResultRow} from '../../src/ledger/rows';
import type {LedgerState} from '../../src/ledger/state';
import {rowStatus, type PeriodState} from '../../src/ledger/status';
import {planUpsert, type UpsertPlan} from '../../src/ledger/upsert';
import type {RowStatus} from '../../src/ledger/fields';
import {versionForPeriod} from '../../src/period';
import type {Lang, Period, PlanDocument, Text} from '../../src/plan';
import type {Issue, RunResult} from '../../src/results';
import {readResultRows, resolveResultsTable, type ResolvedResultsTable} from '../adapter/resultsTable';

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
}

/**
 * "2026-12：本周期没有订单、客户或评价" / "2026-12: no orders, customers or reviews in this period",
 * naming the plan's sources by their labels.
 */
export function emptyPeriodText(plan: Pick<PlanDocument, 'mapping'>, period: Pick<Period, 'label'>): Text {
  const labels = plan.mapping.sources.map((source) => source.label);
  const list = (lang: Lang, last: string, separator: string) => {
    const names = labels.map((label) => (lang === 'en' ? label.en.charAt(0).toLowerCase() + label.en.slice(1) : label.zh));
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(separator)}${last}${names[names.length - 1]}`;
  };
  return {
    zh: t('zh', 'ledger.ui.run.empty', {period: period.label, sources: list('zh', '或', '、')}),
    en: t('en', 'ledger.ui.run.empty', {period: period.label, sources: list('en', ' or ', ', ')}),
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
 * no results table. Issues: the table or fields gone, duplicate and unkeyed rows, rows left alone.
 */
export async function previewLedger(
  base: Base,
  plan: PlanDocument,
  run: RunResult,
  context: {now: Date; lang: Lang; state: LedgerState; tiers?: ReadonlyMap<string, string | null>},
): Promise<{ledger: LedgerPreview | null; issues: Issue[]}> {
  const mapping = plan.mapping.resultsTable;
  const period = plan.periods.find((p) => p.id === run.periodId);
  if (!mapping || !period) return {ledger: null, issues: []};
  const {resolved, issues} = resolveResultsTable(base, mapping, plan.mapping.people?.table.id);
  if (!resolved) return {ledger: null, issues};
  // Every period's rows when the plan has promotion rules: they read the closed periods' grades (docs/plan.md §14).
  const allRows = await readResultRows(resolved, plan.promotion?.length ? undefined : period.id);
  const rows = allRows.filter((row) => row.periodId === period.id);
  const version = versionForPeriod(plan, period);
  const promotions = promotionSuggestions({plan, periodId: period.id, states: context.state.periods, rows: allRows, tiers: context.tiers ?? new Map(), participantIds: run.results.map((r) => r.participantId)});
  const computed = computedRows(withPromotions(run.results, promotions), {
    lang: context.lang,
    calculatedAt: context.now.toISOString(),
    versionLabel: version?.label ?? run.versionId,
  });
  const upsert = planUpsert({period, state: context.state.periods[period.id], today: localIsoDate(context.now), computed, rows, keys: resolved.keys});
  const all = [...issues, ...upsert.messages.map((message) => messageIssue(message, 'warning', {tableId: resolved.table.id}))];
  return {ledger: {resolved, rows, upsert}, issues: all};
}

/** The refusal that stops the whole refresh: the period's own, else the upsert's. */
export function refusalOf(standing: PeriodStanding, ledger: LedgerPreview | null): Text | null {
  if (standing.refusal) return standing.refusal;
  return ledger?.upsert.refusal ? messageText(ledger.upsert.refusal) : null;
}
