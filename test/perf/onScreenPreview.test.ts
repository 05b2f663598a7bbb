/**
 * A refresh handed the preview on screen (RunView does, so the 10k refresh does not hold two
 * previews while it writes) shares what it finds equal to it, and writes exactly what a refresh
 * without it writes: the same cells in the base, also when the base changed since the preview.
 */
import './nodeScheduler';
import '../../sim/nodeWindow';
import type TestDriver from '@airtable/blocks-testing';
import type {FixtureData} from '../../sim/fixture';
import {baseSchema} from '../../frontend/adapter/schema';
import {computePreview, refresh, type RunContext} from '../../frontend/run/pipeline';
import {createTemplate} from '../../src/template';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';

const PERIOD = '2026-03';
const PREVIEWED: RunContext = {now: new Date('2026-04-02T03:04:05.000Z'), timeZone: 'Asia/Shanghai', lang: 'zh'};
/** The click on Refresh, two minutes later: the calculation time written differs from the preview's. */
const REFRESHED: RunContext = {...PREVIEWED, now: new Date('2026-04-02T03:06:05.000Z')};

function peopleCells(driver: TestDriver): Record<string, unknown>[] {
  const people = snapshotFixture(driver).base.tables.find((table) => table.id === TABLE_IDS.reps)!;
  return people.records.map((record) => ({id: record.id, ...record.cellValuesByFieldId}));
}

function planOf(driver: TestDriver) {
  return createTemplate(baseSchema(driver.base), '2026-03-31');
}

/** What a refresh without the preview on screen writes into a base built from `fixture`. */
async function writtenWithout(fixture: FixtureData): Promise<Record<string, unknown>[]> {
  const driver = createDriver(fixture);
  const outcome = await refresh(driver.base, planOf(driver), PERIOD, 'r', REFRESHED);
  expect(outcome.kind).toBe('written');
  return peopleCells(driver);
}

describe('a refresh handed the preview on screen', () => {
  it('shares every result and unchanged cell change with it, and writes what a refresh without it writes', async () => {
    const fixture = demoBase({size: 'small'});
    const driver = createDriver(fixture);
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', PREVIEWED);
    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;

    const results = outcome.preview.run.results;
    expect(results.length).toBe(60);
    results.forEach((result, i) => expect(result).toBe(shown.run.results[i]));
    const changes = outcome.preview.writes.changes;
    expect(changes.length).toBe(shown.writes.changes.length);
    changes.forEach((change, i) => {
      // Only the calculation time differs: it is the refresh's own.
      if (change.resultKey === 'calculatedAt') expect(change).not.toBe(shown.writes.changes[i]);
      else expect(change).toBe(shown.writes.changes[i]);
    });
    const breakdown = changes.find((change) => change.resultKey === 'breakdown')!;
    expect(typeof breakdown.new).toBe('string');
    expect(String(breakdown.new).length).toBeGreaterThan(20);

    expect(peopleCells(driver)).toEqual(await writtenWithout(fixture));
  });

  it('shares nothing of a participant whose orders changed since the preview, and writes the new figures', async () => {
    const driver = createDriver(demoBase({size: 'small'}));
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', PREVIEWED);
    // A colleague corrects an order of the period between the preview and the click.
    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.date, FIELD_IDS.orders.rep, FIELD_IDS.orders.amount]});
    const order = query.records.find((record) => String(record.getCellValue(FIELD_IDS.orders.date)).startsWith(PERIOD))!;
    const repId = (order.getCellValue(FIELD_IDS.orders.rep) as {id: string}[])[0].id;
    await orders.updateRecordAsync(order, {[FIELD_IDS.orders.amount]: Number(order.getCellValue(FIELD_IDS.orders.amount)) + 123456});
    query.unloadData();
    const edited = snapshotFixture(driver);

    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    const before = shown.run.results.find((result) => result.participantId === repId)!;
    const after = outcome.preview.run.results.find((result) => result.participantId === repId)!;
    expect(after).not.toBe(before);
    expect(after.metrics).not.toEqual(before.metrics);
    const repChange = outcome.preview.writes.changes.find((change) => change.recordId === repId && change.resultKey === 'breakdown')!;
    expect(shown.writes.changes).not.toContain(repChange);

    expect(peopleCells(driver)).toEqual(await writtenWithout(edited));
  });
});

