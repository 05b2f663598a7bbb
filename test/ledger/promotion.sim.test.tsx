/** @jest-environment jsdom */
/**
 * Promotion suggestions through the pipeline the Refresh button runs, on the simulated base:
 * months are refreshed, approved and closed as a finance person does it, the grades come from a
 * manager's rating field the test sets per month, and the refreshed period's rows must carry the
 * suggested tier in 晋升建议 and the line in 反馈; a month below A resets the run.
 */
import type TestDriver from '@airtable/blocks-testing';
import {createResultsTable, resolveResultsTable} from '../../frontend/adapter/resultsTable';
import {runLedgerAction, readLedgerState} from '../../frontend/run/ledgerActions';
import {refresh} from '../../frontend/run/pipeline';
import type {PlanDocument} from '../../src/plan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';
import {renderInBase} from '../support/renderInBase';
import {screen} from '@testing-library/react';
import {FormatProvider} from '../../frontend/run/FormatProvider';
import {ParticipantDetail} from '../../frontend/run/ParticipantDetail';

jest.setTimeout(60_000);

const RATING = 'fldRepsManagerRating';
const NOW = new Date(2026, 5, 10, 9, 0, 0);
const hooks = {yieldToBrowser: async () => undefined};
const LINE = '连续 3 期 A 级及以上，建议晋升为 资深';

/** The demo base with a manager rating (主管评分) on each rep, and a plan scoring that rating alone against 100. */
async function setUp() {
  const fixture = demoBase({reps: 16, orders: 80, months: 5});
  const reps = fixture.base.tables.find((table) => table.id === TABLE_IDS.reps)!;
  reps.fields.push({id: RATING, name: '主管评分', description: null, type: 'number' as never, options: {precision: 0}});
  reps.views[0].fieldOrder.fieldIds.push(RATING);
  const driver = createDriver(fixture);
  const plan = demoPlan(5);
  const version = plan.versions[0];
  version.metrics = [
    {
      id: 'rating',
      label: {zh: '主管评分', en: 'Manager rating'},
      family: 'qualitative',
      unit: 'number',
      source: {kind: 'participant', field: {id: RATING, name: '主管评分'}},
      scope: {kind: 'personal'},
      target: {kind: 'fixed', value: '100'},
      scoring: {kind: 'attainment', cap: '150'},
      weight: '100',
    },
  ];
  version.incentives = {
    performancePay: {enabled: true},
    bonuses: [],
    teamBonus: {enabled: false, metricId: 'rating', levels: []},
    championAward: {enabled: false, metricId: 'rating', pool: '0', leaderShare: '0', split: 'equal'},
    honours: [],
  };
  plan.promotion = [{fromTier: '新人', minGrade: 'A', periods: 3, toTier: '资深'}];
  const created = await createResultsTable(driver.base, {lang: 'zh', peopleTableId: TABLE_IDS.reps, currency: plan.currency});
  if (!created.ok) throw new Error('not created');
  plan.mapping.resultsTable = created.mapping;
  const people = await driver.base.getTableById(TABLE_IDS.reps).selectRecordsAsync({fields: [FIELD_IDS.reps.name, FIELD_IDS.reps.tier]});
  const tierOf = (id: string) => (people.getRecordById(id).getCellValue(FIELD_IDS.reps.tier) as {name: string}).name;
  const juniors = people.records.filter((r) => tierOf(r.id) === '新人').map((r) => ({id: r.id, name: r.name}));
  const senior = people.records.filter((r) => tierOf(r.id) === '资深').map((r) => ({id: r.id, name: r.name}))[0];
  people.unloadData();
  return {driver, plan, resultsTableId: created.mapping.table.id, juniors, senior};
}

/** Sets each listed rep's rating; everyone else gets 80 (grade C). */
async function rate(driver: TestDriver, ratings: Record<string, number>) {
  const table = driver.base.getTableById(TABLE_IDS.reps);
  const query = await table.selectRecordsAsync({fields: [RATING]});
  await table.updateRecordsAsync(query.records.map((r) => ({id: r.id, fields: {[RATING]: ratings[r.id] ?? 80}})));
  query.unloadData();
}

async function refreshed(driver: TestDriver, plan: PlanDocument, periodId: string) {
  const outcome = await refresh(driver.base, plan, periodId, 'rev', {now: NOW, lang: 'zh', ledger: readLedgerState(driver.globalConfig).state, confirmedEmpty: true}, hooks);
  if (outcome.kind !== 'written') throw new Error(`${periodId}: ${outcome.kind}`);
  return outcome;
}

async function close(driver: TestDriver, plan: PlanDocument, periodId: string) {
  const resolved = resolveResultsTable(driver.base, plan.mapping.resultsTable!, TABLE_IDS.reps).resolved;
  for (const action of ['approve', 'close'] as const) {
    const done = await runLedgerAction(driver.globalConfig, resolved, {plan, periodId, action, user: '财务 张晓红', now: NOW, lang: 'zh'});
    if (!done.ok) throw new Error(`${action} ${periodId}`);
  }
}

