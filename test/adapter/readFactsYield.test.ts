/**
 * readFacts gives the browser turns while it converts a big table, reporting progress just before
 * each, and reads the same facts as without them. The clock is a counter, so no test waits.
 *
 * @jest-environment jsdom
 */
import {readFacts} from '../../frontend/adapter/readFacts';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const fixture = demoBase({reps: 20, orders: 400});
/** Tables in the order read: the people first, then the sources of demoPlan. */
const TABLES = [TABLE_IDS.reps, TABLE_IDS.orders, TABLE_IDS.customers, TABLE_IDS.reviews];
/** A load and a conversion per table. */
const STEPS = TABLES.length * 2;

/** A clock that moves a whole slice (40 ms) each time it is read: every look at it finds a turn due. */
function tickingClock() {
  let now = 0;
  return () => (now += 40);
}

type Event = {kind: 'progress'; fraction: number} | {kind: 'turn'};

describe('readFacts gives the browser turns', () => {
  it('turns in the middle of a table, reporting progress right before each turn', async () => {
    const events: Event[] = [];
    const read = await readFacts(createDriver(fixture).base, demoPlan(), (fraction) => events.push({kind: 'progress', fraction}), {
      now: tickingClock(),
      yieldToBrowser: async () => void events.push({kind: 'turn'}),
    });
    const turns = events.flatMap((event, i) => (event.kind === 'turn' ? [i] : []));
    // 400 orders, a look at the clock every 64 records: several turns inside the orders alone.
    expect(turns.length).toBeGreaterThanOrEqual(6);
    for (const i of turns) expect(events[i - 1]?.kind).toBe('progress');
    const fractions = events.flatMap((event) => (event.kind === 'progress' ? [event.fraction] : []));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions[fractions.length - 1]).toBe(1);
    // A turn inside the orders' conversion reports how far through the orders it is.
    const duringOrders = turns.map((i) => events[i - 1]).filter((e) => e.kind === 'progress' && e.fraction > 3 / STEPS && e.fraction < 4 / STEPS);
    expect(duringOrders.length).toBeGreaterThanOrEqual(3);
    expect(read.issues).toEqual([]);
  });

  it('reads the same facts as a read that never pauses', async () => {
    const driver = createDriver(fixture);
    const unpaced = await readFacts(driver.base, demoPlan(), undefined, {sliceMs: Infinity});
    const paced = await readFacts(driver.base, demoPlan(), undefined, {now: tickingClock(), yieldToBrowser: async () => undefined});
    expect(paced.facts).toEqual(unpaced.facts);
    expect(paced.current).toEqual(unpaced.current);
  });

  it('leaves out a record deleted while the read paused, without throwing', async () => {
    const driver = createDriver(fixture);
    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const lastOrder = fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!.records.at(-1)!.id;
    let latest = 0;
    let deleted = false;
    const read = await readFacts(driver.base, demoPlan(), (fraction) => (latest = fraction), {
      now: tickingClock(),
      yieldToBrowser: async () => {
        // Once the orders are loaded and partly converted, someone deletes the last one.
        if (!deleted && latest > 3 / STEPS && latest < 4 / STEPS) {
          deleted = true;
          await orders.deleteRecordAsync(lastOrder);
        }
      },
    });
    expect(deleted).toBe(true);
    const ids = read.facts.sources.orders.map((o) => o.id);
    expect(ids).not.toContain(lastOrder);
    expect(ids).toHaveLength(fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!.records.length - 1);
    expect(read.issues).toEqual([]);
  });

  /** A read that runs `change` at its first turn inside the orders' conversion. */
  async function readChangingOrders(driver: ReturnType<typeof createDriver>, change: () => Promise<void> | void, periodId?: string) {
    let latest = 0;
    let changed = false;
    const read = await readFacts(driver.base, demoPlan(), (fraction) => (latest = fraction), {
      periodId,
      now: tickingClock(),
      yieldToBrowser: async () => {
        if (!changed && latest > 3 / STEPS && latest < 4 / STEPS) {
          changed = true;
          await change();
        }
      },
    });
    expect(changed).toBe(true);
    return read;
  }

  it('reads a field deleted while the read paused as missing from the start, and says so', async () => {
    const driver = createDriver(fixture);
    const read = await readChangingOrders(driver, () => driver.deleteFieldAsync(TABLE_IDS.orders, FIELD_IDS.orders.amount));
    expect(read.issues.map((i) => [i.code, i.tableId, i.fieldId])).toEqual([['adapter.read.fieldMissing', TABLE_IDS.orders, FIELD_IDS.orders.amount]]);
    expect(read.issues[0].message.zh).toContain('订单金额');
    // The same facts as a read that began after the deletion: no order keeps an amount read before it.
    const after = await readFacts(driver.base, demoPlan());
    expect(read.facts).toEqual(after.facts);
    expect(read.facts.sources.orders.every((o) => Object.keys(o.values).length === 0)).toBe(true);
  });

  it('under a period, counts the records left out once, however often the table is read', async () => {
    const driver = createDriver(fixture);
    const periodId = demoPlan().periods.at(-1)!.id;
    const read = await readChangingOrders(driver, () => driver.deleteFieldAsync(TABLE_IDS.orders, FIELD_IDS.orders.amount), periodId);
    const after = await readFacts(driver.base, demoPlan(), undefined, {periodId});
    expect(read.facts).toEqual(after.facts);
    expect(read.facts.leftOut?.orders.outsidePeriod).toBeGreaterThan(0);
  });

  it('under a period, reads every record of a source whose date field was deleted while the read paused', async () => {
    const driver = createDriver(fixture);
    const periodId = demoPlan().periods.at(-1)!.id;
    const read = await readChangingOrders(driver, () => driver.deleteFieldAsync(TABLE_IDS.orders, FIELD_IDS.orders.date), periodId);
    expect(read.issues.map((i) => [i.code, i.fieldId])).toEqual([['adapter.read.fieldMissing', FIELD_IDS.orders.date]]);
    // Without a date nothing is outside the period: no count is left for the engine to add.
    expect(read.facts.leftOut).not.toHaveProperty('orders');
    expect(read.facts.sources.orders).toHaveLength(fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!.records.length);
    expect(read.facts).toEqual((await readFacts(driver.base, demoPlan(), undefined, {periodId})).facts);
  });

  it('reports a table deleted while the read paused and keeps nothing of it', async () => {
    const driver = createDriver(fixture);
    const read = await readChangingOrders(driver, () => {
      driver.deleteTable(TABLE_IDS.orders);
      driver.deleteTable(TABLE_IDS.reviews);
    });
    expect(read.issues.map((i) => [i.code, i.tableId])).toEqual([
      ['adapter.read.tableMissing', TABLE_IDS.orders],
      ['adapter.read.tableMissing', TABLE_IDS.reviews],
    ]);
    expect(read.facts.sources.orders).toBeUndefined();
    expect(read.facts.sources.reviews).toBeUndefined();
    expect(read.facts.sources.customers.length).toBeGreaterThan(0);
    expect(read.facts.participants.length).toBeGreaterThan(0);
  });
});
