/** @jest-environment jsdom */
/**
 * The shell and the run view through the real SDK on a simulated base: a stored plan opens the
 * run view, a refresh writes exactly the hand-checked values and nothing twice, permissions and a
 * deleted field stop it with a message, and a plan changed by a collaborator makes the preview stale.
 */
import type TestDriver from '@airtable/blocks-testing';
import {act, screen, waitFor, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {FixtureData} from '../../sim/fixture';
import {createDriver} from '../../sim/driver';
import {RUN_LOG_KEY, parseRunLog} from '../../frontend/state/runLog';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import type {Lang, PlanDocument} from '../../src/plan';
import {shellBase} from '../support/shellBase';
import {shellPlan} from '../support/shellPlan';
import {renderInBase} from '../support/renderInBase';

jest.setTimeout(120_000);

function baseWithPlan(plan: PlanDocument = shellPlan()): FixtureData {
  return {...shellBase(), globalConfig: {[PLAN_CONFIG_KEY]: serializePlan(plan)}} as FixtureData;
}

function mount(driver: TestDriver, lang: Lang = 'en') {
  renderInBase(driver, lang);
}

/** Cell writes only: globalConfig writes (plan, run log) are not the base's data. */
function watchCellWrites(driver: TestDriver) {
  const writes: {records: {id: string; cellValuesByFieldId: Record<string, unknown>}[]}[] = [];
  driver.watch('mutation', (mutation) => {
    if (mutation.type === 'setMultipleRecordsCellValues') writes.push(mutation as unknown as (typeof writes)[number]);
  });
  return writes;
}

async function readReps(driver: TestDriver) {
  const table = driver.base.getTableById('tblReps');
  const query = await table.selectRecordsAsync();
  const byName = new Map(query.records.map((r) => [r.name, r]));
  const cells = (name: string) => {
    const record = byName.get(name);
    if (!record) throw new Error(`no record ${name}`);
    return {
      score: record.getCellValue('fldRepsScore'),
      grade: (record.getCellValue('fldRepsGrade') as {name: string} | null)?.name ?? null,
      rank: record.getCellValue('fldRepsRank'),
      performancePay: record.getCellValue('fldRepsPerfPay'),
      totalPay: record.getCellValue('fldRepsTotalPay'),
      calculatedAt: record.getCellValue('fldRepsCalculatedAt'),
      baseSalary: record.getCellValue('fldRepsBaseSalary'),
    };
  };
  const result = {li: cells('李娜'), zhao: cells('赵敏'), wang: cells('王强')};
  query.unloadData();
  return result;
}

async function choosePeriod(label: string) {
  const user = userEvent.setup({pointerEventsCheck: 0});
  await user.selectOptions(await screen.findByRole('combobox', {name: /Period|考核周期/}), label);
  return user;
}

async function preview(user: ReturnType<typeof userEvent.setup>, name = /^Preview$|^预览$/) {
  await user.click(screen.getByRole('button', {name}));
  // The run gives the browser turns between slices, so a second preview of the same period is not
  // over when the earlier totals are found: wait for the progress bar to go.
  await waitFor(() => expect(screen.queryByTestId('progress')).not.toBeInTheDocument(), {timeout: 30_000});
  await screen.findByTestId('preview-totals', {}, {timeout: 30_000});
}

describe('the run view over a stored plan', () => {
  it('previews every participant with rank, score, grade, pay and the cells that would change', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    const table = screen.getByRole('table', {name: /Preview/});
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 5).map((c) => c.textContent))).toEqual([
      // The plan's currency (CNY) in the reader's locale, by its narrow symbol.
      ['1', '李娜', '120.00', 'S', '¥8,000.00'],
      ['2', '赵敏', '60.00', 'C', '¥4,800.00'],
      ['3', '王强', '40.00', 'D', '¥4,500.00'],
    ]);
    // A row expands to its changes, each formatted like its column.
    await user.click(screen.getByRole('button', {name: 'Show the changes for 李娜'}));
    expect(screen.getByTestId('change-recLi-totalPay')).toHaveTextContent('Total pay: — → ¥8,000.00');
  });

  it('opens a warning\'s record and explains a participant line by line', async () => {
    const driver = createDriver(baseWithPlan());
    const expanded: string[] = [];
    driver.watch('expandRecord', ({recordId}) => expanded.push(recordId));
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    // The orphan order SO-5 is named by its order number (its primary value), never its record
    // id, with a link that opens it in Airtable.
    expect(screen.getByTestId('issue-engine.record.orphan')).toHaveTextContent('SO-5');
    expect(screen.getByTestId('issue-engine.record.orphan')).not.toHaveTextContent('recO5');
    await user.click(screen.getByRole('button', {name: 'Open “SO-5”'}));
    await waitFor(() => expect(expanded).toEqual(['recO5']));

    await user.click(within(screen.getByRole('table')).getByRole('button', {name: '李娜'}));
    const breakdown = screen.getByTestId('breakdown');
    expect(breakdown).toHaveTextContent('Sales 12,000.00 / target 10,000.00 = 120.00% × weight 100% = 120.00');
    expect(breakdown).toHaveTextContent('Performance pay 2,000.00 × coefficient 1.5 (grade S) = 3,000.00');
    expect(screen.getByTestId('feedback')).toHaveTextContent('Sales');
  });

  it('writes exactly the hand-checked values, records the run, and a second refresh writes nothing', async () => {
    const driver = createDriver(baseWithPlan());
    const writes = watchCellWrites(driver);
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    const summary = await screen.findByTestId('refresh-summary', {}, {timeout: 30_000});
    expect(summary).toHaveTextContent('3 participants updated');
    expect(summary).toHaveTextContent('0 failed');

    const reps = await readReps(driver);
    expect(reps.li).toMatchObject({score: 120, grade: 'S', rank: 1, performancePay: 3000, totalPay: 8000, baseSalary: 5000});
    expect(reps.zhao).toMatchObject({score: 60, grade: 'C', rank: 2, performancePay: 800, totalPay: 4800});
    expect(reps.wang).toMatchObject({score: 40, grade: 'D', rank: 3, performancePay: 500, totalPay: 4500});
    expect(typeof reps.li.calculatedAt).toBe('string');
    // Only the mapped result fields were sent.
    const sentFields = new Set(writes.flatMap((w) => w.records.flatMap((r) => Object.keys(r.cellValuesByFieldId))));
    expect([...sentFields].sort()).toEqual(
      ['fldRepsCalculatedAt', 'fldRepsGrade', 'fldRepsPerfPay', 'fldRepsRank', 'fldRepsScore', 'fldRepsTotalPay'].sort(),
    );

    const log = parseRunLog(driver.globalConfig.get(RUN_LOG_KEY));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({user: '张经理', periodId: '2026-03', versionId: 'v1', changed: 3, unchanged: 0, failed: 0});
    expect(log[0].totals.totalPay).toBe('17300.00');
    expect(within(screen.getByTestId('run-log')).getByText(/张经理/)).toBeInTheDocument();

    const before = writes.length;
    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    await waitFor(() => expect(screen.getByTestId('refresh-summary')).toHaveTextContent('0 participants updated'), {timeout: 30_000});
    expect(writes.length).toBe(before);
    expect(parseRunLog(driver.globalConfig.get(RUN_LOG_KEY))).toHaveLength(2);
  });

  it('shows the same preview in Chinese', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver, 'zh');
    const user = await choosePeriod('2026-03');
    await preview(user);
    expect(screen.getByRole('button', {name: '刷新结果'})).toBeEnabled();
    expect(screen.getByText('排行榜')).toBeInTheDocument();
    expect(screen.getByTestId('preview-totals')).toHaveTextContent('3 位参与人');
    await user.click(within(screen.getByRole('table')).getByRole('button', {name: '李娜'}));
    expect(screen.getByRole('heading', {name: '李娜 的绩效明细'})).toBeInTheDocument();
  });

  it('lets the user switch the language from the run view', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver, 'zh');
    const user = userEvent.setup({pointerEventsCheck: 0});
    await user.selectOptions(await screen.findByRole('combobox', {name: '语言'}), 'English');
    expect(await screen.findByRole('button', {name: 'Preview'})).toBeInTheDocument();
  });
});

