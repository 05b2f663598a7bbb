/** @jest-environment jsdom */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {applyUpsert, checkUpsertPermission, createResultsTable, readResultRows, resolveResultsTable, writeLimiter} from '../../frontend/adapter/resultsTable';
import {runPlan} from '../../src/engine';
import {sayEach} from '../../src/i18n';
import {computedRows} from '../../src/ledger/cells';
import {LEDGER_KEYS, type ResultsTableMapping} from '../../src/ledger/fields';
import {messageText} from '../../src/ledger/messages';
import {transition, type PeriodState} from '../../src/ledger/status';
import {planStamps, planUpsert} from '../../src/ledger/upsert';
import {versionForPeriod} from '../../src/period';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {changeFieldType, createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';
import {fakeClock, watchMutations} from '../support/simWrites';




const plan = demoPlan();
const AFTER_ALL = '2026-04-15';

async function createTable(driver: TestDriver): Promise<ResultsTableMapping> {
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  return created.mapping;
}

/** A period's refresh into the results table, the way the pipeline is to run it. */
async function refreshPeriod(
  driver: TestDriver,
  mapping: ResultsTableMapping,
  periodId: string,
  options: {state?: PeriodState; today?: string; calculatedAt?: string} = {},
) {
  const period = plan.periods.find((p) => p.id === periodId)!;
  const read = await readFacts(driver.base, plan, undefined, {periodId});
  const run = runPlan(plan, periodId, read.facts);
  const computed = computedRows(run.results, {
    lang: 'zh',
    calculatedAt: options.calculatedAt ?? '2026-04-15T08:00:00.000Z',
    versionLabel: versionForPeriod(plan, period)!.label,
  });
  const {resolved} = resolveResultsTable(driver.base, mapping, TABLE_IDS.reps);
  const rows = await readResultRows(resolved!, periodId);
  const upsert = planUpsert({period, state: options.state, today: options.today ?? AFTER_ALL, computed, rows, keys: resolved!.keys});
  const clock = fakeClock();
  const outcome = await applyUpsert(resolved!, upsert, {lang: 'zh', limiter: writeLimiter(clock.now, clock.sleep)});
  return {run, upsert, outcome};
}

/** The results table's rows as the store holds them, by field name. */
function storedRows(driver: TestDriver, tableId: string) {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  return table.records.map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])) as Record<string, unknown>);
}

