/** @jest-environment jsdom */
/**
 * The plan's `mapping.resultsTable`: parsed, walked once (src/planRefs.ts), validated against the
 * base (participant and period required, the participant a link to the people table, types that
 * read back what is written), re-matched on import; and the people table's "period id" result.
 */
import {FieldType} from '@airtable/blocks/models';
import {createResultsTable} from '../../frontend/adapter/resultsTable';
import {LEDGER_KEYS} from '../../src/ledger/fields';
import {baseSchema} from '../../frontend/adapter/schema';
import type {PlanDocument, ResultsTableMapping} from '../../src/plan';
import {fieldReferences, inputReferences, tableReferences} from '../../src/planRefs';
import {rematchPlan} from '../../src/planImport';
import {parsePlan} from '../../src/planParse';
import {validatePlan} from '../../src/validate';
import {planWrites} from '../../src/writeback';
import {runPlan} from '../../src/engine';
import {readFacts} from '../../frontend/adapter/readFacts';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {changeFieldType, createDriver} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';

const fixture = demoBase({reps: 12, orders: 60});

async function withResultsTable(): Promise<{driver: ReturnType<typeof createDriver>; plan: PlanDocument; mapping: ResultsTableMapping}> {
  const driver = createDriver(fixture);
  const plan = demoPlan();
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  return {driver, plan: {...plan, mapping: {...plan.mapping, resultsTable: created.mapping}}, mapping: created.mapping};
}

const codes = (plan: PlanDocument, driver: ReturnType<typeof createDriver>) =>
  validatePlan(plan, baseSchema(driver.base))
    .filter((issue) => issue.path?.startsWith('mapping.resultsTable'))
    .map((issue) => [issue.code, issue.path, issue.message.en]);

describe('mapping.resultsTable in the plan document', () => {
  it('validates a created table with no issue, and its fields are written, never read', async () => {
    const {driver, plan} = await withResultsTable();
    expect(codes(plan, driver)).toEqual([]);
    expect(parsePlan(plan).issues).toEqual([]);
    const ledger = [...fieldReferences(plan)].filter((r) => r.use === 'ledger');
    expect(ledger).toHaveLength(LEDGER_KEYS.length);
    expect([...inputReferences(plan)].some((r) => r.use === 'ledger')).toBe(false);
    expect([...tableReferences(plan)].map((r) => [r.path, r.results ?? false]).at(-1)).toEqual(['mapping.resultsTable.table', true]);
  });

  it('requires the participant and period fields, naming them', async () => {
    const {driver, plan, mapping} = await withResultsTable();
    const {participant: _p, period: _q, ...rest} = mapping.fields;
    const missing = {...plan, mapping: {...plan.mapping, resultsTable: {...mapping, fields: rest}}};
    expect(codes(missing, driver)).toEqual([
      ['mapping.field.missing', 'mapping.resultsTable.fields.period', '"Period" field of the results table: choose a field'],
      ['mapping.field.missing', 'mapping.resultsTable.fields.participant', '"Participant" field of the results table: choose a field'],
    ]);
  });

  it('refuses a participant that does not link to the people table, a mistyped field, and the people table itself', async () => {
    const {driver, plan, mapping} = await withResultsTable();
    changeFieldType(driver, mapping.table.id, mapping.fields.participant!.id, 'multipleRecordLinks', {linkedTableId: TABLE_IDS.orders});
    changeFieldType(driver, mapping.table.id, mapping.fields.totalPay!.id, 'formula', {formula: '1', result: {type: 'number'}});
    changeFieldType(driver, mapping.table.id, mapping.fields.breakdown!.id, 'singleLineText');
    expect(codes(plan, driver)).toEqual([
      ['mapping.field.link', 'mapping.resultsTable.fields.participant', '"Participant" field of the results table "参与人" does not link to the people table "销售人员"'],
      ['mapping.result.computed', 'mapping.resultsTable.fields.totalPay', '"Total pay" field of the results table "总收入" is a computed field (formula, rollup...) and cannot be written'],
      ['mapping.resultsTable.fieldType', 'mapping.resultsTable.fields.breakdown', '"Breakdown" field of the results table "绩效明细" is of type singleLineText; it must be one of: multilineText'],
    ]);
    const people = {...plan, mapping: {...plan.mapping, resultsTable: {table: plan.mapping.people!.table, fields: {}}}};
    expect(codes(people, driver).map(([code]) => code)).toEqual(['mapping.resultsTable.readTable']);
  });

  it('refuses a shape that is not a mapping, and a table that does not exist', async () => {
    const {driver, plan, mapping} = await withResultsTable();
    const broken = {...plan, mapping: {...plan.mapping, resultsTable: {table: mapping.table, fields: 'all'}}};
    expect(parsePlan(broken).issues.map((i) => [i.code, i.path])).toEqual([['plan.part.invalid', 'mapping.resultsTable.fields']]);
    const gone = {...plan, mapping: {...plan.mapping, resultsTable: {...mapping, table: {id: 'tblGone', name: '旧结果表'}}}};
    expect(codes(gone, driver)).toEqual([['mapping.table.unknown', 'mapping.resultsTable.table', 'The results table "旧结果表" does not exist in this base (it may have been deleted)']]);
  });

  it('is re-matched by name on import into another base', async () => {
    const {plan} = await withResultsTable();
    const other = await withResultsTable();
    const exported = {...plan, mapping: {...plan.mapping, resultsTable: {table: {id: 'tblElsewhere', name: '绩效结果'}, fields: {period: {id: 'fldX', name: '考核周期'}, participant: {id: 'fldY', name: '参与人'}}}}};
    const {plan: imported} = rematchPlan(exported, baseSchema(other.driver.base));
    expect(imported.mapping.resultsTable).toEqual({
      table: other.mapping.table,
      fields: {period: other.mapping.fields.period, participant: other.mapping.fields.participant},
    });
  });
});

describe("the people table's period id result", () => {
  it('is written with the other result cells and says which period they show', async () => {
    const driver = createDriver(fixture);
    const table = driver.base.getTableById(TABLE_IDS.reps);
    await table.createFieldAsync('周期', FieldType.SINGLE_LINE_TEXT);
    const field = table.getFieldByName('周期');
    const plan = demoPlan();
    plan.mapping.results.periodId = {id: field.id, name: field.name};
    expect(validatePlan(plan, baseSchema(driver.base)).filter((i) => i.severity === 'error')).toEqual([]);
    const read = await readFacts(driver.base, plan, undefined, {periodId: '2026-02'});
    const run = runPlan(plan, '2026-02', read.facts);
    const writes = planWrites(run, plan, read.current, {lang: 'zh', calculatedAt: '2026-03-01T00:00:00.000Z', fields: read.resultFields});
    expect(writes.updates).toHaveLength(12);
    expect(writes.updates.every((update) => update.fields[field.id] === '2026-02')).toBe(true);
    expect(writes.updates.every((update) => update.fields[FIELD_IDS.reps.totalScore] !== undefined)).toBe(true);
  });
});
