/**
 * The automation script as the user pastes it — built by the same esbuild build as
 * `npm run build:automation`, its configuration filled in as the extension fills it — run in Node
 * against the scripting API (fakeScripting.ts) over the demo base the extension's tests use:
 * - it writes the same cells as the extension's Refresh of the same period (people table and
 *   results table), in the same calls of at most 50 records, and a second run writes nothing;
 * - it reads only the mapped fields;
 * - with write calls slowed, it stops between calls before 25 s with a summary of what it wrote
 *   and what remains, and the next run writes exactly the rest;
 * - a mapped field retyped or deleted: nothing written, the field named by its name;
 * - a period closed after the script was made (its rows marked closed): refused, nothing written;
 * - the plan saved again, or a period approved, in the extension after the script was made (the
 *   plan marker in the plan-version field's description moved), or the marker deleted: nothing
 *   written, why and how to regenerate printed; the script copied after the save runs.
 */
import '../../sim/nodeWindow';
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable, resolveResultsTable} from '../../frontend/adapter/resultsTable';
import {refresh} from '../../frontend/run/pipeline';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import type {FixtureData} from '../../sim/fixture';
import {EMPTY_LEDGER, LEDGER_CONFIG_KEY, LEDGER_FORMAT_VERSION, serializeLedger, type LedgerState} from '../../src/ledger/state';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {readMarker} from '../../src/planMarker';
import {automationConfig} from '../../frontend/adapter/automationConfig';
import {refreshMarker, writeMarker} from '../../frontend/adapter/planMarker';
import {planRevision} from '../../frontend/state/planRevision';
import {runLedgerAction} from '../../frontend/run/ledgerActions';
import {monthPeriod} from '../../src/period';
import type {PlanDocument} from '../../src/plan';
import type {AutomationConfig} from '../../automation/config';
import {fillScript} from '../../automation/script';
import {buildAutomationBundle} from '../../scripts/buildAutomation';
import {demoPlan} from '../support/demoPlan';
import {FakeScripting, runScript} from './fakeScripting';

jest.setTimeout(120_000);

/** After the demo's three months: the period the script (and the run view) picks is 2026-03. */
const NOW = new Date(2026, 3, 15, 9, 0, 0);
const PERIOD = '2026-03';

type Cells = Record<string, unknown>;

interface Setup {
  driver: TestDriver;
  plan: PlanDocument;
  resultsTableId: string;
  /** The base before any refresh. */
  before: FixtureData;
  config: AutomationConfig;
}

let bundle: string;
let setup: Setup;

/** When the script is copied in the extension. */
const GENERATED = new Date('2026-04-14T08:00:00.000Z');

/**
 * The demo base with a results table, the plan saved in globalConfig (with `ledger` as the
 * ledger's state) and the script's configuration made as Settings → Automate makes it: the plan
 * marker written into the results table's plan-version field first.
 */
async function makeSetup(ledger?: LedgerState): Promise<Setup> {
  const driver = createDriver(demoBase({reps: 120, orders: 600}));
  const plan = demoPlan();
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('results table not created');
  plan.mapping.resultsTable = created.mapping;
  await driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan));
  if (ledger) await driver.globalConfig.setAsync(LEDGER_CONFIG_KEY, serializeLedger(ledger));
  const marked = await writeMarker(driver.base, driver.globalConfig, plan);
  if (!marked.ok) throw new Error(marked.reason.en);
  const config = automationConfig(driver.base, driver.globalConfig, plan, 'zh', GENERATED);
  if (!config) throw new Error('no configuration');
  return {driver, plan, resultsTableId: created.mapping.table.id, before: snapshotFixture(driver), config};
}

/** A cell compared by what it says: links by record ids, selects by name (ids and colours are the store's). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item && typeof item === 'object' && 'id' in item ? (item as {id: string}).id : plain(item)));
  if (value && typeof value === 'object' && 'name' in value) return (value as {name: string}).name;
  return value ?? null;
}

const plainCells = (cells: Cells, fieldIds: readonly string[]) => Object.fromEntries(fieldIds.map((id) => [id, plain(cells[id])]));

function fixtureCells(fixture: FixtureData, tableId: string): Map<string, Cells> {
  const table = fixture.base.tables.find((t) => t.id === tableId)!;
  return new Map(table.records.map((record) => [record.id, record.cellValuesByFieldId as Cells]));
}

/** The people table's result cells, per record id. */
function peopleResults(cells: Map<string, Cells>, plan: PlanDocument) {
  const ids = Object.values(plan.mapping.results).flatMap((ref) => (ref ? [ref.id] : []));
  return Object.fromEntries([...cells.entries()].map(([id, row]) => [id, plainCells(row, ids)]));
}

