/** @jest-environment jsdom */
/**
 * The run view with a results table, through the real SDK on the shell's small base (every
 * figure hand-checked in test/ui/app.test.tsx): approve and close behind confirmations showing
 * the period's totals, who and when recorded in the rows, the ledger state and the run log; a
 * closed period refused with the reason; a user who may not write unable to act, told why; an
 * empty period asking before writing; the history of a person and a team across two periods, adjustments and balance shown.
 */
import type TestDriver from '@airtable/blocks-testing';
import {screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
// The driver (the SDK's test environment) loads before anything that imports the SDK.
import {createDriver, snapshotFixture} from '../../sim/driver';
import {createResultsTable} from '../../frontend/adapter/resultsTable';
import {parseRunLog, RUN_LOG_KEY} from '../../frontend/state/runLog';
import {LEDGER_CONFIG_KEY, parseLedgerState} from '../../src/ledger/state';
import {monthPeriod} from '../../src/period';
import type {Lang, PlanDocument} from '../../src/plan';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {renderInBase} from '../support/renderInBase';
import {shellBase} from '../support/shellBase';
import {shellPlan} from '../support/shellPlan';
import {shellBaseWithTeams, withTeamMapping} from '../support/shellTeams';

jest.setTimeout(120_000);

/** jsdom has no canvas: the trend chart's data is recorded instead of drawn (as test/charts does). */
const drawn: {labels: unknown[]}[] = [];
jest.mock('react-chartjs-2', () => {
  function Recorded({data}: {data: {labels: unknown[]}}) {
    drawn.push({labels: data.labels});
    return <canvas />;
  }
  return {Bar: Recorded, Chart: Recorded, Line: Recorded};
});

async function setUp(options: {extraPeriod?: boolean; teams?: boolean} = {}): Promise<{driver: TestDriver; plan: PlanDocument; tableId: string}> {
  const driver = createDriver(options.teams ? shellBaseWithTeams() : shellBase());
  const plan = options.teams ? withTeamMapping(shellPlan()) : shellPlan();
  if (options.extraPeriod) plan.periods.push(monthPeriod(2026, 5));
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: 'tblReps', currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  plan.mapping.resultsTable = created.mapping;
  await driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan));
  return {driver, plan, tableId: created.mapping.table.id};
}

const setupUser = () => userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});

async function choosePeriod(user: ReturnType<typeof setupUser>, label: string) {
  await user.selectOptions(await screen.findByRole('combobox', {name: /^Period$|^考核周期$/}), label);
}

async function preview(user: ReturnType<typeof setupUser>) {
  await user.click(screen.getByRole('button', {name: /^Preview$|^预览$/}));
  await waitFor(() => expect(screen.queryByTestId('progress')).not.toBeInTheDocument(), {timeout: 30_000});
  await screen.findByTestId('preview-totals', {}, {timeout: 30_000});
}

async function refreshPeriod(user: ReturnType<typeof setupUser>, label: string) {
  await choosePeriod(user, label);
  await preview(user);
  await user.click(screen.getByRole('button', {name: /^Refresh$|^刷新结果$/}));
  await screen.findByTestId('ledger-summary', {}, {timeout: 30_000});
}

function rowsOf(driver: TestDriver, tableId: string) {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  return table.records.map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])) as Record<string, unknown>);
}

/** A table's body rows as {column header: cell text}, the way a reader pairs them. */
function tableCells(table: HTMLElement): Record<string, string>[] {
  const [head, ...body] = within(table).getAllByRole('row');
  const headers = within(head).getAllByRole('columnheader').map((cell) => cell.textContent ?? '');
  return body.map((row) => Object.fromEntries(within(row).getAllByRole('cell').map((cell, i) => [headers[i], cell.textContent ?? ''])));
}

const mount = (driver: TestDriver, lang: Lang = 'en') => renderInBase(driver, lang);

