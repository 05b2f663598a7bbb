/** @jest-environment jsdom */
/**
 * Reliability catalogue, group "people and time" (docs/reliability.md): the user may not write,
 * loses permission, a collaborator edits the plan or the records while a run is under way, or a
 * write call fails half-way. The promise: the user is told exactly what was written, nothing is
 * written without permission, and a second refresh completes the rest and nothing more.
 */
import type TestDriver from '@airtable/blocks-testing';
// The simulated base must load before the SDK: sim/driver first.
import {createDriver, snapshotFixture} from '../../sim/driver';
import type Table from '@airtable/blocks/dist/types/src/models/table';
import {checkWritePermission} from '../../frontend/adapter/writeResults';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {demoPlan} from '../support/demoPlan';
import {diffBases, refreshHeadless, watchCellWrites} from '../support/reliabilityRun';

jest.setTimeout(60_000);

/** 120 reps: three write calls of 50, 50 and 20 records. */
const base120 = () => demoBase({reps: 120, orders: 240});
const repsTable = (driver: TestDriver): Table => driver.base.getTableById(TABLE_IDS.reps);

/** Makes call number `k` (1-based) of updateRecordsAsync fail; `before` runs just before each call. */
function failCall(table: Table, k: number, before?: (call: number) => Promise<void>) {
  const original = table.updateRecordsAsync.bind(table);
  let call = 0;
  return jest.spyOn(table, 'updateRecordsAsync').mockImplementation(async (records) => {
    call++;
    await before?.(call);
    if (call === k) throw new Error('网络中断 / network lost');
    return original(records);
  });
}

async function resultCells(driver: TestDriver) {
  const query = await repsTable(driver).selectRecordsAsync({fields: [FIELD_IDS.reps.totalScore, FIELD_IDS.reps.totalPay]});
  const cells = new Map(query.records.map((r) => [r.id, {score: r.getCellValue(FIELD_IDS.reps.totalScore), pay: r.getCellValue(FIELD_IDS.reps.totalPay)}]));
  query.unloadData();
  return cells;
}

describe('reliability: people and time (headless path)', () => {
  it('the write check: a read-only user gets the SDK\'s own reason', async () => {
    const driver = createDriver(base120());
    driver.simulatePermissionCheck(() => false);
    const plan = demoPlan();
    const check = checkWritePermission(repsTable(driver), Object.values(plan.mapping.results).map((ref) => ref!));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toBe('The testing environment has been configured to deny this mutation.');
    expect(check.issues).toEqual([]);
  });

  it('T5 a write call failing at batch 2 of 3: the message says exactly what was written; a second refresh completes the rest and nothing more', async () => {
    const driver = createDriver(base120());
    const plan = demoPlan();
    const spy = failCall(repsTable(driver), 2);
    const first = await refreshHeadless(driver, plan, '2026-02');
    spy.mockRestore();

    const planned = first.writes.updates.map((u) => u.id);
    expect(planned).toHaveLength(120);
    expect(first.outcome).toMatchObject({calls: 2, remaining: 70, aborted: false});
    expect(first.outcome.writtenRecordIds).toEqual(planned.slice(0, 50));
    expect(first.outcome.failed).toMatchObject({batch: 2, batches: 3, recordIds: planned.slice(50, 100)});
    const [issue] = first.outcome.issues;
    expect(issue.message).toEqual({
      zh: '第 2 批（共 3 批）写入失败：网络中断 / network lost。已写入 50 条记录，另有 70 条未写入；再次刷新会补全其余记录。',
      en: 'Write call 2 of 3 failed: 网络中断 / network lost. 50 records were written and 70 were not; refreshing again completes the rest.',
    });
    // The base holds exactly the first batch.
    const cells = await resultCells(driver);
    expect(planned.filter((id) => cells.get(id)!.score !== null)).toEqual(planned.slice(0, 50));

    const writes = watchCellWrites(driver);
    const second = await refreshHeadless(driver, plan, '2026-02', '2026-04-01T09:00:00.000Z');
    expect(second.writes.updates.map((u) => u.id)).toEqual(planned.slice(50));
    expect(second.outcome).toMatchObject({failed: null, calls: 2, remaining: 0});
    expect(writes.flatMap((w) => w.records.map((r) => r.id))).toEqual(planned.slice(50));
    // The two runs together wrote what one clean run writes.
    const clean = createDriver(base120());
    await refreshHeadless(clean, plan, '2026-02');
    const sameAsClean = diffBases(snapshotFixture(clean), snapshotFixture(driver)).filter((d) => d.fieldId !== FIELD_IDS.reps.calculatedAt);
    expect(sameAsClean).toEqual([]);
  });

  it('T4 records deleted and edited while a refresh writes: the failed call is reported, the rerun writes the edit and skips the deleted record', async () => {
    const driver = createDriver(base120());
    const plan = demoPlan();
    const table = repsTable(driver);
    const planned = (await refreshHeadless(createDriver(base120()), plan, '2026-02')).writes.updates.map((u) => u.id);
    const deleted = planned[60];
    // Already written by call 1 when the collaborator edits it: the rerun must correct it.
    const edited = planned[10];
    const original = table.updateRecordsAsync.bind(table);
    let call = 0;
    const spy = jest.spyOn(table, 'updateRecordsAsync').mockImplementation(async (records) => {
      call++;
      if (call === 2) {
        // A collaborator, between two calls: deletes a rep of the next batch, edits another's salary.
        await table.deleteRecordsAsync([deleted]);
        await original([{id: edited, fields: {[FIELD_IDS.reps.baseSalary]: 9999}}]);
      }
      return original(records);
    });
    const first = await refreshHeadless(driver, plan, '2026-02');
    spy.mockRestore();
    expect(first.outcome.failed).toMatchObject({batch: 2, batches: 3});
    expect(first.outcome.writtenRecordIds).toEqual(planned.slice(0, 50));
    expect(first.outcome.issues[0].message.en).toMatch(/^Write call 2 of 3 failed: .+\. 50 records were written and 70 were not; refreshing again completes the rest\.$/);

    const second = await refreshHeadless(driver, plan, '2026-02', '2026-04-01T09:00:00.000Z');
    expect(second.outcome.failed).toBeNull();
    const rewritten = second.writes.updates.map((u) => u.id);
    expect(rewritten).not.toContain(deleted);
    expect(rewritten).toEqual([edited, ...planned.slice(50).filter((id) => id !== deleted)]);
    expect(second.read.facts.participants.find((p) => p.id === edited)!.baseSalary).toBe(9999);
    const cells = await resultCells(driver);
    const edit = second.run.results.find((r) => r.participantId === edited)!;
    expect(cells.get(edited)!.pay).toBe(Number(edit.totalPay));
    expect(cells.has(deleted)).toBe(false);
  });
});
