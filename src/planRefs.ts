/**
 * The one walk over a plan's references to the base. Every table and field the plan names is
 * listed here once, with the path of its control, the table it belongs to, what the plan uses it
 * for and what kind of field it must be. Validation's mapping rules, plan import's re-matching,
 * the settings draft (which fields are inputs) and the adapter's read all walk the plan through
 * these functions, so a new kind of reference is added in one place.
 *
 * The walk never throws, also on a document that has not been validated: a part of the wrong
 * shape is passed over, and a slot may then hold anything (check it with `isCompleteRef`).
 */
import type {FieldRole} from './fieldMatch';
import {LEDGER_KEYS, type LedgerKey} from './ledger/fields';
import {RESULT_KEYS, type FieldRef, type PlanDocument, type ResultKey, type TableRef} from './plan';

/** What the plan reads (or writes) a field for. */
export type FieldUse =
  | 'name'
  | 'upline'
  | 'team'
  | 'tier'
  | 'baseSalary'
  | 'performancePayBase'
  | 'start'
  | 'end'
  | 'participant'
  | 'date'
  | 'split'
  | 'value'
  | 'filter'
  | 'rateFilter'
  | 'participantValue'
  | 'targetField'
  | 'result'
  /** A field of the results table (绩效结果): written, one row per participant per period. */
  | 'ledger';

/** The kind of field a reference must be: a role of src/fieldMatch.ts, a link, or a result. */
export type FieldKind = FieldRole | 'participant' | 'upline' | 'result' | 'ledger';

export interface FieldReference {
  /** Path of the reference's control, e.g. `versions[0].metrics[2].source.field`. */
  path: string;
  use: FieldUse;
  /** The source (by its plan id) whose table holds the field; absent for the people table. */
  sourceId?: string;
  /** The table the field belongs to, as the plan names it (absent when not chosen). */
  tableRef: TableRef | undefined;
  /** The reference itself, the object in the plan (so that import can re-point it in place). */
  ref: FieldRef | undefined;
  kind: FieldKind;
  /** The slot must hold a reference (absent is an error); a reference present is always checked. */
  required: boolean;
  /** For `use: 'result'`: which result. */
  resultKey?: ResultKey;
  /** For `use: 'ledger'`: which field of the results table. */
  ledgerKey?: LedgerKey;
}

export interface TableReference {
  path: string;
  /** The source's plan id; absent for the people table and the results table. */
  sourceId?: string;
  /** The results table (绩效结果), not the people table. */
  results?: true;
  ref: TableRef | undefined;
}

/** The results table's fields every row needs: a row is found by (participant, period). */
export const REQUIRED_LEDGER_KEYS: readonly LedgerKey[] = ['participant', 'period'];

type Loose = Record<string, unknown>;
const loose = (x: unknown): Loose => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Loose) : {});
const items = (x: unknown): Loose[] => (Array.isArray(x) ? x.map(loose) : []);
const asRef = <T>(x: unknown): T | undefined => (x === undefined ? undefined : (x as T));

/**
 * A reference that names something: a non-empty id and a name. `{id: "", name: ""}` (still to be
 * chosen), a name without an id, or anything else is incomplete, and the validator refuses it.
 *
 * @example isCompleteRef({id: 'fldAmount', name: '订单金额'}) // true
 * @example isCompleteRef({id: '', name: '订单金额'}) // false
 */
export function isCompleteRef(x: unknown): x is FieldRef {
  const r = loose(x);
  return typeof r.id === 'string' && r.id !== '' && typeof r.name === 'string';
}

/** The fields of the people table's mapping, in the order the settings screen shows them. */
export const PEOPLE_FIELD_USES = ['name', 'upline', 'team', 'tier', 'baseSalary', 'performancePayBase', 'start', 'end'] as const;

const PEOPLE_KINDS: Record<(typeof PEOPLE_FIELD_USES)[number], FieldKind> = {
  name: 'any',
  upline: 'upline',
  team: 'label',
  tier: 'label',
  baseSalary: 'money',
  performancePayBase: 'money',
  start: 'date',
  end: 'date',
};