describe('what stops a refresh', () => {
  it('a read-only user sees the SDK reason on the disabled button and nothing is written', async () => {
    const driver = createDriver(baseWithPlan());
    driver.simulatePermissionCheck(() => false);
    const writes = watchCellWrites(driver);
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    const refresh = screen.getByRole('button', {name: 'Refresh'});
    expect(refresh).toBeDisabled();
    const check = driver.base.getTableById('tblReps').checkPermissionsForUpdateRecords();
    expect(check.hasPermission).toBe(false);
    if (!check.hasPermission) expect(screen.getByTestId('refresh-blocker')).toHaveTextContent(check.reasonDisplayString);
    expect(writes).toEqual([]);
  });

  it('permission lost between preview and refresh: a message, and nothing is written', async () => {
    const driver = createDriver(baseWithPlan());
    const writes = watchCellWrites(driver);
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    driver.simulatePermissionCheck((mutation) => mutation.type !== 'setMultipleRecordsCellValues');
    await user.click(screen.getByRole('button', {name: 'Refresh'}));
    expect(await screen.findByRole('alert', {}, {timeout: 30_000})).toHaveTextContent('nothing was written');
    expect(writes).toEqual([]);
    expect((await readReps(driver)).li.totalPay).toBeNull();
  });

  it('a plan saved by another collaborator makes the preview stale until it is previewed again', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver);
    const user = await choosePeriod('2026-03');
    await preview(user);
    expect(screen.getByRole('button', {name: 'Refresh'})).toBeEnabled();
    const edited = shellPlan();
    edited.versions[0].metrics[0].target = {kind: 'fixed', value: '12000'};
    await act(() => driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(edited)));
    expect(screen.getByRole('button', {name: 'Refresh'})).toBeDisabled();
    expect(screen.getByTestId('refresh-blocker')).toHaveTextContent('The plan was changed after this preview');
    await preview(user);
    expect(screen.getByRole('button', {name: 'Refresh'})).toBeEnabled();
    // 李娜 12,000 / 12,000 = 100 -> A.
    expect(within(screen.getByTestId('preview-row-recLi')).getAllByRole('cell')[3]).toHaveTextContent('A');
  });
});

