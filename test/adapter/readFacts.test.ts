/** @jest-environment jsdom */
import type {Table} from '@airtable/blocks/models';
import {readFacts, toFact} from '../../frontend/adapter/readFacts';
import {demoBase, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const F = FIELD_IDS;
const fixture = demoBase({reps: 20, orders: 400});
const tableOf = (id: string) => fixture.base.tables.find((t) => t.id === id)!;

/** Records every selectRecordsAsync call and whether its query was unloaded (query objects are frozen: spy on their class). */
function spyOnQueries(tables: Table[]) {
  const calls: {tableId: string; fields: string[]; query: object; stillLoaded: number}[] = [];
  let unloads: jest.SpyInstance | null = null;
  const unloaded = (query: object) => (unloads?.mock.contexts ?? []).includes(query);
  for (const table of tables) {
    const original = table.selectRecordsAsync.bind(table);
    jest.spyOn(table, 'selectRecordsAsync').mockImplementation(async (opts) => {
      // How many earlier queries were still loaded when this one was asked for.
      const stillLoaded = calls.filter((c) => !unloaded(c.query)).length;
      const query = await original(opts);
      unloads ??= jest.spyOn(Object.getPrototypeOf(query), 'unloadData');
      calls.push({tableId: table.id, fields: (opts?.fields ?? []) as string[], query, stillLoaded});
      return query;
    });
  }
  return {calls, unloaded};
}

describe('readFacts on the demo base', () => {
  it('converts participants and source records as the engine expects', async () => {
    const {facts, issues} = await readFacts(createDriver(fixture).base, demoPlan());
    expect(issues).toEqual([]);
    const reps = tableOf(TABLE_IDS.reps).records;
    expect(facts.participants).toHaveLength(reps.length);
    const leaf = reps[reps.length - 1];
    const leafFact = facts.participants.find((p) => p.id === leaf.id)!;
    const leafCells = leaf.cellValuesByFieldId;
    expect(leafFact).toEqual({
      id: leaf.id,
      name: leafCells[F.reps.name],
      uplineId: (leafCells[F.reps.upline] as {id: string}[])[0].id,
      team: (leafCells[F.reps.team] as {name: string}).name,
      tier: (leafCells[F.reps.tier] as {name: string}).name,
      baseSalary: leafCells[F.reps.baseSalary],
      performancePayBase: leafCells[F.reps.performancePayBase],
      fields: {},
    });
    expect(facts.participants[0].uplineId).toBeNull();

    const orders = tableOf(TABLE_IDS.orders).records;
    expect(facts.sources.orders).toHaveLength(orders.length);
    const first = facts.sources.orders.find((o) => o.id === orders[0].id)!;
    expect(first).toEqual({
      id: orders[0].id,
      participantIds: [(orders[0].cellValuesByFieldId[F.orders.rep] as {id: string}[])[0].id],
      date: orders[0].cellValuesByFieldId[F.orders.date],
      values: {[F.orders.amount]: orders[0].cellValuesByFieldId[F.orders.amount]},
    });
    const orphan = orders.find((o) => o.cellValuesByFieldId[F.orders.rep] === null)!;
    expect(facts.sources.orders.find((o) => o.id === orphan.id)!.participantIds).toEqual([]);

    const customer = tableOf(TABLE_IDS.customers).records[0];
    const customerFact = facts.sources.customers.find((c) => c.id === customer.id)!;
    expect(customerFact.values[F.customers.source]).toBe((customer.cellValuesByFieldId[F.customers.source] as {name: string}).name);
    const review = tableOf(TABLE_IDS.reviews).records[0];
    expect(facts.sources.reviews.find((r) => r.id === review.id)!.values[F.reviews.satisfaction]).toBe(
      review.cellValuesByFieldId[F.reviews.satisfaction],
    );
  });

  it('loads each mapped table once, with only the mapped fields, and unloads it', async () => {
    const driver = createDriver(fixture);
    const {calls, unloaded} = spyOnQueries(driver.base.tables);
    const plan = demoPlan();
    // A second source over the orders table, read by a metric of a later version, must not load it again.
    plan.mapping.sources.push({...plan.mapping.sources[0], id: 'ordersAgain'});
    const later: typeof plan.versions[0] = JSON.parse(JSON.stringify(plan.versions[0]));
    later.id = 'v2';
    later.effectiveFrom = '2026-07-01';
    later.metrics[0].source = {kind: 'source', sourceId: 'ordersAgain', aggregation: 'count'};
    plan.versions.push(later);
    const {facts} = await readFacts(driver.base, plan);
    expect(facts.sources.ordersAgain.map((o) => [o.id, o.participantIds, o.date])).toEqual(facts.sources.orders.map((o) => [o.id, o.participantIds, o.date]));
    expect(calls.map((c) => c.tableId).sort()).toEqual([TABLE_IDS.customers, TABLE_IDS.orders, TABLE_IDS.reps, TABLE_IDS.reviews].sort());
    const fieldsOf = (tableId: string) => calls.find((c) => c.tableId === tableId)!.fields.sort();
    // A source's primary field too: a warning names its records by it (order number, customer name).
    expect(fieldsOf(TABLE_IDS.orders)).toEqual([F.orders.number, F.orders.rep, F.orders.date, F.orders.amount].sort());
    expect(fieldsOf(TABLE_IDS.customers)).toEqual([F.customers.name, F.customers.owner, F.customers.created, F.customers.source].sort());
    expect(fieldsOf(TABLE_IDS.reps)).toContain(F.reps.calculatedAt);
    expect(fieldsOf(TABLE_IDS.reps)).not.toContain(F.reps.joined);
    expect(calls.every((c) => unloaded(c.query))).toBe(true);
    // One table at a time: each is unloaded before the next is loaded, the people table first.
    expect(calls.map((c) => c.stillLoaded)).toEqual(calls.map(() => 0));
    expect(calls[0].tableId).toBe(TABLE_IDS.reps);
  });

  it('does not load a mapped source that no metric of any version reads, and unloads every query', async () => {
    const driver = createDriver(fixture);
    const {calls, unloaded} = spyOnQueries(driver.base.tables);
    const plan = demoPlan();
    plan.versions[0].metrics = plan.versions[0].metrics.filter((m) => m.id !== 'satisfaction');
    const {facts, issues} = await readFacts(driver.base, plan);
    expect(calls.map((c) => c.tableId).sort()).toEqual([TABLE_IDS.customers, TABLE_IDS.orders, TABLE_IDS.reps].sort());
    expect(calls.every((c) => unloaded(c.query))).toBe(true);
    expect(issues).toEqual([]);
    expect(facts.sources.reviews).toBeUndefined();
    expect(facts.sources.orders).toHaveLength(tableOf(TABLE_IDS.orders).records.length);
  });

  it('reads a plan whose unread source table was deleted without any issue', async () => {
    const driver = createDriver(fixture);
    driver.deleteTable(TABLE_IDS.reviews);
    const plan = demoPlan();
    plan.versions[0].metrics = plan.versions[0].metrics.filter((m) => m.id !== 'satisfaction');
    const {facts, issues} = await readFacts(driver.base, plan);
    expect(issues).toEqual([]);
    expect(facts.participants).toHaveLength(tableOf(TABLE_IDS.reps).records.length);
    expect(facts.sources.customers).toHaveLength(tableOf(TABLE_IDS.customers).records.length);
  });

  it('keeps a source whose metric weighs 0, since an honour or bonus may still read it', async () => {
    const driver = createDriver(fixture);
    const {calls} = spyOnQueries(driver.base.tables);
    const plan = demoPlan();
    plan.versions[0].metrics.find((m) => m.id === 'satisfaction')!.weight = '0';
    const {facts} = await readFacts(driver.base, plan);
    expect(calls.map((c) => c.tableId)).toContain(TABLE_IDS.reviews);
    expect(facts.sources.reviews).toHaveLength(tableOf(TABLE_IDS.reviews).records.length);
  });

  it('returns the current result cells and the result field schemas', async () => {
    const driver = createDriver(fixture);
    const reps = driver.base.getTableById(TABLE_IDS.reps);
    const someone = tableOf(TABLE_IDS.reps).records[3].id;
    await reps.updateRecordsAsync([{id: someone, fields: {[F.reps.totalScore]: 91.25, [F.reps.grade]: {name: 'A'}}}]);
    const {current, resultFields} = await readFacts(driver.base, demoPlan());
    expect(current.get(someone)![F.reps.totalScore]).toBe(91.25);
    expect((current.get(someone)![F.reps.grade] as {name: string}).name).toBe('A');
    expect(current.get(tableOf(TABLE_IDS.reps).records[0].id)![F.reps.totalScore]).toBeNull();
    expect(resultFields[F.reps.grade]).toMatchObject({type: 'singleSelect', choices: ['S', 'A', 'B', 'C', 'D']});
    expect(Object.keys(resultFields)).toHaveLength(12);
  });

  it('reports a deleted table or field by its kept name instead of throwing', async () => {
    const driver = createDriver(fixture);
    driver.deleteTable(TABLE_IDS.reviews);
    await driver.deleteFieldAsync(TABLE_IDS.orders, F.orders.amount);
    const {facts, issues} = await readFacts(driver.base, demoPlan());
    expect(issues.map((i) => [i.code, i.tableId, i.fieldId])).toEqual([
      ['adapter.read.fieldMissing', TABLE_IDS.orders, F.orders.amount],
      ['adapter.read.tableMissing', TABLE_IDS.reviews, undefined],
    ]);
    expect(issues[0].message.zh).toContain('订单金额');
    expect(issues[0].message.en).toContain('订单金额');
    expect(issues[1].message.zh).toContain('客户评价');
    expect(facts.sources.reviews).toBeUndefined();
    expect(facts.sources.orders.length).toBeGreaterThan(0);
    expect(facts.sources.orders[0].values).toEqual({});
  });

  it('passes bad cells of the messy base through for the engine to report', async () => {
    const messy = demoBase({reps: 20, orders: 100, messy: true});
    const {facts, issues} = await readFacts(createDriver(messy).base, demoPlan());
    expect(issues).toEqual([]);
    const order = (id: string) => facts.sources.orders.find((o) => o.id === id)!;
    expect(order(MESSY_IDS.textAmount).values[F.orders.amount]).toBe('一千二百');
    expect(order(MESSY_IDS.emptyAmount).values[F.orders.amount]).toBeNull();
    expect(order(MESSY_IDS.hugeAmount).values[F.orders.amount]).toBe(1e15);
    expect(order(MESSY_IDS.noDate).date).toBeNull();
    expect(order(MESSY_IDS.twoReps).participantIds).toHaveLength(2);
    const rep = (id: string) => facts.participants.find((p) => p.id === id)!;
    expect(rep(MESSY_IDS.selfUpline).uplineId).toBe(MESSY_IDS.selfUpline);
    expect(rep(MESSY_IDS.ghostUpline).uplineId).toBe(MESSY_IDS.deletedRep);
    expect(rep(MESSY_IDS.intern).tier).toBe('实习');
    expect(rep(MESSY_IDS.intern).baseSalary).toBeNull();
    expect(facts.sources.reviews.find((r) => r.id === MESSY_IDS.ratingOutOfScale)!.values[F.reviews.satisfaction]).toBe(7);
  });

  it('finds participants by name when the source names them in a text field', async () => {
    const base = demoBase({reps: 5, orders: 10});
    const orders = base.base.tables.find((t) => t.id === TABLE_IDS.orders)!;
    orders.fields.find((f) => f.id === F.orders.rep)!.type = 'singleLineText' as never;
    orders.fields.find((f) => f.id === F.orders.rep)!.options = null;
    for (const r of orders.records) {
      const link = r.cellValuesByFieldId[F.orders.rep] as {name: string}[] | null;
      r.cellValuesByFieldId[F.orders.rep] = link ? link[0].name : null;
    }
    const {facts} = await readFacts(createDriver(base).base, demoPlan());
    const linked = orders.records.find((r) => r.cellValuesByFieldId[F.orders.rep] !== null)!;
    const byName = new Map(facts.participants.map((p) => [p.name, p.id]));
    expect(facts.sources.orders.find((o) => o.id === linked.id)!.participantIds).toEqual([byName.get(linked.cellValuesByFieldId[F.orders.rep] as string)]);
  });

  it("shares one frozen participant list among a rep's records instead of one list per record", async () => {
    const {facts} = await readFacts(createDriver(fixture).base, demoPlan());
    const orders = facts.sources.orders.filter((order) => order.participantIds.length > 0);
    const byRep = new Map<string, Set<string[]>>();
    for (const order of orders) {
      expect(order.participantIds).toHaveLength(1);
      const lists = byRep.get(order.participantIds[0]) ?? new Set();
      byRep.set(order.participantIds[0], lists.add(order.participantIds));
    }
    // Some rep has several orders, and every rep's orders hold the very same list.
    expect(orders.length).toBeGreaterThan(byRep.size);
    for (const lists of byRep.values()) expect(lists.size).toBe(1);
    expect(Object.isFrozen(orders[0].participantIds)).toBe(true);
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    await readFacts(createDriver(fixture).base, demoPlan(), (f) => fractions.push(f));
    expect(fractions.length).toBeGreaterThanOrEqual(4);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('toFact', () => {
  it('normalises SDK cell values by field type', () => {
    expect(toFact({id: 'sel1', name: '资深', color: 'blue'}, 'singleSelect')).toBe('资深');
    expect(toFact([{id: 'rec1', name: '王伟'}, {id: 'rec2', name: '李娜'}], 'multipleRecordLinks')).toEqual(['rec1', 'rec2']);
    expect(toFact(null, 'multipleRecordLinks')).toBeNull();
    expect(toFact(null, 'checkbox')).toBe(false);
    expect(toFact(true, 'checkbox')).toBe(true);
    expect(toFact(12.5, 'currency')).toBe(12.5);
    expect(toFact('一千', 'currency')).toBe('一千');
    expect(toFact('2026-02-03', 'date')).toBe('2026-02-03');
    expect(toFact([{id: 's1', name: 'x'}, {id: 's2', name: 'y'}], 'multipleSelects')).toEqual(['x', 'y']);
    // Lookups in the SDK's read format: one {linkedRecordId, value} per linked record, each value
    // in the looked-up field's own format, whose type `options.result` gives.
    expect(toFact([{linkedRecordId: 'recO1', value: 42}], 'multipleLookupValues', {result: {type: 'number'}})).toBe(42);
    expect(toFact([{linkedRecordId: 'recT1', value: {id: 'sel1', name: '华东', color: 'blue'}}], 'multipleLookupValues', {result: {type: 'singleSelect'}})).toBe('华东');
    expect(
      toFact([{linkedRecordId: 'recO1', value: 1200}, {linkedRecordId: 'recO2', value: 300}], 'multipleLookupValues', {result: {type: 'currency'}}),
    ).toEqual(['1200', '300']);
    expect(toFact([], 'multipleLookupValues', {result: {type: 'number'}})).toBeNull();
    // A lookup that is not set up has no result type: nothing can be read from it.
    expect(toFact([{linkedRecordId: 'recO1', value: 42}], 'multipleLookupValues', {result: undefined})).toBeNull();
    expect(toFact(0.075, 'percent')).toBe(7.5);
    expect(toFact({error: '#ERROR!'}, 'formula', {result: {type: 'number'}})).toBe('#ERROR!');
    expect(toFact(4, 'rating')).toBe(4);
  });
});
