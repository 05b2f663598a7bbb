/**
 * The platform's floor for reading: load each table the plan maps, with only its mapped fields,
 * and read every mapped cell once. No conversion, no engine: whatever a refresh spends beyond
 * this (and beyond the minimum write time) is ours.
 */
import type {Base, Table} from '@airtable/blocks/models';
import type {FieldRef, PlanDocument} from '../src/plan';

/** Field ids per table id: exactly the cells a refresh needs (inputs and current results). */
export function mappedFields(plan: PlanDocument): Map<string, Set<string>> {
  const byTable = new Map<string, Set<string>>();
  const add = (tableId: string | undefined, ref: FieldRef | undefined) => {
    if (!tableId || !ref?.id) return;
    const fields = byTable.get(tableId) ?? new Set<string>();
    fields.add(ref.id);
    byTable.set(tableId, fields);
  };
  const people = plan.mapping.people;
  if (people) {
    for (const ref of [people.name, people.upline, people.team, people.tier, people.baseSalary, people.performancePayBase]) add(people.table.id, ref);
    for (const ref of Object.values(plan.mapping.results)) add(people.table.id, ref);
  }
  // The results table's rows are read too (a refresh reads the period's rows to diff them).
  const ledger = plan.mapping.resultsTable;
  if (ledger) for (const ref of Object.values(ledger.fields)) add(ledger.table.id, ref);
  const sourceTable = new Map(plan.mapping.sources.map((source) => [source.id, source.table.id]));
  for (const source of plan.mapping.sources) {
    add(source.table.id, source.participant);
    add(source.table.id, source.date);
  }
  for (const metric of plan.versions.flatMap((version) => version.metrics)) {
    if (metric.source.kind === 'participant') add(people?.table.id, metric.source.field);
    if (metric.target.kind === 'participantField') add(people?.table.id, metric.target.field);
    if (metric.source.kind !== 'source') continue;
    const tableId = sourceTable.get(metric.source.sourceId);
    for (const ref of [metric.source.field, metric.source.filter?.field, metric.source.rateFilter?.field]) add(tableId, ref);
  }
  return byTable;
}

export interface FloorRead {
  tables: number;
  records: number;
  cells: number;
  /** Non-empty cells seen: returned so that no engine can skip the reads as dead code. */
  filled: number;
  /** The loads alone (the SDK building its record store), and the slowest table's. */
  loadMs: number;
  slowestLoad: {table: string; ms: number} | null;
}

type Query = Awaited<ReturnType<Table['selectRecordsAsync']>>;

export interface LoadedTables {
  queries: {ids: string[]; query: Query}[];
  /** Time each table's load took, by table name: the SDK's share of a read. */
  loadMs: {table: string; ms: number}[];
  unload(): void;
}

/**
 * Loads every mapped table with its mapped fields (the people table's primary field too, as
 * readFacts does for names) and keeps it loaded until `unload`.
 */
export async function loadMapped(base: Base, plan: PlanDocument): Promise<LoadedTables> {
  const queries: LoadedTables['queries'] = [];
  const loadMs: LoadedTables['loadMs'] = [];
  const unload = () => {
    for (const {query} of queries) query.unloadData();
  };
  try {
    for (const [tableId, fieldIds] of mappedFields(plan)) {
      const table = base.getTableByIdIfExists(tableId);
      if (!table) continue;
      if (tableId === plan.mapping.people?.table.id) fieldIds.add(table.primaryField.id);
      const ids = [...fieldIds].filter((id) => table.getFieldByIdIfExists(id));
      const started = performance.now();
      queries.push({ids, query: await table.selectRecordsAsync({fields: ids})});
      loadMs.push({table: table.name, ms: performance.now() - started});
    }
  } catch (error) {
    unload();
    throw error;
  }
  return {queries, loadMs, unload};
}

/** Loads the mapped tables, reads every mapped cell once, unloads. */
export async function readFloor(base: Base, plan: PlanDocument): Promise<FloorRead> {
  const out: FloorRead = {tables: 0, records: 0, cells: 0, filled: 0, loadMs: 0, slowestLoad: null};
  const loaded = await loadMapped(base, plan);
  for (const load of loaded.loadMs) {
    out.loadMs += load.ms;
    if (!out.slowestLoad || load.ms > out.slowestLoad.ms) out.slowestLoad = load;
  }
  try {
    out.tables = loaded.queries.length;
    for (const {ids, query} of loaded.queries) {
      for (const record of query.records) {
        out.records++;
        for (const id of ids) {
          out.cells++;
          if (record.getCellValue(id) !== null) out.filled++;
        }
      }
    }
  } finally {
    loaded.unload();
  }
  return out;
}
