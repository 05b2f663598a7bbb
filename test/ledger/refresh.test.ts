/** @jest-environment jsdom */
/**
 * A refresh with a results table, through the pipeline the Refresh button runs, on the simulated
 * base: rows created one per person in calls of at most 50, nothing sent the second time, one
 * row per person per period, a closed period refused (after a late edit of one of its orders),
 * duplicates reported by name and left alone, the people-table cells unchanged in behaviour.
 */
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable} from '../../frontend/adapter/resultsTable';
import {refresh, type RunContext} from '../../frontend/run/pipeline';
import {runLedgerAction, readLedgerState} from '../../frontend/run/ledgerActions';
import {messageText} from '../../src/ledger/messages';
import type {PlanDocument} from '../../src/plan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';
import {resolveResultsTable} from '../../frontend/adapter/resultsTable';

jest.setTimeout(60_000);

interface Mutation {
  type: string;
  tableId?: string;
  records?: {id: string; cellValuesByFieldId: Record<string, unknown>}[];
}

function watch(driver: TestDriver): Mutation[] {
  const seen: Mutation[] = [];
  driver.watch('mutation', (m) => seen.push(m as unknown as Mutation));
  return seen;
}

/** Record mutations only, as [type, table, records]: globalConfig writes are not the base's data. */
const calls = (mutations: Mutation[]) => mutations.filter((m) => m.records).map((m) => [m.type, m.tableId, m.records!.length]);

const AFTER_ALL = new Date(2026, 3, 15, 9, 0, 0);
const context = (extra: Partial<RunContext> = {}): RunContext => ({now: AFTER_ALL, lang: 'zh', ...extra});
const hooks = {yieldToBrowser: async () => undefined};

async function setUp(reps = 120, orders = 600): Promise<{driver: TestDriver; plan: PlanDocument; resultsTableId: string}> {
  const driver = createDriver(demoBase({reps, orders}));
  const plan = demoPlan();
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  plan.mapping.resultsTable = created.mapping;
  return {driver, plan, resultsTableId: created.mapping.table.id};
}

function storedRows(driver: TestDriver, tableId: string) {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  return table.records.map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])) as Record<string, unknown>);
}

async function written(driver: TestDriver, plan: PlanDocument, periodId: string, extra: Partial<RunContext> = {}) {
  const outcome = await refresh(driver.base, plan, periodId, 'rev', context({ledger: readLedgerState(driver.globalConfig).state, ...extra}), hooks);
  return outcome;
}

