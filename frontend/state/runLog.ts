/**
 * The run log (运行记录): one entry per refresh, kept in globalConfig so that every collaborator
 * sees who paid what, when, for which period and under which plan. globalConfig holds 150 kB in
 * all and the plan document lives there too, so the log has its own budget: at most
 * `maxEntries` entries and `maxBytes` of JSON, the oldest entries dropped first.
 *
 * Pure: the hook that reads and writes it is useRunLog.ts, so the limits are tested on plain data.
 */
import type {DecimalString} from '../../src/plan';
import {utf8Bytes} from '../../src/storage';

export const RUN_LOG_KEY = 'runLog';

export interface RunLogEntry {
  /** ISO timestamp of the end of the refresh. */
  at: string;
  /** The collaborator's name, or null in a public share. */
  user: string | null;
  periodId: string;
  periodLabel: string;
  /** The plan version (PlanVersion id) in force for the period. */
  versionId: string;
  /** The stored plan's revision, so that an auditor can tell two runs under edited plans apart. */
  planRevision: string;
  participants: number;
  /** Records whose result cells were written / already up to date / that failed to write. */
  changed: number;
  unchanged: number;
  failed: number;
  totals: {totalPay: DecimalString; bonus: DecimalString; teamBonus: DecimalString; award: DecimalString};
  /** Rows of the results table created and updated by the refresh (issue 12); absent without one. */
  ledger?: {created: number; updated: number};
  /**
   * What the refresh carried from closed periods (issue 13): the adjustments taken in total, the
   * balances carried forward in total (zero or negative) and the people concerned; absent when
   * nothing was carried.
   */
  adjustments?: {total: DecimalString; balance: DecimalString; people: number};
  /** An approve, close or reopen of the period (with the reopen's reason) instead of a refresh. */
  action?: {kind: 'approve' | 'close' | 'reopen'; reason?: string};
}

export interface RunLogLimits {
  maxEntries: number;
  maxBytes: number;
}

/** 50 entries of about 350 bytes stay well under the 20 kB budget; the budget is the real guard. */
export const DEFAULT_RUN_LOG_LIMITS: RunLogLimits = {maxEntries: 50, maxBytes: 20_000};

/**
 * The log after a new entry, newest first, trimmed to the limits.
 *
 * @example appendRunLog([b, a], c, {maxEntries: 2, maxBytes: 1e6}) // [c, b]
 */
export function appendRunLog(log: readonly RunLogEntry[], entry: RunLogEntry, limits = DEFAULT_RUN_LOG_LIMITS): RunLogEntry[] {
  const next = [entry, ...log].slice(0, Math.max(1, limits.maxEntries));
  while (next.length > 1 && utf8Bytes(JSON.stringify(next)) > limits.maxBytes) next.pop();
  return next;
}

function isEntry(value: unknown): value is RunLogEntry {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Partial<RunLogEntry>;
  return typeof entry.at === 'string' && typeof entry.periodId === 'string' && typeof entry.changed === 'number';
}

/** The stored log; anything unreadable (another tool wrote the key, a hand edit) reads as empty. */
export function parseRunLog(stored: unknown): RunLogEntry[] {
  if (typeof stored !== 'string') return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter(isEntry) : [];
  } catch {
    return [];
  }
}
