/** @jest-environment jsdom */
/**
 * The payroll download beside the period's ledger actions, through the real SDK on the shell's
 * small base (figures hand-checked in test/support/shellPlan.ts) with names a CSV must quote and
 * a team per rep: an open period's button is off and says why, in zh and en; a closed period's
 * file is the rows the results table holds, re-read by papaparse, with the BOM Excel needs.
 *
 * jsdom cannot save files: URL.createObjectURL (absent from jsdom) is given one that keeps the
 * Blob, and the download link's click records the file name instead of navigating.
 */
import type TestDriver from '@airtable/blocks-testing';
import {cleanup, screen, waitFor, within} from '@testing-library/react';
import userEvent, {PointerEventsCheckLevel} from '@testing-library/user-event';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import {TextDecoder} from 'node:util';
// The driver (the SDK's test environment) loads before anything that imports the SDK.
import {createDriver, snapshotFixture} from '../../sim/driver';
import {createResultsTable, resolveResultsTable} from '../../frontend/adapter/resultsTable';
import {runLedgerAction} from '../../frontend/run/ledgerActions';
import {refresh} from '../../frontend/run/pipeline';
import {PAYROLL_MIME} from '../../frontend/run/PayrollButton';
import type {PlanDocument} from '../../src/plan';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {renderInBase} from '../support/renderInBase';
import {shellPlan} from '../support/shellPlan';
import {QUOTED_NAMES, SHELL_TEAMS, shellBaseWithTeams, withTeamMapping} from '../support/shellTeams';

jest.setTimeout(60_000);

const NOW = new Date('2026-04-10T09:00:00.000Z');

/** A base whose 2026-03 rows were written by a refresh, the plan writing in Chinese. */
async function setUp(): Promise<{driver: TestDriver; plan: PlanDocument; tableId: string}> {
  const driver = createDriver(shellBaseWithTeams({quotedNames: true}));
  const plan = withTeamMapping(shellPlan());
  plan.resultLanguage = 'zh';
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: 'tblReps', currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  plan.mapping.resultsTable = created.mapping;
  await driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan));
  const written = await refresh(driver.base, plan, '2026-03', 'test', {now: NOW, lang: 'zh'});
  expect(written.kind).toBe('written');
  return {driver, plan, tableId: created.mapping.table.id};
}

/** Approve then close, as the period panel's actions do. */
async function close(driver: TestDriver, plan: PlanDocument) {
  const resolved = resolveResultsTable(driver.base, plan.mapping.resultsTable!, 'tblReps').resolved;
  for (const action of ['approve', 'close'] as const) {
    const outcome = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId: '2026-03', action, user: '张经理', now: NOW, lang: 'zh'});
    expect(outcome.ok).toBe(true);
  }
}

/** The results table's rows as the base holds them, by field name. */
function rowsOf(driver: TestDriver, tableId: string): Record<string, unknown>[] {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  return table.records.map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])));
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const setupUser = () => userEvent.setup({pointerEventsCheck: PointerEventsCheckLevel.Never});

async function choosePeriod(label: string) {
  await setupUser().selectOptions(await screen.findByRole('combobox', {name: /^Period$|^考核周期$/}), label);
}

const saved: {blob: Blob; url: string}[] = [];
const clicked: {href: string; download: string}[] = [];
const createObjectURL = URL.createObjectURL;
const revokeObjectURL = URL.revokeObjectURL;

