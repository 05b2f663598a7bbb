/**
 * @jest-environment jsdom
 *
 * The headless run (`npm run score`), as a user runs it: a child process over files on disk. The
 * plan is the template fitted to the demo base through the same SDK adapter the extension uses
 * (hence jsdom here); the expected numbers are recomputed from the base's records in this test.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import type {FixtureData} from '../../sim/fixture';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver} from '../../sim/driver';
import {baseSchema} from '../../frontend/adapter/schema';
import {createTemplate} from '../../src/template';
import {serializePlan} from '../../src/storage';
import {validatePlan} from '../../src/validate';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {runScore as score} from './spawnScript';

const PERIOD = '2026-02';

let dir: string;
let base: FixtureData;
let plan: PlanDocument;
const file = (name: string) => path.join(dir, name);
const tableOf = (fixture: FixtureData, id: string) => fixture.base.tables.find((t) => t.id === id)!;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'spb-score-'));
  base = demoBase({reps: 24, orders: 400});
  plan = createTemplate(baseSchema(createDriver(base).base), '2026-02-15');
  writeFileSync(file('base.json'), JSON.stringify(base));
  writeFileSync(file('plan.json'), serializePlan(plan));
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Order amounts credited to each rep in the period, summed exactly, from the base itself. */
function salesByRep(fixture: FixtureData): Map<string, Decimal> {
  const F = FIELD_IDS.orders;
  const sums = new Map<string, Decimal>();
  for (const order of tableOf(fixture, TABLE_IDS.orders).records) {
    const cells = order.cellValuesByFieldId;
    const date = String(cells[F.date] ?? '');
    const reps = (cells[F.rep] as {id: string}[] | null) ?? [];
    if (!date.startsWith(PERIOD) || reps.length !== 1 || typeof cells[F.amount] !== 'number') continue;
    sums.set(reps[0].id, (sums.get(reps[0].id) ?? new Decimal(0)).plus(cells[F.amount] as number));
  }
  return sums;
}

/**
 * The base with two orders of the period linked to nobody (the engine warns with their ids),
 * written to orphaned.json; the orders and their order numbers as the SDK reads them.
 */
async function orphanedBase(): Promise<{inPeriod: FixtureData['base']['tables'][number]['records']; numbers: string[]}> {
  const orphaned: FixtureData = JSON.parse(JSON.stringify(base));
  const orders = tableOf(orphaned, TABLE_IDS.orders);
  const inPeriod = orders.records.filter((order) => String(order.cellValuesByFieldId[FIELD_IDS.orders.date] ?? '').startsWith(PERIOD)).slice(0, 2);
  for (const order of inPeriod) order.cellValuesByFieldId[FIELD_IDS.orders.rep] = null;
  writeFileSync(file('orphaned.json'), JSON.stringify(orphaned));
  const table = createDriver(orphaned).base.getTableById(TABLE_IDS.orders);
  const query = await table.selectRecordsAsync({fields: [table.primaryField]});
  const numbers = inPeriod.map((order) => query.getRecordById(order.id).name);
  query.unloadData();
  expect(numbers.every((n, i) => n !== '' && n !== inPeriod[i].id)).toBe(true);
  return {inPeriod, numbers};
}