/** The people table, every source table and the results table, with their paths. */
export function* tableReferences(plan: PlanDocument): Generator<TableReference> {
  const mapping = loose(loose(plan).mapping);
  if (mapping.people !== undefined) yield {path: 'mapping.people.table', ref: asRef<TableRef>(loose(mapping.people).table)};
  for (const [i, source] of items(mapping.sources).entries()) {
    yield {path: `mapping.sources[${i}].table`, sourceId: typeof source.id === 'string' ? source.id : '', ref: asRef<TableRef>(source.table)};
  }
  if (mapping.resultsTable !== undefined) yield {path: 'mapping.resultsTable.table', results: true, ref: asRef<TableRef>(loose(mapping.resultsTable).table)};
}

/**
 * Every field reference of the plan, once each, in a fixed order: the people table's fields,
 * each source's participant and date, each metric's fields (every version), the result fields.
 * A required slot is listed also when empty (with `ref` undefined), an optional one only when set.
 *
 * @example [...fieldReferences(plan)].find((r) => r.path === 'versions[0].metrics[0].source.field')?.use // 'value'
 */
export function* fieldReferences(plan: PlanDocument): Generator<FieldReference> {
  const mapping = loose(loose(plan).mapping);
  const people = mapping.people === undefined ? undefined : loose(mapping.people);
  const peopleTable = people ? asRef<TableRef>(people.table) : undefined;
  if (people) {
    for (const use of PEOPLE_FIELD_USES) {
      if (people[use] === undefined) continue;
      yield {path: `mapping.people.${use}`, use, tableRef: peopleTable, ref: asRef<FieldRef>(people[use]), kind: PEOPLE_KINDS[use], required: false};
    }
  }

  const sourceTables = new Map<string, TableRef | undefined>();
  for (const [i, source] of items(mapping.sources).entries()) {
    const sourceId = typeof source.id === 'string' ? source.id : '';
    const tableRef = asRef<TableRef>(source.table);
    // The first source of an id is the one metrics read (a repeated id is an error of its own).
    if (!sourceTables.has(sourceId)) sourceTables.set(sourceId, tableRef);
    const at = `mapping.sources[${i}]`;
    yield {path: `${at}.participant`, use: 'participant', sourceId, tableRef, ref: asRef<FieldRef>(source.participant), kind: 'participant', required: true};
    if (source.date !== undefined) yield {path: `${at}.date`, use: 'date', sourceId, tableRef, ref: asRef<FieldRef>(source.date), kind: 'date', required: false};
    // The split-percentage field holds one share per linked participant ("60, 40", or a lookup).
    const credit = loose(source.credit);
    if (credit.kind === 'splitField') {
      yield {path: `${at}.credit.field`, use: 'split', sourceId, tableRef, ref: asRef<FieldRef>(credit.field), kind: 'any', required: true};
    }
  }

  for (const [v, version] of items(loose(plan).versions).entries()) {
    for (const [m, metric] of items(version.metrics).entries()) {
      const at = `versions[${v}].metrics[${m}]`;
      const source = loose(metric.source);
      // A rating scale reads a rating (or a plain number), not any amount.
      const valueKind: FieldKind = loose(metric.scoring).kind === 'scale' ? 'rating' : 'number';
      if (source.kind === 'participant') {
        yield {path: `${at}.source.field`, use: 'participantValue', tableRef: peopleTable, ref: asRef<FieldRef>(source.field), kind: valueKind, required: true};
      } else if (source.kind === 'source') {
        const sourceId = typeof source.sourceId === 'string' ? source.sourceId : '';
        const tableRef = sourceTables.get(sourceId);
        const aggregation = source.aggregation;
        const needsField = aggregation === 'sum' || aggregation === 'average' || aggregation === 'distinctCount';
        if (needsField || source.field !== undefined) {
          const kind: FieldKind = aggregation === 'distinctCount' ? 'any' : valueKind;
          yield {path: `${at}.source.field`, use: 'value', sourceId, tableRef, ref: asRef<FieldRef>(source.field), kind, required: needsField};
        }
        for (const use of ['filter', 'rateFilter'] as const) {
          if (source[use] === undefined) continue;
          const filter = loose(source[use]);
          // "is true" needs a yes/no field; other conditions compare any value as text or number.
          const kind: FieldKind = filter.op === 'isTrue' ? 'flag' : 'any';
          yield {path: `${at}.source.${use}.field`, use, sourceId, tableRef, ref: asRef<FieldRef>(filter.field), kind, required: true};
        }
      }
      const target = loose(metric.target);
      if (target.kind === 'participantField') {
        yield {path: `${at}.target.field`, use: 'targetField', tableRef: peopleTable, ref: asRef<FieldRef>(target.field), kind: 'number', required: true};
      }
    }
  }

  const results = loose(mapping.results);
  for (const key of RESULT_KEYS) {
    if (results[key] === undefined) continue;
    yield {path: `mapping.results.${key}`, use: 'result', tableRef: peopleTable, ref: asRef<FieldRef>(results[key]), kind: 'result', required: false, resultKey: key};
  }

  if (mapping.resultsTable !== undefined) {
    const resultsTable = loose(mapping.resultsTable);
    const tableRef = asRef<TableRef>(resultsTable.table);
    const fields = loose(resultsTable.fields);
    for (const key of LEDGER_KEYS) {
      const required = REQUIRED_LEDGER_KEYS.includes(key);
      if (fields[key] === undefined && !required) continue;
      yield {path: `mapping.resultsTable.fields.${key}`, use: 'ledger', tableRef, ref: asRef<FieldRef>(fields[key]), kind: 'ledger', required, ledgerKey: key};
    }
  }
}

