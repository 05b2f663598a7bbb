/**
 * What a refresh writes to the results table for one period: the rows the period lacks
 * (creates) and the changed cells of the rows it has (updates). Nothing is ever deleted; nothing
 * is written for a closed period; a pair with two rows is left alone and reported.
 *
 * Pure: the adapter turns the plan into SDK calls (at most 50 records a call).
 */
import {firstNames} from '../i18n';
import type {IsoDate, Period} from '../plan';
import {copyCell} from './cells';
import {FIGURE_KEYS, STAMP_KEYS, type LedgerKey} from './fields';
import type {LedgerMessage} from './messages';
import {groupRows, pairKey, type DuplicatePair, type LedgerCells, type LedgerValue, type ResultRow} from './rows';
import {rowStatus, type PeriodState} from './status';

/** One participant's computed cells for the period: the figures and `calculatedAt`. */
export interface ComputedRow {
  participantId: string;
  name: string;
  cells: LedgerCells;
}

export interface LedgerCellChange {
  key: LedgerKey;
  old: LedgerValue;
  new: LedgerValue;
}

export interface RowCreate {
  participantId: string;
  name: string;
  /** Every non-empty cell, the pair's keys included. */
  cells: LedgerCells;
}

export interface RowUpdate {
  recordId: string;
  participantId: string;
  name: string;
  /** Only the changed cells. */
  cells: LedgerCells;
  changes: LedgerCellChange[];
}

export interface UpsertPlan {
  periodId: string;
  creates: RowCreate[];
  updates: RowUpdate[];
  /** Participants whose row is already as computed. */
  unchanged: number;
  duplicates: DuplicatePair[];
  /** Rows of the period for no computed participant (a person deleted or left out): kept as they are. */
  leftAlone: ResultRow[];
  /** Why nothing at all is planned (a closed period, an approved one whose figures would change...). */
  refusal: LedgerMessage | null;
  /** Warnings to show: duplicate and unkeyed rows, rows left alone. */
  messages: LedgerMessage[];
}

export interface UpsertInput {
  period: Pick<Period, 'id' | 'label' | 'end'>;
  state: PeriodState | undefined;
  /** The user's local date, ISO: decides provisional. */
  today: IsoDate;
  computed: readonly ComputedRow[];
  /** The results table's rows (any period: the period's own are picked here). */
  rows: readonly ResultRow[];
  /** The keys the mapped results table has a writable field for: nothing else is planned. */
  keys: readonly LedgerKey[];
}

/**
 * The status and approval/close stamps a row of the period carries, from the ledger's state.
 *
 * @example stampCells({status: 'approved', approved: {by: '李娜', at: 'T'}}, {end: '2026-02-28'}, '2026-03-02')
 * // {status: 'approved', approvedBy: '李娜', approvedAt: 'T', closedBy: null, closedAt: null}
 */
export function stampCells(state: PeriodState | undefined, period: Pick<Period, 'end'>, today: IsoDate): LedgerCells {
  return {
    status: rowStatus(state, period, today),
    approvedBy: state?.approved?.by ?? null,
    approvedAt: state?.approved?.at ?? null,
    closedBy: state?.closed?.by ?? null,
    closedAt: state?.closed?.at ?? null,
  };
}

const value = (cells: LedgerCells, key: LedgerKey): LedgerValue => cells[key] ?? null;

/** The changed cells of one row, `calculatedAt` only alongside a changed figure. */
function diffRow(row: ResultRow, wanted: LedgerCells, keys: readonly LedgerKey[]): {cells: LedgerCells; changes: LedgerCellChange[]; figures: number} {
  const cells: LedgerCells = {};
  const changes: LedgerCellChange[] = [];
  let figures = 0;
  for (const key of keys) {
    if (key === 'participant' || key === 'period' || key === 'calculatedAt' || !(key in wanted)) continue;
    const old = value(row.cells, key);
    const next = value(wanted, key);
    if (old === next) continue;
    cells[key] = next;
    changes.push({key, old, new: next});
    if (FIGURE_KEYS.includes(key)) figures++;
  }
  if (figures > 0 && keys.includes('calculatedAt') && 'calculatedAt' in wanted && value(row.cells, 'calculatedAt') !== value(wanted, 'calculatedAt')) {
    cells.calculatedAt = value(wanted, 'calculatedAt');
    changes.push({key: 'calculatedAt', old: value(row.cells, 'calculatedAt'), new: cells.calculatedAt});
  }
  return {cells, changes, figures};
}

/**
 * A new row's cells: each key's non-empty value, in `keys` order; the stamps over the figures,
 * the pair's keys over both. Built once, never copied or deleted from: 10,000 rows stay small
 * objects (a deleted property turns a V8 object into a dictionary several times its size). Long
 * texts are copied as their getters, not made (see `copyCell`).
 *
 * @example createCells({participantId: 'recLi', cells: {totalPay: 8650, grade: null}}, {status: 'open'}, '2026-02', ['participant', 'period', 'status', 'grade', 'totalPay'])
 * // {participant: 'recLi', period: '2026-02', status: 'open', totalPay: 8650}
 */
export function createCells(computed: Pick<ComputedRow, 'participantId' | 'cells'>, stamps: LedgerCells, periodId: string, keys: readonly LedgerKey[]): LedgerCells {
  const cells: LedgerCells = {};
  for (const key of keys) {
    // A long text stays made-when-read (src/ledger/cells.ts DEFERRED_LEDGER_KEYS): copied as such.
    if (key !== 'participant' && key !== 'period' && !(key in stamps)) {
      copyCell(computed.cells, cells, key);
      continue;
    }
    const value = key === 'participant' ? computed.participantId : key === 'period' ? periodId : stamps[key];
    if (value !== null && value !== undefined) cells[key] = value;
  }
  return cells;
}

