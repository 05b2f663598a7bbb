/** @jest-environment jsdom */
/**
 * Adjustments after close, end to end through the pipeline the Refresh button runs, on the
 * simulated base (issue 13): January is refreshed, approved and closed; orders dated in January
 * arrive later; a refresh of February carries the recomputed differences into February's rows
 * (adjustments, balance, detail, total pay) and the people table, never writes January's rows,
 * sends nothing the second time, and a second late change adds only its own difference. The
 * expected differences come from a preview of January today (the same reader and engine, without
 * the ledger) minus what January's rows hold.
 */
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable, resolveResultsTable} from '../../frontend/adapter/resultsTable';
import {readFacts} from '../../frontend/adapter/readFacts';
import {computePreview, refresh, type RefreshOutcome, type RunContext} from '../../frontend/run/pipeline';
import {readLedgerState, runLedgerAction} from '../../frontend/run/ledgerActions';
import {runLogEntry, summarise} from '../../frontend/run/summary';
import {runPlan} from '../../src/engine/run';
import {D} from '../../src/engine/money';
import {ADJUSTED_COMPONENTS, parseDetail} from '../../src/ledger/adjustments';
import {ledgerFieldName, type LedgerKey} from '../../src/ledger/fields';
import type {PlanDocument} from '../../src/plan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

jest.setTimeout(120_000);

interface Mutation {
  type: string;
  tableId?: string;
  records?: {id: string; cellValuesByFieldId?: Record<string, unknown>}[];
}

const AFTER_ALL = new Date(2026, 3, 15, 9, 0, 0);
const hooks = {yieldToBrowser: async () => undefined};

function watch(driver: TestDriver): Mutation[] {
  const seen: Mutation[] = [];
  driver.watch('mutation', (m) => seen.push(m as unknown as Mutation));
  return seen;
}
const recordWrites = (mutations: Mutation[]) => mutations.filter((m) => m.records);

const ENTERED = {id: 'fldOrdersEntered', name: '录入时间'};

/** The demo base, its orders with a "录入时间" (entered at) time field when asked: a change-time field. */
function base(withEntered: boolean) {
  const fixture = demoBase({reps: 20, orders: 160});
  if (withEntered) {
    const orders = fixture.base.tables.find((t) => t.id === TABLE_IDS.orders)!;
    orders.fields.push({...ENTERED, type: 'dateTime', description: null, options: {dateFormat: {name: 'iso', format: 'YYYY-MM-DD'}, timeFormat: {name: '24hour', format: 'HH:mm'}, timeZone: 'utc'}} as (typeof orders.fields)[number]);
    for (const view of orders.views) {
      const order = (view as unknown as {fieldOrder: {fieldIds: string[]; visibleFieldCount: number}}).fieldOrder;
      order.fieldIds.push(ENTERED.id);
      order.visibleFieldCount++;
    }
  }
  return fixture;
}

async function setUp(plan: PlanDocument = demoPlan(), withEntered = false): Promise<{driver: TestDriver; plan: PlanDocument; tableId: string}> {
  const driver = createDriver(base(withEntered));
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  plan.mapping.resultsTable = created.mapping;
  return {driver, plan, tableId: created.mapping.table.id};
}

const context = (driver: TestDriver, extra: Partial<RunContext> = {}): RunContext => ({now: AFTER_ALL, lang: 'zh', ledger: readLedgerState(driver.globalConfig).state, ...extra});

async function refreshed(driver: TestDriver, plan: PlanDocument, periodId: string): Promise<Extract<RefreshOutcome, {kind: 'written'}>> {
  const outcome = await refresh(driver.base, plan, periodId, 'rev', context(driver), hooks);
  if (outcome.kind !== 'written') throw new Error(`${periodId}: ${outcome.kind} ${outcome.kind === 'refused' ? outcome.reason.en : ''}`);
  return outcome;
}

async function approveAndClose(driver: TestDriver, plan: PlanDocument, periodId: string, actions: readonly ('approve' | 'close')[] = ['approve', 'close']): Promise<void> {
  const resolved = resolveResultsTable(driver.base, plan.mapping.resultsTable!, TABLE_IDS.reps).resolved;
  for (const action of actions) {
    const done = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId, action, user: '财务 张晓红', now: AFTER_ALL, lang: 'zh'});
    if (!done.ok) throw new Error(done.reason.en);
  }
}

interface StoredRow {
  id: string;
  participantId: string;
  cells: Record<string, unknown>;
}

