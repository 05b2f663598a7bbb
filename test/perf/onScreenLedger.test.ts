/** @jest-environment jsdom */
/**
 * A first refresh into the results table, handed the preview on screen: the rows it creates make
 * their long texts from the shown preview's results, not from the refresh's own copies (which
 * would stay alive beside the shown ones through the whole write), and the base ends up exactly
 * as after a refresh without the preview on screen.
 */
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable} from '../../frontend/adapter/resultsTable';
import {computePreview, refresh, type RunContext} from '../../frontend/run/pipeline';
import type {PlanDocument} from '../../src/plan';
import type {ParticipantResult} from '../../src/results';
import type {FixtureData} from '../../sim/fixture';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

jest.setTimeout(60_000);

const PERIOD = '2026-02';
const PREVIEWED: RunContext = {now: new Date('2026-04-02T03:04:05.000Z'), timeZone: 'Asia/Shanghai', lang: 'zh', confirmedEmpty: true};
const REFRESHED: RunContext = {...PREVIEWED, now: new Date('2026-04-02T03:06:05.000Z')};

async function withResultsTable(fixture: FixtureData): Promise<{driver: TestDriver; plan: PlanDocument; tableId: string}> {
  const driver = createDriver(fixture);
  const plan = demoPlan();
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('results table not created');
  return {driver, plan: {...plan, mapping: {...plan.mapping, resultsTable: created.mapping}}, tableId: created.mapping.table.id};
}

/** The result a created row's deferred texts are made from (the hidden source src/ledger/cells.ts attaches). */
function sourceResult(cells: object): ParticipantResult {
  const symbol = Object.getOwnPropertySymbols(cells)[0];
  return (cells as Record<symbol, {result: ParticipantResult}>)[symbol].result;
}

/** The results table's rows by field name (each created table has its own field ids), in creation order. */
function storedRows(driver: TestDriver, tableId: string): Record<string, unknown>[] {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((field) => [field.id, field.name]));
  return table.records.map((record) => Object.fromEntries(Object.entries(record.cellValuesByFieldId).map(([id, value]) => [nameOf.get(id)!, value])));
}

describe('a first refresh into the results table, handed the preview on screen', () => {
  it('makes the created rows texts from the shown results, and writes what a refresh without it writes', async () => {
    const fixture = demoBase({reps: 30, orders: 300});
    const {driver, plan, tableId} = await withResultsTable(fixture);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', PREVIEWED);
    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;

    const creates = outcome.preview.ledger!.upsert.creates;
    expect(creates.length).toBe(30);
    const shownResults = new Map(shown.run.results.map((result) => [result.participantId, result]));
    for (const create of creates) {
      expect(sourceResult(create.cells)).toBe(shownResults.get(create.participantId));
      // The row itself is the refresh's own: its calculation time is the refresh's.
      expect(create.cells.calculatedAt).toBe(REFRESHED.now.toISOString());
    }

    const without = await withResultsTable(fixture);
    const alone = await refresh(without.driver.base, without.plan, PERIOD, 'r', REFRESHED);
    expect(alone.kind).toBe('written');
    expect(storedRows(driver, tableId)).toEqual(storedRows(without.driver, without.tableId));
    expect(storedRows(driver, tableId).length).toBe(30);
  });
});
