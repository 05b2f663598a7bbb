/**
 * `npm run score -- --approve` when the status stamps cannot be written to the results table's
 * rows (a write call fails): the CLI says so, as the extension's period panel does, exits 1, and
 * does not save the base file, so it never holds a status its rows do not show.
 */
import '../../sim/nodeWindow';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {Table} from '@airtable/blocks/models';
import {refresh} from '../../frontend/run/pipeline';
import {score} from '../../scripts/score';
import {demoBase} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {demoPlan} from '../support/demoPlan';
import {addResultsTable, saveForCli} from '../support/cliFiles';

const PERIOD = '2026-01';
let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'spb-stamp-'));
  const driver = createDriver(demoBase({reps: 24, orders: 200}));
  const plan = demoPlan();
  await addResultsTable(driver, plan);
  await driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan));
  // The period's rows exist: approving stamps each of them.
  const refreshed = await refresh(driver.base, plan, PERIOD, 'r', {now: new Date(2026, 1, 3), lang: 'zh'});
  if (refreshed.kind !== 'written' || !refreshed.ledger || refreshed.ledger.createdRecordIds.length === 0) throw new Error('no rows written');
  saveForCli(dir, driver, plan);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(() => jest.restoreAllMocks());

describe('npm run score -- --approve, when the rows cannot be stamped', () => {
  it.each(['zh', 'en'] as const)('%s: says why, exits 1 and saves nothing', async (lang) => {
    jest.spyOn(Table.prototype, 'updateRecordsAsync').mockRejectedValue(new Error('Network unavailable'));
    const out = file(`approved-${lang}.json`);
    const run = await score({base: file('base.json'), plan: file('plan.json'), period: PERIOD, json: false, out, lang, action: 'approve'});
    expect(run.code).toBe(1);
    const said = run.stderr.join('\n');
    expect(said).toContain('Network unavailable');
    expect(said).toContain(lang === 'zh' ? '未保存' : 'Nothing saved');
    expect(run.stdout.join('\n')).not.toMatch(lang === 'zh' ? /已审批/ : /approved \(/);
    expect(existsSync(out)).toBe(false);
  });

  it('approves and saves when the rows can be stamped', async () => {
    const out = file('approved.json');
    const run = await score({base: file('base.json'), plan: file('plan.json'), period: PERIOD, json: false, out, lang: 'en', action: 'approve'});
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toMatch(/approved \(.*; 24 result rows updated\)/);
    expect(existsSync(out)).toBe(true);
  });
});
