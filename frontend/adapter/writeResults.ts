/**
 * Writes result cells within Airtable's limits: at most 50 records and 1.9 MB per call, each call
 * awaited before the next, and never more than 15 calls in any rolling second (the SDK guide:
 * past that "your block will crash"). The first failed call stops the run, and the outcome says
 * exactly which records were written: the diff of the next refresh then skips them, so a rerun
 * completes the rest and nothing more.
 */
import type {Table} from '@airtable/blocks/models';
import {firstNames, lazyText, t, text} from '../../src/i18n';
import type {FieldRef, Lang, PlanDocument} from '../../src/plan';
import {inputFieldIds} from '../../src/planRefs';
import type {Issue} from '../../src/results';
import type {RecordUpdate} from '../../src/writeback';

export const MAX_RECORDS_PER_CALL = 50;
/** The SDK measures a mutation as encodeURIComponent(JSON.stringify(mutation)).length. */
export const MAX_PAYLOAD_BYTES = 1.9 * 1024 * 1024;
export const MAX_CALLS_PER_SECOND = 15;
/**
 * The limiter's window: a second plus a margin. Clocks tick in whole milliseconds, so calls
 * exactly 1,000 ms apart can still be seen as 16 within one second; 25 ms per 15 calls costs
 * about 2.5% of the write time.
 */
export const RATE_WINDOW_MS = 1025;
/** Room for the mutation's own envelope (type, table id, brackets). */
const ENVELOPE_BYTES = 1024;

export type PermissionCheck = {ok: true} | {ok: false; reason: string; issues: Issue[]};

/**
 * Why a field the run reads must not be written, or null: the people table's primary field (it
 * names every rep: a text result would overwrite each name) always, and with the plan every field
 * the plan reads as input (a refresh would overwrite its own input).
 */
function readFieldIssue(table: Table, fieldId: string, inputs: ReadonlySet<string>): Issue | null {
  const primary = table.primaryField.id === fieldId;
  if (!primary && !inputs.has(fieldId)) return null;
  const code = primary ? 'adapter.write.primaryField' : 'adapter.write.inputField';
  const name = table.getFieldByIdIfExists(fieldId)?.name ?? fieldId;
  return {code, severity: 'error', message: text(code, {name}), tableId: table.id, fieldId};
}

/**
 * Whether the current user may write these result fields. Computed and missing fields are refused
 * here, because the simulated base (and a formula's quirks) would not refuse them, and so are the
 * primary field and, given the plan, any field it reads; the SDK's own reason is returned as it is
 * when the user lacks permission.
 */
export function checkWritePermission(
  table: Table,
  fields: readonly (string | FieldRef)[],
  lang: Lang = 'zh',
  plan?: PlanDocument,
): PermissionCheck {
  const issues: Issue[] = [];
  const writable: string[] = [];
  const inputs = plan ? inputFieldIds(plan) : new Set<string>();
  for (const entry of fields) {
    const ref = typeof entry === 'string' ? {id: entry, name: entry} : entry;
    const field = table.getFieldByIdIfExists(ref.id);
    const read = field ? readFieldIssue(table, field.id, inputs) : null;
    if (!field) {
      issues.push({code: 'adapter.write.fieldMissing', severity: 'error', message: text('adapter.write.fieldMissing', {name: ref.name}), tableId: table.id, fieldId: ref.id});
    } else if (read) {
      issues.push(read);
    } else if (field.isComputed) {
      issues.push({code: 'adapter.write.computed', severity: 'error', message: text('adapter.write.computed', {name: field.name}), tableId: table.id, fieldId: field.id});
    } else {
      writable.push(field.id);
    }
  }
  if (issues.length > 0) return {ok: false, reason: issues.map((issue) => issue.message[lang]).join('\n'), issues};
  const cells: {[fieldId: string]: undefined} = {};
  for (const id of writable) cells[id] = undefined;
  const check = table.checkPermissionsForUpdateRecords([{fields: cells}]);
  if (check.hasPermission) return {ok: true};
  return {ok: false, reason: check.reasonDisplayString, issues: []};
}

