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
import type {Table} from '@airtable/blocks/models';
import type {FixtureData} from '../../sim/fixture';
import {act, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {checkWritePermission} from '../../frontend/adapter/writeResults';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import type {Lang, PlanDocument} from '../../src/plan';
import {shellBase} from '../support/shellBase';
import {shellPlan} from '../support/shellPlan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {demoPlan} from '../support/demoPlan';
import {theIssue} from '../support/reliability';
import {diffBases, refreshHeadless, watchCellWrites} from '../support/reliabilityRun';
import {renderInBase} from '../support/renderInBase';

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

  it('T4 records deleted and edited while a refresh writes: the deleted rep is skipped and named, the rerun leaves nothing stale', async () => {
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
      await original(records);
      if (call === 1) {
        // A collaborator, between two calls: deletes a rep of the next batch, edits a written rep's salary.
        await table.deleteRecordsAsync([deleted]);
        await original([{id: edited, fields: {[FIELD_IDS.reps.baseSalary]: 9999}}]);
      }
    });
    const first = await refreshHeadless(driver, plan, '2026-02');
    spy.mockRestore();
    expect(first.outcome).toMatchObject({failed: null, remaining: 0, skippedDeletedRecordIds: [deleted]});
    expect(first.outcome.writtenRecordIds).toEqual(planned.filter((id) => id !== deleted));
    const issue = theIssue(first.outcome.issues, 'adapter.write.deleted');
    expect(issue).toMatchObject({severity: 'warning', recordIds: [deleted]});
    expect(issue.message).toEqual({
      zh: `1 条参与人记录在写入前已被删除，已跳过：${deleted}`,
      en: `1 participant records were deleted before they could be written and were skipped: ${deleted}`,
    });

    const second = await refreshHeadless(driver, plan, '2026-02', '2026-04-01T09:00:00.000Z');
    expect(second.outcome.failed).toBeNull();
    // The edit changes the edited rep's pay; the deletion shifts others' ranks: both are rewritten.
    expect(second.writes.updates.map((u) => u.id)).toContain(edited);
    expect(second.read.facts.participants.find((p) => p.id === edited)!.baseSalary).toBe(9999);
    const cells = await resultCells(driver);
    const edit = second.run.results.find((r) => r.participantId === edited)!;
    expect(cells.get(edited)!.pay).toBe(Number(edit.totalPay));
    expect(cells.has(deleted)).toBe(false);
    // Nothing stale is left: the base equals one clean refresh of a base that had both changes first.
    const clean = createDriver(base120());
    await repsTable(clean).deleteRecordsAsync([deleted]);
    await repsTable(clean).updateRecordsAsync([{id: edited, fields: {[FIELD_IDS.reps.baseSalary]: 9999}}]);
    await refreshHeadless(clean, plan, '2026-02');
    const stale = diffBases(snapshotFixture(clean), snapshotFixture(driver)).filter((d) => d.fieldId !== FIELD_IDS.reps.calculatedAt);
    expect(stale).toEqual([]);
  });
});

// --- Through the extension's UI (App over a simulated base) ---

function withPlan(fixture: FixtureData, plan: PlanDocument): FixtureData {
  return {...fixture, globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(plan)}} as FixtureData;
}

function mount(driver: TestDriver, lang: Lang) {
  renderInBase(driver, lang);
}

const PREVIEW = /^Preview$|^预览$/;
const REFRESH = /^Refresh$|^刷新结果$/;

async function previewPeriod(label: string) {
  const user = userEvent.setup();
  await user.selectOptions(await screen.findByRole('combobox', {name: /^Period$|^考核周期$/}), label);
  await user.click(screen.getByRole('button', {name: PREVIEW}));
  await screen.findByTestId('preview-totals');
  return user;
}

