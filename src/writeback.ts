/**
 * What a refresh writes: the cell value of each mapped result field, in the format its field type
 * takes, and the diff against what the base holds now. Only changed cells are written, so a
 * second refresh of the same data writes nothing, and nothing outside `plan.mapping.results`
 * is ever touched.
 */
import {fieldTypeName} from './fieldTypeName';
import {t, text} from './i18n';
import {localTime, writtenLocale} from './i18n/numbers';
import {breakdownLines, feedbackLines} from './i18n/results';
import type {FieldRef, Lang, PlanDocument, ResultKey} from './plan';
import {RESULT_KEYS} from './plan';
import type {Issue, ParticipantResult, RunResult} from './results';
import type {FieldSchema} from './schema';

export interface WriteContext {
  /** The language of the texts written (breakdown, feedback, honours, calculation time). */
  lang: Lang;
  /**
   * ISO time of the run. A dateTime field takes it as it is (Airtable shows it in each reader's
   * zone); a text field gets it as a readable local time with its zone, and the plan version.
   */
  calculatedAt: string;
  /** The IANA zone of that readable time; by default the run's environment's (the writer's). */
  timeZone?: string;
  /** The plan version's label; by default that of the run's version in the plan. */
  versionLabel?: string;
  /** The result fields as they are in the base now, by id (readFacts' `resultFields`). */
  fields: Record<string, FieldSchema>;
  /**
   * The write plan of the preview on screen, if any: each change equal to one of its changes is
   * that change, not a copy, so a refresh does not hold the same 100,000 changes twice.
   */
  previous?: WritePlan;
}

/** One result cell: the SDK write format (`value`) and the comparable form (`shown`). */
export interface ResultCell {
  resultKey: ResultKey;
  fieldId: string;
  value: unknown;
  shown: number | string | null;
}

export interface CellChange {
  recordId: string;
  fieldId: string;
  resultKey: ResultKey;
  /** Comparable forms: a number, a select's name, a text, or null for an empty cell. */
  old: number | string | null;
  new: number | string | null;
}

export interface RecordUpdate {
  id: string;
  fields: Record<string, unknown>;
}

export interface WritePlan {
  changes: CellChange[];
  /** One entry per record with at least one changed cell, only those cells. */
  updates: RecordUpdate[];
  /** Participants none of whose result cells change. */
  unchanged: number;
  /** Result cells that cannot be written (computed field, incompatible type, missing choice). */
  issues: Issue[];
}

const NUMBER_TYPES = new Set(['number', 'currency', 'percent', 'rating', 'duration']);
const TEXT_TYPES = new Set(['singleLineText', 'multilineText', 'richText']);
const MONEY_KEYS = new Set<ResultKey>(['performancePay', 'bonus', 'teamBonus', 'award', 'totalPay']);

/** The result as text lines, in one language, for text fields: text is made here, at the edge. */
function textLines(result: ParticipantResult, key: ResultKey, lang: Lang, calculated: string, periodId: string): string[] {
  switch (key) {
    case 'periodId':
      return [periodId];
    case 'breakdown':
      return breakdownLines(result, lang);
    case 'feedback':
      return feedbackLines(result.feedback, lang);
    case 'honours':
      return result.honours.map((h) => h[lang]);
    case 'calculatedAt':
      return [calculated];
    case 'grade':
      return result.grade === null ? [] : [result.grade];
    case 'rank':
      return [String(result.rank)];
    default:
      return [result[key]];
  }
}

/** The decimal a numeric result stands for, as an exact string, or null. */
function decimalOf(result: ParticipantResult, key: ResultKey): string | null {
  if (key === 'rank') return String(result.rank);
  if (key === 'totalScore' || MONEY_KEYS.has(key)) return result[key as 'totalScore'];
  return null;
}

/**
 * A percent field holds a fraction (0.925 shows as 92.5%); a score is in points. Shifting the
 * decimal point in the string keeps the value exact: "92.5" -> "0.925".
 *
 * @example pointsToFraction('92.5') // '0.925'
 */