/** A cell of the people table as the base now holds it. */
function peopleCell(driver: TestDriver, personId: string, fieldId: string): unknown {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === TABLE_IDS.reps)!;
  return table.records.find((r) => r.id === personId)!.cellValuesByFieldId[fieldId];
}

/** The row of a person and period as the base now holds it, by field name. */
function storedRow(driver: TestDriver, tableId: string, personId: string, periodId: string): Record<string, unknown> {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === tableId)!;
  const nameOf = new Map(table.fields.map((f) => [f.id, f.name]));
  const rows = table.records
    .map((r) => Object.fromEntries(Object.entries(r.cellValuesByFieldId).map(([id, v]) => [nameOf.get(id)!, v])) as Record<string, unknown>)
    .filter((r) => r['考核周期'] === periodId && (r['参与人'] as {id: string}[])[0].id === personId);
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('promotion suggestion in the results table', () => {
  it('after three closed months at A or better, the open month writes 资深 to 晋升建议 and the line to 反馈; a month at B resets the run', async () => {
    const {driver, plan, resultsTableId, juniors, senior} = await setUp();
    expect(juniors.length).toBeGreaterThanOrEqual(2);
    const [li, zhao] = juniors;
    // 李: A, S, A. 赵: A, B, A. The senior rep: S every month (already 资深).
    const months: Record<string, Record<string, number>> = {
      '2026-01': {[li.id]: 105, [zhao.id]: 104, [senior.id]: 120},
      '2026-02': {[li.id]: 112, [zhao.id]: 95, [senior.id]: 120},
      '2026-03': {[li.id]: 100, [zhao.id]: 108, [senior.id]: 120},
    };
    for (const [periodId, ratings] of Object.entries(months)) {
      await rate(driver, ratings);
      await refreshed(driver, plan, periodId);
      await close(driver, plan, periodId);
    }
    expect(storedRow(driver, resultsTableId, li.id, '2026-02')['等级']).toBe('S');
    expect(storedRow(driver, resultsTableId, zhao.id, '2026-02')['等级']).toBe('B');

    // April, open: 李 is rated B this month, which does not touch a suggestion earned by closed months.
    await rate(driver, {[li.id]: 90, [zhao.id]: 106, [senior.id]: 120});
    const april = await refreshed(driver, plan, '2026-04');
    const liApril = storedRow(driver, resultsTableId, li.id, '2026-04');
    expect(liApril['晋升建议']).toBe('资深');
    expect(String(liApril['反馈']).split('\n').at(-1)).toBe(LINE);
    expect(String(liApril['绩效单'])).toContain(LINE);
    // The people table's feedback (the period last refreshed) and the participant's detail panel say it too.
    expect(String(peopleCell(driver, li.id, FIELD_IDS.reps.feedback)).split('\n').at(-1)).toBe(LINE);
    expect(String(peopleCell(driver, zhao.id, FIELD_IDS.reps.feedback) ?? '')).not.toContain('建议晋升');
    const liResult = april.preview.run.results.find((result) => result.participantId === li.id)!;
    renderInBase(driver, 'en', <FormatProvider currency={null}><ParticipantDetail result={liResult} onClose={() => undefined} /></FormatProvider>);
    expect(screen.getByTestId('feedback')).toHaveTextContent('3 consecutive periods at grade A or better: suggested for 资深');
    for (const other of [zhao, senior]) {
      const row = storedRow(driver, resultsTableId, other.id, '2026-04');
      expect(row['晋升建议'] ?? null).toBeNull();
      expect(String(row['反馈'] ?? '')).not.toContain('建议晋升');
    }
    // Only April's rows are written: the closed months keep what they were paid with.
    const created = new Set(april.ledger!.createdRecordIds);
    expect(created.size).toBe(16);
    expect(storedRow(driver, resultsTableId, li.id, '2026-03')['晋升建议'] ?? null).toBeNull();
    // A second refresh of April changes nothing.
    const again = await refreshed(driver, plan, '2026-04');
    expect(again.ledger!.updatedRecordIds).toEqual([]);

    // April closed at B for 李: May's run (Feb to Apr) is broken, and the suggestion is gone.
    await close(driver, plan, '2026-04');
    await rate(driver, {[li.id]: 110, [zhao.id]: 106});
    await refreshed(driver, plan, '2026-05');
    const liMay = storedRow(driver, resultsTableId, li.id, '2026-05');
    expect(liMay['晋升建议'] ?? null).toBeNull();
    expect(String(liMay['反馈'] ?? '')).not.toContain('建议晋升');
    // 赵: B in February, then A in March and April: two closed months since the break, not three.
    expect(storedRow(driver, resultsTableId, zhao.id, '2026-05')['晋升建议'] ?? null).toBeNull();
  });
});
