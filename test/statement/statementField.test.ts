/** @jest-environment jsdom */
/**
 * The results table's statement field (绩效单) through the extension's own path on the simulated
 * base: the run's ledger preview (frontend/run/ledgerRun.ts previewLedger) and the upsert's writes.
 */
import type TestDriver from '@airtable/blocks-testing';
import {readFacts} from '../../frontend/adapter/readFacts';
import {applyUpsert, createResultsTable, resolveResultsTable, writeLimiter} from '../../frontend/adapter/resultsTable';
import {previewLedger} from '../../frontend/run/ledgerRun';
import {runPlan} from '../../src/engine';
import {sayEach} from '../../src/i18n';
import {moneyFormat} from '../../src/i18n/numbers';
import type {ResultsTableMapping} from '../../src/ledger/fields';
import {EMPTY_LEDGER, LEDGER_FORMAT_VERSION, type LedgerState} from '../../src/ledger/state';
import type {Lang, PlanDocument} from '../../src/plan';
import {demoBase, FIELD_IDS, TABLE_IDS} from '../../sim/demoBase';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {demoPlan} from '../support/demoPlan';
import {watchMutations} from '../support/simWrites';

const NOW = new Date('2026-04-15T08:00:00.000Z');
const fixture = demoBase({reps: 40, orders: 500});



/** The demo plan with a results table created in one click in `lang` (every field, the statement's too). */
async function setUp(lang: Lang, currency: PlanDocument['currency']['code'] = 'CNY') {
  const driver = createDriver(fixture);
  const base = demoPlan();
  const plan0: PlanDocument = {...base, name: '华东直销 2026', resultLanguage: lang, currency: {...base.currency, code: currency}};
  const created = await createResultsTable(driver.base, {lang, peopleTableId: TABLE_IDS.reps, currency: plan0.currency});
  if (!created.ok) throw new Error('not created');
  const plan: PlanDocument = {...plan0, mapping: {...plan0.mapping, resultsTable: created.mapping}};
  return {driver, plan, mapping: created.mapping};
}

/** A refresh of the results table the way the run view does it: read, run, preview the ledger, write. */
async function refresh(driver: TestDriver, plan: PlanDocument, periodId: string, ledger: LedgerState = EMPTY_LEDGER) {
  const read = await readFacts(driver.base, plan, undefined, {periodId});
  const run = runPlan(plan, periodId, read.facts);
  const {ledger: preview} = await previewLedger(driver.base, plan, run, {now: NOW, lang: plan.resultLanguage!, state: ledger});
  if (!preview) throw new Error('no results table');
  let clock = 0;
  const limiter = writeLimiter(() => clock, async (ms) => void (clock += ms));
  const outcome = await applyUpsert(preview.resolved, preview.upsert, {lang: plan.resultLanguage!, limiter});
  return {run, upsert: preview.upsert, outcome};
}

/** The statement cell of each person's row of a period, by participant id, as the store holds it. */
function statements(driver: TestDriver, mapping: ResultsTableMapping, periodId: string): Map<string, unknown> {
  const table = snapshotFixture(driver).base.tables.find((t) => t.id === mapping.table.id)!;
  const out = new Map<string, unknown>();
  for (const record of table.records) {
    const cells = record.cellValuesByFieldId;
    if (cells[mapping.fields.period!.id] !== periodId) continue;
    out.set((cells[mapping.fields.participant!.id] as {id: string}[])[0].id, cells[mapping.fields.statement!.id] ?? null);
  }
  return out;
}