/** The results table's records as the simulated base stores them, cells by the zh field names. */
function stored(driver: TestDriver, tableId: string, periodId: string): Map<string, StoredRow> {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  const rows = new Map<string, StoredRow>();
  for (const record of table.records) {
    const cells = Object.fromEntries(Object.entries(record.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v]));
    if (cells[ledgerFieldName('period', 'zh')] !== periodId) continue;
    const participantId = (cells[ledgerFieldName('participant', 'zh')] as {id: string}[])[0].id;
    rows.set(participantId, {id: record.id, participantId, cells});
  }
  return rows;
}

const cell = (row: StoredRow | undefined, key: LedgerKey) => row?.cells[ledgerFieldName(key, 'zh')];
const money = (value: unknown) => new D(typeof value === 'number' ? String(value) : '0');

/** Adds an order dated in a month, credited to a rep: a late refund (negative) or a late order. */
async function lateOrder(driver: TestDriver, number: string, repId: string, amount: number, date: string, entered?: string): Promise<void> {
  const orders = driver.base.getTableById(TABLE_IDS.orders);
  const F = FIELD_IDS.orders;
  const fields = {[F.number]: number, [F.rep]: [{id: repId}], [F.date]: date, [F.amount]: amount, [F.received]: amount, [F.quantity]: 1, ...(entered ? {[ENTERED.id]: entered} : {})};
  await orders.createRecordsAsync([{fields}]);
}

/**
 * What January comes to today minus what its rows paid, per person and component (non-zero only):
 * a preview of January runs the same reader and engine, and a preview writes nothing.
 */
async function januaryDifferences(driver: TestDriver, plan: PlanDocument, tableId: string): Promise<Map<string, string>> {
  const preview = await computePreview(driver.base, plan, '2026-01', 'rev', context(driver), hooks);
  const paid = stored(driver, tableId, '2026-01');
  const out = new Map<string, string>();
  for (const result of preview.run.results) {
    for (const component of ADJUSTED_COMPONENTS) {
      const diff = new D(result[component]).minus(money(cell(paid.get(result.participantId), component)));
      if (!diff.isZero()) out.set(`${result.participantId}|${component}`, diff.toFixed(2));
    }
  }
  return out;
}

/** What February's detail cells record, per person and component (January's only). */
function februaryDetail(driver: TestDriver, tableId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of stored(driver, tableId, '2026-02').values()) {
    for (const entry of parseDetail(cell(row, 'adjustmentDetail')).entries) {
      if (entry.periodId === '2026-01') out.set(`${row.participantId}|${entry.component}`, entry.amount.toFixed(2));
    }
  }
  return out;
}

/** February's own total pay per person, before adjustments: the engine on February's facts. */
async function februaryOwnPay(driver: TestDriver, plan: PlanDocument): Promise<Map<string, string>> {
  const {facts} = await readFacts(driver.base, plan, undefined, {periodId: '2026-02'});
  return new Map(runPlan(plan, '2026-02', facts).results.map((r) => [r.participantId, r.totalPay]));
}