describe('period status in the run view', () => {
  it('approves and closes a period behind confirmations with its totals, then refuses to refresh it and says why', async () => {
    const {driver, tableId} = await setUp();
    mount(driver);
    const user = setupUser();
    await refreshPeriod(user, '2026-03');
    expect(screen.getByTestId('ledger-summary')).toHaveTextContent('Results table: 3 rows created, 0 updated (1 write calls)');
    expect(screen.getByTestId('period-status')).toHaveTextContent('Period status: Open');

    // The preview after the write has nothing pending: approval is offered.
    await preview(user);
    await user.click(within(screen.getByTestId('period-panel')).getByRole('button', {name: 'Approve'}));
    const totals = await screen.findByTestId('period-totals');
    expect(within(totals).getByText('People').nextSibling).toHaveTextContent('3');
    expect(within(totals).getByText('Total pay').nextSibling).toHaveTextContent(/^[¥￥]17,300\.00$/);
    expect(within(totals).getByText('Performance pay').nextSibling).toHaveTextContent(/^[¥￥]4,300\.00$/);
    await user.click(screen.getAllByRole('button', {name: 'Approve'}).at(-1)!);
    await waitFor(() => expect(screen.getByTestId('period-status')).toHaveTextContent('Period status: Approved · 张经理'));
    expect(rowsOf(driver, tableId).map((r) => [(r['状态'] as {name: string}).name, r['审批人']])).toEqual([
      ['已审批', '张经理'],
      ['已审批', '张经理'],
      ['已审批', '张经理'],
    ]);

    await user.click(within(screen.getByTestId('period-panel')).getByRole('button', {name: 'Close (paid)'}));
    await screen.findByTestId('period-totals');
    await user.click(screen.getAllByRole('button', {name: 'Close (paid)'}).at(-1)!);
    await waitFor(() => expect(screen.getByTestId('period-status')).toHaveTextContent('Period status: Closed · 张经理'));
    const state = parseLedgerState(driver.globalConfig.get(LEDGER_CONFIG_KEY)).state.periods['2026-03'];
    expect(state).toMatchObject({status: 'closed', approved: {by: '张经理'}, closed: {by: '张经理'}, frozenVersionId: 'v1'});
    expect(rowsOf(driver, tableId).every((r) => (r['状态'] as {name: string}).name === '已关账' && r['关账人'] === '张经理')).toBe(true);
    const log = parseRunLog(driver.globalConfig.get(RUN_LOG_KEY));
    expect(log.map((entry) => entry.action?.kind ?? 'refresh')).toEqual(['close', 'approve', 'refresh']);
    expect(log[2].ledger).toEqual({created: 3, updated: 0});
    expect(log[0]).toMatchObject({user: '张经理', periodId: '2026-03', participants: 3, totals: {totalPay: '17300'}});

    // Refresh is off for the closed period, and the reason is there to read.
    expect(screen.getByRole('button', {name: 'Refresh'})).toBeDisabled();
    expect(screen.getByTestId('ledger-refusal')).toHaveTextContent('Period 2026-03 is closed (paid): its rows stay as they were paid, and nothing was written');
  });

  it('asks for a reason to reopen, and logs it', async () => {
    const {driver} = await setUp();
    await driver.globalConfig.setAsync(LEDGER_CONFIG_KEY, JSON.stringify({version: 1, periods: {'2026-03': {status: 'approved', approved: {by: '李娜', at: '2026-04-02T01:00:00.000Z'}}}}));
    mount(driver, 'zh');
    const user = setupUser();
    await choosePeriod(user, '2026-03');
    await user.click(within(screen.getByTestId('period-panel')).getByRole('button', {name: '重新打开'}));
    const reason = await screen.findByLabelText('重新打开的原因');
    const confirm = () => screen.getAllByRole('button', {name: '重新打开'}).at(-1)!;
    expect(confirm()).toBeDisabled();
    await user.type(reason, '漏录一笔退款');
    await user.click(confirm());
    await waitFor(() => expect(screen.getByTestId('period-status')).toHaveTextContent('周期状态：开放'));
    const state = parseLedgerState(driver.globalConfig.get(LEDGER_CONFIG_KEY)).state.periods['2026-03'];
    expect(state.reopens).toEqual([expect.objectContaining({by: '张经理', from: 'approved', reason: '漏录一笔退款'})]);
    await waitFor(() => expect(parseRunLog(driver.globalConfig.get(RUN_LOG_KEY))[0].action).toEqual({kind: 'reopen', reason: '漏录一笔退款'}));
    expect(within(screen.getByTestId('run-log')).getByText(/重新打开了周期 2026-03，原因：漏录一笔退款/)).toBeInTheDocument();
  });

  it('keeps a user who may not write from approving, closing or reopening, and says why', async () => {
    const {driver} = await setUp();
    await driver.globalConfig.setAsync(LEDGER_CONFIG_KEY, JSON.stringify({version: 1, periods: {'2026-03': {status: 'approved', approved: {by: '李娜', at: '2026-04-02T01:00:00.000Z'}}}}));
    driver.simulatePermissionCheck(() => false);
    mount(driver);
    await choosePeriod(setupUser(), '2026-03');
    const panel = screen.getByTestId('period-panel');
    expect(within(panel).getByRole('button', {name: 'Close (paid)'})).toBeDisabled();
    expect(within(panel).getByRole('button', {name: 'Reopen'})).toBeDisabled();
    expect(screen.getByTestId('period-actions-denied')).toHaveTextContent('You may not do this: The testing environment has been configured to deny this mutation.');
    await choosePeriod(setupUser(), '2026-04');
    expect(within(screen.getByTestId('period-panel')).getByRole('button', {name: 'Approve'})).toBeDisabled();
  });

  it('warns of an empty period and writes nothing without the confirmation', async () => {
    const {driver, tableId} = await setUp({extraPeriod: true});
    const writes: string[] = [];
    driver.watch('mutation', (m) => {
      if ('records' in m) writes.push(m.type);
    });
    mount(driver, 'zh');
    const user = setupUser();
    await choosePeriod(user, '2026-05');
    await preview(user);
    expect(screen.getByTestId('empty-period')).toHaveTextContent('2026-05：本周期没有订单');
    await user.click(screen.getByRole('button', {name: '刷新结果'}));
    await screen.findByText('周期 2026-05 没有任何数据');
    await user.click(screen.getByRole('button', {name: '取消'}));
    expect(writes).toEqual([]);
    expect(rowsOf(driver, tableId)).toEqual([]);

    await user.click(screen.getByRole('button', {name: '刷新结果'}));
    await user.click(await screen.findByRole('button', {name: '仍然写入'}));
    await screen.findByTestId('ledger-summary', {}, {timeout: 30_000});
    expect(rowsOf(driver, tableId).map((r) => r['考核周期'])).toEqual(['2026-05', '2026-05', '2026-05']);
  });

  it('shows a person and a team across the periods written, adjustments and balance included, from the results table', async () => {
    const {driver, tableId} = await setUp({teams: true});
    mount(driver);
    const user = setupUser();
    await refreshPeriod(user, '2026-03');
    await refreshPeriod(user, '2026-04');
    // 李娜's April row as a refresh carrying a capped clawback writes it (docs/adjustments.md: of
    // -3,000.00 due, 20% of 5,000.00 is taken and the rest carried): adjustments -1,000.00, balance
    // -2,000.00, total pay 7,000.00 - 1,000.00. The history shows what the row holds.
    const results = driver.base.getTableById(tableId);
    const field = (name: string) => results.getFieldByName(name).id;
    const april = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!.records.find(
      (r) => r.cellValuesByFieldId[field('考核周期')] === '2026-04' && (r.cellValuesByFieldId[field('参与人')] as {id: string}[])[0].id === 'recLi',
    )!;
    expect(april.cellValuesByFieldId[field('总收入')]).toBe(7000);
    await results.updateRecordsAsync([{id: april.id, fields: {[field('调整')]: -1000, [field('结转余额')]: -2000, [field('总收入')]: 6000}}]);

    await user.click(screen.getByRole('button', {name: 'History'}));
    await screen.findByRole('option', {name: '李娜'});
    await user.selectOptions(screen.getByRole('combobox', {name: 'Person'}), '李娜');
    const person = tableCells(within(screen.getByTestId('history-person')).getByRole('table'));
    expect(person.map((row) => [row['Period'], row['Status'], row['Adjustments'], row['Balance carried forward'], row['Total pay']])).toEqual([
      ['2026-03', 'Open', '¥0.00', '¥0.00', '¥8,000.00'],
      ['2026-04', 'Open', '-¥1,000.00', '-¥2,000.00', '¥6,000.00'],
    ]);
    // Scores at the 2 places they were written with, even when the number cell reads back 108.
    for (const row of person) expect(row['Total score']).toMatch(/^\d+\.\d\d$/);
    // The trend chart (frontend/charts) gets the same two periods.
    expect(drawn.at(-1)!.labels).toEqual(['2026-03', '2026-04']);

    // 华东一队 is 李娜 and 王强 (4,500.00 in each month: 500.00 performance pay on 4,000.00).
    await user.selectOptions(screen.getByRole('combobox', {name: 'Team'}), '华东一队');
    const team = tableCells(within(screen.getByTestId('history-team')).getByRole('table'));
    expect(team.map((row) => [row['Period'], row['People'], row['Adjustments'], row['Balance carried forward'], row['Total pay']])).toEqual([
      ['2026-03', '2', '¥0.00', '¥0.00', '¥12,500.00'],
      ['2026-04', '2', '-¥1,000.00', '-¥2,000.00', '¥10,500.00'],
    ]);
  });
});