/** What encodeURIComponent leaves as it is: A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
const UNESCAPED = new Uint8Array(128);
for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") UNESCAPED[char.charCodeAt(0)] = 1;

/**
 * The length of encodeURIComponent(text), without building it: each UTF-8 byte of an escaped
 * character is 3 characters ("%E9"). A 10,000-row write measured each record through the real
 * encoding: megabytes of throwaway text (9 characters per Chinese character) at the write's start.
 *
 * @example encodedLength('销售 A') // 13
 */
export function encodedLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) length += UNESCAPED[code] === 1 ? 1 : 3;
    else if (code < 0x800) length += 6;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one character of 4 UTF-8 bytes.
      length += 12;
      i++;
    } else length += 9;
  }
  return length;
}

/** Each of `{ } [ ] : , "` is escaped by encodeURIComponent: 3 characters ("%7B"). */
const ESCAPED_ASCII = 3;

/**
 * The length of encodeURIComponent(JSON.stringify(text)) without building either: the quotes,
 * then each character as JSON escapes it (`\"` `\\` `\n`, other control characters and lone
 * surrogates as `\u00XX`) and as encodeURIComponent then encodes that.
 *
 * @example jsonTextLength('a"b') // 14: %22 a %5C %22 b %22
 */
function jsonTextLength(text: string): number {
  let length = 2 * ESCAPED_ASCII;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) length += 2 * ESCAPED_ASCII;
    else if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) length += ESCAPED_ASCII + 1;
    else if (code < 0x20) length += ESCAPED_ASCII + 5;
    else if (code < 128) length += UNESCAPED[code] === 1 ? 1 : 3;
    else if (code < 0x800) length += 6;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 12;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) length += ESCAPED_ASCII + 5; // a lone surrogate: \udXXX
    else length += 9;
  }
  return length;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function isUnwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * The length of encodeURIComponent(JSON.stringify(value)), counted from the value itself: the
 * write measured each record through its JSON text, a throwaway two-byte string per record (the
 * 10k write's garbage). A value with its own `toJSON` (a Date) or a boxed primitive is measured
 * through its JSON.
 *
 * @example jsonEncodedLength({a: [1, null]}) // 30
 */
export function jsonEncodedLength(value: unknown): number {
  if (typeof value === 'string') return jsonTextLength(value);
  if (typeof value === 'number') return Number.isFinite(value) ? encodedLength(String(value)) : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null) return 4;
  if (typeof value !== 'object') return encodedLength(JSON.stringify(value) ?? '');
  // JSON.stringify writes a boxed String, Number or Boolean as its primitive.
  const boxed = value instanceof String || value instanceof Number || value instanceof Boolean;
  if (boxed || typeof (value as {toJSON?: unknown}).toJSON === 'function') return encodedLength(JSON.stringify(value) ?? '');
  if (Array.isArray(value)) {
    let length = 2 * ESCAPED_ASCII + Math.max(0, value.length - 1) * ESCAPED_ASCII;
    for (const item of value as unknown[]) length += isUnwritten(item) ? 4 : jsonEncodedLength(item);
    return length;
  }
  let length = 2 * ESCAPED_ASCII;
  let written = 0;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (isUnwritten(item)) continue;
    if (written > 0) length += ESCAPED_ASCII;
    length += jsonTextLength(key) + ESCAPED_ASCII + jsonEncodedLength(item);
    written++;
  }
  return length;
}

/** The size the SDK counts for one record inside a mutation, separator included. */
function recordBytes(update: RecordUpdate): number {
  return jsonEncodedLength({id: update.id, cellValuesByFieldId: update.fields}) + ESCAPED_ASCII;
}

/**
 * Calls of at most `maxRecords` records and `maxBytes` payload, in order, each made when it is
 * asked for: a long write measures (and converts, see resultsTable.ts) its records call by call,
 * not all 10,000 before the first call. A record too big for any call goes alone (the SDK then
 * refuses it, which stops the run).
 */
