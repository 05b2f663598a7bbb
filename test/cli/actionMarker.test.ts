/**
 * `npm run score -- --close` and the automation's plan marker (docs/automation.md): when an
 * automation script has been made in the base, closing a period through the CLI moves the marker
 * in the base file it saves, as the extension's close does, so that the script copied before
 * refuses to write; one copied from the saved base runs. The CLI runs as a user runs it (a child
 * process over files); the script runs against the scripting API over the saved base file.
 */
import '../../sim/nodeWindow';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {automationConfig} from '../../frontend/adapter/automationConfig';
import {markerState, writeMarker} from '../../frontend/adapter/planMarker';
import {resolveResultsTable} from '../../frontend/adapter/resultsTable';
import {runLedgerAction} from '../../frontend/run/ledgerActions';
import {fillScript} from '../../automation/script';
import {buildAutomationBundle} from '../../scripts/buildAutomation';
import {demoBase, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import type {FixtureData} from '../../sim/fixture';
import {t} from '../../src/i18n';
import {parseLedgerState, LEDGER_CONFIG_KEY} from '../../src/ledger/state';
import type {PlanDocument} from '../../src/plan';
import {readMarker, type PlanMarker} from '../../src/planMarker';
import {PLAN_CONFIG_KEY, serializePlan} from '../../src/storage';
import {demoPlan} from '../support/demoPlan';
import {FakeScripting, runScript} from '../automation/fakeScripting';
import {runScore} from './spawnScript';
import {addResultsTable, saveForCli} from '../support/cliFiles';

jest.setTimeout(120_000);

/** Closed by the CLI; approved in the extension before the script was copied. */
const CLOSED = '2026-01';
/** The script's clock, after the demo's three months: it writes 2026-03, which the close does not touch. */
const NOW = new Date(2026, 3, 15, 9, 0, 0);

let dir: string;
let plan: PlanDocument;
let script: string;
let scriptMarker: PlanMarker;
let markerAt: {tableId: string; fieldId: string};
const file = (name: string) => path.join(dir, name);
const readBase = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as FixtureData;

function descriptionIn(fixture: FixtureData): string | null {
  const table = fixture.base.tables.find((t) => t.id === markerAt.tableId)!;
  return table.fields.find((f) => f.id === markerAt.fieldId)!.description;
}

/**
 * The demo base with a results table and the plan saved, period 2026-01 approved in the extension,
 * then the script copied as Settings → Automate copies it (marker written first); the base and the
 * plan saved as files.
 */
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'spb-marker-'));
  const driver = createDriver(demoBase({reps: 24, orders: 200}));
  plan = demoPlan();
  await addResultsTable(driver, plan);
  await driver.globalConfig.setAsync(PLAN_CONFIG_KEY, serializePlan(plan));
  const resolved = resolveResultsTable(driver.base, plan.mapping.resultsTable!, TABLE_IDS.reps).resolved;
  const approved = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId: CLOSED, action: 'approve', user: '财务 张晓红', now: NOW, lang: 'zh', base: driver.base});
  if (!approved.ok) throw new Error(approved.reason.en);
  const marked = await writeMarker(driver.base, driver.globalConfig, plan);
  if (!marked.ok) throw new Error(marked.reason.en);
  markerAt = {tableId: marked.at.table.id, fieldId: marked.at.field.id};
  const config = automationConfig(driver.base, driver.globalConfig, plan, 'en', NOW);
  if (!config) throw new Error('no configuration');
  scriptMarker = config.marker;
  script = fillScript(await buildAutomationBundle(), config);
  saveForCli(dir, driver, plan);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('npm run score -- --close, with an automation made in the base', () => {
  it('the script copied before runs on the base as it was (the refusal below is the close’s doing)', async () => {
    expect(readMarker(descriptionIn(readBase('base.json')))).toEqual({revision: scriptMarker.revision, ledger: scriptMarker.ledger});
    const fake = new FakeScripting(readBase('base.json'), {now: NOW.getTime()});
    await runScript(script, fake);
    expect(fake.outputs.get('status')).toBe('written');
  });

  it('moves the marker in the saved base as the extension does, and the script copied before refuses to write', async () => {
    const run = await runScore(['--base', file('base.json'), '--plan', file('plan.json'), '--close', CLOSED, '--out', file('closed.json'), '--lang', 'en']);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Period ${plan.periods[0].label} closed`);

    const closed = readBase('closed.json');
    expect(parseLedgerState(closed.globalConfig?.[LEDGER_CONFIG_KEY]).state.periods[CLOSED]?.status).toBe('closed');
    // The marker kept the plan's revision and now carries the closed ledger's fingerprint...
    const moved = readMarker(descriptionIn(closed));
    expect(moved).toMatchObject({revision: scriptMarker.revision});
    expect(moved?.ledger).not.toBe(scriptMarker.ledger);
    // ... which is the one the extension computes from the saved state: a script copied now needs no write.
    const reopened = createDriver(closed);
    expect(markerState(reopened.base, reopened.globalConfig, plan)).toEqual({kind: 'current'});

    const fake = new FakeScripting(closed, {now: NOW.getTime()});
    const untouched = fake.cells(TABLE_IDS.reps);
    await runScript(script, fake);
    expect(fake.calls).toEqual([]);
    expect(fake.cells(TABLE_IDS.reps)).toEqual(untouched);
    expect(fake.outputs.get('status')).toBe('planChanged');
    expect(fake.printed).toContain(t('en', 'automation.marker.ledgerChanged'));

    // The CLI says so, with what to do.
    expect(run.stderr).toContain("The automation's plan marker now follows the new status");

    // The script copied from the saved base carries the new marker and writes.
    const again = automationConfig(reopened.base, reopened.globalConfig, plan, 'en', NOW)!;
    await runScript(fillScript(await buildAutomationBundle(), again), fake);
    expect(fake.outputs.get('status')).toBe('written');
  });
});