describe('the statement field of the results table', () => {
  it('is created by the one-click table as a long text named 绩效单 / Statement', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const {driver, mapping} = await setUp(lang);
      const field = driver.base.getTableById(mapping.table.id).getFieldById(mapping.fields.statement!.id);
      expect([field.name, field.type]).toEqual([lang === 'zh' ? '绩效单' : 'Statement', 'multilineText']);
    }
  });

  it('holds each person\'s statement in Chinese with ¥, and a second refresh writes nothing', async () => {
    const {driver, plan, mapping} = await setUp('zh');
    const {run} = await refresh(driver, plan, '2026-02');
    const cells = statements(driver, mapping, '2026-02');
    expect(cells.size).toBe(run.results.length);
    const yuan = moneyFormat(plan.currency, 'zh-CN').full;
    for (const result of run.results) {
      const text = String(cells.get(result.participantId));
      const lines = text.split('\n');
      expect(lines.slice(0, 4)).toEqual(['绩效单', '方案：华东直销 2026', `参与人：${result.name}`, '考核周期：2026-02']);
      expect(lines).toContain(`  总收入：${yuan(result.totalPay)}`);
      expect(lines).toContain(`  绩效工资：${yuan(result.performancePay)}`);
      expect(yuan(result.totalPay)).toMatch(/^-?¥[\d,]+\.\d\d$/);
      for (const line of sayEach(result.breakdown, 'zh')) expect(lines).toContain(`  ${line}`);
      expect(text).toContain('【反馈与改进】');
    }

    const mutations = watchMutations(driver);
    const again = await refresh(driver, plan, '2026-02');
    expect(again.upsert.updates).toEqual([]);
    expect(mutations).toEqual([]);
  });

  it('is written in English with $ for a US-dollar plan whose result language is English', async () => {
    const {driver, plan, mapping} = await setUp('en', 'USD');
    const {run} = await refresh(driver, plan, '2026-02');
    const cells = statements(driver, mapping, '2026-02');
    const first = run.results[0];
    const text = String(cells.get(first.participantId));
    expect(text.split('\n').slice(0, 4)).toEqual(['Pay statement', 'Plan: 华东直销 2026', `Participant: ${first.name}`, 'Period: 2026-02']);
    expect(text).toContain(`  Total pay: ${moneyFormat(plan.currency, 'en-US').full(first.totalPay)}`);
    expect(text).toMatch(/Total pay: \$[\d,]+\.\d\d/);
    expect(text).not.toContain('¥');
  });

  it('changes only where the text changes: a changed order rewrites the statements whose figures changed, and no other', async () => {
    const {driver, plan, mapping} = await setUp('zh');
    await refresh(driver, plan, '2026-02');
    const before = statements(driver, mapping, '2026-02');

    const orders = driver.base.getTableById(TABLE_IDS.orders);
    const query = await orders.selectRecordsAsync({fields: [FIELD_IDS.orders.rep, FIELD_IDS.orders.date, FIELD_IDS.orders.amount]});
    const order = query.records.find((r) => String(r.getCellValue(FIELD_IDS.orders.date)).startsWith('2026-02') && r.getCellValue(FIELD_IDS.orders.rep))!;
    const personId = (order.getCellValue(FIELD_IDS.orders.rep) as {id: string}[])[0].id;
    await orders.updateRecordsAsync([{id: order.id, fields: {[FIELD_IDS.orders.amount]: (order.getCellValue(FIELD_IDS.orders.amount) as number) + 12_345}}]);
    query.unloadData();

    const mutations = watchMutations(driver);
    const {upsert} = await refresh(driver, plan, '2026-02');
    const after = statements(driver, mapping, '2026-02');
    const changed = [...after].filter(([id, text]) => before.get(id) !== text).map(([id]) => id);
    expect(changed).toContain(personId);
    // Every statement rewritten is one whose figures changed (the person, and uplines credited through the team).
    const statementId = mapping.fields.statement!.id;
    const written = mutations.flatMap((m) => m.records ?? []).filter((r) => statementId in r.cellValuesByFieldId).length;
    expect(written).toBe(changed.length);
    expect(upsert.updates.every((u) => u.changes.some((c) => c.key !== 'statement' && c.key !== 'calculatedAt'))).toBe(true);
    expect(changed.length).toBeLessThan(after.size);
  });

  it('does not change when the period is approved: the status is not in the text, so the approved period still refreshes to nothing', async () => {
    const {driver, plan} = await setUp('zh');
    await refresh(driver, plan, '2026-02');
    const approved: LedgerState = {version: LEDGER_FORMAT_VERSION, periods: {'2026-02': {status: 'approved', approved: {by: '张晓红', at: '2026-03-05T10:00:00.000Z'}}}};
    const {upsert} = await refresh(driver, plan, '2026-02', approved);
    expect(upsert.refusal).toBeNull();
    expect(upsert.updates.flatMap((u) => u.changes.map((c) => c.key)).filter((key) => key === 'statement')).toEqual([]);
  });

  it('is neither computed nor written when the results table has no statement field', async () => {
    const {driver, plan, mapping} = await setUp('zh');
    const {statement, ...fields} = mapping.fields;
    const withoutStatement: PlanDocument = {...plan, mapping: {...plan.mapping, resultsTable: {...mapping, fields}}};
    const mutations = watchMutations(driver);
    const {upsert, run} = await refresh(driver, withoutStatement, '2026-02');
    expect(upsert.creates).toHaveLength(run.results.length);
    expect(upsert.creates.some((c) => 'statement' in c.cells)).toBe(false);
    const sent = mutations.flatMap((m) => m.records ?? []);
    expect(sent).toHaveLength(run.results.length);
    expect(sent.some((r) => statement!.id in r.cellValuesByFieldId)).toBe(false);
    expect([...statements(driver, mapping, '2026-02').values()].every((v) => v === null)).toBe(true);
    expect(resolveResultsTable(driver.base, withoutStatement.mapping.resultsTable!).resolved!.keys).not.toContain('statement');
  });
});