export function pointsToFraction(points: string): string {
  const negative = points.startsWith('-');
  const [whole, fraction = ''] = (negative ? points.slice(1) : points).split('.');
  const digits = whole.padStart(3, '0');
  const shifted = `${digits.slice(0, -2)}.${digits.slice(-2)}${fraction}`.replace(/^0+(?=\d)/, '');
  const trimmed = shifted.replace(/\.?0+$/, '') || '0';
  return negative && trimmed !== '0' ? `-${trimmed}` : trimmed;
}

/** A text field's cell: its lines joined (on one line for a single-line field), or null for none. */
function textCell(result: ParticipantResult, key: ResultKey, type: string, lang: Lang, calculated: string, periodId: string): string | null {
  const lines = textLines(result, key, lang, calculated, periodId).filter((line) => line !== '');
  if (lines.length === 0) return null;
  return type === 'singleLineText' ? lines.join(lang === 'zh' ? '；' : '; ') : lines.join('\n');
}

/**
 * The texts that are each person's own and long (a breakdown is a few hundred characters): a
 * changed cell of these is not kept as text but made again from the result whenever it is read
 * (see `deferredText`). At 10,000 people the kept texts were ~11.5 MB per preview, and a refresh
 * holds two previews (the one on screen and its own) while it writes.
 */
const DEFERRED_KEYS: ReadonlySet<ResultKey> = new Set<ResultKey>(['breakdown', 'feedback', 'honours']);

/** The person a deferred text is made from: a hidden property, never enumerated, compared or written. */
const RESULT_OF = Symbol('result');

interface Deferring {
  [RESULT_OF]: ParticipantResult;
}

/**
 * The property of one deferred text cell, for every record alike: its getter makes the text from
 * the record's hidden result each time it is read (the preview's expanded row, the write's call).
 * One getter per field, shared by all records, so that V8 gives the 10,000 objects one shape.
 * Reading it gives exactly the text compared when the plan was made: same result, same context.
 */
function deferredText(key: ResultKey, type: string, lang: Lang, calculated: string, periodId: string): PropertyDescriptor {
  return {
    get(this: Deferring): string | null {
      return textCell(this[RESULT_OF], key, type, lang, calculated, periodId);
    },
    enumerable: true,
    configurable: true,
  };
}

/** Hides the result a deferred text of `target` is made from; once per object. */
function attachResult(target: object, result: ParticipantResult): void {
  if (!Object.prototype.hasOwnProperty.call(target, RESULT_OF)) Object.defineProperty(target, RESULT_OF, {value: result});
}

/** How a plan's deferred texts are made (language, period, field types): equal, and equal results give equal texts. */
const TEXTS_OF = Symbol('texts');

interface WithTexts {
  [TEXTS_OF]?: string;
}

/**
 * The changes of `previous` by record, when its deferred texts are made as this plan's are;
 * `changes` lists each record's changes together, so a record's are found from its first.
 */
function previousChanges(previous: WritePlan | undefined, texts: string): ((recordId: string, fieldId: string) => CellChange | undefined) | null {
  if (!previous || (previous as WithTexts)[TEXTS_OF] !== texts) return null;
  const first = new Map<string, number>();
  previous.changes.forEach((change, index) => {
    if (!first.has(change.recordId)) first.set(change.recordId, index);
  });
  return (recordId, fieldId) => {
    for (let i = first.get(recordId) ?? previous.changes.length; i < previous.changes.length && previous.changes[i].recordId === recordId; i++) {
      if (previous.changes[i].fieldId === fieldId) return previous.changes[i];
    }
    return undefined;
  };
}

/** Whether a deferred change of an earlier plan makes its text from this very result. */
function deferredFrom(change: CellChange, result: ParticipantResult): boolean {
  return Object.prototype.hasOwnProperty.call(change, RESULT_OF) && (change as unknown as Deferring)[RESULT_OF] === result;
}

type CellOutcome = {ok: true; value: unknown; shown: number | string | null} | {ok: false};

