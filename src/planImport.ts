/**
 * Importing a plan into another base: table and field ids differ from base to base, so every
 * reference is found again by the name kept beside its id. A reference is kept by id when that id
 * exists (the same base), else matched by exact name, else by name ignoring case and spaces.
 * What cannot be matched is left as it was (old id and name), so the validator names it and the
 * settings screen shows it next to its picker, and it is listed in the report.
 */
import {normalizeName} from './fieldMatch';
import type {PlanDocument} from './plan';
import type {Issue} from './results';
import type {BaseSchema, FieldSchema, TableSchema} from './schema';
import {planIssue} from './validate';

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

type Loose = Record<string, unknown>;
const loose = (x: unknown): Loose => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Loose) : {});
const items = (x: unknown): Loose[] => (Array.isArray(x) ? x.map(loose) : []);
const nameOf = (ref: unknown) => (isRef(ref) ? ref.name : '');

/**
 * The plan with every table and field reference re-matched by name in this base, and a report of
 * what was matched and what was not. The input is not changed.
 *
 * @example rematchPlan(exported, schema).report.unmatched // [{path: 'mapping.sources[2].table', kind: 'table', name: '评价'}]
 */
export function rematchPlan(plan: PlanDocument, schema: BaseSchema): {plan: PlanDocument; report: ImportReport} {
  const copy = JSON.parse(JSON.stringify(plan ?? null)) as PlanDocument;
  const rematcher = new Rematcher(Array.isArray(schema?.tables) ? schema.tables : []);
  const mapping = loose(loose(copy).mapping);

  const people = loose(mapping.people);
  const peopleTableName = nameOf(people.table);
  const peopleTable = rematcher.table(people.table, 'mapping.people.table');
  for (const key of ['name', 'upline', 'team', 'tier', 'baseSalary', 'performancePayBase']) {
    rematcher.field(people[key], `mapping.people.${key}`, peopleTable, peopleTableName);
  }
  const results = loose(mapping.results);
  for (const key of Object.keys(results)) rematcher.field(results[key], `mapping.results.${key}`, peopleTable, peopleTableName);

  const sourceTables = new Map<string, {table: TableSchema | undefined; importedName: string}>();
  items(mapping.sources).forEach((source, i) => {
    const at = `mapping.sources[${i}]`;
    const importedName = nameOf(source.table);
    const table = rematcher.table(source.table, `${at}.table`);
    if (typeof source.id === 'string') sourceTables.set(source.id, {table, importedName});
    rematcher.field(source.participant, `${at}.participant`, table, importedName);
    rematcher.field(source.date, `${at}.date`, table, importedName);
  });

  items(loose(copy).versions).forEach((version, v) => {
    items(version.metrics).forEach((metric, m) => {
      const at = `versions[${v}].metrics[${m}]`;
      const source = loose(metric.source);
      if (source.kind === 'participant') {
        rematcher.field(source.field, `${at}.source.field`, peopleTable, peopleTableName);
      } else {
        const {table, importedName} = sourceTables.get(String(source.sourceId)) ?? {table: undefined, importedName: ''};
        rematcher.field(source.field, `${at}.source.field`, table, importedName);
        rematcher.field(loose(source.filter).field, `${at}.source.filter.field`, table, importedName);
        rematcher.field(loose(source.rateFilter).field, `${at}.source.rateFilter.field`, table, importedName);
      }
      const target = loose(metric.target);
      if (target.kind === 'participantField') rematcher.field(target.field, `${at}.target.field`, peopleTable, peopleTableName);
    });
  });

  return {plan: copy, report: rematcher.report};
}

/** The report's unmatched references as issues, in zh and en, at the path of their picker. */
export function importIssues(report: ImportReport): Issue[] {
  return report.unmatched.map((ref) =>
    ref.kind === 'table'
      ? planIssue('import.table.unmatched', 'error', ref.path, {name: ref.name})
      : planIssue('import.field.unmatched', 'error', ref.path, {name: ref.name, table: ref.tableName ?? ''}),
  );
}