describe('npm run score', () => {
  it('computes every rep with the extension code, prints JSON and saves the written base', async () => {
    const run = await score(['--base', file('base.json'), '--plan', file('plan.json'), '--period', PERIOD, '--json', '--out', file('out.json')]);
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as {run: RunResult};
    const reps = tableOf(base, TABLE_IDS.reps).records;
    expect(output.run.periodId).toBe(PERIOD);
    expect(output.run.results).toHaveLength(reps.length);

    // The sales metric is the sum of each rep's order amounts in February (refunds negative).
    const expectedSales = salesByRep(base);
    for (const result of output.run.results) {
      const sales = result.metrics.find((m) => m.metricId === 'sales')!;
      expect(new Decimal(sales.value ?? '0').equals(expectedSales.get(result.participantId) ?? 0)).toBe(true);
    }
    expect(output.run.results.some((r) => new Decimal(r.totalScore).greaterThan(0))).toBe(true);

    // What was written into the base is what the run computed, for every rep.
    const written = JSON.parse(readFileSync(file('out.json'), 'utf8')) as FixtureData;
    const F = FIELD_IDS.reps;
    const byId = new Map(tableOf(written, TABLE_IDS.reps).records.map((r) => [r.id, r.cellValuesByFieldId]));
    for (const result of output.run.results) {
      const cells = byId.get(result.participantId)!;
      expect(cells[F.totalScore]).toBe(Number(result.totalScore));
      expect(cells[F.rank]).toBe(result.rank);
      expect(cells[F.totalPay]).toBe(Number(result.totalPay));
      expect((cells[F.grade] as {name: string}).name).toBe(result.grade);
    }
    // Input cells are untouched.
    expect(tableOf(written, TABLE_IDS.orders).records).toEqual(tableOf(base, TABLE_IDS.orders).records);
  }, 120_000);

  it('writes nothing on a second run over the written base', async () => {
    const again = await score(['--base', file('out.json'), '--plan', file('plan.json'), '--period', PERIOD, '--json']);
    expect(again.code).toBe(0);
    const output = JSON.parse(again.stdout) as {writes: {writtenRecordIds: string[]} | null};
    expect(output.writes?.writtenRecordIds).toEqual([]);
  }, 120_000);

  it('prints a results table in Chinese', async () => {
    const run = await score(['--base', file('base.json'), '--plan', file('plan.json'), '--period', PERIOD, '--lang', 'zh']);
    expect(run.code).toBe(0);
    const [header, firstRow] = run.stdout.split('\n');
    expect(header).toMatch(/^排名\s+姓名\s+总分\s+等级/);
    expect(firstRow).toMatch(/^\s*1\s+\S+\s+\d+\.\d{2}\s+[SABCD]/);
  }, 120_000);

  it('refuses a plan whose weights sum to 90% with the message the extension shows', async () => {
    const ninety: PlanDocument = JSON.parse(serializePlan(plan));
    ninety.versions[0].metrics.find((m) => m.id === 'sales')!.weight = '50';
    writeFileSync(file('plan90.json'), serializePlan(ninety));
    const expected = validatePlan(ninety, baseSchema(createDriver(base).base)).filter((issue) => issue.severity === 'error');
    expect(expected.length).toBeGreaterThan(0);

    for (const lang of ['zh', 'en'] as const) {
      const run = await score(['--base', file('base.json'), '--plan', file('plan90.json'), '--period', PERIOD, '--lang', lang]);
      expect(run.code).toBe(1);
      for (const issue of expected) expect(run.stderr).toContain(issue.message[lang]);
      expect(run.stdout).toBe('');
    }
  }, 120_000);

  it('names the records of a warning by their primary values, not their record ids', async () => {
    const {inPeriod, numbers} = await orphanedBase();
    const lead = {zh: '未计入：', en: 'were not credited: '};
    for (const lang of ['zh', 'en'] as const) {
      const run = await score(['--base', file('orphaned.json'), '--plan', file('plan.json'), '--period', PERIOD, '--lang', lang]);
      expect(run.code).toBe(0);
      const line = run.stderr.split('\n').find((l) => l.includes('(engine.record.orphan)'));
      expect(line).toContain(lead[lang]);
      for (const number of numbers) expect(line).toContain(number);
      for (const order of inPeriod) expect(run.stderr).not.toContain(order.id);
      expect(line).not.toMatch(/\brec[A-Z]\w*\d/);
    }
  }, 120_000);

  it('names them so in the JSON output too, in the chosen language, with the record ids kept apart', async () => {
    const {inPeriod, numbers} = await orphanedBase();
    const lead = {zh: '未计入：', en: 'were not credited: '};
    for (const lang of ['zh', 'en'] as const) {
      const run = await score(['--base', file('orphaned.json'), '--plan', file('plan.json'), '--period', PERIOD, '--json', '--lang', lang]);
      expect(run.code).toBe(0);
      const output = JSON.parse(run.stdout) as {run: {issues: {code: string; message: unknown; key?: string; params?: Record<string, unknown>; recordIds?: string[]}[]}};
      const orphan = output.run.issues.find((issue) => issue.code === 'engine.record.orphan')!;
      // No record id anywhere in the message, whatever its shape; then: one text, in the chosen language.
      expect(JSON.stringify(orphan.message)).not.toMatch(/\brec[A-Z]\w*\d/);
      expect(typeof orphan.message).toBe('string');
      const message = orphan.message as string;
      expect(message).toContain(lead[lang]);
      for (const number of numbers) expect(message).toContain(number);
      // Scripts still get the ids and the catalogue entry.
      for (const order of inPeriod) expect(orphan.recordIds).toContain(order.id);
      expect(orphan.key).toBe('engine.record.orphan');
      expect(orphan.params).toMatchObject({count: orphan.recordIds!.length});
    }
  }, 120_000);

  it('names a missing file and an unknown period', async () => {
    const missing = await score(['--base', file('nope.json'), '--plan', file('plan.json'), '--period', PERIOD, '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Cannot read ${file('nope.json')}`);
    const period = await score(['--base', file('base.json'), '--plan', file('plan.json'), '--period', '1999-01', '--lang', 'en']);
    expect(period.code).toBe(1);
    expect(period.stderr).toContain('The plan has no period 1999-01');
  }, 120_000);
});
