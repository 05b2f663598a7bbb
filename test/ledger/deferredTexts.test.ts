/** @jest-environment jsdom */
/**
 * The results table's long texts (breakdown, feedback, statement) are made when read, not kept
 * (src/ledger/cells.ts DEFERRED_LEDGER_KEYS): the rows a first refresh creates must be written
 * exactly as when every text was kept as a string, in the same cells, in the same order, an
 * empty feedback left out as before.
 */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {applyUpsert, createResultsTable, readResultRows, resolveResultsTable, writeLimiter} from '../../frontend/adapter/resultsTable';
import {runPlan} from '../../src/engine';
import {feedbackLines} from '../../src/i18n/results';
import {adjustedComputedRows} from '../../src/ledger/adjustments';
import type {ComputedRow} from '../../src/ledger/upsert';
import {planUpsert} from '../../src/ledger/upsert';
import {versionForPeriod} from '../../src/period';
import type {ParticipantResult} from '../../src/results';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

jest.setTimeout(60_000);

const plan = demoPlan();
const PERIOD = '2026-02';
const fixture = demoBase({reps: 60, orders: 600});

interface Mutation {
  type: string;
  records?: {cellValuesByFieldId: Record<string, unknown>}[];
}

/** The results table's rows as the store holds them, by field name, in creation order. */
function storedRows(driver: TestDriver, tableId: string): Record<string, unknown>[] {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  return table.records.map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])));
}

/** One person with no feedback at all: the cell is left out of a created row, not written empty. */
function withoutFeedback(results: readonly ParticipantResult[]): ParticipantResult[] {
  return results.map((result, index) => (index === 0 ? {...result, feedback: {strengths: [], weakest: []}} : result));
}

/** A first refresh of the period into a new results table, from `computed` as given. */
async function firstRefresh(asComputed: (rows: ComputedRow[]) => ComputedRow[]) {
  const driver = createDriver(fixture);
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  const period = plan.periods.find((p) => p.id === PERIOD)!;
  const read = await readFacts(driver.base, plan, undefined, {periodId: PERIOD});
  const results = withoutFeedback(runPlan(plan, PERIOD, read.facts).results);
  const context = {
    lang: 'zh' as const,
    calculatedAt: '2026-04-15T08:00:00.000Z',
    versionLabel: versionForPeriod(plan, period)!.label,
    statement: {planName: plan.name, period: {id: period.id, label: period.label}, currency: plan.currency},
  };
  const computed = asComputed(adjustedComputedRows(results, {people: new Map()}, context, plan.currency));
  const {resolved} = resolveResultsTable(driver.base, created.mapping, TABLE_IDS.reps);
  const rows = await readResultRows(resolved!, PERIOD);
  const upsert = planUpsert({period, state: undefined, today: '2026-04-15', computed, rows, keys: resolved!.keys});
  const mutations: Mutation[] = [];
  driver.watch('mutation', (m) => mutations.push(m as unknown as Mutation));
  let now = 0;
  const outcome = await applyUpsert(resolved!, upsert, {lang: 'zh', limiter: writeLimiter(() => now, async (ms) => void (now += ms))});
  return {results, upsert, outcome, mutations, stored: storedRows(driver, created.mapping.table.id)};
}

/** Every cell a plain value, as `ledgerCells` kept them before the texts were deferred. */
const keptTexts = (rows: ComputedRow[]): ComputedRow[] => rows.map((row) => ({...row, cells: {...row.cells}}));

describe('the long texts of created results rows', () => {
  it('are written exactly as when kept as text, the empty feedback left out', async () => {
    const deferred = await firstRefresh((rows) => rows);
    const kept = await firstRefresh(keptTexts);

    // The created rows hold getters, not texts...
    const create = deferred.upsert.creates[1];
    for (const key of ['breakdown', 'feedback', 'statement'] as const) {
      expect(typeof Object.getOwnPropertyDescriptor(create.cells, key)?.get).toBe('function');
    }
    expect(typeof Object.getOwnPropertyDescriptor(kept.upsert.creates[1].cells, 'statement')?.value).toBe('string');

    // ...and read and write the same texts, cell for cell, in the same order.
    expect(deferred.upsert.creates).toHaveLength(60);
    expect(JSON.stringify(deferred.upsert.creates)).toBe(JSON.stringify(kept.upsert.creates));
    expect(deferred.outcome.createdRecordIds).toHaveLength(60);
    // Field ids differ between the two bases (each made its table): compared by field name.
    expect(deferred.mutations.map((m) => [m.type, m.records?.length])).toEqual(kept.mutations.map((m) => [m.type, m.records?.length]));
    expect(deferred.stored).toEqual(kept.stored);

    // The texts themselves: a statement and a breakdown for everyone, feedback where there is any.
    const byName = deferred.stored;
    expect(byName.every((row) => typeof row['绩效单'] === 'string' && (row['绩效单'] as string).length > 100)).toBe(true);
    expect(byName.every((row) => typeof row['绩效明细'] === 'string' && (row['绩效明细'] as string).length > 0)).toBe(true);
    expect(byName[0]['反馈'] ?? null).toBeNull();
    expect(byName[1]['反馈']).toBe(feedbackLines(deferred.results[1].feedback, 'zh').filter((line) => line !== '').join('\n'));
  });
});
