/**
 * Reads the base into the engine's facts, in one pass: each mapped table is loaded once with only
 * the fields the plan uses (those of every plan version, so that switching periods needs no new
 * read), every record is converted once, and the queries are unloaded at the end.
 *
 * A read for one period reads a source record's date first and, when it lies outside the period,
 * none of its other cells and keeps no fact of it, only its count: at 200,000 orders over many
 * months most records are of other months, and each cell is an SDK call. The conversion pauses for the browser every few tens of
 * milliseconds so that a big table does not freeze the page.
 *
 * Cell values are normalised (a select to its name, a link to record ids) but never validated
 * here: text typed into a number field reaches the engine as text, which reports it with the
 * record and field it came from. A mapped table or field that no longer exists is an issue, not
 * an exception.
 */
import type {Base, Field, Record as AirtableRecord, Table} from '@airtable/blocks/models';
import type {FactValue, Facts, ParticipantFact, RecordsLeftOut, SourceRecordFact} from '../../src/facts';
import {firstNames, t, text, type Listed} from '../../src/i18n';
import {placeDay} from '../../src/period';
import type {FieldRef, Period, PlanDocument, SourceMapping, TableRef} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {FieldSchema} from '../../src/schema';
import {RESULT_SHAPED} from '../../src/fieldMatch';
import {participantInputs, sourceInputs} from '../../src/planRefs';
import {Pacer} from '../run/cooperative';
import {dayConverter, factConverter, linksToPeople, nameConverter, numberConverter, participantConverter} from './cells';
import {fieldSchema} from './schema';

type CellMap = {[fieldId: string]: unknown};

export interface ReadResult {
  facts: Facts;
  /** The current cells of the mapped result fields, per participant record id (SDK values). */
  current: Map<string, CellMap>;
  /** The mapped result fields that exist, by id: what `planWrites` needs to format values. */
  resultFields: {[fieldId: string]: FieldSchema};
  issues: Issue[];
  /**
   * Primary values of the source records a warning may name (dated outside every period, without
   * a date, linked to nobody), by record id: only those, so that a warning says “订单 SO-1024”
   * and not “recXXX”. Participants are named by their facts.
   */
  recordNames: Map<string, string>;
}

export type OnProgress = (fraction: number) => void;

export interface ReadOptions {
  /**
   * Read for this period of the plan only: a source record dated outside it is not read past its
   * date and becomes no fact; `facts.leftOut` counts it (and names it when it lies outside every
   * period), which the engine reports exactly as it would the full record, since it never looks
   * past the date of a record outside the run's period. Records without a date, sources without
   * a mapped date field and the people table are read in full. The facts carry the period's id
   * (`facts.periodId`): they are good for that period only. A period the plan does not have is
   * ignored (everything is read; the engine reports the unknown period).
   */
  periodId?: string;
  /**
   * For a closed period recomputed by a refresh of the open one (issue 13): also read each
   * source's change-time field mapped in `plan.adjustments.changedAt` (into the record's values)
   * and the primary value of every source record read (into `recordNames`), so that an
   * adjustment line can name the records that changed after the close.
   */
  forAdjustments?: boolean;
  /** Convert this long (ms) before giving the browser a turn; 40 by default (a frame within ~50 ms). */
  sliceMs?: number;
  /** Resolves once the browser has had its turn; a new macrotask by default (tests replace it). */
  yieldToBrowser?: () => Promise<void>;
  /** Milliseconds, for measuring slices; `performance.now` by default. */
  now?: () => number;
}

/** Records converted between two looks at the clock: reading it per record would cost more than the record. */
const CLOCK_EVERY = 64;

/** Shared by every fact that has none: facts are never mutated, so one frozen instance serves them all. */
const NO_PARTICIPANTS = Object.freeze([]) as unknown as string[];
const NO_VALUES = Object.freeze({}) as {[fieldId: string]: FactValue};

/** A mapped table or field was deleted while the read gave the browser a turn: read again. */
class BaseChanged extends Error {}