/**
 * A run whose preview is shown (`shown`, as the run view asks) fingerprints its inputs; a refresh
 * that reads the same plan, period and facts takes the shown preview's engine run instead of
 * computing the same one beside it, and still writes what a refresh of its own would.
 */
describe('a refresh that reads what the preview on screen was computed from', () => {
  it('takes that preview\'s run, and writes what a refresh without it writes', async () => {
    const fixture = demoBase({size: 'small'});
    const driver = createDriver(fixture);
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', {...PREVIEWED, shown: true});
    expect(shown.computed.inputs).toMatch(/^[0-9a-f]{32}$/);
    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown, shown: true});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    expect(outcome.preview.computed.inputs).toBe(shown.computed.inputs);
    expect(outcome.preview.computed.run).toBe(shown.computed.run);
    expect(outcome.preview.run.issues).toBe(shown.run.issues);
    // The diff is the refresh's own: the calculation time is the click's.
    const calculatedAt = outcome.preview.writes.changes.find((change) => change.resultKey === 'calculatedAt')!;
    expect(calculatedAt).not.toBe(shown.writes.changes.find((change) => change.resultKey === 'calculatedAt'));

    expect(peopleCells(driver)).toEqual(await writtenWithout(fixture));
  });

  it('computes again when an order changed since the preview, and writes the new figures', async () => {
    const driver = createDriver(demoBase({size: 'small'}));
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', {...PREVIEWED, shown: true});
    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.date, FIELD_IDS.orders.amount]});
    const order = query.records.find((record) => String(record.getCellValue(FIELD_IDS.orders.date)).startsWith(PERIOD))!;
    // One cent more on one order of the period.
    await orders.updateRecordAsync(order, {[FIELD_IDS.orders.amount]: Number(order.getCellValue(FIELD_IDS.orders.amount)) + 0.01});
    query.unloadData();
    const edited = snapshotFixture(driver);

    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown, shown: true});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    expect(outcome.preview.computed.inputs).not.toBe(shown.computed.inputs);
    expect(outcome.preview.computed.run).not.toBe(shown.computed.run);
    expect(peopleCells(driver)).toEqual(await writtenWithout(edited));
  });

  it('computes again when a participant\'s base salary changed since the preview', async () => {
    const driver = createDriver(demoBase({size: 'small'}));
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', {...PREVIEWED, shown: true});
    const reps = driver.base.getTableById(TABLE_IDS.reps);
    const query = await reps.selectRecordsAsync({fields: [FIELD_IDS.reps.baseSalary]});
    const rep = query.records[3];
    await reps.updateRecordAsync(rep, {[FIELD_IDS.reps.baseSalary]: Number(rep.getCellValue(FIELD_IDS.reps.baseSalary)) + 1});
    query.unloadData();

    const outcome = await refresh(driver.base, plan, PERIOD, 'r', {...REFRESHED, onScreen: shown, shown: true});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    expect(outcome.preview.computed.inputs).not.toBe(shown.computed.inputs);
    expect(outcome.preview.computed.run).not.toBe(shown.computed.run);
  });

  it('computes again under another plan, though the base is the same', async () => {
    const fixture = demoBase({size: 'small'});
    const driver = createDriver(fixture);
    const plan = planOf(driver);
    const shown = await computePreview(driver.base, plan, PERIOD, 'r', {...PREVIEWED, shown: true});
    // The plan saved meanwhile: the first metric weighs 5 points more, the second 5 less.
    const [first, second] = plan.versions[0].metrics;
    const changed = {
      ...plan,
      versions: [{...plan.versions[0], metrics: plan.versions[0].metrics.map((m) => (m === first ? {...m, weight: String(Number(m.weight) + 5)} : m === second ? {...m, weight: String(Number(m.weight) - 5)} : m))}, ...plan.versions.slice(1)],
    };
    const outcome = await refresh(driver.base, changed, PERIOD, 'r', {...REFRESHED, onScreen: shown, shown: true});
    expect(outcome.kind).toBe('written');
    if (outcome.kind !== 'written') return;
    expect(outcome.preview.computed.run).not.toBe(shown.computed.run);

    const twin = createDriver(fixture);
    expect((await refresh(twin.base, changed, PERIOD, 'r', REFRESHED)).kind).toBe('written');
    expect(peopleCells(driver)).toEqual(peopleCells(twin));
  });
});