export function* batchesOf<T extends RecordUpdate>(updates: Iterable<T>, maxRecords = MAX_RECORDS_PER_CALL, maxBytes = MAX_PAYLOAD_BYTES): Generator<T[], void, void> {
  let batch: T[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const update of updates) {
    const size = recordBytes(update);
    if (batch.length > 0 && (batch.length >= maxRecords || bytes + size > maxBytes)) {
      yield batch;
      batch = [];
      bytes = ENVELOPE_BYTES;
    }
    batch.push(update);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Each update with its cells copied into a plain object, as it is reached: a write plan's long
 * texts are made when they are read (src/writeback.ts DEFERRED_KEYS), so they are made here, once
 * per record, call by call, and the SDK gets values only.
 */
function* plainUpdates(updates: Iterable<RecordUpdate>): Generator<RecordUpdate, void, void> {
  for (const update of updates) yield {id: update.id, fields: {...update.fields}};
}

/** Every call of `batchesOf` at once. */
export function batchUpdates(updates: readonly RecordUpdate[], maxRecords = MAX_RECORDS_PER_CALL, maxBytes = MAX_PAYLOAD_BYTES): RecordUpdate[][] {
  return [...batchesOf(updates, maxRecords, maxBytes)];
}

/**
 * Allows a call only when fewer than `limit` calls ENDED in the last `windowMs`; otherwise waits
 * until the oldest of them leaves the window. Calls are awaited in turn, so call i+limit starts at
 * least `windowMs` after call i has reached the base. Timing starts instead would not be enough:
 * the SDK's own work before a call reaches the base varies, and the bench saw calls started 1 s
 * apart arrive 16 in 951 ms. Clock and sleep are injectable for tests.
 */
export class RateLimiter {
  private readonly ends: number[] = [];
  /** The start slot of the last call: slots are `windowMs / limit` apart, whatever a sleep overshot. */
  private lastSlot = -Infinity;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /**
   * Also spaces call starts `windowMs / limit` apart: the same number of calls a second, but
   * spread over it instead of 15 at once and then most of a second of silence, so the progress
   * of a long write moves every ~68 ms and the page gets its turns evenly.
   */
  async acquire(): Promise<void> {
    const spacing = this.windowMs / this.limit;
    for (;;) {
      const now = this.now();
      while (this.ends.length > 0 && now - this.ends[0] >= this.windowMs) this.ends.shift();
      const untilWindow = this.ends.length < this.limit ? 0 : this.ends[0] + this.windowMs - now;
      const untilSpaced = this.lastSlot + spacing - now;
      const wait = Math.max(untilWindow, untilSpaced);
      if (wait <= 0) {
        // A timer fires a few ms late; counting the next slot from the planned one, not from
        // now, keeps 200 such delays from adding up. A call far behind its slot (a slow call)
        // starts a new grid, so calls never bunch; the window above bounds them anyway.
        this.lastSlot = Math.max(this.lastSlot + spacing, now - spacing / 2);
        return;
      }
      // Whole milliseconds: the clock is Date.now(), and fractions would only add rounding noise.
      await this.sleep(Math.ceil(wait));
    }
  }

  /** Marks the end of the call `acquire` allowed, whether it succeeded or failed. */
  release(): void {
    this.ends.push(this.now());
  }
}

export interface WriteOptions {
  /** After each written call: records written so far, and in all. */
  onProgress?: (written: number, total: number) => void;
  /** Stops before the next call; what was written stays written and is reported. */
  signal?: AbortSignal;
  /**
   * The plan the updates come from: a write into any field it reads is then refused too (the
   * primary field is refused whatever is given).
   */
  plan?: PlanDocument;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared with the results table's writes, so that all of a refresh stays under 15 calls a second. */
  limiter?: RateLimiter;
}

export interface WriteOutcome {
  writtenRecordIds: string[];
  /** The first call that failed (the run stopped there), or null. */
  failed: {recordIds: string[]; message: string; batch: number; batches: number} | null;
  /** Update calls sent, the failed one included. */
  calls: number;
  /** Records not written: the failed call's and every later one's. */
  remaining: number;
  /** Records deleted by someone while the refresh ran: skipped, not an error. */
  skippedDeletedRecordIds: string[];
  aborted: boolean;
  /** Nothing was written: an update targets the primary field or a field the plan reads. */
  refused: boolean;
  issues: Issue[];
}

/** How many deleted records the message spells out; the rest are counted. */
const DELETED_IN_MESSAGE = 10;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes the updates in order, within the platform's limits; stops at the first failed call. */
export async function writeResults(table: Table, updates: readonly RecordUpdate[], options: WriteOptions = {}): Promise<WriteOutcome> {
  const limiter = options.limiter ?? new RateLimiter(MAX_CALLS_PER_SECOND, RATE_WINDOW_MS, options.now ?? (() => Date.now()), options.sleep ?? realSleep);
  const outcome: WriteOutcome = {
    writtenRecordIds: [],
    failed: null,
    calls: 0,
    remaining: updates.length,
    skippedDeletedRecordIds: [],
    aborted: false,
    refused: false,
    issues: [],
  };
  if (updates.length === 0) return outcome;
  // Checked for every update before the first call: a write into a field the run reads is a
  // mapping mistake that no later call would undo, so nothing at all is written.
  const refusals = readFieldsWritten(table, updates, options.plan ? inputFieldIds(options.plan) : new Set<string>());
  if (refusals.length > 0) {
    outcome.refused = true;
    outcome.issues.push(...refusals);
    return outcome;
  }
  // Record ids only, kept live by the SDK: a record a collaborator deletes while we write is
  // dropped from its batch, because one missing record fails the whole call.
  const existing = await table.selectRecordsAsync({fields: []});
  const batches = batchesOf(plainUpdates(updates));
  try {
    for (let index = 0, next = batches.next(); !next.done; index++, next = batches.next()) {
      if (options.signal?.aborted) {
        outcome.aborted = true;
        break;
      }
      const batch = next.value.filter((update) => {
        if (existing.hasRecord(update.id)) return true;
        outcome.skippedDeletedRecordIds.push(update.id);
        outcome.remaining--;
        return false;
      });
      if (batch.length === 0) continue;
      // The number of calls in all is only told when one fails: counted then, from the rest.
      const failed = await writeBatch(table, batch, index, () => index + 1 + [...batches].length, limiter, outcome);
      if (failed) break;
      options.onProgress?.(outcome.writtenRecordIds.length, updates.length);
    }
  } finally {
    existing.unloadData();
  }
  if (outcome.skippedDeletedRecordIds.length > 0) {
    // The records are gone: only the read before the write knows their names. The message keeps
    // its ids as data, so that the screen names them from the preview (frontend/run/summary.ts).
    const ids = firstNames(outcome.skippedDeletedRecordIds, DELETED_IN_MESSAGE);
    outcome.issues.push({
      code: 'adapter.write.deleted',
      severity: 'warning',
      message: lazyText({key: 'adapter.write.deleted', params: {count: outcome.skippedDeletedRecordIds.length, ids}}),
      tableId: table.id,
      recordIds: outcome.skippedDeletedRecordIds,
    });
  }
  return outcome;
}

/** One issue per field the run reads that some update would write, in the order first met. */
function readFieldsWritten(table: Table, updates: readonly RecordUpdate[], inputs: ReadonlySet<string>): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const update of updates) {
    for (const fieldId of Object.keys(update.fields)) {
      if (seen.has(fieldId)) continue;
      seen.add(fieldId);
      const issue = readFieldIssue(table, fieldId, inputs);
      if (issue) issues.push({...issue, recordIds: updates.filter((u) => fieldId in u.fields).map((u) => u.id)});
    }
  }
  return issues;
}

/** One awaited update call; on failure records it in the outcome and returns true. */
async function writeBatch(table: Table, batch: RecordUpdate[], index: number, countBatches: () => number, limiter: RateLimiter, outcome: WriteOutcome): Promise<boolean> {
  await limiter.acquire();
  outcome.calls++;
  try {
    await table.updateRecordsAsync(batch.map((update) => ({id: update.id, fields: update.fields})));
    limiter.release();
  } catch (error) {
    limiter.release();
    const message = error instanceof Error ? error.message : String(error);
    const batches = countBatches();
    const params = {batch: index + 1, batches, message, written: outcome.writtenRecordIds.length, remaining: outcome.remaining};
    outcome.failed = {recordIds: batch.map((update) => update.id), message, batch: index + 1, batches};
    outcome.issues.push({
      code: 'adapter.write.failed',
      severity: 'error',
      message: {zh: t('zh', 'adapter.write.failed', params), en: t('en', 'adapter.write.failed', params)},
      tableId: table.id,
      recordIds: outcome.failed.recordIds,
    });
    return true;
  }
  for (const update of batch) outcome.writtenRecordIds.push(update.id);
  outcome.remaining -= batch.length;
  return false;
}