/** The results table's rows, without their record ids (created ones differ), in a stable order. */
function ledgerRows(cells: Map<string, Cells>, plan: PlanDocument) {
  const ids = Object.values(plan.mapping.resultsTable!.fields).flatMap((ref) => (ref ? [ref.id] : []));
  return [...cells.values()].map((row) => JSON.stringify(plainCells(row, ids))).sort();
}

/** The extension's Refresh of the period on the simulated base, and the record counts of its write calls. */
async function extensionRefresh(s: Setup) {
  const calls: [string, string, number][] = [];
  s.driver.watch('mutation', (m) => {
    const mutation = m as unknown as {type: string; tableId?: string; records?: unknown[]};
    if (mutation.records) calls.push([mutation.type, mutation.tableId ?? '', mutation.records.length]);
  });
  const outcome = await refresh(s.driver.base, s.plan, PERIOD, s.config.revision, {now: NOW, lang: 'zh', ledger: EMPTY_LEDGER}, {yieldToBrowser: async () => undefined});
  if (outcome.kind !== 'written') throw new Error(`refresh ${outcome.kind}`);
  return {after: snapshotFixture(s.driver), calls};
}

const callSizes = (fake: FakeScripting) => fake.calls.map((call) => [call.kind, call.tableId, call.records.length]);

beforeAll(async () => {
  bundle = await buildAutomationBundle();
  setup = await makeSetup();
});

describe('the automation script on the demo base', () => {
  it('writes the cells the extension’s Refresh writes, in the same calls, and nothing the second time', async () => {
    const fake = new FakeScripting(setup.before, {now: NOW.getTime()});
    const script = fillScript(bundle, setup.config);
    await runScript(script, fake);
    expect(fake.outputs.get('status')).toBe('written');

    const {after, calls} = await extensionRefresh(setup);
    // Something was written at all: 120 people and 120 new rows.
    expect(calls).toEqual([
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 50],
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 50],
      ['setMultipleRecordsCellValues', TABLE_IDS.reps, 20],
      ['createMultipleRecords', setup.resultsTableId, 50],
      ['createMultipleRecords', setup.resultsTableId, 50],
      ['createMultipleRecords', setup.resultsTableId, 20],
    ]);
    expect(callSizes(fake)).toEqual(calls.map(([type, table, n]) => [type.startsWith('create') ? 'create' : 'update', table, n]));

    expect(peopleResults(fake.cells(TABLE_IDS.reps), setup.plan)).toEqual(peopleResults(fixtureCells(after, TABLE_IDS.reps), setup.plan));
    const rows = ledgerRows(fake.cells(setup.resultsTableId), setup.plan);
    expect(rows).toHaveLength(120);
    expect(rows).toEqual(ledgerRows(fixtureCells(after, setup.resultsTableId), setup.plan));
    // A rep's total score is a number in the people table, as Refresh writes it.
    const scores = [...fake.cells(TABLE_IDS.reps).values()].map((cells) => cells[FIELD_IDS.reps.totalScore]);
    expect(scores.every((score) => typeof score === 'number')).toBe(true);

    // What it printed: the period and what it wrote.
    expect(fake.printed.join('\n')).toContain('周期：2026-03（开放）');
    expect(fake.printed.join('\n')).toContain('已写入：人员表 120 条记录的结果单元格；绩效结果表新建 120 行、更新 0 行。');

    // Only the mapped fields were read: never a whole table.
    expect(fake.selects.every((select) => select.fields !== 'all')).toBe(true);
    const fingerprinted = new Set(setup.config.tables.flatMap((table) => table.fields.map((field) => field.id)));
    const read = fake.selects.flatMap((select) => (select.fields === 'all' ? [] : select.fields));
    expect(read.filter((id) => !fingerprinted.has(id))).toEqual([]);

    // The next run (an hour later) finds everything up to date.
    const written = fake.calls.length;
    fake.clock.advance(3_600_000);
    await runScript(script, fake);
    expect(fake.calls.length).toBe(written);
    expect(fake.outputs.get('status')).toBe('upToDate');
    expect(fake.printed.at(-1)).toBe('一切已是最新：未写入任何内容。');
  });
});

