/**
 * The results table (绩效结果) in the base: created in one click, its rows read as plain facts
 * for src/ledger, and an upsert plan applied with createRecordsAsync / updateRecordsAsync within
 * Airtable's limits (50 records and 1.9 MB a call, each awaited, 15 calls in any second: the
 * limiter and batcher of writeResults.ts, shared rather than copied). Nothing is ever deleted.
 */
import type {Base, Field, FieldType, Table} from '@airtable/blocks/models';
import {firstNames, t} from '../../src/i18n';
import {
  acceptsLedgerValue,
  LEDGER_KEYS,
  ledgerFieldName,
  ledgerFieldSpecs,
  ledgerTableName,
  parseStatus,
  statusName,
  type LedgerKey,
  type LedgerTableContext,
  type ResultsTableMapping,
  type RowStatus,
} from '../../src/ledger/fields';
import {messageIssue, type LedgerMessage} from '../../src/ledger/messages';
import {fieldTypeName} from '../../src/fieldTypeName';
import {readRow, type LedgerCells, type ResultRow} from '../../src/ledger/rows';
import type {UpsertPlan} from '../../src/ledger/upsert';
import type {Lang} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {RecordUpdate} from '../../src/writeback';
import {fieldSchema} from './schema';
import {batchesOf, MAX_CALLS_PER_SECOND, RATE_WINDOW_MS, RateLimiter} from './writeResults';

export type CreateTableOutcome =
  | {ok: true; table: Table; mapping: ResultsTableMapping}
  /** The SDK's own reason when the user may not create tables, shown as it is. */
  | {ok: false; permission: string}
  | {ok: false; refusal: LedgerMessage};

/**
 * Creates the results table: fields named in the plan's result language, each of the type
 * suited to its value (see src/ledger/fields.ts), the participant linking to the people table.
 * Permission is checked first with the very fields to be created.
 */
export async function createResultsTable(base: Base, context: LedgerTableContext): Promise<CreateTableOutcome> {
  if (!context.peopleTableId || !base.getTableByIdIfExists(context.peopleTableId)) {
    return {ok: false, refusal: {key: 'ledger.create.noPeople', params: {}}};
  }
  const name = ledgerTableName(context.lang);
  if (base.getTableByNameIfExists(name)) return {ok: false, refusal: {key: 'ledger.create.exists', params: {name}}};
  const specs = ledgerFieldSpecs(context);
  const fields = specs.map((spec) => ({name: spec.name, type: spec.type as FieldType, ...(spec.options ? {options: spec.options} : {})}));
  const check = base.checkPermissionsForCreateTable(name, fields);
  if (!check.hasPermission) return {ok: false, permission: check.reasonDisplayString};
  let table: Table;
  try {
    table = await base.createTableAsync(name, fields);
  } catch (error) {
    return {ok: false, refusal: {key: 'ledger.create.failed', params: {message: error instanceof Error ? error.message : String(error)}}};
  }
  const mapped: ResultsTableMapping['fields'] = {};
  for (const spec of specs) {
    const field = table.getFieldByNameIfExists(spec.name);
    if (field) mapped[spec.key] = {id: field.id, name: field.name};
  }
  return {ok: true, table, mapping: {table: {id: table.id, name: table.name}, fields: mapped}};
}

/** The mapped results table as it is in the base now: the fields that exist and can hold their value. */
export interface ResolvedResultsTable {
  table: Table;
  fields: Partial<Record<LedgerKey, Field>>;
  /** The keys with a usable field, in LEDGER_KEYS order: what an upsert may write. */
  keys: LedgerKey[];
  /** Mapped fields that are gone or of the wrong type. */
  issues: Issue[];
}

/**
 * The results table and its usable fields, or null with the reason when the table is gone.
 * A field deleted or retyped since it was mapped is left out and reported.
 */