/** References the run reads (every one but the result fields and the results table's). */
export function* inputReferences(plan: PlanDocument): Generator<FieldReference> {
  for (const reference of fieldReferences(plan)) if (reference.use !== 'result' && reference.use !== 'ledger') yield reference;
}

/**
 * The fields the run reads from the people table: name, upline, team, tier, salary, pay base,
 * participant metric values and target fields (and fields of a source mapped onto the people
 * table). None of them may be a result field, nor may the table's primary field.
 */
export function peopleInputs(plan: PlanDocument): FieldReference[] {
  const peopleId = loose(loose(loose(loose(plan).mapping).people).table).id;
  return [...inputReferences(plan)].filter((r) => r.sourceId === undefined || (r.tableRef?.id !== undefined && r.tableRef.id === peopleId));
}

/**
 * The fields each source's metrics read (value, filter and rate-condition fields, and the source's
 * split-percentage field), by source id,
 * complete references only, for the adapter to load. Sources no metric uses are absent.
 */
export function sourceInputs(plan: PlanDocument): Map<string, FieldRef[]> {
  const bySource = new Map<string, FieldRef[]>();
  const used = usedSourceIds(plan);
  for (const r of fieldReferences(plan)) {
    // A split field is read only for a source some metric reads.
    if (r.use === 'split' && !used.has(r.sourceId ?? '')) continue;
    if (r.use !== 'value' && r.use !== 'filter' && r.use !== 'rateFilter' && r.use !== 'split') continue;
    const list = bySource.get(r.sourceId ?? '') ?? [];
    if (isCompleteRef(r.ref)) list.push(r.ref);
    bySource.set(r.sourceId ?? '', list);
  }
  // A metric on a source that reads no field (a count) still needs its source's records.
  for (const version of items(loose(plan).versions)) {
    for (const metric of items(version.metrics)) {
      const source = loose(metric.source);
      if (source.kind === 'source' && typeof source.sourceId === 'string' && !bySource.has(source.sourceId)) bySource.set(source.sourceId, []);
    }
  }
  return bySource;
}

/**
 * The fields of the participant's own record that the run reads into `fields`: metric values,
 * per-person targets, and the start and end dates (proration).
 */
export function participantInputs(plan: PlanDocument): FieldRef[] {
  const refs: FieldRef[] = [];
  for (const r of fieldReferences(plan)) {
    const read = r.use === 'participantValue' || r.use === 'targetField' || r.use === 'start' || r.use === 'end';
    if (read && isCompleteRef(r.ref)) refs.push(r.ref);
  }
  return refs;
}

/** Ids of the sources some metric (of any version) reads. */
export function usedSourceIds(plan: PlanDocument): Set<string> {
  const ids = new Set<string>();
  for (const version of items(loose(plan).versions)) {
    for (const metric of items(version.metrics)) {
      const source = loose(metric.source);
      if (source.kind === 'source' && typeof source.sourceId === 'string') ids.add(source.sourceId);
    }
  }
  return ids;
}

/**
 * Ids of every field the plan reads as input (from the one walk over its references). A result
 * field must not be one of them: the extension would overwrite its own input on the next refresh.
 */
export function inputFieldIds(plan: PlanDocument): Set<string> {
  const ids = new Set<string>();
  for (const reference of inputReferences(plan)) if (isCompleteRef(reference.ref)) ids.add(reference.ref.id);
  return ids;
}