const EMPTY = (periodId: string): Omit<UpsertPlan, 'refusal' | 'messages'> => ({
  periodId,
  creates: [],
  updates: [],
  unchanged: 0,
  duplicates: [],
  leftAlone: [],
});

/**
 * Rows that say "closed" while the ledger says the period is not, with no reopen after their
 * close time to explain it: the ledger's state was lost or replaced (an import, another
 * installation). Writing over them could rewrite what was paid, so a refresh refuses.
 */
function closedRowsUnexplained(rows: Iterable<ResultRow>, state: PeriodState | undefined): number {
  const lastReopen = state?.reopens?.[state.reopens.length - 1]?.at ?? null;
  let count = 0;
  for (const row of rows) {
    if (row.status !== 'closed') continue;
    const closedAt = row.cells.closedAt;
    const explained = lastReopen !== null && (typeof closedAt !== 'string' || toInstant(closedAt) <= toInstant(lastReopen));
    if (!explained) count++;
  }
  return count;
}

/** ISO times compared as instants (a dateTime field may read back in another ISO spelling). */
function toInstant(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * The creates and updates of one period's refresh.
 *
 * - closed: nothing, with the reason;
 * - approved: nothing when a figure would change (reopen first, explicitly), else only the
 *   stamps kept in step;
 * - open or provisional: a row for every computed participant the period lacks, and the changed
 *   cells of the others.
 */
export function planUpsert(input: UpsertInput): UpsertPlan {
  const {period, state, today, keys} = input;
  const status = state?.status ?? 'open';
  if (status === 'closed') {
    return {...EMPTY(period.id), refusal: {key: 'ledger.upsert.closed', params: {period: period.label}}, messages: []};
  }
  const missing = (['participant', 'period'] as const).filter((key) => !keys.includes(key));
  if (missing.length > 0) {
    return {...EMPTY(period.id), refusal: {key: 'ledger.upsert.keyMissing', params: {fields: {list: missing.map((key) => ({key: `ledger.field.${key}` as const, params: {}}))}}}, messages: []};
  }
  const grouped = groupRows(input.rows, period.id, new Map(input.computed.map((row) => [row.participantId, row.name])));
  const stale = closedRowsUnexplained(grouped.byPair.values(), state);
  if (stale > 0) {
    return {...EMPTY(period.id), refusal: {key: 'ledger.upsert.rowsSayClosed', params: {period: period.label, count: stale}}, messages: grouped.messages};
  }
  const duplicated = new Set(grouped.duplicates.map((pair) => pairKey(pair.participantId, pair.periodId)));
  const stamps = stampCells(state, period, today);
  const creates: RowCreate[] = [];
  const updates: RowUpdate[] = [];
  let unchanged = 0;
  let figureChanges = 0;
  const computedIds = new Set<string>();
  for (const computed of input.computed) {
    computedIds.add(computed.participantId);
    const key = pairKey(computed.participantId, period.id);
    if (duplicated.has(key)) continue;
    const row = grouped.byPair.get(key);
    if (!row) {
      creates.push({participantId: computed.participantId, name: computed.name, cells: createCells(computed, stamps, period.id, keys)});
      figureChanges++;
      continue;
    }
    const diff = diffRow(row, {...computed.cells, ...stamps}, keys);
    figureChanges += diff.figures;
    if (diff.changes.length === 0) unchanged++;
    else updates.push({recordId: row.recordId, participantId: computed.participantId, name: computed.name, cells: diff.cells, changes: diff.changes});
  }
  const leftAlone = [...grouped.byPair.values()].filter((row) => !computedIds.has(row.participantId!));
  const messages = [...grouped.messages];
  if (leftAlone.length > 0) {
    messages.push({
      key: 'ledger.upsert.leftAlone',
      params: {period: period.label, count: leftAlone.length, names: firstNames(leftAlone.map((row) => row.participantName ?? '?'), 10)},
    });
  }
  if (status === 'approved' && figureChanges > 0) {
    return {
      ...EMPTY(period.id),
      duplicates: grouped.duplicates,
      leftAlone,
      refusal: {key: 'ledger.upsert.approved', params: {period: period.label, count: creates.length + updates.filter((u) => u.changes.some((c) => FIGURE_KEYS.includes(c.key))).length}},
      messages,
    };
  }
  return {periodId: period.id, creates, updates, unchanged, duplicates: grouped.duplicates, leftAlone, refusal: null, messages};
}

/**
 * The stamp cells (status, approved/closed by and at) of every row of the period, after an
 * approve, close or reopen. Allowed for a closed period: it is how a close is written. Duplicate
 * and unkeyed rows are left alone, as by a refresh.
 */
export function planStamps(input: Omit<UpsertInput, 'computed'>): UpsertPlan {
  const {period, state, today, keys} = input;
  const grouped = groupRows(input.rows, period.id);
  const stamps = stampCells(state, period, today);
  const stampKeys = keys.filter((key) => STAMP_KEYS.includes(key));
  const updates: RowUpdate[] = [];
  let unchanged = 0;
  for (const row of grouped.byPair.values()) {
    const diff = diffRow(row, stamps, stampKeys);
    if (diff.changes.length === 0) unchanged++;
    else updates.push({recordId: row.recordId, participantId: row.participantId!, name: row.participantName ?? '', cells: diff.cells, changes: diff.changes});
  }
  return {periodId: period.id, creates: [], updates, unchanged, duplicates: grouped.duplicates, leftAlone: [], refusal: null, messages: grouped.messages};
}