export function resolveResultsTable(base: Base, mapping: ResultsTableMapping, peopleTableId?: string): {resolved: ResolvedResultsTable | null; issues: Issue[]} {
  const table = base.getTableByIdIfExists(mapping.table.id);
  if (!table) return {resolved: null, issues: [messageIssue({key: 'ledger.table.missing', params: {name: mapping.table.name}}, 'error', {tableId: mapping.table.id})]};
  const fields: Partial<Record<LedgerKey, Field>> = {};
  const issues: Issue[] = [];
  for (const key of LEDGER_KEYS) {
    const ref = mapping.fields[key];
    if (!ref?.id) continue;
    const field = table.getFieldByIdIfExists(ref.id);
    if (!field) {
      issues.push(messageIssue({key: 'ledger.table.fieldMissing', params: {name: ref.name}}, 'warning', {tableId: table.id, fieldId: ref.id}));
      continue;
    }
    const linkedTableId = field.type === 'multipleRecordLinks' ? String((field.options as {linkedTableId?: unknown} | null)?.linkedTableId ?? '') : undefined;
    if (!acceptsLedgerValue(key, {type: field.type, isComputed: field.isComputed, linkedTableId}, peopleTableId)) {
      const params = {name: field.name, type: fieldTypeName(fieldSchema(field)), key: {zh: ledgerFieldName(key, 'zh'), en: ledgerFieldName(key, 'en')}};
      issues.push(messageIssue({key: 'ledger.table.mistyped', params}, 'warning', {tableId: table.id, fieldId: field.id}));
      continue;
    }
    fields[key] = field;
  }
  const keys = LEDGER_KEYS.filter((key) => fields[key] !== undefined);
  return {resolved: {table, fields, keys, issues}, issues};
}

/**
 * The rows of the results table as plain facts; with `periodId`, only that period's (every
 * row's period is read, the other cells only for rows of the period).
 */
export async function readResultRows(resolved: ResolvedResultsTable, periodId?: string): Promise<ResultRow[]> {
  const entries = resolved.keys.map((key) => [key, resolved.fields[key]!] as const);
  const periodField = resolved.fields.period;
  const types: Partial<Record<LedgerKey, string>> = {};
  for (const [key, field] of entries) types[key] = field.type;
  const query = await resolved.table.selectRecordsAsync({fields: entries.map(([, field]) => field)});
  try {
    const rows: ResultRow[] = [];
    for (const record of query.records) {
      if (periodId !== undefined && periodField) {
        const period = record.getCellValue(periodField);
        if (typeof period !== 'string' || period.trim() !== periodId) continue;
      }
      const raw: Partial<Record<LedgerKey, unknown>> = {};
      for (const [key, field] of entries) raw[key] = record.getCellValue(field);
      rows.push(readRow(record.id, raw, types));
    }
    return rows;
  } finally {
    query.unloadData();
  }
}

/** The choice of a status field that names the status, in either language. */
function statusChoice(field: Field, status: RowStatus): string | null {
  const choices = ((field.options as {choices?: {name: string}[]} | null)?.choices ?? []).map((choice) => choice.name);
  return choices.find((name) => parseStatus(name) === status) ?? null;
}

/** How each status is written into the status field: a choice `{name}`, a text, or nothing (no such choice). */
type StatusWrites = Map<RowStatus, unknown>;

/**
 * The status cells' write values, decided once per status before the first call (a status with
 * no matching choice is reported once, and left out of every row).
 */
function statusWrites(plan: UpsertPlan, resolved: ResolvedResultsTable, lang: Lang, issues: Issue[]): StatusWrites {
  const writes: StatusWrites = new Map();
  const field = resolved.fields.status;
  if (!field) return writes;
  for (const row of [...plan.creates, ...plan.updates]) {
    const status = row.cells.status;
    if (status === undefined || status === null || writes.has(status as RowStatus)) continue;
    if (field.type !== 'singleSelect') {
      writes.set(status as RowStatus, statusName(status as RowStatus, lang));
      continue;
    }
    const choice = statusChoice(field, status as RowStatus);
    writes.set(status as RowStatus, choice === null ? undefined : {name: choice});
    if (choice === null && !issues.some((issue) => issue.code === 'ledger.write.noChoice' && issue.fieldId === field.id)) {
      issues.push(messageIssue({key: 'ledger.write.noChoice', params: {name: field.name, status: statusName(status as RowStatus, lang)}}, 'warning', {tableId: resolved.table.id, fieldId: field.id}));
    }
  }
  return writes;
}