/**
 * One SDK cell value as the engine sees it, for a field of this type and options (cells.ts).
 *
 * @example toFact({id: 'sel1', name: '资深', color: 'blue'}, 'singleSelect') // '资深'
 * @example toFact([{id: 'rec1', name: '王伟'}], 'multipleRecordLinks') // ['rec1']
 * @example toFact([{linkedRecordId: 'recO1', value: 1200}], 'multipleLookupValues', {result: {type: 'currency'}}) // 1200
 */
export function toFact(value: unknown, type: string, options: unknown = null): FactValue {
  return factConverter({type, options})(value);
}

/**
 * The sources that some metric of some plan version reads, each with the fields it reads beyond
 * its participant and date fields (values, filters, the split-percentage field), from the plan's
 * one walk over its references (src/planRefs.ts). A mapped source that no metric reads is absent:
 * the engine only aggregates sources its metrics name, so loading one would cost memory and time
 * for nothing.
 */
function usedSourceFields(plan: PlanDocument): Map<string, FieldRef[]> {
  return sourceInputs(plan);
}

/**
 * Ids of the fields some metric reads as one number: a summed or averaged source field, a
 * participant's own number, a per-participant target. (Base salary and performance-pay base are
 * added by the read.) A lookup there with several values is no number and is reported.
 */
function numberFieldIds(plan: PlanDocument): Set<string> {
  const ids = new Set<string>();
  for (const metric of plan.versions.flatMap((v) => v.metrics)) {
    const source = metric.source;
    if (source.kind === 'participant') ids.add(source.field.id);
    else if (source.field && (source.aggregation === 'sum' || source.aggregation === 'average')) ids.add(source.field.id);
    if (metric.target.kind === 'participantField') ids.add(metric.target.field.id);
  }
  return ids;
}

/** Fields of the participant's own record used by metrics, targets and proration (src/planRefs.ts). */
function participantFields(plan: PlanDocument): FieldRef[] {
  return participantInputs(plan);
}

type Role = 'adapter.role.people' | 'adapter.role.source';

interface TableRead {
  table: Table;
  /** The fields to load, by id, that exist. */
  fields: Map<string, Field>;
}

/** Resolves a plan field reference on a mapped table, or records an issue naming it. */
class FieldResolver {
  private readonly reported = new Set<string>();
  constructor(private readonly issues: Issue[]) {}