describe('the results table in the simulated base', () => {
  const fixture = demoBase({reps: 160, orders: 1600});

  it('is created in one click with a field type suited to each value', async () => {
    const driver = createDriver(fixture);
    const mutations = watchMutations(driver);
    const mapping = await createTable(driver);
    expect(mutations.map((m) => [m.type, m.name])).toEqual([['createSingleTable', '绩效结果']]);
    const table = driver.base.getTableById(mapping.table.id);
    expect(table.name).toBe('绩效结果');
    expect(table.primaryField.name).toBe('考核周期');
    const shape = (name: string) => {
      const field = table.getFieldByName(name);
      return {type: field.type, options: field.options};
    };
    expect(shape('参与人')).toEqual({type: 'multipleRecordLinks', options: {linkedTableId: TABLE_IDS.reps}});
    expect(shape('考核周期').type).toBe('singleLineText');
    expect(shape('方案版本').type).toBe('singleLineText');
    expect(shape('状态').type).toBe('singleSelect');
    expect((shape('状态').options as {choices: {name: string}[]}).choices.map((c) => c.name)).toEqual(['开放', '预估', '已审批', '已关账']);
    expect(shape('总分')).toEqual({type: 'number', options: {precision: 2}});
    expect(shape('排名')).toEqual({type: 'number', options: {precision: 0}});
    for (const name of ['绩效工资', '奖金', '团队奖', '冠军奖', '调整', '结转余额', '总收入']) expect(shape(name)).toEqual({type: 'currency', options: {precision: 2, symbol: '¥'}});
    for (const name of ['绩效明细', '反馈']) expect(shape(name).type).toBe('multilineText');
    for (const name of ['计算时间', '审批时间', '关账时间']) expect(shape(name).type).toBe('dateTime');
    expect(Object.keys(mapping.fields)).toHaveLength(LEDGER_KEYS.length);

    // A second click finds the table there and says what to do instead of failing.
    const again = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
    expect(again.ok === false && 'refusal' in again && messageText(again.refusal).zh).toBe('已有名为“绩效结果”的表：请在设置中选择该表作为结果表，或先将其改名');
  });

  it('shows a user who may not create tables the SDK reason, and creates nothing', async () => {
    const driver = createDriver(fixture);
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'createSingleTable');
    const mutations = watchMutations(driver);
    const created = await createResultsTable(driver.base, {lang: 'en', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
    expect(created).toEqual({ok: false, permission: 'The testing environment has been configured to deny this mutation.'});
    expect(mutations).toEqual([]);
    expect(driver.base.getTableByNameIfExists('Results')).toBeNull();
  });

  it('creates one row per person on the first refresh in calls of at most 50, and sends nothing on the second', async () => {
    const driver = createDriver(fixture);
    const mapping = await createTable(driver);
    const mutations = watchMutations(driver);
    const {run, upsert, outcome} = await refreshPeriod(driver, mapping, '2026-02');
    expect(upsert.creates).toHaveLength(160);
    expect(mutations.map((m) => [m.type, m.tableId, m.records!.length])).toEqual(
      [50, 50, 50, 10].map((n) => ['createMultipleRecords', mapping.table.id, n]),
    );
    expect(outcome).toMatchObject({calls: 4, remaining: 0, failed: null});
    expect(outcome.createdRecordIds).toHaveLength(160);

    const rows = storedRows(driver, mapping.table.id);
    expect(rows).toHaveLength(160);
    for (const result of run.results) {
      const row = rows.find((r) => (r['参与人'] as {id: string}[])[0].id === result.participantId)!;
      expect(row['考核周期']).toBe('2026-02');
      expect((row['参与人'] as {name: string}[])[0].name).toBe(result.name);
      expect((row['状态'] as {name: string}).name).toBe('开放');
      expect(row['总收入']).toBe(Number(result.totalPay));
      expect(row['总分']).toBe(Number(result.totalScore));
      expect(row['排名']).toBe(result.rank);
      expect(row['等级'] ?? null).toBe(result.grade);
      expect(row['绩效明细']).toBe(sayEach(result.breakdown, 'zh').join('\n'));
      expect(row['方案版本']).toBe('2026 标准版');
      expect(row['计算时间']).toBe('2026-04-15T08:00:00.000Z');
    }

    const second = await refreshPeriod(driver, mapping, '2026-02', {calculatedAt: '2026-04-16T08:00:00.000Z'});
    expect(second.upsert).toMatchObject({creates: [], updates: [], unchanged: 160, refusal: null});
    expect(second.outcome.calls).toBe(0);
    expect(mutations).toHaveLength(4);
  });

  it('keeps three periods as three rows per person, the unfinished one provisional', async () => {
    const small = demoBase({reps: 30, orders: 400});
    const driver = createDriver(small);
    const mapping = await createTable(driver);
    for (const periodId of ['2026-01', '2026-02', '2026-03']) await refreshPeriod(driver, mapping, periodId, {today: '2026-03-20'});
    const rows = storedRows(driver, mapping.table.id);
    expect(rows).toHaveLength(90);
    const byPerson = new Map<string, string[]>();
    for (const row of rows) {
      const id = (row['参与人'] as {id: string}[])[0].id;
      byPerson.set(id, [...(byPerson.get(id) ?? []), row['考核周期'] as string]);
    }
    expect(byPerson.size).toBe(30);
    for (const periods of byPerson.values()) expect(periods.sort()).toEqual(['2026-01', '2026-02', '2026-03']);
    const statuses = (periodId: string) => new Set(rows.filter((r) => r['考核周期'] === periodId).map((r) => (r['状态'] as {name: string}).name));
    expect(statuses('2026-02')).toEqual(new Set(['开放']));
    expect(statuses('2026-03')).toEqual(new Set(['预估']));
  });

  it('reports two rows for one person and period by name, and writes neither', async () => {
    const driver = createDriver(demoBase({reps: 20, orders: 200}));
    const mapping = await createTable(driver);
    const first = await refreshPeriod(driver, mapping, '2026-02');
    const person = first.run.results[3];
    // A collaborator duplicates the person's row by hand, with another total.
    const table = driver.base.getTableById(mapping.table.id);
    const [duplicateId] = await table.createRecordsAsync([
      {fields: {[mapping.fields.period!.id]: '2026-02', [mapping.fields.participant!.id]: [{id: person.participantId}], [mapping.fields.totalPay!.id]: 1}},
    ]);
    // And an order of the person changes, so their figures would change too.
    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.rep, FIELD_IDS.orders.date, FIELD_IDS.orders.amount]});
    const order = query.records.find(
      (r) => (r.getCellValue(FIELD_IDS.orders.rep) as {id: string}[] | null)?.[0]?.id === person.participantId && String(r.getCellValue(FIELD_IDS.orders.date)).startsWith('2026-02'),
    )!;
    await orders.updateRecordsAsync([{id: order.id, fields: {[FIELD_IDS.orders.amount]: (order.getCellValue(FIELD_IDS.orders.amount) as number) + 50_000}}]);
    query.unloadData();

    const mutations = watchMutations(driver);
    const second = await refreshPeriod(driver, mapping, '2026-02', {calculatedAt: '2026-04-16T08:00:00.000Z'});
    const written = mutations.flatMap((m) => (m.tableId === mapping.table.id ? m.records!.map((r) => r.id) : []));
    const rowsOfPerson = (await readResultRows(resolveResultsTable(driver.base, mapping).resolved!, '2026-02')).filter((r) => r.participantId === person.participantId);
    expect(rowsOfPerson.map((r) => r.recordId)).toContain(duplicateId);
    for (const row of rowsOfPerson) expect(written).not.toContain(row.recordId);
    expect(second.upsert.duplicates).toHaveLength(1);
    expect(second.upsert.messages.map((m) => messageText(m).zh)).toContain(`${person.name} 在周期 2026-02 有 2 行结果，无法确定哪一行有效：均未写入，请删除多余的行`);
    expect(second.upsert.creates).toEqual([]);
  });

  it('writes nothing for a closed period after one of its orders changes, and says why', async () => {
    const driver = createDriver(demoBase({reps: 20, orders: 200}));
    const mapping = await createTable(driver);
    const period = plan.periods.find((p) => p.id === '2026-02')!;
    await refreshPeriod(driver, mapping, '2026-02');
    // Approve and close, writing the stamps as the actions will.
    let state: PeriodState | undefined;
    for (const action of [{kind: 'approve'} as const, {kind: 'close', versionId: 'v2026'} as const]) {
      const next = transition(state, action, {period, today: AFTER_ALL, by: '李会计', at: '2026-04-15T09:00:00.000Z'});
      if (!next.ok) throw new Error(next.refusal.key);
      state = next.state;
      const {resolved} = resolveResultsTable(driver.base, mapping);
      const stamps = planStamps({period, state, today: AFTER_ALL, rows: await readResultRows(resolved!, '2026-02'), keys: resolved!.keys});
      await applyUpsert(resolved!, stamps, {lang: 'zh'});
    }
    const before = storedRows(driver, mapping.table.id);
    expect(new Set(before.map((r) => (r['状态'] as {name: string}).name))).toEqual(new Set(['已关账']));
    expect(new Set(before.map((r) => r['关账人']))).toEqual(new Set(['李会计']));

    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.date, FIELD_IDS.orders.amount]});
    const order = query.records.find((r) => String(r.getCellValue(FIELD_IDS.orders.date)).startsWith('2026-02'))!;
    await orders.updateRecordsAsync([{id: order.id, fields: {[FIELD_IDS.orders.amount]: -10_000}}]);
    query.unloadData();

    const mutations = watchMutations(driver);
    const after = await refreshPeriod(driver, mapping, '2026-02', {state, calculatedAt: '2026-04-20T08:00:00.000Z'});
    expect(mutations).toEqual([]);
    expect(after.outcome.calls).toBe(0);
    expect(messageText(after.upsert.refusal!).en).toBe('Period 2026-02 is closed (paid): its rows stay as they were paid, and nothing was written');
    expect(storedRows(driver, mapping.table.id)).toEqual(before);

    // Had the ledger's record of the close been lost, the rows themselves still refuse the write.
    const lost = await refreshPeriod(driver, mapping, '2026-02', {state: undefined});
    expect(lost.upsert.refusal?.key).toBe('ledger.upsert.rowsSayClosed');
    expect(mutations).toEqual([]);
  });

  it('tells a user who may not write rows why, before anything is sent', async () => {
    const driver = createDriver(fixture);
    const mapping = await createTable(driver);
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'createMultipleRecords');
    const {resolved} = resolveResultsTable(driver.base, mapping);
    expect(checkUpsertPermission(resolved!)).toEqual({ok: false, reason: 'The testing environment has been configured to deny this mutation.'});
  });

  it('keeps creates and updates of a refresh, across calls, within 15 calls in any second through one limiter', async () => {
    const driver = createDriver(demoBase({reps: 40, orders: 100}));
    const mapping = await createTable(driver);
    const {resolved} = resolveResultsTable(driver.base, mapping);
    const clock = fakeClock();
    const limiter = writeLimiter(clock.now, clock.sleep);
    const times: number[] = [];
    driver.watch('mutation', () => times.push(clock.now()));
    // 40 people x 20 past months: 16 create calls, then one figure changed on every row: 16 update calls.
    const months = Array.from({length: 20}, (_, i) => `2024-${String((i % 12) + 1).padStart(2, '0')}${i >= 12 ? 'b' : ''}`);
    const people = (await readFacts(driver.base, plan)).facts.participants.slice(0, 40);
    const creates = months.flatMap((periodId) => people.map((p) => ({participantId: p.id, name: p.name, cells: {participant: p.id, period: periodId, totalPay: 100}})));
    const base = {periodId: 'many', updates: [], unchanged: 0, duplicates: [], leftAlone: [], refusal: null, messages: []};
    const created = await applyUpsert(resolved!, {...base, creates}, {lang: 'zh', limiter});
    expect(created.createdRecordIds).toHaveLength(800);
    const updates = created.createdRecordIds.map((recordId, i) => ({recordId, participantId: creates[i].participantId, name: creates[i].name, cells: {totalPay: 200}, changes: []}));
    const updated = await applyUpsert(resolved!, {...base, creates: [], updates}, {lang: 'zh', limiter});
    expect(updated.updatedRecordIds).toHaveLength(800);
    expect(times).toHaveLength(32);
    const busiest = Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(15);
    expect(new Set(storedRows(driver, mapping.table.id).map((r) => r['总收入']))).toEqual(new Set([200]));
  });

  it('leaves out and reports a mapped field retyped to a formula, and writes the other fields', async () => {
    const driver = createDriver(demoBase({reps: 10, orders: 50}));
    const mapping = await createTable(driver);
    changeFieldType(driver, mapping.table.id, mapping.fields.totalPay!.id, 'formula', {isValid: true, referencedFieldIds: [], result: {type: 'number'}});
    const {resolved, issues} = resolveResultsTable(driver.base, mapping, TABLE_IDS.reps);
    expect(resolved!.keys).not.toContain('totalPay');
    // The type as Airtable shows it, a formula with the type of its result, in the reader's language.
    expect(issues.map((issue) => issue.message.en)).toEqual([
      'Field "总收入" of the results table is a formula (number result) field and cannot hold "Total pay"; skipped',
    ]);
    expect(issues[0].message.zh).toBe('结果表的字段“总收入”类型为公式字段（结果为数字），不能存放“总收入”，已跳过');
    const mutations = watchMutations(driver);
    await refreshPeriod(driver, mapping, '2026-02');
    const fieldIds = new Set(mutations.flatMap((m) => m.records!.flatMap((r) => Object.keys(r.cellValuesByFieldId))));
    expect(fieldIds.has(mapping.fields.totalPay!.id)).toBe(false);
    expect(fieldIds.has(mapping.fields.bonus!.id)).toBe(true);
  });

  it('numbers the tables it creates, so a second one does not replace the first', async () => {
    const driver = createDriver(fixture);
    const mapping = await createTable(driver);
    const other = await driver.base.createTableAsync('另一张表', [{name: '名称', type: 'singleLineText' as never}]);
    expect(other.id).not.toBe(mapping.table.id);
    expect(driver.base.getTableById(mapping.table.id).name).toBe('绩效结果');
  });
});