/**
 * Cells in the SDK's write format for the fields' types: a link `[{id}]`, a select `{name}` (the
 * choice that exists, in either language), numbers, ISO times (a date field takes the day),
 * texts. A status with no matching choice is left out (see statusWrites). Reading a row's long
 * texts here makes them (src/ledger/cells.ts DEFERRED_LEDGER_KEYS): the object returned holds
 * values only, made call by call as `applyUpsert` reaches each row.
 */
function writeFormat(cells: LedgerCells, resolved: ResolvedResultsTable, statuses: StatusWrites): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(cells) as LedgerKey[]) {
    const field = resolved.fields[key];
    if (!field) continue;
    const value = cells[key] ?? null;
    if (key === 'participant') out[field.id] = value === null ? [] : [{id: String(value)}];
    else if (key === 'status' && value !== null) {
      const written = statuses.get(value as RowStatus);
      if (written !== undefined) out[field.id] = written;
    } else if (field.type === 'date' && typeof value === 'string') out[field.id] = value.slice(0, 10);
    else out[field.id] = value;
  }
  return out;
}

/** Whether the user may create and update rows in the results table; the SDK's reason otherwise. */
export function checkUpsertPermission(resolved: ResolvedResultsTable): {ok: true} | {ok: false; reason: string} {
  const cells: Record<string, undefined> = {};
  for (const key of resolved.keys) cells[resolved.fields[key]!.id] = undefined;
  const create = resolved.table.checkPermissionsForCreateRecords([{fields: cells}]);
  if (!create.hasPermission) return {ok: false, reason: create.reasonDisplayString};
  const update = resolved.table.checkPermissionsForUpdateRecords([{fields: cells}]);
  return update.hasPermission ? {ok: true} : {ok: false, reason: update.reasonDisplayString};
}

