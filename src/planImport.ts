/**
 * Importing a plan into another base: table and field ids differ from base to base, so every
 * reference is found again by the name kept beside its id. A reference is kept by id when that id
 * exists (the same base), else matched by exact name, else by name ignoring case and spaces.
 * What cannot be matched is left as it was (old id and name), so the validator names it and the
 * settings screen shows it next to its picker, and it is listed in the report.
 */
import {normalizeName} from './fieldMatch';
import type {LedgerState} from './ledger/state';
import type {LedgerMessage} from './ledger/messages';
import {versionForPeriod} from './period';
import type {PlanDocument, PlanVersion} from './plan';
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

/**
 * Whether two JSON values are the same, whatever the order of their keys (a file edited by hand
 * may list them in another order).
 *
 * @example sameJson({a: 1, b: [2]}, {b: [2], a: 1}) // true
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** A version's rules, without the dates it is in force: ending a frozen version to start a new one is allowed. */
function rulesOf(version: PlanVersion): Omit<PlanVersion, 'effectiveFrom' | 'effectiveTo'> {
  const {effectiveFrom: _from, effectiveTo: _to, ...rules} = version;
  return rules;
}

/**
 * What an imported plan would do to the plan versions closed periods were paid under (frozen at
 * close, docs/periods.md): remove one, change its rules, or no longer have it in force for one of
 * its closed periods. Each is a reason to refuse the import, in zh and en; none when the import
 * keeps every frozen version as it is (its end date may move, so that a new version follows it).
 * A frozen version the current plan no longer has cannot be compared and is not judged.
 *
 * @example frozenVersionChanges(current, imported, {periods: {'2026-01': {status: 'closed', frozenVersionId: 'v1'}}})
 * // [{key: 'ledger.import.frozenChanged', params: {version: '2026 标准版', periods: '2026-01'}}]
 */
export function frozenVersionChanges(current: PlanDocument, imported: PlanDocument, ledger: LedgerState): LedgerMessage[] {
  const closedBy = new Map<string, string[]>();
  for (const [periodId, state] of Object.entries(ledger.periods)) {
    if (state.status !== 'closed' || !state.frozenVersionId) continue;
    closedBy.set(state.frozenVersionId, [...(closedBy.get(state.frozenVersionId) ?? []), periodId]);
  }
  const messages: LedgerMessage[] = [];
  const labelOf = (periodId: string) => current.periods.find((p) => p.id === periodId)?.label ?? periodId;
  for (const [versionId, periodIds] of closedBy) {
    const frozen = current.versions.find((v) => v.id === versionId);
    if (!frozen) continue;
    const params = {version: frozen.label, paid: {count: periodIds.length, noun: 'ledger.n.paidUnder' as const, params: {periods: {list: periodIds.map(labelOf).sort()}}}};
    const incoming = Array.isArray(imported.versions) ? imported.versions.find((v) => v.id === versionId) : undefined;
    if (!incoming) {
      messages.push({key: 'ledger.import.frozenRemoved', params});
      continue;
    }
    if (!sameJson(rulesOf(frozen), rulesOf(incoming))) {
      messages.push({key: 'ledger.import.frozenChanged', params});
      continue;
    }
    // Each closed period must still be computed with it: its period (as the import has it, else as now) in its dates.
    const uncovered = periodIds.filter((periodId) => {
      const period = imported.periods?.find((p) => p.id === periodId) ?? current.periods.find((p) => p.id === periodId);
      return period !== undefined && versionForPeriod(imported, period)?.id !== versionId;
    });
    if (uncovered.length > 0) messages.push({key: 'ledger.import.frozenNotInForce', params: {version: frozen.label, periods: {count: uncovered.length, noun: 'ledger.n.closedPeriods', params: {periods: {list: uncovered.map(labelOf).sort()}}}}});
  }
  return messages;
}
