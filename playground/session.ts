import {demoBase, type DemoSize} from '../sim/demoBase';
import {createDriver, snapshotFixture} from '../sim/driver';
import type {DemoSession} from './Playground';

let sessions = 0;

/**
 * A fresh demo base of this size under a fresh simulated SDK (with the write-through shim, so the
 * grid reads back what the extension wrote). The generator's default seed every time: "reset"
 * brings back exactly the base the page opened with.
 */
export function openDemoSession(size: DemoSize): DemoSession {
  const driver = createDriver(demoBase({size}));
  sessions += 1;
  return {key: sessions, driver, readTables: () => snapshotFixture(driver).base.tables};
}