beforeEach(() => {
  saved.length = 0;
  clicked.length = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:payroll-${saved.length}`;
    saved.push({blob, url});
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({href: this.href, download: this.download});
  });
});

afterEach(() => {
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
  jest.restoreAllMocks();
});

describe('payroll download', () => {
  it('is off for an open period and says why, in en and zh', async () => {
    const {driver} = await setUp();
    renderInBase(driver, 'en');
    await choosePeriod('2026-03');
    const panel = screen.getByTestId('period-panel');
    const button = within(panel).getByRole('button', {name: 'Download payroll'});
    expect(button).toBeDisabled();
    expect(screen.getByTestId('payroll-blocker')).toHaveTextContent('Period 2026-03 is not approved yet: only an approved or closed period can be exported for payroll');
    expect(button).toHaveAttribute('aria-describedby', 'spb-payroll-blocker');
    cleanup();

    renderInBase(driver, 'zh');
    await choosePeriod('2026-03');
    expect(within(screen.getByTestId('period-panel')).getByRole('button', {name: '下载工资表'})).toBeDisabled();
    expect(screen.getByTestId('payroll-blocker')).toHaveTextContent('周期 2026-03 尚未审批：只能导出已审批或已关账周期的工资表');
    expect(saved).toEqual([]);
  });

  it('saves a closed period as the CSV of the rows written: UTF-8 with a BOM, names quoted, in the plan result language', async () => {
    const {driver, plan, tableId} = await setUp();
    await close(driver, plan);
    renderInBase(driver, 'en');
    await choosePeriod('2026-03');
    expect(screen.queryByTestId('payroll-blocker')).not.toBeInTheDocument();
    await setupUser().click(within(screen.getByTestId('period-panel')).getByRole('button', {name: 'Download payroll'}));
    await waitFor(() => expect(screen.getByTestId('payroll-outcome')).toHaveTextContent('Payroll file 工资表-2026-03.csv saved (3 people)'));

    expect(saved).toHaveLength(1);
    expect(clicked).toEqual([{href: saved[0].url, download: '工资表-2026-03.csv'}]);
    const {blob} = saved[0];
    expect(blob.type).toBe(PAYROLL_MIME);
    const bytes = await bytesOf(blob);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes);
    expect(csv.startsWith('\uFEFF')).toBe(true);

    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {header: true, skipEmptyLines: true});
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['参与人ID', '姓名', '团队', '考核周期', '基本工资', '绩效工资', '奖金', '团队奖', '冠军奖', '调整', '总收入', '状态']);

    // Each line is its person's row as the results table holds it, amounts at the plan's 2 places.
    const written = rowsOf(driver, tableId);
    const money = (value: unknown) => (typeof value === 'number' ? value.toFixed(2) : '');
    // Base salary: the row's own field, or what total pay holds beyond the components and adjustments.
    const baseSalary = (row: Record<string, unknown>) =>
      typeof row['基本工资'] === 'number'
        ? money(row['基本工资'])
        : ['绩效工资', '奖金', '团队奖', '冠军奖', '调整'].reduce((rest, key) => rest.minus(String(row[key])), new Decimal(String(row['总收入']))).toFixed(2);
    const expected = written.map((row) => {
      const [link] = row['参与人'] as {id: string}[];
      return {
        参与人ID: link.id,
        姓名: QUOTED_NAMES[link.id],
        团队: SHELL_TEAMS[link.id],
        考核周期: row['考核周期'],
        基本工资: baseSalary(row),
        绩效工资: money(row['绩效工资']),
        奖金: money(row['奖金']),
        团队奖: money(row['团队奖']),
        冠军奖: money(row['冠军奖']),
        调整: money(row['调整']),
        总收入: money(row['总收入']),
        状态: (row['状态'] as {name: string}).name,
      };
    });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a['参与人ID']).localeCompare(String(b['参与人ID']));
    expect([...parsed.data].sort(byId)).toEqual(expected.sort(byId));
    // Hand-checked (shellPlan): 李娜 5,000 base + 3,000 performance pay; the period closed.
    expect(parsed.data.find((line) => line['参与人ID'] === 'recLi')).toMatchObject({姓名: '李娜, 华东', 基本工资: '5000.00', 绩效工资: '3000.00', 总收入: '8000.00', 状态: '已关账'});
    // People in the people table's order.
    expect(parsed.data.map((line) => line['姓名'])).toEqual(['李娜, 华东', 'Wang "Boss" Qiang', '赵敏\n（新人）']);
  });

  it('exports nothing when a person has two rows for the period, and names them', async () => {
    const {driver, plan, tableId} = await setUp();
    await close(driver, plan);
    // A second 2026-03 row for 李娜, as a collaborator's copy-paste would leave it.
    const results = driver.base.getTableById(tableId);
    await results.createRecordsAsync([{fields: {[results.getFieldByName('考核周期').id]: '2026-03', [results.getFieldByName('参与人').id]: [{id: 'recLi'}]}}]);
    renderInBase(driver, 'en');
    await choosePeriod('2026-03');
    await setupUser().click(within(screen.getByTestId('period-panel')).getByRole('button', {name: 'Download payroll'}));
    const outcome = await screen.findByTestId('payroll-outcome');
    expect(outcome).toHaveAttribute('role', 'alert');
    expect(outcome).toHaveTextContent('李娜, 华东 has 2 result rows for period 2026-03');
    // (The count is exportPayroll's: duplicate pairs plus unkeyed rows.)
    expect(outcome).toHaveTextContent(/The result rows of period 2026-03 are incomplete \(rows that cannot be attributed: 2\); the payroll file was not exported/);
    expect(saved).toEqual([]);
    expect(clicked).toEqual([]);
  });
});