/** The value of one result for one field type, or not writable there. */
function cellFor(result: ParticipantResult, key: ResultKey, field: FieldSchema, lang: Lang, calculatedAt: string, calculated: string, periodId = ''): CellOutcome {
  if (NUMBER_TYPES.has(field.type)) {
    const decimal = decimalOf(result, key);
    if (decimal === null) return {ok: false};
    const number = Number(field.type === 'percent' ? pointsToFraction(decimal) : decimal);
    return Number.isFinite(number) ? {ok: true, value: number, shown: number} : {ok: false};
  }
  if (field.type === 'singleSelect') {
    const name = key === 'grade' ? result.grade : key === 'rank' ? String(result.rank) : null;
    if (key !== 'grade' && name === null) return {ok: false};
    if (name === null) return {ok: true, value: null, shown: null};
    if (field.choices && !field.choices.includes(name)) return {ok: false};
    return {ok: true, value: {name}, shown: name};
  }
  if (TEXT_TYPES.has(field.type)) {
    const joined = textCell(result, key, field.type, lang, calculated, periodId);
    return {ok: true, value: joined, shown: joined};
  }
  if (key === 'calculatedAt' && (field.type === 'dateTime' || field.type === 'date')) {
    const value = field.type === 'date' ? calculatedAt.slice(0, 10) : calculatedAt;
    return {ok: true, value, shown: value};
  }
  return {ok: false};
}

function issueFor(code: 'computed' | 'valueType', ref: FieldRef, field: FieldSchema, key: ResultKey): Issue {
  const name = field.name || ref.name;
  const message =
    code === 'computed'
      ? text('adapter.write.computed', {name})
      : text('adapter.write.valueType', {result: {key: `run.result.${key}`, params: {}}, name, type: fieldTypeName(field)});
  return {code: `adapter.write.${code}`, severity: 'error', message, fieldId: field.id};
}

interface Target {
  key: ResultKey;
  ref: FieldRef;
  field: FieldSchema;
}

/** The mapped result fields that exist and may be written, and issues for those that may not. */
function writableTargets(plan: PlanDocument, fields: Record<string, FieldSchema>): {targets: Target[]; issues: Issue[]} {
  const targets: Target[] = [];
  const issues: Issue[] = [];
  for (const key of RESULT_KEYS) {
    const ref = plan.mapping.results[key];
    if (!ref || !ref.id) continue;
    const field = fields[ref.id];
    // A mapped field missing from the base was reported when the base was read.
    if (!field) continue;
    if (field.isComputed) issues.push(issueFor('computed', ref, field, key));
    else targets.push({key, ref, field});
  }
  return {targets, issues};
}

/**
 * The calculation time for a text field, in the written language, to the minute, with its zone:
 * "2026年4月2日 GMT+8 11:04（方案版本 2026）". A later run gives another text, but the cell is
 * only written with another change (planWrites), so a rerun never rewrites it for its format.
 */
function calculatedText(plan: PlanDocument, run: Pick<RunResult, 'versionId'>, ctx: WriteContext, lang: Lang): string {
  const version = ctx.versionLabel ?? plan.versions.find((v) => v.id === run.versionId)?.label ?? run.versionId;
  return t(lang, 'adapter.calculatedAt', {time: localTime(ctx.calculatedAt, writtenLocale(lang), ctx.timeZone), version});
}

/**
 * Every mapped, writable result cell of one participant.
 *
 * @example resultCells(result, plan, {versionId: 'v1'}, ctx).find((c) => c.resultKey === 'grade') // {value: {name: 'A'}, shown: 'A', ...}
 */
export function resultCells(result: ParticipantResult, plan: PlanDocument, run: Pick<RunResult, 'versionId'> & Partial<Pick<RunResult, 'periodId'>>, ctx: WriteContext): ResultCell[] {
  const {targets} = writableTargets(plan, ctx.fields);
  const calculated = calculatedText(plan, run, ctx, ctx.lang);
  return targets.flatMap(({key, field}) => {
    const cell = cellFor(result, key, field, ctx.lang, ctx.calculatedAt, calculated, run.periodId);
    return cell.ok ? [{resultKey: key, fieldId: field.id, value: cell.value, shown: cell.shown}] : [];
  });
}

