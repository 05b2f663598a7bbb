/**
 * Importing a plan into another base: table and field ids differ from base to base, so every
 * reference is found again by the name kept beside its id. A reference is kept by id when that id
 * exists (the same base), else matched by exact name, else by name ignoring case and spaces.
 * What cannot be matched is left as it was (old id and name), so the validator names it and the
 * settings screen shows it next to its picker, and it is listed in the report.
 */
import {normalizeName} from './fieldMatch';
import type {PlanDocument} from './plan';
import type {BaseSchema, FieldSchema, TableSchema} from './schema';
import {fieldReferences, tableReferences} from './planRefs';

export type RefKind = 'table' | 'field';

export interface MatchedRef {
  path: string;
  kind: RefKind;
  /** The name kept in the imported plan. */
  name: string;
  /** The id and name in this base. */
  id: string;
  currentName: string;
  by: 'id' | 'name' | 'similarName';
}

export interface UnmatchedRef {
  path: string;
  kind: RefKind;
  name: string;
  /** For a field: the table it was looked for in (its name in this base, or the imported one). */
  tableName?: string;
}

export interface ImportReport {
  matched: MatchedRef[];
  unmatched: UnmatchedRef[];
}

type Named = {id: string; name: string};

/** Finds a table or field again: by id, then exact name, then name ignoring case and spaces. */
function find<T extends Named>(candidates: readonly T[], ref: Named): {item: T; by: MatchedRef['by']} | undefined {
  const byId = candidates.find((c) => c.id === ref.id);
  if (byId) return {item: byId, by: 'id'};
  const byName = candidates.find((c) => c.name === ref.name);
  if (byName) return {item: byName, by: 'name'};
  const wanted = normalizeName(ref.name);
  const similar = wanted ? candidates.find((c) => normalizeName(c.name) === wanted) : undefined;
  return similar ? {item: similar, by: 'similarName'} : undefined;
}

const isRef = (x: unknown): x is Named =>
  typeof x === 'object' && x !== null && typeof (x as Named).id === 'string' && typeof (x as Named).name === 'string';

/** A reference still to be chosen (empty id and name) is not part of the import. */
const isEmpty = (ref: Named) => ref.id === '' && ref.name === '';

class Rematcher {
  readonly report: ImportReport = {matched: [], unmatched: []};

  constructor(private readonly tables: readonly TableSchema[]) {}

  /** Re-points a table reference in place; returns the table of this base it now names. */
  table(ref: unknown, path: string): TableSchema | undefined {
    if (!isRef(ref) || isEmpty(ref)) return undefined;
    const found = find(this.tables, ref);
    if (!found) {
      this.report.unmatched.push({path, kind: 'table', name: ref.name || ref.id});
      return undefined;
    }
    this.record(ref, path, 'table', found.item, found.by);
    return found.item;
  }

  /** Re-points a field reference in place, within the table it belongs to. */
  field(ref: unknown, path: string, table: TableSchema | undefined, importedTableName: string) {
    if (!isRef(ref) || isEmpty(ref)) return;
    const found = table ? find<FieldSchema>(Array.isArray(table.fields) ? table.fields : [], ref) : undefined;
    if (!found) {
      this.report.unmatched.push({path, kind: 'field', name: ref.name || ref.id, tableName: table?.name ?? importedTableName});
      return;
    }
    this.record(ref, path, 'field', found.item, found.by);
  }

  private record(ref: Named, path: string, kind: RefKind, item: Named, by: MatchedRef['by']) {
    this.report.matched.push({path, kind, name: ref.name, id: item.id, currentName: item.name, by});
    ref.id = item.id;
    ref.name = item.name;
  }
}

/**
 * The plan with every table and field reference re-matched by name in this base, and a report of
 * what was matched and what was not. The input is not changed.
 *
 * @example rematchPlan(exported, schema).report.unmatched // [{path: 'mapping.sources[2].table', kind: 'table', name: '评价'}]
 */
export function rematchPlan(plan: PlanDocument, schema: BaseSchema): {plan: PlanDocument; report: ImportReport} {
  const copy = JSON.parse(JSON.stringify(plan ?? null)) as PlanDocument;
  const rematcher = new Rematcher(Array.isArray(schema?.tables) ? schema.tables : []);

  // Tables first: a field is looked for in the table of this base its table now names.
  let peopleTable: TableSchema | undefined;
  let resultsTable: TableSchema | undefined;
  const sourceTables = new Map<string, TableSchema | undefined>();
  for (const reference of tableReferences(copy)) {
    const table = rematcher.table(reference.ref, reference.path);
    if (reference.results) resultsTable = table;
    else if (reference.sourceId === undefined) peopleTable = table;
    else if (!sourceTables.has(reference.sourceId)) sourceTables.set(reference.sourceId, table);
  }
  for (const reference of fieldReferences(copy)) {
    const table = reference.use === 'ledger' ? resultsTable : reference.sourceId === undefined ? peopleTable : sourceTables.get(reference.sourceId);
    rematcher.field(reference.ref, reference.path, table, nameOf(reference.tableRef));
  }
  return {plan: copy, report: rematcher.report};
}

const nameOf = (ref: unknown) => (isRef(ref) ? ref.name : '');
