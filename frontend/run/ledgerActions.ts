/**
 * Approve (审批), close (关账) and reopen (重新打开) a period: shared by the run view and the CLI.
 *
 * The order is the ledger's: the transition is judged (src/ledger/status.ts), the state must fit
 * its globalConfig budget, the user must be allowed both to save the state and to write the
 * results rows (checked before anything is written), the state is saved first (it is the
 * authority: a refresh refuses a closed period from it), then every row of the period gets the
 * new status and who/when stamps. When an automation script has been made, its plan marker is
 * moved right after the state is saved (the script carries the statuses). A failed stamp write
 * leaves rows that disagree with the state; the next action or refresh plans them again.
 */
import type {Base} from '@airtable/blocks/models';
import type {GlobalConfig} from '@airtable/blocks/types';
import Decimal from 'decimal.js';
import {LEDGER_BYTE_BUDGET, LEDGER_CONFIG_KEY, fitLedger, parseLedgerState, serializeLedger, withPeriod, type LedgerState} from '../../src/ledger/state';
import {messageText} from '../../src/ledger/messages';
import type {LedgerCells, ResultRow} from '../../src/ledger/rows';
import {groupRows} from '../../src/ledger/rows';
import {transition, type LedgerAction} from '../../src/ledger/status';
import {planStamps} from '../../src/ledger/upsert';
import {versionForPeriod} from '../../src/period';
import type {DecimalString, Lang, PlanDocument, Text} from '../../src/plan';
import {applyUpsert, readResultRows, type ResolvedResultsTable, type UpsertOutcome} from '../adapter/resultsTable';
import {refreshMarker, type MarkerOutcome} from '../adapter/planMarker';
import {localIsoDate} from './ledgerRun';
import {text} from '../../src/i18n';

export type ActionKind = LedgerAction['kind'];

/** The ledger's state as stored in globalConfig, with what was unreadable in it. */
export function readLedgerState(globalConfig: Pick<GlobalConfig, 'get'>): ReturnType<typeof parseLedgerState> {
  return parseLedgerState(globalConfig.get(LEDGER_CONFIG_KEY));
}

/** The money components a period's confirmation shows, summed over its rows. */
export const TOTAL_KEYS = ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

export interface PeriodTotals {
  people: number;
  sums: Record<TotalKey, DecimalString>;
}

/**
 * The totals of a period's rows, one row per person (duplicate pairs counted once, unkeyed rows
 * not at all), in exact decimals.
 *
 * @example periodTotals([row({totalPay: 100.1}), row({totalPay: 0.2})], '2026-02').sums.totalPay // '100.3'
 */
export function periodTotals(rows: readonly ResultRow[], periodId: string): PeriodTotals {
  const grouped = groupRows(rows, periodId);
  const kept = [...grouped.byPair.values()];
  const sums = {} as Record<TotalKey, DecimalString>;
  for (const key of TOTAL_KEYS) {
    sums[key] = kept.reduce((sum, row) => sum.plus(numberOf(row.cells, key)), new Decimal(0)).toFixed();
  }
  return {people: kept.length, sums};
}

function numberOf(cells: LedgerCells, key: TotalKey): Decimal {
  const value = cells[key];
  // A cell reads back as the JS number written, whose shortest text is the decimal written.
  return typeof value === 'number' && Number.isFinite(value) ? new Decimal(String(value)) : new Decimal(0);
}

export interface ActionInput {
  plan: PlanDocument;
  periodId: string;
  action: ActionKind;
  /** Reopen only: why (kept, at most 200 characters). */
  reason?: string;
  /** The acting collaborator's name, kept as it is. */
  user: string;
  now: Date;
  /** The plan's result language: a status written into a text field. */
  lang: Lang;
  /**
   * The base, to keep an automation script's plan marker current (frontend/adapter/planMarker.ts):
   * the script carries the statuses, so a status change must make older scripts refuse.
   */
  base?: Base;
}

export type ActionOutcome =
  | {ok: true; state: LedgerState; stamped: UpsertOutcome | null; marker?: MarkerOutcome | null}
  /** Nothing was saved nor written; the reason in both languages (the SDK's own when permission lacks). */
  | {ok: false; reason: Text};

/**
 * Runs one action end to end. `resolved` is the results table (null when none is mapped: the
 * state alone is kept). Never throws for a refusal; a failed save or write is a refusal too.
 */
export async function runLedgerAction(globalConfig: GlobalConfig, resolved: ResolvedResultsTable | null, input: ActionInput): Promise<ActionOutcome> {
  const {plan, periodId, now} = input;
  const period = plan.periods.find((p) => p.id === periodId);
  if (!period) return {ok: false, reason: text('ledger.ui.action.unknownPeriod', {period: periodId})};
  const today = localIsoDate(now);
  const at = now.toISOString();
  const current = readLedgerState(globalConfig).state;
  const action: LedgerAction =
    input.action === 'close'
      ? {kind: 'close', versionId: versionForPeriod(plan, period)?.id ?? ''}
      : input.action === 'reopen'
        ? {kind: 'reopen', reason: input.reason ?? ''}
        : {kind: 'approve'};
  const periods = plan.periods.map((p) => ({period: p, state: current.periods[p.id]}));
  const result = transition(current.periods[periodId], action, {period, today, by: input.user, at, periods});
  if (!result.ok) return {ok: false, reason: messageText(result.refusal)};

  const order = [...plan.periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((p) => p.id);
  const fitted = fitLedger(withPeriod(current, periodId, result.state), order);
  if (!fitted.fits) {
    return {ok: false, reason: messageText({key: 'ledger.state.full', params: {size: (fitted.bytes / 1000).toFixed(1), budget: LEDGER_BYTE_BUDGET / 1000}})};
  }
  const stored = serializeLedger(fitted.state);
  const canSave = globalConfig.checkPermissionsForSet(LEDGER_CONFIG_KEY, stored);
  if (!canSave.hasPermission) return {ok: false, reason: text('ledger.ui.action.denied', {reason: canSave.reasonDisplayString})};
  if (resolved) {
    const cells: Record<string, undefined> = {};
    for (const key of resolved.keys) cells[resolved.fields[key]!.id] = undefined;
    const check = resolved.table.checkPermissionsForUpdateRecords([{fields: cells}]);
    if (!check.hasPermission) return {ok: false, reason: text('ledger.ui.action.denied', {reason: check.reasonDisplayString})};
  }

  try {
    await globalConfig.setAsync(LEDGER_CONFIG_KEY, stored);
  } catch (error) {
    return {ok: false, reason: text('ledger.ui.action.saveFailed', {message: error instanceof Error ? error.message : String(error)})};
  }
  // Right after the state: an automation script that runs meanwhile sees the marker move first.
  const marker = input.base ? await refreshMarker(input.base, globalConfig, plan) : null;
  if (!resolved) return {ok: true, state: fitted.state, stamped: null, marker};
  const rows = await readResultRows(resolved, periodId);
  const stamps = planStamps({period, state: fitted.state.periods[periodId], today, rows, keys: resolved.keys});
  const stamped = await applyUpsert(resolved, stamps, {lang: input.lang});
  return {ok: true, state: fitted.state, stamped, marker};
}