/**
 * A cell the base holds now, in the comparable form of its field type.
 *
 * @example comparable({id: 'sel1', name: 'A', color: 'blue'}, 'singleSelect') // 'A'
 */
export function comparable(value: unknown, type: string): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (NUMBER_TYPES.has(type) && typeof value === 'number') return value;
  if (typeof value === 'object' && !Array.isArray(value) && typeof (value as {name?: unknown}).name === 'string') {
    return (value as {name: string}).name;
  }
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

/**
 * The writes of a run: for each participant, only the result cells whose value changes. The
 * calculation time is written only with some other change, so an unchanged rerun writes nothing.
 */
export function planWrites(
  run: RunResult,
  plan: PlanDocument,
  current: Map<string, Record<string, unknown>>,
  ctx: WriteContext,
): WritePlan {
  const {targets, issues} = writableTargets(plan, ctx.fields);
  const calculated = calculatedText(plan, run, ctx, ctx.lang);
  const periodId = run.periodId;
  const deferred = new Map<ResultKey, PropertyDescriptor>();
  for (const {key, field} of targets) {
    if (DEFERRED_KEYS.has(key) && TEXT_TYPES.has(field.type)) deferred.set(key, deferredText(key, field.type, ctx.lang, calculated, periodId));
  }
  const texts = JSON.stringify([ctx.lang, periodId, targets.filter(({key}) => deferred.has(key)).map(({key, field}) => [key, field.id, field.type])]);
  const before = previousChanges(ctx.previous, texts);
  const unwritable = new Set<ResultKey>();
  const changes: CellChange[] = [];
  const updates: RecordUpdate[] = [];
  let unchanged = 0;
  for (const result of run.results) {
    const now = current.get(result.participantId) ?? {};
    const recordChanges: CellChange[] = [];
    const fields: Record<string, unknown> = {};
    let stamp: {change: CellChange; value: unknown} | null = null;
    for (const {key, field} of targets) {
      const cell = cellFor(result, key, field, ctx.lang, ctx.calculatedAt, calculated, run.periodId);
      if (!cell.ok) {
        if (!unwritable.has(key)) {
          unwritable.add(key);
          issues.push(issueFor('valueType', plan.mapping.results[key]!, field, key));
        }
        continue;
      }
      const old = comparable(now[field.id], field.type);
      if (old === cell.shown) continue;
      const text = deferred.get(key);
      const earlier = before?.(result.participantId, field.id);
      if (text) {
        // Compared once, here; kept as the way to make it again (see DEFERRED_KEYS).
        if (earlier && earlier.old === old && deferredFrom(earlier, result)) recordChanges.push(earlier);
        else {
          const change = {recordId: result.participantId, fieldId: field.id, resultKey: key, old} as CellChange;
          attachResult(change, result);
          Object.defineProperty(change, 'new', text);
          recordChanges.push(change);
        }
        attachResult(fields, result);
        Object.defineProperty(fields, field.id, text);
        continue;
      }
      const same = earlier && !Object.prototype.hasOwnProperty.call(earlier, RESULT_OF) && earlier.old === old && earlier.new === cell.shown;
      const change = same ? earlier : {recordId: result.participantId, fieldId: field.id, resultKey: key, old, new: cell.shown};
      if (key === 'calculatedAt') {
        stamp = {change, value: cell.value};
        continue;
      }
      recordChanges.push(change);
      fields[field.id] = cell.value;
    }
    if (recordChanges.length === 0) {
      unchanged++;
      continue;
    }
    if (stamp) {
      recordChanges.push(stamp.change);
      fields[stamp.change.fieldId] = stamp.value;
    }
    changes.push(...recordChanges);
    updates.push({id: result.participantId, fields});
  }
  const writes: WritePlan = {changes, updates, unchanged, issues};
  Object.defineProperty(writes, TEXTS_OF, {value: texts});
  return writes;
}
