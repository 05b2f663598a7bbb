/**
 * The whole read -> compute -> diff -> write path, headless, over a simulated base: the same
 * functions the run view calls (readFacts, runPlan, planWrites, writeResults), for the reliability
 * tests that must see what reaches the base. Rate limiting is real but its sleep is skipped, so
 * a test never waits on the clock.
 */
import type TestDriver from '@airtable/blocks-testing';
import type {FixtureData} from '../../sim/fixture';
import {readFacts, type ReadResult} from '../../frontend/adapter/readFacts';
import {writeResults, type WriteOutcome} from '../../frontend/adapter/writeResults';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {planWrites, type WritePlan} from '../../src/writeback';

export interface PathRun {
  read: ReadResult;
  run: RunResult;
  writes: WritePlan;
  outcome: WriteOutcome;
}

/** One refresh of `periodId`, as the extension does it, stamped with a fixed time. */
export async function refreshHeadless(driver: TestDriver, plan: PlanDocument, periodId: string, calculatedAt = '2026-04-01T08:00:00.000Z'): Promise<PathRun> {
  const read = await readFacts(driver.base, plan);
  const run = runPlan(plan, periodId, read.facts);
  const writes = planWrites(run, plan, read.current, {lang: 'zh', calculatedAt, fields: read.resultFields});
  const table = driver.base.getTableById(plan.mapping.people!.table.id);
  let clock = 0;
  const outcome = await writeResults(table, writes.updates, {now: () => clock, sleep: async (ms) => void (clock += ms)});
  return {read, run, writes, outcome};
}

/** Every cell write the driver receives, in order (globalConfig writes are not base data). */
export function watchCellWrites(driver: TestDriver): {tableId: string; records: {id: string; cellValuesByFieldId: Record<string, unknown>}[]}[] {
  const writes: {tableId: string; records: {id: string; cellValuesByFieldId: Record<string, unknown>}[]}[] = [];
  driver.watch('mutation', (mutation) => {
    if (mutation.type === 'setMultipleRecordsCellValues') writes.push(mutation as unknown as (typeof writes)[number]);
  });
  return writes;
}

export interface CellDifference {
  tableId: string;
  recordId: string;
  fieldId: string;
  before: unknown;
  after: unknown;
}

/**
 * Every cell that differs between two snapshots of a base, plus every table, field (with its
 * type and options) and record that appeared or vanished, as differences of their own.
 */
export function diffBases(before: FixtureData, after: FixtureData): CellDifference[] {
  const out: CellDifference[] = [];
  const json = (x: unknown) => JSON.stringify(x ?? null);
  const tablesAfter = new Map(after.base.tables.map((t) => [t.id, t]));
  for (const table of before.base.tables) {
    const other = tablesAfter.get(table.id);
    if (!other) {
      out.push({tableId: table.id, recordId: '*', fieldId: '*', before: 'table', after: null});
      continue;
    }
    if (json(table.fields) !== json(other.fields)) out.push({tableId: table.id, recordId: '*', fieldId: 'fields', before: table.fields, after: other.fields});
    const recordsAfter = new Map(other.records.map((r) => [r.id, r]));
    if (other.records.length !== table.records.length) out.push({tableId: table.id, recordId: '*', fieldId: 'count', before: table.records.length, after: other.records.length});
    for (const record of table.records) {
      const next = recordsAfter.get(record.id);
      if (!next) {
        out.push({tableId: table.id, recordId: record.id, fieldId: '*', before: 'record', after: null});
        continue;
      }
      const fieldIds = new Set([...Object.keys(record.cellValuesByFieldId), ...Object.keys(next.cellValuesByFieldId)]);
      for (const fieldId of fieldIds) {
        const a = record.cellValuesByFieldId[fieldId];
        const b = next.cellValuesByFieldId[fieldId];
        if (json(a) !== json(b)) out.push({tableId: table.id, recordId: record.id, fieldId, before: a, after: b});
      }
    }
  }
  for (const table of after.base.tables) if (!before.base.tables.some((t) => t.id === table.id)) out.push({tableId: table.id, recordId: '*', fieldId: '*', before: null, after: 'table'});
  return out;
}