describe('refresh into the results table', () => {
  it('creates one row per person on the first refresh, in calls of at most 50, and sends nothing the second time', async () => {
    const {driver, plan, resultsTableId} = await setUp();
    const mutations = watch(driver);
    const first = await written(driver, plan, '2026-02');
    if (first.kind !== 'written') throw new Error(first.kind);
    expect(calls(mutations)).toEqual([
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 50],
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 50],
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 20],
      ['createMultipleRecords', resultsTableId, 50],
      ['createMultipleRecords', resultsTableId, 50],
      ['createMultipleRecords', resultsTableId, 20],
    ]);
    expect(first.ledger).toMatchObject({calls: 3, remaining: 0, failed: null});
    expect(first.ledger!.createdRecordIds).toHaveLength(120);

    const rows = storedRows(driver, resultsTableId);
    expect(rows).toHaveLength(120);
    const li = first.preview.run.results[0];
    const row = rows.find((r) => (r['参与人'] as {id: string}[])[0].id === li.participantId)!;
    expect(row['考核周期']).toBe('2026-02');
    expect(row['总收入']).toBe(Number(li.totalPay));
    expect(row['总分']).toBe(Number(li.totalScore));
    expect((row['状态'] as {name: string}).name).toBe('开放');
    expect(row['方案版本']).toBe('2026 标准版');

    mutations.length = 0;
    const second = await written(driver, plan, '2026-02');
    expect(second.kind).toBe('written');
    expect(mutations).toEqual([]);
  });

  it('keeps three periods as three rows per person', async () => {
    const {driver, plan, resultsTableId} = await setUp(30, 150);
    for (const period of ['2026-01', '2026-02', '2026-03']) expect((await written(driver, plan, period)).kind).toBe('written');
    const rows = storedRows(driver, resultsTableId);
    expect(rows).toHaveLength(90);
    const perPerson = new Map<string, string[]>();
    for (const row of rows) {
      const id = (row['参与人'] as {id: string}[])[0].id;
      perPerson.set(id, [...(perPerson.get(id) ?? []), row['考核周期'] as string]);
    }
    expect(perPerson.size).toBe(30);
    for (const periods of perPerson.values()) expect(periods.sort()).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('writes nothing for a closed period, after a late edit of one of its orders, and says why', async () => {
    const {driver, plan} = await setUp(30, 150);
    expect((await written(driver, plan, '2026-01')).kind).toBe('written');
    const resolved = resolveResultsTable(driver.base, plan.mapping.resultsTable!, TABLE_IDS.reps).resolved;
    for (const action of ['approve', 'close'] as const) {
      const done = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId: '2026-01', action, user: '财务 张晓红', now: AFTER_ALL, lang: 'zh'});
      expect(done.ok).toBe(true);
    }
    // A refund booked late on a January order.
    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.date, FIELD_IDS.orders.amount]});
    const january = query.records.find((r) => String(r.getCellValue(FIELD_IDS.orders.date)).startsWith('2026-01'))!;
    await orders.updateRecordsAsync([{id: january.id, fields: {[FIELD_IDS.orders.amount]: -5000}}]);
    query.unloadData();

    const mutations = watch(driver);
    const outcome = await written(driver, plan, '2026-01');
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.reason).toEqual(messageText({key: 'ledger.upsert.closed', params: {period: '2026-01'}}));
    expect(outcome.reason.zh).toBe('周期 2026-01 已关账（已发放）：其结果行保持发放时的数值，本次未写入任何内容');
    expect(mutations).toEqual([]);
  });

  it('reports two rows of one person and period by name, and writes neither', async () => {
    const {driver, plan, resultsTableId} = await setUp(10, 60);
    expect((await written(driver, plan, '2026-02')).kind).toBe('written');
    const table = driver.base.getTableById(resultsTableId);
    const people = await driver.base.getTableById(TABLE_IDS.reps).selectRecordsAsync({fields: [FIELD_IDS.reps.name]});
    const someone = people.records[3];
    const name = someone.getCellValueAsString(FIELD_IDS.reps.name);
    people.unloadData();
    const fields = plan.mapping.resultsTable!.fields;
    await table.createRecordsAsync([{fields: {[fields.period!.id]: '2026-02', [fields.participant!.id]: [{id: someone.id}], [fields.totalPay!.id]: 1}}]);
    // A change of the plan that touches every row (its version's label): every other row is updated, the pair is not.
    const changed: PlanDocument = JSON.parse(JSON.stringify(plan));
    changed.versions[0].label = '2026 修订版';

    const mutations = watch(driver);
    const outcome = await written(driver, changed, '2026-02');
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    const duplicate = outcome.preview.ledgerIssues.find((issue) => issue.code === 'ledger.rows.duplicate')!;
    expect(duplicate.message.zh).toBe(`${name} 在周期 2026-02 有 2 行结果，无法确定哪一行有效：均未写入，请删除多余的行`);
    const ledgerWrites = mutations.filter((m) => m.tableId === resultsTableId).flatMap((m) => m.records!.map((r) => r.id));
    const pairRows = storedRows(driver, resultsTableId).filter((r) => (r['参与人'] as {id: string}[])[0].id === someone.id);
    expect(pairRows).toHaveLength(2);
    expect(pairRows.map((r) => r['总收入']).sort()).toContain(1);
    expect(ledgerWrites.length).toBe(outcome.ledger!.updatedRecordIds.length);
    expect(outcome.ledger!.updatedRecordIds.length).toBe(9);
    expect(outcome.preview.ledger!.upsert.updates.some((u) => u.participantId === someone.id)).toBe(false);
  });

  it('writes the people-table result fields alone when no results table is mapped', async () => {
    const driver = createDriver(demoBase({reps: 10, orders: 60}));
    const mutations = watch(driver);
    const outcome = await refresh(driver.base, demoPlan(), '2026-02', 'rev', context(), hooks);
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    expect(outcome.ledger).toBeNull();
    expect(outcome.preview.ledger).toBeNull();
    expect(calls(mutations)).toEqual([['setMultipleRecordsCellValues', TABLE_IDS.reps, 10]]);
    expect(driver.base.tables.map((t) => t.id)).not.toContain('tblGeneratedMockId');
  });

  it('writes nothing for an empty period unless the user confirmed it', async () => {
    const {driver, plan, resultsTableId} = await setUp(10, 60);
    plan.periods.push({id: '2026-12', kind: 'month', label: '2026-12', start: '2026-12-01', end: '2026-12-31'});
    const mutations = watch(driver);
    const unconfirmed = await written(driver, plan, '2026-12', {now: new Date(2027, 0, 5)});
    expect(unconfirmed.kind).toBe('needsConfirmation');
    expect(mutations).toEqual([]);
    const confirmed = await written(driver, plan, '2026-12', {now: new Date(2027, 0, 5), confirmedEmpty: true});
    expect(confirmed.kind).toBe('written');
    expect(storedRows(driver, resultsTableId).filter((r) => r['考核周期'] === '2026-12')).toHaveLength(10);
  });
});
