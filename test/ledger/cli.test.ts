/**
 * @jest-environment jsdom
 *
 * `npm run score` with a results table in the snapshot: a refresh creates the period's rows,
 * `--approve` and `--close` follow the extension's rules (same module, ledgerActions.ts) and
 * write the state and stamps into the snapshot, a closed period then refuses a refresh, and the
 * refusals are the extension's own messages.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main([...args, '--lang', 'en'], {}, {stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line)});
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')};
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'spb-ledger-cli-'));
  const driver = createDriver(demoBase({reps: 12, orders: 80}));
  const plan = demoPlan();
  await addResultsTable(driver, plan);
  saveForCli(dir, driver, plan);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

const snapshot = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as FixtureData;
const rowsOf = (fixture: FixtureData) => fixture.base.tables.find((t) => t.name === '绩效结果')!.records;

describe('npm run score and the period ledger', () => {
  it('refreshes into the results table, approves and closes by the extension rules, then refuses the closed period', async () => {
    const refreshed = await run(['--base', file('base.json'), '--plan', file('plan.json'), '--period', '2026-01', '--out', file('b1.json')]);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr).toContain('Results table: 12 rows created, 0 updated (1 write calls)');
    expect(rowsOf(snapshot('b1.json'))).toHaveLength(12);

    // Closing before approving is refused with the extension's message, and nothing is saved.
    const early = await run(['--base', file('b1.json'), '--plan', file('plan.json'), '--close', '2026-01']);
    expect(early).toMatchObject({code: 1, stderr: 'Period 2026-01 is not approved yet: approve it before closing it'});

    const approved = await run(['--base', file('b1.json'), '--plan', file('plan.json'), '--approve', '2026-01', '--out', file('b2.json')]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/^Period 2026-01 approved \(.+; 12 result rows updated\)\. People 12, total pay \d+(\.\d+)?\.$/);
    const closed = await run(['--base', file('b2.json'), '--plan', file('plan.json'), '--close', '2026-01', '--out', file('b3.json')]);
    expect(closed.code).toBe(0);

    const after = snapshot('b3.json');
    const state = parseLedgerState((after.globalConfig as Record<string, unknown>)[LEDGER_CONFIG_KEY]).state;
    const user = after.base.collaborators[0].name;
    expect(state.periods['2026-01']).toMatchObject({status: 'closed', approved: {by: user}, closed: {by: user}, frozenVersionId: 'v1'});
    const statusField = after.base.tables.find((t) => t.name === '绩效结果')!.fields.find((f) => f.name === '状态')!;
    expect(rowsOf(after).map((r) => (r.cellValuesByFieldId[statusField.id] as {name: string}).name)).toEqual(Array(12).fill('已关账'));

    const again = await run(['--base', file('b3.json'), '--plan', file('plan.json'), '--period', '2026-01']);
    expect(again).toMatchObject({code: 1, stderr: 'Period 2026-01 is closed (paid): its rows stay as they were paid, and nothing was written'});
  });

  it('refuses two actions at once, naming the options', async () => {
    const both = await run(['--base', file('base.json'), '--plan', file('plan.json'), '--approve', '2026-01', '--close', '2026-01']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--close');
    expect(both.stderr).toContain('give only one of --period, --approve, --close');
  });
});
