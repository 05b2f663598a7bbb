/** @jest-environment jsdom */
/**
 * Reliability catalogue, group "messy base" (docs/reliability.md): the whole path (read, compute,
 * diff, write) over the messy demo base with the direct-sales template, comparing every cell of
 * the base before and after. The one promise checked here is the brief's first: it never writes
 * anywhere but the chosen result fields, whatever the data holds.
 */
import {baseSchema} from '../../frontend/adapter/schema';
import {demoBase, FIELD_IDS, MESSY_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {createTemplate} from '../../src/template';
import {validatePlan} from '../../src/validate';
import {errorCodes} from '../support/reliability';
import {diffBases, refreshHeadless, watchCellWrites} from '../support/reliabilityRun';

jest.setTimeout(60_000);

const messy = () => demoBase({messy: true, reps: 24, orders: 300});

async function setUp() {
  const driver = createDriver(messy());
  const plan = createTemplate(baseSchema(driver.base), '2026-02-10');
  return {driver, plan};
}

describe('reliability: the messy demo base', () => {
  it('M1 a refresh of every period changes result cells only, and every non-result cell is identical', async () => {
    const {driver, plan} = await setUp();
    expect(errorCodes(validatePlan(plan, baseSchema(driver.base)))).toEqual([]);
    const resultFieldIds = new Set(Object.values(plan.mapping.results).map((ref) => ref!.id));
    // The template maps every result field of the demo base, and nothing that is an input.
    expect(resultFieldIds).toEqual(new Set([
      FIELD_IDS.reps.totalScore, FIELD_IDS.reps.grade, FIELD_IDS.reps.rank, FIELD_IDS.reps.performancePay,
      FIELD_IDS.reps.bonus, FIELD_IDS.reps.teamBonus, FIELD_IDS.reps.award, FIELD_IDS.reps.totalPay,
      FIELD_IDS.reps.honours, FIELD_IDS.reps.breakdown, FIELD_IDS.reps.feedback, FIELD_IDS.reps.calculatedAt,
    ]));

    const before = snapshotFixture(driver);
    const writes = watchCellWrites(driver);
    let written = 0;
    for (const periodId of ['2026-01', '2026-02', '2026-03']) {
      const {outcome} = await refreshHeadless(driver, plan, periodId);
      expect(outcome.failed).toBeNull();
      written += outcome.writtenRecordIds.length;
    }
    const after = snapshotFixture(driver);

    const differences = diffBases(before, after);
    const outside = differences.filter((d) => d.tableId !== TABLE_IDS.reps || !resultFieldIds.has(d.fieldId));
    expect(outside).toEqual([]);
    // The run did write: every rep's result cells changed from empty (a vacuous pass is impossible).
    const reps = before.base.tables.find((t) => t.id === TABLE_IDS.reps)!.records;
    expect(written).toBeGreaterThanOrEqual(reps.length);
    expect(new Set(differences.map((d) => d.recordId))).toEqual(new Set(reps.map((r) => r.id)));
    // And what was sent is what the snapshot shows: result fields of the people table, nothing else.
    expect(writes.length).toBeGreaterThan(0);
    for (const call of writes) {
      expect(call.tableId).toBe(TABLE_IDS.reps);
      for (const record of call.records) for (const fieldId of Object.keys(record.cellValuesByFieldId)) expect(resultFieldIds.has(fieldId)).toBe(true);
    }
  });

  it('M2 every problem planted in the messy base is reported, pointing at its record', async () => {
    const {driver, plan} = await setUp();
    const {run, read} = await refreshHeadless(driver, plan, '2026-01');
    expect(read.issues).toEqual([]);
    const pointedAt = (code: string) => run.issues.filter((i) => i.code === code).flatMap((i) => i.recordIds ?? []);
    expect(pointedAt('engine.value.notNumber')).toContain(MESSY_IDS.textAmount);
    expect(pointedAt('engine.record.noDate')).toContain(MESSY_IDS.noDate);
    expect(pointedAt('engine.record.outsideEveryPeriod')).toContain(MESSY_IDS.outsidePeriods);
    expect(pointedAt('engine.record.multiLinked')).toContain(MESSY_IDS.twoReps);
    expect(pointedAt('engine.hierarchy.selfLink')).toEqual([MESSY_IDS.selfUpline]);
    expect([...pointedAt('engine.hierarchy.cycle')].sort()).toEqual([...MESSY_IDS.cycle].sort());
    expect(pointedAt('engine.hierarchy.unknownUpline')).toEqual([MESSY_IDS.ghostUpline]);
    expect(pointedAt('engine.target.unknownTier')).toContain(MESSY_IDS.intern);
    expect(pointedAt('engine.value.outOfScale')).toContain(MESSY_IDS.ratingOutOfScale);
    // The planted 1e15 order is credited exactly: its rep's sales value carries all its digits.
    const first = run.results.find((r) => r.metrics.find((m) => m.metricId === 'sales')!.value!.startsWith('1000000000'));
    expect(first).toBeDefined();
  });

  it('M3 a second refresh of the same period writes nothing, huge and many-decimal amounts included', async () => {
    const {driver, plan} = await setUp();
    // January holds the planted 1e15 and 1234.56789123 orders: a float round trip must not make
    // every rerun rewrite their rep's cells.
    const first = await refreshHeadless(driver, plan, '2026-01');
    expect(first.outcome.writtenRecordIds.length).toBeGreaterThan(0);
    const writes = watchCellWrites(driver);
    const again = await refreshHeadless(driver, plan, '2026-01', '2026-04-02T09:00:00.000Z');
    expect(again.writes.updates).toEqual([]);
    expect(again.outcome.calls).toBe(0);
    expect(writes).toEqual([]);
  });
});