describe('the settings gate', () => {
  it('opens settings from the run view on demand and closes back to it when the plan is valid', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver);
    const user = userEvent.setup({pointerEventsCheck: 0});
    await user.click(await screen.findByRole('button', {name: 'Settings'}));
    expect(screen.queryByRole('button', {name: 'Refresh'})).not.toBeInTheDocument();
    expect(screen.queryByTestId('forced-notice')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', {name: 'Close'}));
    expect(await screen.findByRole('button', {name: 'Refresh'})).toBeInTheDocument();
  });

  it('opens settings when no plan is stored', async () => {
    const driver = createDriver(shellBase());
    mount(driver);
    expect(await screen.findByTestId('no-plan-notice')).toHaveTextContent('There is no plan yet');
    expect(screen.queryByRole('button', {name: 'Refresh'})).not.toBeInTheDocument();
  });

  it('a mapped field deleted after setup gives a message naming it and forces settings open', async () => {
    const driver = createDriver(baseWithPlan());
    mount(driver);
    expect(await screen.findByRole('button', {name: 'Refresh'})).toBeInTheDocument();
    await act(() => driver.deleteFieldAsync('tblOrders', 'fldOrdersAmount'));
    const notice = await screen.findByTestId('forced-notice');
    expect(notice).toHaveTextContent('订单金额');
    expect(screen.queryByRole('button', {name: 'Refresh'})).not.toBeInTheDocument();
  });
});
