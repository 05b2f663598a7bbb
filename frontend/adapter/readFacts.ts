/**
 * Reads the base into the engine's facts, in one pass: each mapped table is loaded once with only
 * the fields the plan uses (those of every plan version, so that switching periods needs no new
 * read), every record is converted once, and the queries are unloaded at the end.
 *
 * Cell values are normalised (a select to its name, a link to record ids) but never validated
 * here: text typed into a number field reaches the engine as text, which reports it with the
 * record and field it came from. A mapped table or field that no longer exists is an issue, not
 * an exception.
 */
import type Base from '@airtable/blocks/dist/types/src/models/base';
import type Field from '@airtable/blocks/dist/types/src/models/field';
import type Table from '@airtable/blocks/dist/types/src/models/table';
import type AirtableRecord from '@airtable/blocks/dist/types/src/models/record';
import type {FactValue, Facts, ParticipantFact, SourceRecordFact} from '../../src/facts';
import {t, text} from '../../src/i18n';
import type {FieldRef, Metric, PlanDocument, SourceMapping, TableRef} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {FieldSchema} from '../../src/schema';
import {fieldSchema} from './schema';

type CellMap = {[fieldId: string]: unknown};

export interface ReadResult {
  facts: Facts;
  /** The current cells of the mapped result fields, per participant record id (SDK values). */
  current: Map<string, CellMap>;
  /** The mapped result fields that exist, by id: what `planWrites` needs to format values. */
  resultFields: {[fieldId: string]: FieldSchema};
  issues: Issue[];
}

export type OnProgress = (fraction: number) => void;

/** Records converted between two progress reports on a big table. */
const PROGRESS_EVERY = 5000;

const NUMERIC_TYPES = new Set(['number', 'currency', 'percent', 'rating', 'duration', 'autoNumber', 'count']);

/** A named cell value (select choice, collaborator, linked record) to its name. */
function nameOf(value: unknown): string | null {
  if (value && typeof value === 'object' && typeof (value as {name?: unknown}).name === 'string') return (value as {name: string}).name;
  return null;
}

/**
 * A computed field's value (formula, rollup, lookup) has the shape of its result: a lookup of
 * one value becomes that value; a lookup of named items their names; anything else its texts.
 */
function fromArray(values: unknown[]): FactValue {
  const items = values.filter((v) => v !== null && v !== undefined);
  if (items.length === 0) return null;
  if (items.length === 1 && ['number', 'string', 'boolean'].includes(typeof items[0])) return items[0] as FactValue;
  return items.map((item) => nameOf(item) ?? String(item));
}

/**
 * One SDK cell value as the engine sees it.
 *
 * @example toFact({id: 'sel1', name: '资深', color: 'blue'}, 'singleSelect') // '资深'
 * @example toFact([{id: 'rec1', name: '王伟'}], 'multipleRecordLinks') // ['rec1']
 */