describe('a refresh of the open period carries the adjustments of the closed one', () => {
  it('a refund of 10,000 in closed January: February carries the difference per component to the cent, once; January is never written', async () => {
    const {driver, plan, tableId} = await setUp();
    const january = await refreshed(driver, plan, '2026-01');
    await approveAndClose(driver, plan, '2026-01');
    const closedBefore = JSON.stringify([...stored(driver, tableId, '2026-01').values()]);
    // The rep with the most January sales: the refund moves their bonus for sure.
    const top = [...january.preview.run.results].sort((a, b) => Number(b.bonus) - Number(a.bonus))[0];

    await lateOrder(driver, 'O-REFUND-1', top.participantId, -10000, '2026-01-20');
    const expected = await januaryDifferences(driver, plan, tableId);
    expect(expected.size).toBeGreaterThan(0);
    expect([...expected.keys()].some((key) => key.startsWith(`${top.participantId}|`))).toBe(true);

    const mutations = watch(driver);
    const february = await refreshed(driver, plan, '2026-02');
    const janIds = new Set([...stored(driver, tableId, '2026-01').values()].map((row) => row.id));
    // January's rows: not one written, exactly as paid.
    expect(recordWrites(mutations).flatMap((m) => m.records!.map((r) => r.id)).filter((id) => janIds.has(id))).toEqual([]);
    expect(JSON.stringify([...stored(driver, tableId, '2026-01').values()])).toBe(closedBefore);

    // February's detail records the recomputed differences per component, to the cent.
    expect(februaryDetail(driver, tableId)).toEqual(expected);
    // Adjustments, balance and total pay in February's rows (clawback in full: taken as due).
    const own = await februaryOwnPay(driver, plan);
    const feb = stored(driver, tableId, '2026-02');
    let total = new D(0);
    for (const [participantId, row] of feb) {
      const due = [...expected].filter(([key]) => key.startsWith(`${participantId}|`)).reduce((sum, [, amount]) => sum.plus(amount), new D(0));
      total = total.plus(due);
      expect(money(cell(row, 'adjustments')).toFixed(2)).toBe(due.toFixed(2));
      expect(money(cell(row, 'balance')).toFixed(2)).toBe('0.00');
      expect(money(cell(row, 'totalPay')).toFixed(2)).toBe(new D(own.get(participantId)!).plus(due).toFixed(2));
    }
    // The people table shows February's pay with its adjustments, like the row.
    const people = await driver.base.getTableById(TABLE_IDS.reps).selectRecordsAsync({fields: [FIELD_IDS.reps.totalPay]});
    expect(people.getRecordById(top.participantId).getCellValue(FIELD_IDS.reps.totalPay)).toBe(cell(feb.get(top.participantId), 'totalPay'));
    people.unloadData();
    // The breakdown ends with the adjustment lines the user reads.
    const lines = String(cell(feb.get(top.participantId), 'breakdown')).split('\n');
    expect(lines.some((line) => line.startsWith('2026-01 调整：'))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^调整后总收入 = /);

    // The run's totals and the run log record the adjustments.
    expect(february.preview.ledger!.adjustments!.total.toFixed(2)).toBe(total.toFixed(2));
    const entry = runLogEntry(february.preview, summarise(february.preview, february.outcome), {id: '2026-02', label: '2026-02'}, 'rev', {at: AFTER_ALL.toISOString(), user: '财务 张晓红'});
    expect(new D(entry.adjustments!.total).toFixed(2)).toBe(total.toFixed(2));
    expect(entry.adjustments).toMatchObject({balance: '0', people: new Set([...expected.keys()].map((k) => k.split('|')[0])).size});

    // A second refresh sends nothing.
    mutations.length = 0;
    await refreshed(driver, plan, '2026-02');
    expect(recordWrites(mutations)).toEqual([]);

    // A second late change, a late order for someone else: each row's adjustments move by the new difference alone.
    const other = january.preview.run.results.find((r) => r.participantId !== top.participantId && !expected.has(`${r.participantId}|bonus`))!;
    const before = stored(driver, tableId, '2026-02');
    await lateOrder(driver, 'O-LATE-2', other.participantId, 80000, '2026-01-25');
    const expected2 = await januaryDifferences(driver, plan, tableId);
    mutations.length = 0;
    await refreshed(driver, plan, '2026-02');
    expect(februaryDetail(driver, tableId)).toEqual(expected2);
    const after = stored(driver, tableId, '2026-02');
    const sumFor = (map: Map<string, string>, id: string) => [...map].filter(([key]) => key.startsWith(`${id}|`)).reduce((sum, [, amount]) => sum.plus(amount), new D(0));
    expect(sumFor(expected2, other.participantId).minus(sumFor(expected, other.participantId)).isZero()).toBe(false);
    const moved = new Set<string>();
    for (const [participantId, row] of after) {
      const delta = money(cell(row, 'adjustments')).minus(money(cell(before.get(participantId), 'adjustments')));
      expect(`${participantId} ${delta.toFixed(2)}`).toBe(`${participantId} ${sumFor(expected2, participantId).minus(sumFor(expected, participantId)).toFixed(2)}`);
      if (!delta.isZero()) moved.add(row.id);
    }
    // Only the rows whose adjustments moved were written in the results table.
    const written = new Set(recordWrites(mutations).filter((m) => m.tableId === tableId).flatMap((m) => m.records!.map((r) => r.id)));
    expect(written).toEqual(moved);
    expect(JSON.stringify([...stored(driver, tableId, '2026-01').values()])).toBe(closedBefore);
  });

  it('capped clawback: February takes the cap and carries the balance, March takes the rest once February is closed', async () => {
    const plan = demoPlan();
    plan.adjustments = {clawback: {kind: 'capped', percent: '10'}};
    const {driver, tableId} = await setUp(plan);
    const january = await refreshed(driver, plan, '2026-01');
    await approveAndClose(driver, plan, '2026-01');
    const top = [...january.preview.run.results].sort((a, b) => Number(b.totalPay) - Number(a.totalPay))[0];
    // Refund all of January's sales of the top earner: far more than 10% of February's pay is due.
    await lateOrder(driver, 'O-REFUND-ALL', top.participantId, -10_000_000, '2026-01-28');
    const due = [...(await januaryDifferences(driver, plan, tableId))].filter(([key]) => key.startsWith(`${top.participantId}|`)).reduce((sum, [, amount]) => sum.plus(amount), new D(0));
    expect(due.isNegative()).toBe(true);

    await refreshed(driver, plan, '2026-02');
    const febPay = new D((await februaryOwnPay(driver, plan)).get(top.participantId)!);
    const febCap = febPay.times('0.10').toDecimalPlaces(2, D.ROUND_DOWN);
    expect(due.negated().greaterThan(febCap)).toBe(true);
    const feb = stored(driver, tableId, '2026-02').get(top.participantId);
    expect(money(cell(feb, 'adjustments')).toFixed(2)).toBe(febCap.negated().toFixed(2));
    const balance = due.plus(febCap);
    expect(money(cell(feb, 'balance')).toFixed(2)).toBe(balance.toFixed(2));
    expect(money(cell(feb, 'totalPay')).toFixed(2)).toBe(febPay.minus(febCap).toFixed(2));

    // Approved, February keeps its adjustments: a refresh finds nothing to change and writes nothing.
    await approveAndClose(driver, plan, '2026-02', ['approve']);
    const mutations = watch(driver);
    await refreshed(driver, plan, '2026-02');
    expect(recordWrites(mutations)).toEqual([]);
    await approveAndClose(driver, plan, '2026-02', ['close']);
    const march = await refreshed(driver, plan, '2026-03');
    const marPay = new D(runPlan(plan, '2026-03', (await readFacts(driver.base, plan, undefined, {periodId: '2026-03'})).facts).results.find((r) => r.participantId === top.participantId)!.totalPay);
    const marCap = marPay.times('0.10').toDecimalPlaces(2, D.ROUND_DOWN);
    const taken = balance.negated().lessThanOrEqualTo(marCap) ? balance : marCap.negated();
    const mar = stored(driver, tableId, '2026-03').get(top.participantId);
    expect(money(cell(mar, 'adjustments')).toFixed(2)).toBe(taken.toFixed(2));
    expect(money(cell(mar, 'balance')).toFixed(2)).toBe(balance.minus(taken).toFixed(2));
    // Nothing new in March's detail: February carried January's difference; March only the balance.
    expect(parseDetail(cell(mar, 'adjustmentDetail')).entries).toEqual([]);
    expect(String(cell(mar, 'breakdown'))).toContain(`结转余额（以前周期未扣回）`);
    // The invariant: January paid + taken + balance still carried = January today.
    const janPaid = ADJUSTED_COMPONENTS.reduce((sum, k) => sum.plus(money(cell(stored(driver, tableId, '2026-01').get(top.participantId), k))), new D(0));
    const janNow = (await computePreview(driver.base, plan, '2026-01', 'rev', context(driver), hooks)).run.results.find((r) => r.participantId === top.participantId)!;
    const janNowSum = ADJUSTED_COMPONENTS.reduce((sum, k) => sum.plus(janNow[k]), new D(0));
    const carried = money(cell(feb, 'adjustments')).plus(money(cell(mar, 'adjustments'))).plus(money(cell(mar, 'balance')));
    expect(janPaid.plus(carried).toFixed(2)).toBe(janNowSum.toFixed(2));
    expect(march.preview.ledger!.adjustments!.people.get(top.participantId)!.broughtForward.toFixed(2)).toBe(balance.toFixed(2));
  });

  it('names the late record by its primary value when the plan maps a change-time field of the orders', async () => {
    const plan = demoPlan();
    plan.adjustments = {changedAt: {orders: {field: ENTERED, kind: 'created'}}};
    const {driver, tableId} = await setUp(plan, true);
    const january = await refreshed(driver, plan, '2026-01');
    await approveAndClose(driver, plan, '2026-01');
    const top = [...january.preview.run.results].sort((a, b) => Number(b.bonus) - Number(a.bonus))[0];
    // Entered after the close (the close is stamped at AFTER_ALL); one before it is not a cause.
    await lateOrder(driver, 'SO-REFUND-77', top.participantId, -10000, '2026-01-20', '2026-04-16T02:00:00.000Z');
    await refreshed(driver, plan, '2026-02');
    const lines = String(cell(stored(driver, tableId, '2026-02').get(top.participantId), 'breakdown')).split('\n');
    expect(lines.filter((line) => line.startsWith('2026-01 调整：')).every((line) => line.startsWith('2026-01 调整：订单 SO-REFUND-77 关账后新增 -10,000.00 -> '))).toBe(true);
    expect(lines.some((line) => line.startsWith('2026-01 调整：订单 SO-REFUND-77'))).toBe(true);
  });
});