describe('reliability: people and time (through the extension)', () => {
  it('T1 a read-only user: Refresh is disabled with the SDK\'s reason, preview still works, nothing is written', async () => {
    const driver = createDriver(withPlan(shellBase(), shellPlan()));
    driver.simulatePermissionCheck(() => false);
    const writes = watchCellWrites(driver);
    const before = snapshotFixture(driver);
    mount(driver, 'zh');
    await previewPeriod('2026-03');
    expect(screen.getByTestId('preview-totals')).toHaveTextContent('3 位参与人');
    const refresh = screen.getByRole('button', {name: REFRESH});
    expect(refresh).toBeDisabled();
    expect(screen.getByTestId('refresh-blocker')).toHaveTextContent('The testing environment has been configured to deny this mutation.');
    expect(writes).toEqual([]);
    expect(diffBases(before, snapshotFixture(driver))).toEqual([]);
  });

  it('T2 permission lost between preview and refresh: "nothing was written", and nothing is', async () => {
    const driver = createDriver(withPlan(shellBase(), shellPlan()));
    const writes = watchCellWrites(driver);
    const before = snapshotFixture(driver);
    mount(driver, 'zh');
    const user = await previewPeriod('2026-03');
    expect(screen.getByRole('button', {name: REFRESH})).toBeEnabled();
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'setMultipleRecordsCellValues');
    await user.click(screen.getByRole('button', {name: REFRESH}));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '没有写入权限，未写入任何内容：The testing environment has been configured to deny this mutation.',
    );
    expect(writes).toEqual([]);
    expect(diffBases(before, snapshotFixture(driver))).toEqual([]);
  });

  it('T3 a collaborator changes the plan while the first previews: the preview says it is stale and Refresh waits', async () => {
    const driver = createDriver(withPlan(shellBase(), shellPlan()));
    const writes = watchCellWrites(driver);
    mount(driver, 'zh');
    const user = await previewPeriod('2026-03');
    const edited = shellPlan();
    edited.versions[0].metrics[0].target = {kind: 'fixed', value: '12000'};
    await act(() => driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(edited)));
    expect(screen.getByRole('button', {name: REFRESH})).toBeDisabled();
    expect(screen.getByTestId('refresh-blocker')).toHaveTextContent('预览之后方案已被修改（可能是其他协作者），请重新预览。');
    expect(writes).toEqual([]);
    await user.click(screen.getByRole('button', {name: PREVIEW}));
    // A whole preview runs before Refresh is enabled: under a loaded machine that takes more than waitFor's 1 s default.
    await waitFor(() => expect(screen.getByRole('button', {name: REFRESH})).toBeEnabled(), {timeout: 10_000});
  });

  it('T6 a write call failing at batch 2 of 2 through Refresh: the summary counts what was written, a second Refresh completes the rest', async () => {
    // 60 reps: calls of 50 and 10 records (the headless T5 covers a failure in the middle of three).
    const driver = createDriver(withPlan(demoBase({reps: 60, orders: 120}), demoPlan()));
    const spy = failCall(repsTable(driver), 2);
    const writes = watchCellWrites(driver);
    mount(driver, 'en');
    const user = await previewPeriod('2026-02');
    await user.click(screen.getByRole('button', {name: REFRESH}));
    const summary = await screen.findByTestId('refresh-summary', {}, {timeout: 20_000});
    spy.mockRestore();
    expect(summary).toHaveTextContent(/Done: 50 participants updated \(\d+ cells\), 0 unchanged, 10 failed; 2 write calls\./);
    expect(summary).toHaveTextContent('Write call 2 of 2 failed: 网络中断 / network lost. 50 records were written and 10 were not; refreshing again completes the rest.');
    expect(summary).toHaveTextContent('What was written stays; refresh again to complete the rest, and only the rest.');
    const firstIds = writes.flatMap((w) => w.records.map((r) => r.id));
    expect(firstIds).toHaveLength(50);

    writes.length = 0;
    await user.click(screen.getByRole('button', {name: REFRESH}));
    await waitFor(() => expect(screen.getByTestId('refresh-summary')).toHaveTextContent('Done: 10 participants updated'), {timeout: 20_000});
    const secondIds = writes.flatMap((w) => w.records.map((r) => r.id));
    expect(secondIds).toHaveLength(10);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
  });
});
