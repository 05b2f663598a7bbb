import type TestDriver from '@airtable/blocks-testing';
import {demoBase, type DemoSize} from '../sim/demoBase';
import {createDriver} from '../sim/driver';
import {GRID_ROW_LIMIT, type GridTable} from './BaseGrid';
import type {DemoSession} from './Playground';

type StoredRecord = GridTable['records'][number];

/**
 * The simulated base's record store: what Airtable's own grid would show, written to by the
 * write-through shim of sim/driver.ts. Read directly rather than through snapshotFixture, which
 * copies every record of every table (seconds on a 200k-order base) when the grid shows 200 rows.
 */
function recordStore(driver: TestDriver): Record<string, Record<string, StoredRecord>> {
  return (driver as unknown as {_airtableInterface: {_recordDataStore: {tables: Record<string, Record<string, StoredRecord>>}}})
    ._airtableInterface._recordDataStore.tables;
}

/** Every table with its current fields (from the SDK, so fields the extension creates appear) and first rows. */
export function readGridTables(driver: TestDriver): GridTable[] {
  const store = recordStore(driver);
  return driver.base.tables.map((table) => {
    const stored = store[table.id] ?? {};
    const records: StoredRecord[] = [];
    let recordCount = 0;
    for (const id in stored) {
      if (records.length < GRID_ROW_LIMIT) records.push(stored[id]);
      recordCount += 1;
    }
    return {
      id: table.id,
      name: table.name,
      fields: table.fields.map((field) => ({id: field.id, name: field.name, type: field.type, options: field.options})),
      records,
      recordCount,
    };
  });
}

let sessions = 0;

/**
 * A fresh demo base of this size under a fresh simulated SDK (with the write-through shim, so the
 * grid reads back what the extension wrote). The generator's default seed every time: "reset"
 * brings back exactly the base the page opened with (in the same month).
 */
export function openDemoSession(size: DemoSize): DemoSession {
  // The activity ends in the current month, so the run view's default period (the one containing
  // today) shows data whenever the playground is opened.
  const now = new Date();
  const endMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const driver = createDriver(demoBase({size, endMonth}));
  sessions += 1;
  return {key: sessions, driver, readTables: () => readGridTables(driver)};
}