describe('what it prints', () => {
  it('lists the engine’s warnings as the extension does, records named by their primary values, never by record ids', async () => {
    const s = await makeSetup();
    // An order of the period linked to nobody: the engine warns about it.
    const orders = s.before.base.tables.find((table) => table.id === TABLE_IDS.orders)!;
    const order = orders.records.find((record) => String(record.cellValuesByFieldId[FIELD_IDS.orders.date] ?? '').startsWith(PERIOD))!;
    order.cellValuesByFieldId[FIELD_IDS.orders.rep] = null;
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    await runScript(fillScript(bundle, s.config), fake);
    const printed = fake.printed.join('\n');
    expect(printed).toContain(String(order.cellValuesByFieldId[FIELD_IDS.orders.number]));
    expect(printed).not.toContain(order.id);
    expect(printed).not.toMatch(/\brec[A-Za-z0-9]{3,}/);
  });
});

describe('the time budget', () => {
  it('stops between calls before 25 s with what it wrote and what remains; the next run writes exactly the rest', async () => {
    const s = await makeSetup();
    const script = fillScript(bundle, s.config);
    // Every write call takes 6 s: after four calls (24 s) a fifth could end past 25 s.
    const slow = new FakeScripting(s.before, {now: NOW.getTime(), callMs: 6_000});
    await runScript(script, slow);
    expect(slow.outputs.get('status')).toBe('stopped');
    expect(callSizes(slow)).toEqual([
      ['update', TABLE_IDS.reps, 50],
      ['update', TABLE_IDS.reps, 50],
      ['update', TABLE_IDS.reps, 20],
      ['create', s.resultsTableId, 50],
    ]);
    expect(slow.outputs.get('remaining')).toBe(70);
    const printed = slow.printed.join('\n');
    expect(printed).toContain('已写入：人员表 120 条记录的结果单元格；绩效结果表新建 50 行、更新 0 行。');
    expect(printed).toContain('在第 24 秒停止：还有 70 条记录未写，下次运行会写完。');
    expect(slow.clock.now() - NOW.getTime()).toBeLessThanOrEqual(25_000);

    // The next run, at the next schedule, writes the 70 missing rows and nothing else.
    const before = slow.calls.length;
    slow.clock.advance(60_000);
    await runScript(script, slow);
    expect(slow.outputs.get('status')).toBe('written');
    expect(callSizes(slow).slice(before)).toEqual([
      ['create', s.resultsTableId, 50],
      ['create', s.resultsTableId, 20],
    ]);

    // Together: the cells of one uninterrupted Refresh (the rows' calculation time is each run's own).
    const {after} = await extensionRefresh(s);
    expect(peopleResults(slow.cells(TABLE_IDS.reps), s.plan)).toEqual(peopleResults(fixtureCells(after, TABLE_IDS.reps), s.plan));
    const calculatedAt = s.plan.mapping.resultsTable!.fields.calculatedAt?.id;
    const withoutTime = (rows: string[]) => rows.map((row) => JSON.stringify({...JSON.parse(row), [calculatedAt ?? '']: null}));
    expect(withoutTime(ledgerRows(slow.cells(s.resultsTableId), s.plan)).sort()).toEqual(withoutTime(ledgerRows(fixtureCells(after, s.resultsTableId), s.plan)).sort());
  });
});