export function toFact(value: unknown, type: string): FactValue {
  if (value === undefined || value === null) return type === 'checkbox' ? false : null;
  switch (type) {
    case 'multipleRecordLinks':
      return Array.isArray(value) ? value.flatMap((v) => (v && typeof (v as {id?: unknown}).id === 'string' ? [(v as {id: string}).id] : [])) : [];
    case 'singleSelect':
    case 'singleCollaborator':
    case 'createdBy':
    case 'lastModifiedBy':
      return nameOf(value) ?? (typeof value === 'string' ? value : null);
    case 'multipleSelects':
    case 'multipleCollaborators':
      return Array.isArray(value) ? value.map((v) => nameOf(v) ?? String(v)) : null;
    case 'checkbox':
      return value === true;
    default:
      break;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return fromArray(value);
  const name = nameOf(value);
  if (name !== null) return name;
  // An error value of a formula ({error: '#ERROR'}) or anything unexpected: its text, reported
  // by the engine where a number is needed.
  return NUMERIC_TYPES.has(type) ? JSON.stringify(value) : String(JSON.stringify(value));
}

/** The fields each plan source reads, beyond its participant and date fields. */
function metricFieldsBySource(plan: PlanDocument): Map<string, FieldRef[]> {
  const bySource = new Map<string, FieldRef[]>();
  const metrics: Metric[] = plan.versions.flatMap((v) => v.metrics);
  for (const metric of metrics) {
    const source = metric.source;
    if (source.kind !== 'source') continue;
    const list = bySource.get(source.sourceId) ?? [];
    for (const ref of [source.field, source.filter?.field, source.rateFilter?.field]) if (ref) list.push(ref);
    bySource.set(source.sourceId, list);
  }
  return bySource;
}

/** Fields of the participant's own record used by metrics and targets. */
function participantFields(plan: PlanDocument): FieldRef[] {
  const refs: FieldRef[] = [];
  for (const metric of plan.versions.flatMap((v) => v.metrics)) {
    if (metric.source.kind === 'participant') refs.push(metric.source.field);
    if (metric.target.kind === 'participantField') refs.push(metric.target.field);
  }
  return refs;
}

interface TableRead {
  table: Table;
  /** The fields to load, by id, that exist. */
  fields: Map<string, Field>;
}

/** Resolves a plan field reference on a loaded table, or records an issue naming it. */
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

function missingTable(ref: TableRef, role: 'adapter.role.people' | 'adapter.role.source'): Issue {
  const message = (lang: 'zh' | 'en') => t(lang, 'adapter.read.tableMissing', {name: ref.name, role: t(lang, role)});
  return {code: 'adapter.read.tableMissing', severity: 'error', message: {zh: message('zh'), en: message('en')}, tableId: ref.id};
}

const cell = (record: AirtableRecord, field: Field | null): FactValue => (field ? toFact(record.getCellValue(field.id), field.type) : null);

/** Text of a name-like cell: a select or a linked record by its name, anything else as shown. */
function nameCell(record: AirtableRecord, field: Field | null): string | null {
  if (!field) return null;
  const value = record.getCellValue(field.id);
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length > 0 ? nameOf(value[0]) ?? String(value[0]) : null;
  const name = nameOf(value);
  if (name !== null) return name;
  const shown = record.getCellValueAsString(field.id);
  return shown === '' ? null : shown;
}

/**
 * Loads every mapped table once and returns the facts, the current result cells and the issues.
 * `onProgress` receives a fraction 0..1 after each table and every few thousand records.
 */
export async function readFacts(base: Base, plan: PlanDocument, onProgress?: OnProgress): Promise<ReadResult> {
  const issues: Issue[] = [];
  const resolver = new FieldResolver(issues);
  const reads = new Map<string, TableRead>();
  const tableRead = (ref: TableRef, role: 'adapter.role.people' | 'adapter.role.source'): TableRead | null => {
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

  // 1. Resolve every field the plan uses, per table, before loading anything.
  const people = plan.mapping.people;
  const peopleRead = people ? tableRead(people.table, 'adapter.role.people') : null;
  const peopleFields = peopleRead && people
    ? {
        name: resolver.resolve(peopleRead, people.name),
        upline: resolver.resolve(peopleRead, people.upline),
        team: resolver.resolve(peopleRead, people.team),
        tier: resolver.resolve(peopleRead, people.tier),
        baseSalary: resolver.resolve(peopleRead, people.baseSalary),
        performancePayBase: resolver.resolve(peopleRead, people.performancePayBase),
        others: participantFields(plan).flatMap((ref) => resolver.resolve(peopleRead, ref) ?? []),
        results: Object.values(plan.mapping.results).flatMap((ref) => (ref ? resolver.resolve(peopleRead, ref) ?? [] : [])),
      }
    : null;
  if (peopleRead) peopleRead.fields.set(peopleRead.table.primaryField.id, peopleRead.table.primaryField);

  const metricFields = metricFieldsBySource(plan);
  const sources: {mapping: SourceMapping; read: TableRead; participant: Field; date: Field | null; values: Field[]}[] = [];
  for (const mapping of plan.mapping.sources) {
    const read = tableRead(mapping.table, 'adapter.role.source');
    if (!read) continue;
    const participant = resolver.resolve(read, mapping.participant);
    const date = resolver.resolve(read, mapping.date);
    const values = (metricFields.get(mapping.id) ?? []).flatMap((ref) => resolver.resolve(read, ref) ?? []);
    // Without its participant link a source credits nobody: leave it out rather than report
    // every record as an orphan.
    if (participant) sources.push({mapping, read, participant, date, values});
  }

  // 2. Load each table once, with only those fields.
  const tables = [...reads.values()];
  const loaded = new Map<string, Awaited<ReturnType<Table['selectRecordsAsync']>>>();
  const totalSteps = tables.length * 2;
  let steps = 0;
  const progress = () => onProgress?.(Math.min(1, steps / totalSteps));
  try {
    for (const read of tables) {
      loaded.set(read.table.id, await read.table.selectRecordsAsync({fields: [...read.fields.keys()]}));
      steps++;
      progress();
    }

    // 3. Convert, one pass per table.
    const participants: ParticipantFact[] = [];
    const current = new Map<string, CellMap>();
    const resultFields: {[fieldId: string]: FieldSchema} = {};
    if (peopleRead && peopleFields) {
      const query = loaded.get(peopleRead.table.id)!;
      for (const field of peopleFields.results) resultFields[field.id] = fieldSchema(field);
      for (const record of query.records) {
        const uplines = cell(record, peopleFields.upline);
        const fields: {[fieldId: string]: FactValue} = {};
        for (const field of peopleFields.others) fields[field.id] = cell(record, field);
        participants.push({
          id: record.id,
          name: nameCell(record, peopleFields.name) ?? record.name,
          uplineId: Array.isArray(uplines) ? uplines[0] ?? null : null,
          team: nameCell(record, peopleFields.team),
          tier: nameCell(record, peopleFields.tier),
          baseSalary: cell(record, peopleFields.baseSalary),
          performancePayBase: cell(record, peopleFields.performancePayBase),
          fields,
        });
        const cells: CellMap = {};
        for (const field of peopleFields.results) cells[field.id] = record.getCellValue(field.id);
        current.set(record.id, cells);
      }
      steps++;
      progress();
    }

    // A participant named in a text field (not a link) is found by name.
    let idsByName: Map<string, string[]> | null = null;
    const byName = (name: string): string[] => {
      if (!idsByName) {
        idsByName = new Map();
        for (const p of participants) idsByName.set(p.name, [...(idsByName.get(p.name) ?? []), p.id]);
      }
      return idsByName.get(name.trim()) ?? [];
    };

    const facts: Facts = {participants, sources: {}};
    const converted = new Set<string>();
    for (const source of sources) {
      const query = loaded.get(source.read.table.id)!;
      const link = source.participant.type === 'multipleRecordLinks';
      const out: SourceRecordFact[] = new Array(query.records.length);
      let i = 0;
      for (const record of query.records) {
        const values: {[fieldId: string]: FactValue} = {};
        for (const field of source.values) values[field.id] = cell(record, field);
        let participantIds: string[];
        if (link) {
          participantIds = (toFact(record.getCellValue(source.participant.id), 'multipleRecordLinks') as string[] | null) ?? [];
        } else {
          const name = nameCell(record, source.participant);
          participantIds = name ? byName(name) : [];
        }
        const date = source.date ? record.getCellValue(source.date.id) : null;
        out[i++] = {id: record.id, participantIds, date: typeof date === 'string' && date !== '' ? date : null, values};
        if (i % PROGRESS_EVERY === 0) onProgress?.(Math.min(1, (steps + i / out.length) / totalSteps));
      }
      facts.sources[source.mapping.id] = out;
      if (!converted.has(source.read.table.id) && source.read !== peopleRead) {
        converted.add(source.read.table.id);
        steps++;
        progress();
      }
    }
    steps = totalSteps;
    progress();
    return {facts, current, resultFields, issues};
  } finally {
    for (const query of loaded.values()) query.unloadData();
  }
}
