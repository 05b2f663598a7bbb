/**
 * Rows of the results table as plain facts, and their keying. A row is found by the pair
 * (participant, period); its record id is only how it is reached. Two rows for one pair cannot
 * both be right, and picking one would hide the other's figures: both are reported by name and
 * neither is written until someone removes one.
 */
import type {FieldTypeName} from '../schema';
import {comparable} from '../writeback';
import {LEDGER_KEYS, parseStatus, type LedgerKey, type RowStatus} from './fields';
import type {LedgerMessage} from './messages';

/** A cell in comparable form: a number, a text (a select's name, an ISO time), or empty. */
export type LedgerValue = number | string | null;
/** Cells by key. `status` holds a RowStatus key, `participant` a record id, `period` a period id. */
export type LedgerCells = Partial<Record<LedgerKey, LedgerValue>>;

export interface ResultRow {
  recordId: string;
  /** The one linked participant, or null when the link is empty or names several. */
  participantId: string | null;
  /** What the link shows (the person's primary value), for messages. */
  participantName: string | null;
  /** Names of every linked participant, when there are several. */
  linkedNames: string[];
  periodId: string | null;
  status: RowStatus | null;
  cells: LedgerCells;
}

function linksOf(value: unknown): {id: string; name: string}[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as {id?: unknown}).id === 'string'
      ? [{id: (item as {id: string}).id, name: String((item as {name?: unknown}).name ?? '')}]
      : [],
  );
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (value && typeof value === 'object' && typeof (value as {name?: unknown}).name === 'string') return textOf((value as {name: string}).name);
  return null;
}

/**
 * One row from the cells the SDK reads (`record.getCellValue(field)`, by key), with each field's
 * type: the link's read format `[{id, name}]`, a select's `{id, name, color}`, numbers, texts.
 *
 * @example readRow('rec1', {participant: [{id: 'recLi', name: '李娜'}], period: '2026-02', status: {id: 's', name: '已关账'}}, {status: 'singleSelect'})
 * // {recordId: 'rec1', participantId: 'recLi', participantName: '李娜', periodId: '2026-02', status: 'closed', ...}
 */
export function readRow(
  recordId: string,
  raw: Partial<Record<LedgerKey, unknown>>,
  types: Partial<Record<LedgerKey, FieldTypeName>>,
): ResultRow {
  const links = linksOf(raw.participant);
  const periodId = textOf(raw.period);
  const status = parseStatus(textOf(raw.status));
  const cells: LedgerCells = {};
  for (const key of LEDGER_KEYS) {
    if (!(key in raw)) continue;
    if (key === 'participant') cells.participant = links.length === 1 ? links[0].id : null;
    else if (key === 'period') cells.period = periodId;
    else if (key === 'status') cells.status = status;
    else cells[key] = comparable(raw[key], types[key] ?? 'singleLineText');
  }
  return {
    recordId,
    participantId: links.length === 1 ? links[0].id : null,
    participantName: links.length === 1 ? links[0].name : null,
    linkedNames: links.map((link) => link.name),
    periodId,
    status,
    cells,
  };
}

/** Two or more rows for one (participant, period). */
export interface DuplicatePair {
  participantId: string;
  participantName: string;
  periodId: string;
  recordIds: string[];
}

export interface GroupedRows {
  /** The one row of each pair, by `pairKey`. */
  byPair: Map<string, ResultRow>;
  duplicates: DuplicatePair[];
  /** Rows that cannot be keyed (no participant, several, or no period): never written. */
  unkeyed: ResultRow[];
  /** What the user is told about duplicates and unkeyed rows. */
  messages: LedgerMessage[];
}

/** @example pairKey('recLi', '2026-02') // 'recLi|2026-02' */
export function pairKey(participantId: string, periodId: string): string {
  return `${participantId}|${periodId}`;
}

/**
 * The rows by (participant, period), with duplicates and unkeyed rows set apart and reported.
 * With `periodId`, only that period's rows are kept (a refresh touches one period). `names`
 * (participant id -> name, from the run) names a person whose link reads without a name, as a
 * link just written can until the base answers.
 */
export function groupRows(rows: readonly ResultRow[], periodId?: string, names?: ReadonlyMap<string, string>): GroupedRows {
  const lists = new Map<string, ResultRow[]>();
  const unkeyed: ResultRow[] = [];
  const messages: LedgerMessage[] = [];
  for (const row of rows) {
    if (periodId !== undefined && row.periodId !== periodId) continue;
    if (row.periodId === null) {
      unkeyed.push(row);
      messages.push({key: 'ledger.rows.noPeriod', params: {name: row.linkedNames.length > 0 ? {list: row.linkedNames} : '?'}});
    } else if (row.participantId === null) {
      unkeyed.push(row);
      messages.push(
        row.linkedNames.length > 1
          ? {key: 'ledger.rows.manyParticipants', params: {period: row.periodId, names: {list: row.linkedNames}}}
          : {key: 'ledger.rows.noParticipant', params: {period: row.periodId}},
      );
    } else {
      const key = pairKey(row.participantId, row.periodId);
      const list = lists.get(key);
      if (list) list.push(row);
      else lists.set(key, [row]);
    }
  }
  const byPair = new Map<string, ResultRow>();
  const duplicates: DuplicatePair[] = [];
  for (const [key, list] of lists) {
    if (list.length === 1) {
      byPair.set(key, list[0]);
      continue;
    }
    const first = list[0];
    const pair = {
      participantId: first.participantId!,
      participantName: first.participantName || names?.get(first.participantId!) || first.participantId!,
      periodId: first.periodId!,
      recordIds: list.map((row) => row.recordId),
    };
    duplicates.push(pair);
    messages.push({key: 'ledger.rows.duplicate', params: {name: pair.participantName, period: pair.periodId, count: list.length}});
  }
  return {byPair, duplicates, unkeyed, messages};
}
