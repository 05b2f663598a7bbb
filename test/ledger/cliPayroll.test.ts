/**
 * @jest-environment jsdom
 *
 * `npm run score` and issue 13: `--period <id> --csv <file>` writes the payroll file of an
 * approved or closed period (what the results table holds, BOM first, re-read by papaparse) and
 * refuses an open one with the reason, writing no file; `--reopen <id> --reason <text>` reopens
 * by the extension's rules (ledgerActions.ts) and keeps the reason in the snapshot's ledger.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import {createDriver} from '../../sim/driver';
import {main} from '../../scripts/score';
import {demoBase} from '../../sim/demoBase';
import {LEDGER_CONFIG_KEY, parseLedgerState} from '../../src/ledger/state';
import type {FixtureData} from '../../sim/fixture';
import {demoPlan} from '../support/demoPlan';
import {addResultsTable, saveForCli} from '../support/cliFiles';

jest.setTimeout(120_000);

let dir: string;
const file = (name: string) => path.join(dir, name);

async function run(args: string[], lang: 'en' | 'zh' = 'en'): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main([...args, '--lang', lang], {}, {stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line)});
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')};
}

const common = (base: string) => ['--base', file(base), '--plan', file('plan.json')];
const snapshot = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as FixtureData;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'spb-payroll-cli-'));
  const driver = createDriver(demoBase({reps: 12, orders: 80}));
  // The file is in the plan's result language whatever the terminal's: Chinese here, messages in English.
  const plan = {...demoPlan(), resultLanguage: 'zh' as const};
  await addResultsTable(driver, plan);
  saveForCli(dir, driver, plan);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('npm run score --csv and --reopen', () => {
  it('refuses the payroll of an open period with the reason, writes it once approved, and reopens with a reason', async () => {
    expect((await run([...common('base.json'), '--period', '2026-01', '--out', file('b1.json')])).code).toBe(0);

    const open = await run([...common('b1.json'), '--period', '2026-01', '--csv', file('open.csv')], 'zh');
    expect(open).toMatchObject({code: 1, stderr: '周期 2026-01 尚未审批：只能导出已审批或已关账周期的工资表'});
    expect(existsSync(file('open.csv'))).toBe(false);

    expect((await run([...common('b1.json'), '--approve', '2026-01', '--out', file('b2.json')])).code).toBe(0);
    const exported = await run([...common('b2.json'), '--period', '2026-01', '--csv', file('payroll.csv')]);
    expect(exported).toMatchObject({code: 0, stdout: `The payroll of period 2026-01 (12 people) was written to ${file('payroll.csv')}.`});
    const bytes = readFileSync(file('payroll.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {header: true, skipEmptyLines: true});
    expect(parsed.errors).toEqual([]);
    // The plan writes in Chinese: its column names; one line per person with the rows' figures.
    expect(parsed.meta.fields).toEqual(['参与人ID', '姓名', '团队', '考核周期', '基本工资', '绩效工资', '奖金', '团队奖', '冠军奖', '调整', '总收入', '状态']);
    const table = snapshot('b2.json').base.tables.find((t) => t.name === '绩效结果')!;
    const fieldId = (name: string) => table.fields.find((f) => f.name === name)!.id;
    const rowPay = new Map(table.records.map((r) => [(r.cellValuesByFieldId[fieldId('参与人')] as {id: string}[])[0].id, r.cellValuesByFieldId[fieldId('总收入')] as number]));
    expect(parsed.data).toHaveLength(12);
    for (const line of parsed.data) {
      expect(line['考核周期']).toBe('2026-01');
      expect(line['状态']).toBe('已审批');
      expect(line['总收入']).toBe((rowPay.get(line['参与人ID']) as number).toFixed(2));
    }

    // Reopen needs a reason, and the reason only goes with it.
    expect(await run([...common('b2.json'), '--reopen', '2026-01'])).toMatchObject({code: 2});
    expect((await run([...common('b2.json'), '--reopen', '2026-01'])).stderr).toContain('Missing --reason.');
    expect((await run([...common('b2.json'), '--period', '2026-01', '--reason', 'x'])).stderr).toContain('--reason goes with --reopen only');
    expect((await run([...common('b2.json'), '--approve', '2026-01', '--csv', file('x.csv')])).stderr).toContain('--csv goes with --period only');

    const reopened = await run([...common('b2.json'), '--reopen', '2026-01', '--reason', '补录一笔退款', '--out', file('b3.json')]);
    expect(reopened.code).toBe(0);
    expect(reopened.stdout).toMatch(/^Period 2026-01 reopened \(.+; 12 result rows updated\)\./);
    const state = parseLedgerState((snapshot('b3.json').globalConfig as Record<string, unknown>)[LEDGER_CONFIG_KEY]).state;
    expect(state.periods['2026-01']).toMatchObject({status: 'open', reopens: [{from: 'approved', reason: '补录一笔退款'}]});
    // Open again: the payroll is refused again.
    expect((await run([...common('b3.json'), '--period', '2026-01', '--csv', file('again.csv')])).code).toBe(1);
    expect(existsSync(file('again.csv'))).toBe(false);
  });
});
