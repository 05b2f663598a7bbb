/** @jest-environment jsdom */
/**
 * The fault of issue 10: leave the optional name field empty, choose the primary field (姓名) as
 * the breakdown result field, and a refresh wrote breakdown text over every rep's name. Now the
 * read leaves such a result field out (the write plan never touches it), the write refuses any
 * update that targets the primary field or a field the plan reads (nothing written at all), and
 * the permission check names the field.
 */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {checkWritePermission, writeResults} from '../../frontend/adapter/writeResults';
import {fieldSchema} from '../../frontend/adapter/schema';
import {runPlan} from '../../src/engine';
import type {PlanDocument} from '../../src/plan';
import {planWrites} from '../../src/writeback';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';
import {fakeClock, watchMutations} from '../support/simWrites';

const F = FIELD_IDS.reps;
const PERIOD = '2026-02';
const fixture = demoBase({reps: 12, orders: 120});



/** The reps' cells of one field as the simulated base holds them. */
function cellsOf(driver: TestDriver, fieldId: string): Map<string, unknown> {
  const reps = snapshotFixture(driver).base.tables.find((t) => t.id === TABLE_IDS.reps)!;
  return new Map(reps.records.map((r) => [r.id, r.cellValuesByFieldId[fieldId]]));
}

/** The demo plan without a name field and with the primary field 姓名 as the breakdown field. */
function primaryAsBreakdown(): PlanDocument {
  const plan = demoPlan();
  delete plan.mapping.people!.name;
  plan.mapping.results.breakdown = {id: F.name, name: '姓名'};
  return plan;
}

describe('the primary field and input fields are never written', () => {
  it('the read leaves the primary field out of the result fields, so a refresh keeps every name', async () => {
    const driver = createDriver(fixture);
    const names = cellsOf(driver, F.name);
    const plan = primaryAsBreakdown();
    const read = await readFacts(driver.base, plan);
    expect(read.resultFields[F.name]).toBeUndefined();
    const issue = read.issues.find((i) => i.code === 'adapter.write.primaryField')!;
    expect(issue).toMatchObject({severity: 'error', tableId: TABLE_IDS.reps, fieldId: F.name});
    expect(issue.message.zh).toBe('结果字段“姓名”是参与人表的主字段（记录的名称），不能写入结果，否则会覆盖每个人的名字；请另选一个结果字段');
    expect(issue.message.en).toBe(
      'The result field "姓名" is the primary field of the people table (it names the records) and cannot hold a result, which would overwrite every name; choose another result field',
    );

    const writes = planWrites(runPlan(plan, PERIOD, read.facts), plan, read.current, {lang: 'zh', calculatedAt: 'now', fields: read.resultFields});
    expect(writes.updates.length).toBeGreaterThan(0);
    expect(writes.updates.some((u) => F.name in u.fields)).toBe(false);
    const outcome = await writeResults(driver.base.getTableById(TABLE_IDS.reps), writes.updates, {...fakeClock(), plan});
    expect(outcome.refused).toBe(false);
    expect(outcome.writtenRecordIds).toHaveLength(writes.updates.length);
    expect(cellsOf(driver, F.name)).toEqual(names);
    // The participants are still named by the primary field.
    expect(read.facts.participants.map((p) => p.name)).toEqual([...names.values()]);
  });

  it('refuses a write plan that targets the primary field: nothing at all is written', async () => {
    const driver = createDriver(fixture);
    const names = cellsOf(driver, F.name);
    const scores = cellsOf(driver, F.totalScore);
    const mutations = watchMutations(driver);
    const plan = primaryAsBreakdown();
    const read = await readFacts(driver.base, plan);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    // A write plan made without the read's guard (another caller, an older plan): 姓名 as text.
    const fields = {...read.resultFields, [F.name]: fieldSchema(table.getFieldById(F.name))};
    const writes = planWrites(runPlan(plan, PERIOD, read.facts), plan, read.current, {lang: 'zh', calculatedAt: 'now', fields});
    expect(writes.updates.every((u) => typeof u.fields[F.name] === 'string')).toBe(true);

    // Refused with or without the plan: the primary field is the table's own.
    for (const options of [{...fakeClock(), plan}, fakeClock()]) {
      const outcome = await writeResults(table, writes.updates, options);
      expect(outcome).toMatchObject({refused: true, calls: 0, writtenRecordIds: [], remaining: writes.updates.length, failed: null});
      expect(outcome.issues.map((i) => [i.code, i.fieldId])).toEqual([['adapter.write.primaryField', F.name]]);
      expect(outcome.issues[0].recordIds).toEqual(writes.updates.map((u) => u.id));
    }
    expect(mutations).toEqual([]);
    expect(cellsOf(driver, F.name)).toEqual(names);
    expect(cellsOf(driver, F.totalScore)).toEqual(scores);
  });

  it('refuses a write into a field the plan reads, naming it in both languages', async () => {
    const driver = createDriver(fixture);
    const salaries = cellsOf(driver, F.baseSalary);
    const mutations = watchMutations(driver);
    const plan = demoPlan();
    plan.mapping.results.bonus = {id: F.baseSalary, name: '基本工资'};
    const read = await readFacts(driver.base, plan);
    expect(read.resultFields[F.baseSalary]).toBeUndefined();
    expect(read.issues.map((i) => [i.code, i.fieldId])).toContainEqual(['adapter.write.inputField', F.baseSalary]);

    const table = driver.base.getTableById(TABLE_IDS.reps);
    const fields = {...read.resultFields, [F.baseSalary]: fieldSchema(table.getFieldById(F.baseSalary))};
    const writes = planWrites(runPlan(plan, PERIOD, read.facts), plan, read.current, {lang: 'zh', calculatedAt: 'now', fields});
    expect(writes.updates.some((u) => F.baseSalary in u.fields)).toBe(true);
    const outcome = await writeResults(table, writes.updates, {...fakeClock(), plan});
    expect(outcome).toMatchObject({refused: true, calls: 0});
    expect(outcome.issues[0].message).toEqual({
      zh: '结果字段“基本工资”是方案读取的输入字段，写入结果会覆盖方案自己的数据；请另选一个结果字段',
      en: 'The result field "基本工资" is a field the plan reads, and writing results into it would overwrite the plan\'s own input; choose another result field',
    });
    expect(mutations).toEqual([]);
    expect(cellsOf(driver, F.baseSalary)).toEqual(salaries);
  });

  it('the permission check refuses the primary field always and an input field given the plan', () => {
    const driver = createDriver(fixture);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    const plan = demoPlan();
    const primary = checkWritePermission(table, [{id: F.name, name: '姓名'}, {id: F.totalScore, name: '总分'}], 'en');
    expect(primary.ok).toBe(false);
    if (primary.ok) return;
    expect(primary.issues.map((i) => [i.code, i.fieldId])).toEqual([['adapter.write.primaryField', F.name]]);
    expect(primary.reason).toContain('"姓名" is the primary field of the people table');

    expect(checkWritePermission(table, [{id: F.baseSalary, name: '基本工资'}])).toEqual({ok: true});
    const input = checkWritePermission(table, [{id: F.baseSalary, name: '基本工资'}], 'zh', plan);
    expect(input.ok).toBe(false);
    if (input.ok) return;
    expect(input.reason).toBe('结果字段“基本工资”是方案读取的输入字段，写入结果会覆盖方案自己的数据；请另选一个结果字段');
    expect(checkWritePermission(table, [{id: F.totalScore, name: '总分'}], 'zh', plan)).toEqual({ok: true});
  });
});