/** One limiter for every write of a refresh, so that creates and updates together stay under 15 calls a second. */
export function writeLimiter(now: () => number = () => Date.now(), sleep: (ms: number) => Promise<void> = realSleep): RateLimiter {
  return new RateLimiter(MAX_CALLS_PER_SECOND, RATE_WINDOW_MS, now, sleep);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface UpsertOptions {
  /** The plan's result language: a status written into a text field. */
  lang: Lang;
  /** Shared with the other writes of the refresh; a new one by default. */
  limiter?: RateLimiter;
  /** After each call: records written so far, and in all. */
  onProgress?: (written: number, total: number) => void;
  /** Stops before the next call; what was written stays written and is reported. */
  signal?: AbortSignal;
}

export interface UpsertOutcome {
  createdRecordIds: string[];
  updatedRecordIds: string[];
  /** Create and update calls sent, the failed one included. */
  calls: number;
  /** The first call that failed (the write stopped there), or null. */
  failed: {message: string; batch: number; batches: number} | null;
  /** Rows planned but not written: the failed call's and every later one's. */
  remaining: number;
  /** Rows a collaborator deleted while the refresh ran: skipped. */
  skippedDeletedRecordIds: string[];
  aborted: boolean;
  issues: Issue[];
}

/**
 * An id of a real id's length: a created record's size is counted as the SDK counts it, with
 * the id it is given, so that the batcher of updates measures creates too.
 */
const CREATE_ID_PLACEHOLDER = 'recXXXXXXXXXXXXXX';

/**
 * Applies an upsert plan: creates first (the period's missing rows), then updates, each call
 * awaited and admitted by the limiter. A plan with a refusal writes nothing. The first failed
 * call stops the write; the next refresh plans only what is still missing or different.
 */
export async function applyUpsert(resolved: ResolvedResultsTable, plan: UpsertPlan, options: UpsertOptions): Promise<UpsertOutcome> {
  const issues: Issue[] = [];
  const creates = plan.refusal ? [] : plan.creates;
  const updates = plan.refusal ? [] : plan.updates;
  const statuses = statusWrites({...plan, creates, updates}, resolved, options.lang, issues);
  // Records are converted to the write format call by call (see batchesOf): the 10,000 rows of a
  // first refresh are not copied all at once before the first call.
  function* createRecords(): Generator<RecordUpdate> {
    for (const create of creates) yield {id: CREATE_ID_PLACEHOLDER, fields: writeFormat(create.cells, resolved, statuses)};
  }
  function* updateRecords(): Generator<RecordUpdate> {
    for (const update of updates) yield {id: update.recordId, fields: writeFormat(update.cells, resolved, statuses)};
  }
  function* allCalls(): Generator<{kind: 'create' | 'update'; records: RecordUpdate[]}> {
    for (const records of batchesOf(createRecords())) yield {kind: 'create', records};
    for (const records of batchesOf(updateRecords())) yield {kind: 'update', records};
  }
  const calls = allCalls();
  const total = creates.length + updates.length;
  const outcome: UpsertOutcome = {createdRecordIds: [], updatedRecordIds: [], calls: 0, failed: null, remaining: total, skippedDeletedRecordIds: [], aborted: false, issues};
  if (total === 0) return outcome;
  const limiter = options.limiter ?? writeLimiter();
  const table = resolved.table;
  // Record ids only, kept live by the SDK: a row deleted meanwhile would fail its whole call.
  const existing = updates.length > 0 ? await table.selectRecordsAsync({fields: []}) : null;
  try {
    for (let index = 0, next = calls.next(); !next.done; index++, next = calls.next()) {
      if (options.signal?.aborted) {
        outcome.aborted = true;
        break;
      }
      const call = next.value;
      const records = call.kind === 'create' ? call.records : call.records.filter((record) => keepExisting(record, existing, outcome));
      if (records.length === 0) continue;
      await limiter.acquire();
      outcome.calls++;
      try {
        if (call.kind === 'create') outcome.createdRecordIds.push(...(await table.createRecordsAsync(records.map((record) => ({fields: record.fields})))));
        else {
          await table.updateRecordsAsync(records.map((record) => ({id: record.id, fields: record.fields})));
          outcome.updatedRecordIds.push(...records.map((record) => record.id));
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const written = outcome.createdRecordIds.length + outcome.updatedRecordIds.length;
        // The number of calls in all is only told when one fails: counted then, from the rest.
        const batches = index + 1 + [...calls].length;
        outcome.failed = {message, batch: index + 1, batches};
        const params = {batch: index + 1, batches, message, written, remaining: outcome.remaining};
        issues.push({code: 'adapter.write.failed', severity: 'error', message: {zh: t('zh', 'adapter.write.failed', params), en: t('en', 'adapter.write.failed', params)}, tableId: table.id});
        break;
      } finally {
        limiter.release();
      }
      outcome.remaining -= records.length;
      options.onProgress?.(total - outcome.remaining, total);
    }
  } finally {
    existing?.unloadData();
  }
  if (outcome.skippedDeletedRecordIds.length > 0) {
    const gone = new Set(outcome.skippedDeletedRecordIds);
    const names = plan.updates.filter((update) => gone.has(update.recordId)).map((update) => update.name);
    const message = {key: 'ledger.write.deleted' as const, params: {count: names.length, period: plan.periodId, names: firstNames(names, 10)}};
    issues.push(messageIssue(message, 'warning', {tableId: table.id, recordIds: outcome.skippedDeletedRecordIds}));
  }
  return outcome;
}

function keepExisting(record: RecordUpdate, existing: {hasRecord(id: string): boolean} | null, outcome: UpsertOutcome): boolean {
  if (!existing || existing.hasRecord(record.id)) return true;
  outcome.skippedDeletedRecordIds.push(record.id);
  outcome.remaining--;
  return false;
}