describe('safety', () => {
  it('writes nothing when a mapped field was retyped, and names the field', async () => {
    const s = await makeSetup();
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    fake.retype(TABLE_IDS.orders, FIELD_IDS.orders.amount, 'singleLineText');
    const untouched = fake.cells(TABLE_IDS.reps);
    await runScript(fillScript(bundle, s.config), fake);
    expect(fake.calls).toEqual([]);
    expect(fake.cells(TABLE_IDS.reps)).toEqual(untouched);
    expect(fake.outputs.get('status')).toBe('schemaChanged');
    const amountName = s.before.base.tables.find((t) => t.id === TABLE_IDS.orders)!.fields.find((f) => f.id === FIELD_IDS.orders.amount)!.name;
    const printed = fake.printed.join('\n');
    expect(printed).toContain(`表“订单”中映射的字段“${amountName}”的类型已从 货币 改为 单行文本。`);
    expect(printed).toContain('复制新脚本');
    expect(printed).not.toMatch(/fld[A-Za-z0-9]/);
  });

  it('writes nothing for a period closed after the script was made (its rows say so)', async () => {
    const s = await makeSetup();
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    const script = fillScript(bundle, s.config);
    await runScript(script, fake);
    // The period is then approved and closed in the extension: its rows are stamped closed.
    const statusField = s.plan.mapping.resultsTable!.fields.status!.id;
    const rows = [...fake.cells(s.resultsTableId).keys()];
    const closed = s.before.base.tables.find((t) => t.id === s.resultsTableId)!.fields.find((f) => f.id === statusField)!;
    const closedChoice = ((closed.options as {choices: {name: string}[]}).choices).find((c) => c.name === '已关账')!;
    await fake.base.getTable(s.resultsTableId).updateRecordsAsync(rows.slice(0, 50).map((id) => ({id, fields: {[statusField]: {name: closedChoice.name}}})));
    await fake.base.getTable(s.resultsTableId).updateRecordsAsync(rows.slice(50, 100).map((id) => ({id, fields: {[statusField]: {name: closedChoice.name}}})));
    await fake.base.getTable(s.resultsTableId).updateRecordsAsync(rows.slice(100).map((id) => ({id, fields: {[statusField]: {name: closedChoice.name}}})));
    // A late order in the closed month would change the figures.
    const orders = fake.cells(TABLE_IDS.orders);
    const [orderId] = [...orders.entries()].find(([, cells]) => String(cells[FIELD_IDS.orders.date] ?? '').startsWith(PERIOD))!;
    await fake.base.getTable(TABLE_IDS.orders).updateRecordsAsync([{id: orderId, fields: {[FIELD_IDS.orders.amount]: 999_999}}]);

    const calls = fake.calls.length;
    const people = fake.cells(TABLE_IDS.reps);
    await runScript(script, fake);
    expect(fake.calls.length).toBe(calls);
    expect(fake.cells(TABLE_IDS.reps)).toEqual(people);
    expect(fake.outputs.get('status')).toBe('refused');
    expect(fake.printed.at(-1)).toMatch(/^未写入任何内容：.*2026-03/);
  });

  it('never writes a period closed when the script was made: it computes the latest one still open', async () => {
    const s = await makeSetup({version: LEDGER_FORMAT_VERSION, periods: {[PERIOD]: {status: 'closed', frozenVersionId: demoPlan().versions[0].id}}});
    expect(s.config.ledger.periods[PERIOD]?.status).toBe('closed');
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    await runScript(fillScript(bundle, s.config), fake);
    expect(fake.printed).toContain('周期：2026-02（开放）');
    const periodField = s.plan.mapping.resultsTable!.fields.period!.id;
    const periods = new Set([...fake.cells(s.resultsTableId).values()].map((cells) => cells[periodField]));
    expect(periods).toEqual(new Set(['2026-02']));
  });

  it('writes nothing for a period without a single source record, which only the extension can confirm', async () => {
    const s = await makeSetup();
    const plan: PlanDocument = {...s.plan, periods: [...s.plan.periods, monthPeriod(2026, 4)]};
    const fake = new FakeScripting(s.before, {now: new Date(2026, 4, 10, 7, 0, 0).getTime()});
    await runScript(fillScript(bundle, {...s.config, plan}), fake);
    expect(fake.calls).toEqual([]);
    expect(fake.outputs.get('status')).toBe('refused');
    expect(fake.printed.at(-1)).toMatch(/^未写入任何内容：2026-04：.*空周期请在扩展中确认后刷新。$/);
  });

  it('writes nothing after the plan was saved again in the extension, says why and how to regenerate; a script copied then runs', async () => {
    const s = await makeSetup();
    const first = fillScript(bundle, s.config);
    const field = s.plan.mapping.resultsTable!.fields.planVersion!;
    // The marker was written when the script was made, after the user's own text (none here).
    const fieldOf = () => s.driver.base.getTableById(s.resultsTableId).getFieldById(field.id);
    expect(fieldOf().description).toBe(`[销售绩效 plan r:${s.config.revision} l:${s.config.marker.ledger}]`);

    // In the extension: the plan is saved with a new name, and the save moves the marker.
    const changed: PlanDocument = {...s.plan, name: `${s.plan.name}（修订）`};
    const stored = serializePlan(changed);
    await s.driver.globalConfig.setAsync(PLAN_CONFIG_KEY, stored);
    const moved = await refreshMarker(s.driver.base, s.driver.globalConfig, changed);
    expect(moved).toMatchObject({ok: true, written: true});
    expect(readMarker(fieldOf().description)).toEqual({revision: planRevision(stored), ledger: s.config.marker.ledger});

    const fake = new FakeScripting(snapshotFixture(s.driver), {now: NOW.getTime()});
    const untouched = fake.cells(TABLE_IDS.reps);
    await runScript(first, fake);
    expect(fake.calls).toEqual([]);
    expect(fake.cells(TABLE_IDS.reps)).toEqual(untouched);
    expect(fake.outputs.get('status')).toBe('planChanged');
    expect(fake.printed.slice(1)).toEqual([
      `未写入任何内容：脚本生成之后，扩展中的方案又保存过（脚本带的是修订 ${s.config.revision}，现在是修订 ${planRevision(stored)}）。按旧方案写入会覆盖新方案的结果。`,
      '如何修复：打开扩展 → 设置 → 自动化，点“复制脚本”，用新脚本替换此自动化“运行脚本”操作中的脚本。',
    ]);

    // The script copied after the save carries the new marker, and writes the period.
    const again = automationConfig(s.driver.base, s.driver.globalConfig, changed, 'zh', NOW)!;
    await runScript(fillScript(bundle, again), fake);
    expect(fake.outputs.get('status')).toBe('written');
    expect(fake.printed.join('\n')).toContain('已写入：人员表 120 条记录的结果单元格；绩效结果表新建 120 行、更新 0 行。');
  });

  it('writes nothing after a period was approved in the extension: the statuses it carries are out of date', async () => {
    const s = await makeSetup();
    const script = fillScript(bundle, s.config);
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    await runScript(script, fake);
    expect(fake.outputs.get('status')).toBe('written');

    // Approved in the extension (the same rows, on the simulated base): the action moves the marker.
    await extensionRefresh(s);
    const resolved = resolveResultsTable(s.driver.base, s.plan.mapping.resultsTable!, TABLE_IDS.reps).resolved;
    const approved = await runLedgerAction(s.driver.globalConfig, resolved, {plan: s.plan, periodId: PERIOD, action: 'approve', user: '财务 张晓红', now: NOW, lang: 'zh', base: s.driver.base});
    expect(approved).toMatchObject({ok: true, marker: {ok: true, written: true}});
    const field = s.plan.mapping.resultsTable!.fields.planVersion!;
    const description = s.driver.base.getTableById(s.resultsTableId).getFieldById(field.id).description;
    fake.describe(s.resultsTableId, field.id, description);
    expect(readMarker(description)).toMatchObject({revision: s.config.revision});
    expect(readMarker(description)?.ledger).not.toBe(s.config.marker.ledger);

    const calls = fake.calls.length;
    await runScript(script, fake);
    expect(fake.calls.length).toBe(calls);
    expect(fake.outputs.get('status')).toBe('planChanged');
    expect(fake.printed).toContain('未写入任何内容：脚本生成之后，扩展中有周期被审批、关账或重新打开，脚本带的周期状态已过时。');
  });

  it('writes nothing when the marker is gone from the description, and keeps the user’s text when it is written', async () => {
    const s = await makeSetup();
    const field = s.plan.mapping.resultsTable!.fields.planVersion!;
    const fake = new FakeScripting(s.before, {now: NOW.getTime()});
    fake.describe(s.resultsTableId, field.id, '生成本行的方案版本');
    await runScript(fillScript(bundle, s.config), fake);
    expect(fake.calls).toEqual([]);
    expect(fake.outputs.get('status')).toBe('planChanged');
    expect(fake.printed[1]).toBe(`未写入任何内容：表“${s.plan.mapping.resultsTable!.table.name}”中字段“${field.name}”的描述里没有方案标记，无法确认扩展中的方案和周期状态在脚本生成之后没有变。`);

    // The user's own text, written in the base: the extension appends the marker after it, and the script runs.
    const sdkField = s.driver.base.getTableById(s.resultsTableId).getFieldById(field.id);
    await sdkField.updateDescriptionAsync('生成本行的方案版本');
    expect(await writeMarker(s.driver.base, s.driver.globalConfig, s.plan)).toMatchObject({ok: true, written: true});
    expect(sdkField.description).toBe(`生成本行的方案版本\n[销售绩效 plan r:${s.config.revision} l:${s.config.marker.ledger}]`);
    fake.describe(s.resultsTableId, field.id, sdkField.description);
    await runScript(fillScript(bundle, s.config), fake);
    expect(fake.outputs.get('status')).toBe('written');
  });
});
