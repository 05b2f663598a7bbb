/** What a refresh did, in counts the user and the run log understand. */
import type {Period, Text} from '../../src/plan';
import type {RunLogEntry} from '../state/runLog';
import type {Preview, WriteOutcome} from './pipeline';
import {previewRows} from './pipeline';
import {balancesCarried} from './ledgerRun';
import {issueText} from './warningGroups';

export interface RefreshSummary {
  /** Participants whose result cells were written. */
  changed: number;
  changedCells: number;
  /** Participants already up to date. */
  unchanged: number;
  /** Participants whose write failed or was not attempted after a failure. */
  failed: number;
  /** What went wrong while writing (a failed call: which batch, what was written), in zh and en. */
  failures: Text[];
  writeCalls: number;
  /** False when the run could not be logged (the user may write records but not globalConfig). */
  logged?: boolean;
}

/**
 * Records by the names the preview read, before the write: participants by their names, source
 * records by their primary values. A record deleted during the write is named only here.
 */
export function previewNames(preview: Pick<Preview, 'recordNames' | 'run'>): Map<string, string> {
  return new Map([...(preview.recordNames ?? []), ...preview.run.results.map((r) => [r.participantId, r.name] as [string, string])]);
}

/**
 * The adapter's issues name the batch, the counts and the records (by `names`); the SDK's bare
 * message is the fallback.
 */
function failureTexts(outcome: WriteOutcome, names: ReadonlyMap<string, string>): Text[] {
  if (outcome.issues.length > 0) return outcome.issues.map((issue) => ({zh: issueText(issue, 'zh', names), en: issueText(issue, 'en', names)}));
  return outcome.failed ? [{zh: outcome.failed.message, en: outcome.failed.message}] : [];
}

export function summarise(preview: Preview, outcome: WriteOutcome): RefreshSummary {
  const written = new Set(outcome.writtenRecordIds);
  return {
    changed: written.size,
    changedCells: preview.writes.changes.filter((c) => written.has(c.recordId)).length,
    unchanged: preview.writes.unchanged,
    // The write stops at the first failed call: that call's records and every later one's.
    failed: outcome.remaining,
    failures: failureTexts(outcome, previewNames(preview)),
    writeCalls: outcome.calls,
  };
}

/**
 * The preview as the base now is: written cells are no longer changes; what failed still is,
 * so the table shows exactly what a second refresh would complete.
 */
export function afterWrite(preview: Preview, writtenRecordIds: readonly string[]): Preview {
  const written = new Set(writtenRecordIds);
  const writes = {
    ...preview.writes,
    changes: preview.writes.changes.filter((c) => !written.has(c.recordId)),
    updates: preview.writes.updates.filter((u) => !written.has(u.id)),
    unchanged: preview.writes.unchanged + written.size,
  };
  return {...preview, writes, rows: previewRows(preview.run, writes)};
}

/** The run log's record of one refresh: who, when, which period and plan, what it did. */
export function runLogEntry(
  preview: Preview,
  summary: RefreshSummary,
  period: Pick<Period, 'id' | 'label'>,
  planRevision: string,
  who: {at: string; user: string | null},
): RunLogEntry {
  const {totals} = preview.run;
  const adjustments = preview.ledger?.adjustments ?? null;
  return {
    at: who.at,
    user: who.user,
    periodId: period.id,
    periodLabel: period.label,
    versionId: preview.run.versionId,
    planRevision,
    participants: preview.run.results.length,
    changed: summary.changed,
    unchanged: summary.unchanged,
    failed: summary.failed,
    totals: {totalPay: totals.totalPay, bonus: totals.bonus, teamBonus: totals.teamBonus, award: totals.award},
    ...(adjustments && adjustments.people.size > 0
      ? {adjustments: {total: adjustments.total.toFixed(), balance: balancesCarried(adjustments), people: adjustments.people.size}}
      : {}),
  };
}