  resolve(read: TableRead, ref: FieldRef | undefined): Field | null {
    if (!ref) return null;
    const field = read.table.getFieldByIdIfExists(ref.id);
    if (field) {
      read.fields.set(field.id, field);
      return field;
    }
    const key = `${read.table.id}|${ref.id}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.issues.push({
        code: 'adapter.read.fieldMissing',
        severity: 'error',
        message: text('adapter.read.fieldMissing', {name: ref.name, table: read.table.name}),
        tableId: read.table.id,
        fieldId: ref.id,
      });
    }
    return null;
  }
}

/** A mapped result field the run reads: refused, so that nothing is written into it. */
function readFieldAsResult(table: Table, field: Field, primary: boolean): Issue {
  const code = primary ? 'adapter.write.primaryField' : 'adapter.write.inputField';
  return {code, severity: 'error', message: text(code, {name: field.name}), tableId: table.id, fieldId: field.id};
}

function missingTable(ref: TableRef, role: Role): Issue {
  const message = (lang: 'zh' | 'en') => t(lang, 'adapter.read.tableMissing', {name: ref.name, role: t(lang, role)});
  return {code: 'adapter.read.tableMissing', severity: 'error', message: {zh: message('zh'), en: message('en')}, tableId: ref.id};
}

type CellReader<T> = (record: AirtableRecord) => T;

/**
 * Cells the read could not take as the plan needs them, noted per field while records are
 * converted and reported once per field (or per ambiguous name) with the records by their
 * primary value, as the user knows them.
 */
class ReadNotes {
  /** Per table and field: records whose cell holds several values where one number is read. */
  readonly many = new Map<string, {table: Table; field: Field; records: AirtableRecord[]}>();
  /** Per source and name: records naming a participant that several people share. */
  readonly ambiguous = new Map<string, {source: SourceMapping; table: Table; field: Field; name: string; people: number; records: AirtableRecord[]}>();

  noteMany(table: Table, field: Field, record: AirtableRecord) {
    const key = `${table.id}|${field.id}`;
    const entry = this.many.get(key) ?? {table, field, records: []};
    entry.records.push(record);
    this.many.set(key, entry);
  }

  noteAmbiguous(source: SourceMapping, table: Table, field: Field, name: string, people: number, record: AirtableRecord) {
    const key = `${source.id}|${name}`;
    const entry = this.ambiguous.get(key) ?? {source, table, field, name, people, records: []};
    entry.records.push(record);
    this.ambiguous.set(key, entry);
  }

  issues(): Issue[] {
    const issues: Issue[] = [];
    for (const {table, field, records} of this.many.values()) {
      const params = {field: field.name, table: table.name, count: records.length, records: recordList(records)};
      issues.push({
        code: 'adapter.read.manyValues',
        severity: 'warning',
        message: text('adapter.read.manyValues', params),
        tableId: table.id,
        fieldId: field.id,
        recordIds: records.map((r) => r.id),
      });
    }
    for (const {source, table, field, name, people, records} of this.ambiguous.values()) {
      const message = (lang: 'zh' | 'en') =>
        t(lang, 'adapter.read.ambiguousName', {
          source: source.label?.[lang] || source.table.name,
          name,
          people,
          count: records.length,
          records: recordList(records),
        });
      issues.push({
        code: 'adapter.read.ambiguousName',
        severity: 'warning',
        message: {zh: message('zh'), en: message('en')},
        tableId: table.id,
        fieldId: field.id,
        recordIds: records.map((r) => r.id),
      });
    }
    return issues;
  }
}

/** Records named in a message: the first few by primary value ("订单 1001、订单 1002 …"). */
const RECORDS_IN_MESSAGE = 10;
function recordList(records: readonly AirtableRecord[]): Listed {
  return firstNames(records.slice(0, RECORDS_IN_MESSAGE + 1).map((record) => `“${record.name || record.id}”`), RECORDS_IN_MESSAGE);
}

/** Reads one field of a record as a fact; a missing field reads as empty. */
function factReader(field: Field | null): CellReader<FactValue> {
  if (!field) return () => null;
  const id = field.id;
  const convert = factConverter(field);
  return (record) => convert(record.getCellValue(id));
}

/** Reads a field read as one number: several values in the cell are noted and read as empty. */
function numberReader(field: Field | null, onMany: (field: Field, record: AirtableRecord) => void): CellReader<FactValue> {
  if (!field) return () => null;
  const id = field.id;
  const convert = numberConverter(field);
  return (record) => {
    const {value, many} = convert(record.getCellValue(id));
    if (many) onMany(field, record);
    return value;
  };
}

/** Reads a name-like cell: a select, collaborator or linked record by its name, a lookup by its first value. */
function nameReader(field: Field | null): CellReader<string | null> {
  if (!field) return () => null;
  const id = field.id;
  const convert = nameConverter(field);
  return (record) => convert(record.getCellValue(id));
}

/** One reader per distinct field, keyed by field id; those in `numbers` read as one number. */
function factReaders(
  fields: Field[],
  numbers: ReadonlySet<string>,
  onMany: (field: Field, record: AirtableRecord) => void,
): [string, CellReader<FactValue>][] {
  const unique = new Map(fields.map((field) => [field.id, field]));
  return [...unique.values()].map((field) => [field.id, numbers.has(field.id) ? numberReader(field, onMany) : factReader(field)]);
}

interface PeopleFields {
  name: Field | null;
  upline: Field | null;
  team: Field | null;
  tier: Field | null;
  baseSalary: Field | null;
  performancePayBase: Field | null;
  others: Field[];
  results: Field[];
}

interface SourceRead {
  mapping: SourceMapping;
  read: TableRead;
  participant: Field;
  date: Field | null;
  values: Field[];
}

/**
 * The records of a loaded query, looked up one at a time: the SDK's `records` builds a model for
 * every record in one go (a long stretch for a big table), by id they are built as the read goes.
 */
interface LoadedRecords {
  ids: readonly string[];
  /** The record, or null once it has been deleted. */
  byId: (id: string) => AirtableRecord | null;
}

/**
 * Reads each record with `read` and keeps what it returns (null: nothing to keep), giving the
 * browser a turn whenever the pacer says so (after telling `onRecords` how many were done). A
 * record deleted while the read paused is left out, as if the read had started after the deletion.
 */
async function convertRecords<T>(
  records: LoadedRecords,
  read: (record: AirtableRecord) => T | null,
  pacer: Pacer,
  onRecords: (done: number) => void,
): Promise<T[]> {
  const {ids, byId} = records;
  const out: T[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (i % CLOCK_EVERY === 0 && i > 0 && pacer.due()) await pacer.turn(() => onRecords(i));
    const record = byId(ids[i]);
    if (!record) continue;
    const fact = read(record);
    if (fact !== null) out.push(fact);
  }
  return out;
}

/** Which fields are read as one number, and where a cell holding several values is noted. */
interface NumberReads {
  numbers: ReadonlySet<string>;
  onMany: (field: Field, record: AirtableRecord) => void;
}

/** Reads one participant and, into `current`, their result cells. */
function participantReader(fields: PeopleFields, current: Map<string, CellMap>, reads: NumberReads): (record: AirtableRecord) => ParticipantFact {
  const name = nameReader(fields.name);
  const upline = factReader(fields.upline);
  const team = nameReader(fields.team);
  const tier = nameReader(fields.tier);
  const baseSalary = numberReader(fields.baseSalary, reads.onMany);
  const performancePayBase = numberReader(fields.performancePayBase, reads.onMany);
  const others = factReaders(fields.others, reads.numbers, reads.onMany);
  const resultIds = fields.results.map((field) => field.id);
  return (record) => {
    const uplines = upline(record);
    let values = NO_VALUES;
    if (others.length > 0) {
      values = {};
      for (const [id, read] of others) values[id] = read(record);
    }
    const participant: ParticipantFact = {
      id: record.id,
      name: name(record) ?? record.name,
      uplineId: Array.isArray(uplines) ? uplines[0] ?? null : null,
      team: team(record),
      tier: tier(record),
      baseSalary: baseSalary(record),
      performancePayBase: performancePayBase(record),
      fields: values,
    };
    const cells: CellMap = {};
    for (const id of resultIds) cells[id] = record.getCellValue(id);
    current.set(record.id, cells);
    return participant;
  };
}

/**
 * One frozen list per linked participant, shared by all their records: a source record links one
 * participant almost always, and 200,000 one-id lists would each cost an allocation.
 */
class ParticipantLists {
  private readonly single = new Map<string, string[]>();

  of(ids: string[] | null): string[] {
    if (!ids || ids.length === 0) return NO_PARTICIPANTS;
    if (ids.length > 1) return ids;
    let list = this.single.get(ids[0]);
    if (!list) {
      list = Object.freeze([ids[0]]) as unknown as string[];
      this.single.set(ids[0], list);
    }
    return list;
  }
}

/** Where a read for one period stands: the period, the plan's periods (to tell "outside every period"). */
interface PeriodScope {
  period: Period;
  periods: readonly Period[];
}

/** The people a source record names, by name: one person each, or the name is ambiguous. */
type NameLookup = (name: string) => readonly string[];

/**
 * Reads one source record. Under a period scope, the date is read first and a record dated
 * outside the period is only counted in `leftOut` (null: no fact), its other cells unread.
 *
 * A record naming its participant (text, a select, a collaborator, a lookup of names) credits the
 * one person of that name; a name several people share credits none of them and is noted, since
 * which of them the record means cannot be told (crediting the first would depend on record order).
 */
function sourceReader(
  source: SourceRead,
  peopleTableId: string,
  byName: NameLookup,
  lists: ParticipantLists,
  scope: PeriodScope | null,
  leftOut: RecordsLeftOut,
  reads: NumberReads,
  onAmbiguous: (name: string, people: number, record: AirtableRecord) => void,
  names: Map<string, string> = new Map(),
  nameEvery = false,
): (record: AirtableRecord) => SourceRecordFact | null {
  const name = (record: AirtableRecord) => names.set(record.id, record.name);
  const values = factReaders(source.values, reads.numbers, reads.onMany);
  const participantId = source.participant.id;
  const participantOf = participantConverter(source.participant, peopleTableId);
  const participants = (record: AirtableRecord): string[] => {
    const cell = participantOf(record.getCellValue(participantId));
    if ('ids' in cell) return lists.of(cell.ids);
    const ids: string[] = [];
    for (const name of cell.names) {
      const people = byName(name);
      if (people.length > 1) onAmbiguous(name, people.length, record);
      else if (people.length === 1 && !ids.includes(people[0])) ids.push(people[0]);
    }
    return lists.of(ids);
  };
  const dateId = source.date?.id ?? null;
  const dayOf = source.date ? dayConverter(source.date) : () => null;
  const full = (record: AirtableRecord, date: string | null): SourceRecordFact => {
    let cells = NO_VALUES;
    if (values.length > 0) {
      cells = {};
      for (const [id, read] of values) cells[id] = read(record);
    }
    const participantIds = participants(record);
    // A record without a date or without a participant is reported: keep its primary value.
    if (nameEvery || participantIds.length === 0 || (dateId !== null && date === null)) name(record);
    return {id: record.id, participantIds, date, values: cells};
  };
  if (dateId === null) return (record) => full(record, null);
  if (!scope) return (record) => full(record, dayOf(record.getCellValue(dateId)));
  const {period, periods} = scope;
  return (record) => {
    const date = dayOf(record.getCellValue(dateId));
    const placement = placeDay(date, period, periods);
    if (placement === 'inPeriod' || placement === 'noDate') return full(record, date);
    leftOut.outsidePeriod++;
    if (placement === 'beforeFirstPeriod') leftOut.beforeFirstPeriod++;
    else if (placement === 'outsideEveryPeriod') {
      leftOut.outsideEveryPeriod.push(record.id);
      name(record);
    }
    return null;
  };
}

/**
 * Loads the mapped tables one at a time and returns the facts, the current result cells and the
 * issues. Each table is converted and unloaded before the next is loaded, so that at most one
 * table's SDK records are held next to the facts. `onProgress` receives a fraction 0..1 after
 * each load and conversion, and before every turn given to the browser.
 *
 * @example const {facts} = await readFacts(base, plan, onProgress, {periodId: '2026-03'});
 */
export async function readFacts(base: Base, plan: PlanDocument, onProgress?: OnProgress, options: ReadOptions = {}): Promise<ReadResult> {
  // Never backwards, even when the read starts again.
  let reported = 0;
  const report = (fraction: number) => {
    reported = Math.max(reported, fraction);
    onProgress?.(reported);
  };
  // A table or field deleted during one of the read's turns: the read starts again and meets the
  // deletion as a read started after it would (the field missing and reported, the table too).
  // Each new start needs another deletion during the read, so this ends.
  for (;;) {
    try {
      return await readOnce(base, plan, report, options);
    } catch (error) {
      if (!(error instanceof BaseChanged)) throw error;
    }
  }
}

async function readOnce(base: Base, plan: PlanDocument, onProgress: OnProgress, options: ReadOptions): Promise<ReadResult> {
  const issues: Issue[] = [];
  const resolver = new FieldResolver(issues);
  const reads = new Map<string, TableRead>();
  const tableRead = (ref: TableRef, role: Role): TableRead | null => {
    const existing = reads.get(ref.id);
    if (existing) return existing;
    const table = base.getTableByIdIfExists(ref.id);
    if (!table) {
      issues.push(missingTable(ref, role));
      return null;
    }
    const read: TableRead = {table, fields: new Map()};
    reads.set(ref.id, read);
    return read;
  };

  // 1. Resolve every field the plan uses, per table, before loading anything. The people table
  // comes first: a source naming participants in a text field needs their names.
  const people = plan.mapping.people;
  const peopleRead = people ? tableRead(people.table, 'adapter.role.people') : null;
  const peopleFields: PeopleFields | null = peopleRead && people
    ? {
        name: resolver.resolve(peopleRead, people.name),
        upline: resolver.resolve(peopleRead, people.upline),
        team: resolver.resolve(peopleRead, people.team),
        tier: resolver.resolve(peopleRead, people.tier),
        baseSalary: resolver.resolve(peopleRead, people.baseSalary),
        performancePayBase: resolver.resolve(peopleRead, people.performancePayBase),
        others: participantFields(plan).flatMap((ref) => resolver.resolve(peopleRead, ref) ?? []),
        results: [],
      }
    : null;
  if (peopleRead) peopleRead.fields.set(peopleRead.table.primaryField.id, peopleRead.table.primaryField);

  const numbers = numberFieldIds(plan);
  const peopleTableId = people?.table.id ?? '';
  const usedFields = usedSourceFields(plan);
  const sources: SourceRead[] = [];
  for (const mapping of plan.mapping.sources) {
    const refs = usedFields.get(mapping.id);
    if (!refs) continue;
    const read = tableRead(mapping.table, 'adapter.role.source');
    if (!read) continue;
    const participant = resolver.resolve(read, mapping.participant);
    const date = resolver.resolve(read, mapping.date);
    const values = refs.flatMap((ref) => resolver.resolve(read, ref) ?? []);
    const changedAt = options.forAdjustments ? plan.adjustments?.changedAt?.[mapping.id] : undefined;
    const changeField = changedAt ? resolver.resolve(read, changedAt.field) : null;
    if (changeField && !values.includes(changeField)) values.push(changeField);
    // Without its participant link a source credits nobody: leave it out rather than report
    // every record as an orphan.
    if (!participant) continue;
    sources.push({mapping, read, participant, date, values});
    // A warning names a source record by its primary value (read only for the records it names).
    read.fields.set(read.table.primaryField.id, read.table.primaryField);
    // Records are named by their primary value where the read may have to report them: a
    // participant found by name (a name two people share), a computed number (several values).
    const byName = !linksToPeople(participant, peopleTableId);
    if (byName || values.some((field) => numbers.has(field.id) && RESULT_SHAPED.has(field.type))) {
      read.fields.set(read.table.primaryField.id, read.table.primaryField);
    }
  }

  // The result fields, last: a field the run reads (the primary field included) is never one,
  // since a refresh would overwrite its own input, e.g. every rep's name with breakdown text.
  const resultFields: {[fieldId: string]: FieldSchema} = {};
  if (peopleRead && peopleFields) {
    const inputs = new Set(peopleRead.fields.keys());
    const primaryId = peopleRead.table.primaryField.id;
    for (const ref of Object.values(plan.mapping.results)) {
      const field = ref ? resolver.resolve(peopleRead, ref) : null;
      if (!field) continue;
      if (inputs.has(field.id)) {
        issues.push(readFieldAsResult(peopleRead.table, field, field.id === primaryId));
        continue;
      }
      if (!peopleFields.results.includes(field)) peopleFields.results.push(field);
      resultFields[field.id] = fieldSchema(field);
    }
  }

  // 2. Per table: load only those fields, convert every record once, unload.
  const tables = [...reads.values()];
  const totalSteps = Math.max(1, tables.length * 2);
  let steps = 0;
  const progress = (extra = 0) => onProgress(Math.min(1, (steps + extra) / totalSteps));

  const current = new Map<string, CellMap>();
  const recordNames = new Map<string, string>();
  const facts: Facts = {participants: [], sources: {}};
  const periodId = options.periodId;
  const period = plan.periods.find((p) => p.id === periodId);
  const scope: PeriodScope | null = period ? {period, periods: plan.periods} : null;
  // Facts without the records of other periods must not be run for another period.
  if (period) {
    facts.periodId = period.id;
    facts.leftOut = {};
  }
  const lists = new ParticipantLists();
  const pacer = new Pacer(options);
  pacer.afterTurn = () => {
    if (tables.some((read) => read.table.isDeleted || [...read.fields.values()].some((field) => field.isDeleted))) throw new BaseChanged();
  };
  // Names as the people table shows them, trimmed on both sides: " 王伟" in an order is 王伟.
  let idsByName: Map<string, string[]> | null = null;
  const byName: NameLookup = (name) => {
    if (!idsByName) {
      idsByName = new Map();
      for (const p of facts.participants) {
        const key = p.name.trim();
        idsByName.set(key, [...(idsByName.get(key) ?? []), p.id]);
      }
    }
    return idsByName.get(name.trim()) ?? NO_PARTICIPANTS;
  };
  const notes = new ReadNotes();

  /** The facts of one loaded table: its participants if it is the people table, and its sources'. */
  const convertTable = async (read: TableRead, records: LoadedRecords) => {
    // The table's conversion step is shared among its readings: the people, then each source.
    const people = read === peopleRead ? peopleFields : null;
    const onTable = sources.filter((source) => source.read === read);
    const shares = onTable.length + (people ? 1 : 0);
    const within = (share: number) => (done: number) => progress((share + done / records.ids.length) / shares);
    const reads: NumberReads = {numbers, onMany: (field, record) => notes.noteMany(read.table, field, record)};
    if (people) facts.participants = await convertRecords(records, participantReader(people, current, reads), pacer, within(0));
    for (const [j, source] of onTable.entries()) {
      const leftOut: RecordsLeftOut = {outsidePeriod: 0, beforeFirstPeriod: 0, outsideEveryPeriod: []};
      // Without a date field nothing is left out, and the engine then expects no count.
      const scoped = source.date ? scope : null;
      const onAmbiguous = (name: string, count: number, record: AirtableRecord) =>
        notes.noteAmbiguous(source.mapping, read.table, source.participant, name, count, record);
      const readRecord = sourceReader(source, peopleTableId, byName, lists, scoped, leftOut, reads, onAmbiguous, recordNames, options.forAdjustments === true);
      facts.sources[source.mapping.id] = await convertRecords(records, readRecord, pacer, within(j + (people ? 1 : 0)));
      if (facts.leftOut && scoped) facts.leftOut[source.mapping.id] = leftOut;
    }
  };

  for (const read of tables) {
    // The SDK builds a table's records in one synchronous stretch: take a turn on each side of it
    // so that it does not add to a conversion slice.
    if (pacer.due()) await pacer.turn(progress);
    // Reported right before the load, so that the one gap between reports the read cannot avoid
    // is the SDK's load alone.
    progress();
    const query = await read.table.selectRecordsAsync({fields: [...read.fields.keys()]});
    try {
      // The load is a wait like a turn: the base may have changed during it.
      pacer.afterTurn();
      steps++;
      if (pacer.due()) await pacer.turn(progress);
      else progress();
      await convertTable(read, {ids: query.recordIds, byId: (id) => query.getRecordByIdIfExists(id)});
    } finally {
      if (!read.table.isDeleted) query.unloadData();
    }
    steps++;
    progress();
  }
  if (tables.length === 0) onProgress(1);
  issues.push(...notes.issues());
  return {facts, current, resultFields, issues, recordNames};
}
