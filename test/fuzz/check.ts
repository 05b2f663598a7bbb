/**
 * One fuzz case through the CLI's path (scripts/score.ts: parse the plan document, validate it
 * against the base's schema, check the period, then frontend/run/pipeline.ts `refresh`: read,
 * compute, diff, write) over the simulated base (sim/driver.ts), and the properties every case
 * must keep (issue 10, part 6):
 *
 * 1. no uncaught exception: the plan is refused with coded messages, or the run gives results;
 * 2. every message exists in zh and en, and no message or written cell shows "undefined",
 *    "[object Object]" or "NaN";
 * 3. nothing is written outside the mapped result fields of the people table, and no cell the
 *    plan reads (the primary field included) changes;
 * 4. a second refresh writes nothing;
 * 5. money adds up exactly: totals are the sums of the participants' figures, a bonus the sum of
 *    its parts, total pay base salary plus its parts, a champion pool split into parts that add
 *    up to the pool, none negative;
 * 6. the results do not depend on the order of the records;
 * 7. the same input gives the same output.
 *
 * A broken property throws a `FuzzFailure` whose `kind` names its class (for the findings list).
 */
import '../../sim/nodeWindow';
import Decimal from 'decimal.js';
import type TestDriver from '@airtable/blocks-testing';
import {createDriver, snapshotFixture} from '../../sim/driver';
import {baseSchema} from '../../frontend/adapter/schema';
import {refresh, type RefreshOutcome} from '../../frontend/run/pipeline';
import {planRevision} from '../../frontend/state/planRevision';
import {parseStoredPlan} from '../../src/storage';
import {validatePlan} from '../../src/validate';
import {createTemplate} from '../../src/template';
import type {PlanDocument} from '../../src/plan';
import type {Issue, ParticipantResult, RunResult} from '../../src/results';
import {buildFixture, IDS, reorderFixture, type FixtureData, type FuzzCase} from './arbitraries';
import {applyMutations, inputFieldIds} from './mutate';

/** A broken property; `kind` is the failure class, `detail` what was seen. */
export class FuzzFailure extends Error {
  constructor(
    readonly kind: string,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'FuzzFailure';
  }
}

/** What a case came to, for the run's statistics. */
export type CaseOutcome = 'planUnreadable' | 'planRefused' | 'unknownPeriod' | 'computed';

const NOW = new Date('2026-04-01T08:00:00.000Z');
const BAD_TEXT = /undefined|\[object Object\]|NaN/;

/** Why a refresh wrote nothing: the SDK's reason, the ledger's refusal, or the confirmation it waits for. */
function refusalOf(outcome: Exclude<RefreshOutcome, {kind: 'written'}>): unknown {
  return outcome.kind === 'needsConfirmation' ? outcome.kind : outcome.reason;
}

function fail(kind: string, detail: unknown): never {
  throw new FuzzFailure(kind, typeof detail === 'string' ? detail : JSON.stringify(detail));
}

/** Property 2 for messages: both languages present, none showing a programming artefact. */
function checkIssues(issues: readonly Issue[], where: string): void {
  for (const issue of issues) {
    if (typeof issue.code !== 'string' || issue.code === '') fail('message without a code', {where, issue});
    for (const lang of ['zh', 'en'] as const) {
      const message = issue.message?.[lang];
      if (typeof message !== 'string' || message.trim() === '') fail(`message without ${lang} text`, {where, code: issue.code});
      if (BAD_TEXT.test(message)) fail(`"${BAD_TEXT.exec(message)![0]}" in a message`, {where, code: issue.code, message});
    }
  }
}

/** Property 2 for written cells: a finite number, a text without artefacts, a select by name. */
function checkWrittenValue(value: unknown, fieldId: string): void {
  if (value === null) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('non-finite number written', {fieldId, value: String(value)});
    return;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (BAD_TEXT.test(text)) fail(`"${BAD_TEXT.exec(text)![0]}" in a written cell`, {fieldId, value: text.slice(0, 300)});
}

interface CellWrite {
  type: string;
  tableId: string;
  records: {id: string; cellValuesByFieldId: Record<string, unknown>}[];
}

function watchWrites(driver: TestDriver): CellWrite[] {
  const writes: CellWrite[] = [];
  driver.watch('mutation', (mutation) => {
    if (mutation.type !== 'setMultipleGlobalConfigPaths') writes.push(mutation as unknown as CellWrite);
  });
  return writes;
}

/** Every cell that differs between two snapshots, as "table/record/field". */
function changedCells(before: FixtureData, after: FixtureData): {tableId: string; recordId: string; fieldId: string}[] {
  const out: {tableId: string; recordId: string; fieldId: string}[] = [];
  const json = (x: unknown) => JSON.stringify(x ?? null);
  for (const table of before.base.tables) {
    const other = after.base.tables.find((t) => t.id === table.id);
    if (!other) {
      out.push({tableId: table.id, recordId: '*', fieldId: '*'});
      continue;
    }
    if (json(table.fields) !== json(other.fields) || other.records.length !== table.records.length) out.push({tableId: table.id, recordId: '*', fieldId: 'schema'});
    const next = new Map(other.records.map((r) => [r.id, r]));
    for (const record of table.records) {
      const cells = next.get(record.id)?.cellValuesByFieldId;
      if (!cells) {
        out.push({tableId: table.id, recordId: record.id, fieldId: '*'});
        continue;
      }
      for (const fieldId of new Set([...Object.keys(record.cellValuesByFieldId), ...Object.keys(cells)])) {
        if (json(record.cellValuesByFieldId[fieldId]) !== json(cells[fieldId])) out.push({tableId: table.id, recordId: record.id, fieldId});
      }
    }
  }
  return out;
}

const ROUNDING: Record<string, Decimal.Rounding> = {halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN};

function decimal(value: unknown, what: string): Decimal {
  if (typeof value !== 'string') fail('money or score that is not a decimal text', {what, value});
  try {
    const d = new Decimal(value);
    if (!d.isFinite()) throw new Error('not finite');
    return d;
  } catch {
    return fail('money or score that is not a decimal text', {what, value});
  }
}

const MONEY_PARTS = ['performancePay', 'bonus', 'teamBonus', 'award'] as const;
const MONEY_KEYS = [...MONEY_PARTS, 'totalPay'] as const;

/** Property 5. `baseSalaries`: the participants whose base salary cell is a plain number, by id. */
function checkMoney(run: RunResult, plan: PlanDocument, baseSalaries: Map<string, number | null>): void {
  for (const key of MONEY_KEYS) {
    const sum = run.results.reduce((a, r) => a.plus(decimal(r[key], `${r.participantId}.${key}`)), new Decimal(0));
    if (!sum.equals(decimal(run.totals[key], `totals.${key}`))) fail('totals are not the sum of the participants', {key, sum: sum.toString(), total: run.totals[key]});
  }
  const precision = plan.currency.precision;
  const rounding = ROUNDING[plan.currency.rounding] ?? Decimal.ROUND_HALF_UP;
  const version = plan.versions.find((v) => v.id === run.versionId);
  for (const r of run.results) {
    const parts = r.bonuses.reduce((a, b) => a.plus(decimal(b.amount, `${r.participantId}.bonuses`)), new Decimal(0));
    if (!parts.equals(decimal(r.bonus, 'bonus'))) fail('bonus is not the sum of its parts', {participant: r.participantId, bonus: r.bonus, parts: parts.toString()});
    for (const key of MONEY_PARTS) if (decimal(r[key], key).isNegative() && key !== 'performancePay') fail('negative incentive', {participant: r.participantId, key, value: r[key]});
    const implied = MONEY_PARTS.reduce((a, key) => a.minus(decimal(r[key], key)), decimal(r.totalPay, 'totalPay'));
    if (baseSalaries.has(r.participantId)) {
      const cell = baseSalaries.get(r.participantId);
      // The engine's stated bound (docs/plan.md): a cell of 10^16 or more is treated as empty.
      const inBound = typeof cell === 'number' && Math.abs(cell) < 1e16;
      const expected = inBound ? new Decimal(cell).toDecimalPlaces(precision, rounding) : new Decimal(0);
      if (!implied.equals(expected)) fail('total pay is not base salary + performance pay + bonus + team bonus + award', {participant: r.participantId, totalPay: r.totalPay, baseSalaryCell: cell, implied: implied.toString()});
    }
  }
  // Ranks follow total scores exactly: a higher total never shares or trails a lower one's rank.
  for (const a of run.results) {
    for (const b of run.results) {
      const order = decimal(a.totalScore, 'totalScore').comparedTo(decimal(b.totalScore, 'totalScore'));
      if (order > 0 && !(a.rank < b.rank)) fail('ranks do not follow exact total scores', {higher: [a.participantId, a.totalScore, a.rank], lower: [b.participantId, b.totalScore, b.rank]});
    }
  }
  // Negative results never earn a positive attainment (a negative target must not turn them round).
  for (const r of run.results) {
    for (const m of r.metrics) {
      if (m.value !== null && m.attainment !== null && decimal(m.value, 'value').isNegative() && decimal(m.attainment, 'attainment').greaterThan(0)) {
        fail('a negative value earns a positive attainment', {participant: r.participantId, metric: m.metricId, value: m.value, target: m.target, attainment: m.attainment});
      }
    }
  }
  const award = version?.incentives?.championAward;
  const awards = run.results.map((r) => decimal(r.award, 'award'));
  const awarded = awards.reduce((a, x) => a.plus(x), new Decimal(0));
  if (!awarded.isZero() && award && typeof award.pool === 'string') {
    let pool: Decimal | null = null;
    try {
      pool = new Decimal(award.pool.trim()).toDecimalPlaces(precision, rounding);
    } catch {
      pool = null;
    }
    if (pool && !awarded.equals(pool)) fail('champion award parts do not add up to the pool', {pool: pool.toString(), awarded: awarded.toString()});
    if (pool && awards.some((x) => x.greaterThan(pool!))) fail('a champion award part exceeds the pool', {pool: pool.toString(), awards: awards.map(String)});
  }
}

interface PipelineRun {
  outcome: RefreshOutcome;
  writes: CellWrite[];
  before: FixtureData;
  after: FixtureData;
}

async function runOnce(driver: TestDriver, plan: PlanDocument, fuzz: FuzzCase, revision: string): Promise<PipelineRun> {
  const before = snapshotFixture(driver);
  const writes = watchWrites(driver);
  let outcome: RefreshOutcome;
  try {
    outcome = await refresh(driver.base, plan, fuzz.periodId, revision, {now: NOW, lang: fuzz.lang, confirmedEmpty: true}, {sliceMs: 10_000, yieldToBrowser: () => Promise.resolve()});
  } catch (error) {
    const e = error as Error;
    return fail('uncaught exception in the run', `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 4).join('\n')}`);
  }
  return {outcome, writes, before, after: snapshotFixture(driver)};
}

/** The result cells of every participant after a run, by record id: what the user ends up with. */
function resultCells(fixture: FixtureData, resultIds: ReadonlySet<string>): Record<string, Record<string, unknown>> {
  const people = fixture.base.tables.find((t) => t.id === IDS.reps)!;
  const out: Record<string, Record<string, unknown>> = {};
  for (const record of people.records) {
    const cells: Record<string, unknown> = {};
    for (const id of [...resultIds].sort()) cells[id] = record.cellValuesByFieldId[id] ?? null;
    out[record.id] = cells;
  }
  return out;
}

/** A participant's figures without the parts whose order may follow the records' (none should). */
const figures = (r: ParticipantResult) => JSON.stringify(r);

/** The plan document of a case: the template fitted to the base, then mutated, as JSON text. */
export function casePlanText(fuzz: FuzzCase, fixture: FixtureData): string {
  const schema = baseSchema(createDriver(fixture).base);
  const template = createTemplate(schema, '2026-02-15');
  return JSON.stringify(applyMutations(template, fuzz.mutations, fixture));
}

/** Runs one case and checks every property; throws a FuzzFailure when one breaks. */
export async function checkCase(fuzz: FuzzCase): Promise<CaseOutcome> {
  const fixture = buildFixture(fuzz.base);
  const planText = casePlanText(fuzz, fixture);

  // The CLI's steps before the run: parse, validate against the schema, check the period.
  let parsed: ReturnType<typeof parseStoredPlan>;
  try {
    parsed = parseStoredPlan(planText);
  } catch (error) {
    return fail('uncaught exception in the plan parse', String((error as Error)?.message));
  }
  checkIssues(parsed.issues, 'parse');
  if (!parsed.plan) {
    if (!parsed.issues.some((i) => i.severity === 'error')) fail('plan refused without an error', parsed.issues.map((i) => i.code));
    return 'planUnreadable';
  }
  const plan = parsed.plan;
  const driver = createDriver(fixture);
  let issues: Issue[];
  try {
    issues = validatePlan(plan, baseSchema(driver.base));
  } catch (error) {
    return fail('uncaught exception in the validator', String((error as Error)?.message));
  }
  checkIssues(issues, 'validate');
  if (issues.some((i) => i.severity === 'error')) return 'planRefused';
  if (!Array.isArray(plan.periods) || !plan.periods.some((p) => p?.id === fuzz.periodId)) return 'unknownPeriod';
  // An accepted plan maps only fields the base has: a reference without an id, or to nothing, is refused.
  const peopleTable = fixture.base.tables.find((t) => t.id === IDS.reps)!;
  for (const [role, ref] of Object.entries(plan.mapping.people ?? {})) {
    if (role === 'table' || ref === undefined) continue;
    const id = (ref as {id?: unknown}).id;
    if (typeof id !== 'string' || !peopleTable.fields.some((f) => f.id === id)) fail('an incomplete or unknown field reference was accepted', {role, ref});
  }

  // The run, as `npm run score` does it.
  const revision = planRevision(planText);
  const first = await runOnce(driver, plan, fuzz, revision);
  if (first.outcome.kind !== 'written') return fail('a validated plan was denied the write', refusalOf(first.outcome));
  const {preview, outcome} = first.outcome;
  checkIssues(preview.readIssues, 'read');
  checkIssues(preview.run.issues, 'run');
  checkIssues(preview.writes.issues, 'write plan');
  checkIssues(outcome.issues, 'write');
  if (outcome.failed) fail('a write call failed', outcome.failed.message);

  // 3. Only result fields of the people table, never an input.
  const resultIds = new Set(Object.values(plan.mapping.results ?? {}).flatMap((ref) => (ref && typeof ref.id === 'string' ? [ref.id] : [])));
  const inputs = inputFieldIds(plan, fixture);
  for (const call of first.writes) {
    if (call.type !== 'setMultipleRecordsCellValues') fail('a change other than cell values was sent to the base', {type: call.type});
    if (call.tableId !== IDS.reps) fail('write to a table other than the people table', {tableId: call.tableId});
    for (const record of call.records) {
      for (const [fieldId, value] of Object.entries(record.cellValuesByFieldId)) {
        if (!resultIds.has(fieldId)) fail('write to a field that is not a result field', {fieldId});
        if (inputs.has(fieldId)) fail('write to a field the run reads (input or primary field)', {fieldId});
        checkWrittenValue(value, fieldId);
      }
    }
  }
  for (const change of changedCells(first.before, first.after)) {
    if (change.tableId !== IDS.reps || !resultIds.has(change.fieldId)) fail('a cell outside the result fields changed', change);
    if (inputs.has(change.fieldId)) fail('an input cell changed', change);
  }

  // 5. Money adds up; base salaries known exactly where the cell is a plain number.
  const salaryRef = plan.mapping.people?.baseSalary;
  const salaryField = fixture.base.tables.find((t) => t.id === IDS.reps)!.fields.find((f) => f.id === salaryRef?.id);
  const baseSalaries = new Map<string, number | null>();
  const people = fixture.base.tables.find((t) => t.id === IDS.reps)!;
  for (const record of people.records) {
    if (!salaryRef) baseSalaries.set(record.id, null);
    else if (salaryField && ['number', 'currency'].includes(salaryField.type)) {
      const cell = record.cellValuesByFieldId[salaryField.id];
      if (cell === null || cell === undefined || typeof cell === 'number') baseSalaries.set(record.id, (cell as number | null | undefined) ?? null);
    }
  }
  checkMoney(preview.run, plan, baseSalaries);

  // 4. A second refresh writes nothing.
  const second = await runOnce(driver, plan, fuzz, revision);
  if (second.outcome.kind !== 'written') return fail('a validated plan was denied the write', refusalOf(second.outcome));
  if (second.writes.length > 0 || second.outcome.preview.writes.updates.length > 0) {
    const changes = second.outcome.preview.writes.changes.slice(0, 3);
    fail('a second refresh writes again', changes);
  }

  // 7. Deterministic: a fresh base, the same input, the same output.
  const again = await runOnce(createDriver(fixture), plan, fuzz, revision);
  if (again.outcome.kind !== 'written') return fail('a validated plan was denied the write', refusalOf(again.outcome));
  if (JSON.stringify(again.outcome.preview.run) !== JSON.stringify(preview.run)) fail('not deterministic: the same input gave another run result', '');
  if (JSON.stringify(again.writes) !== JSON.stringify(first.writes)) fail('not deterministic: the same input wrote other cells', '');

  // 6. Record order: the same base with every table's records in another order.
  const reordered = await runOnce(createDriver(reorderFixture(fixture, fuzz.reorderSeed)), plan, fuzz, revision);
  if (reordered.outcome.kind !== 'written') return fail('a validated plan was denied the write', refusalOf(reordered.outcome));
  const byId = new Map(reordered.outcome.preview.run.results.map((r) => [r.participantId, r]));
  for (const r of preview.run.results) {
    const other = byId.get(r.participantId);
    if (!other || figures(other) !== figures(r)) {
      const diff = other ? Object.keys(r).filter((k) => JSON.stringify(r[k as keyof ParticipantResult]) !== JSON.stringify(other[k as keyof ParticipantResult])) : ['missing'];
      fail('results depend on the order of the records', {participant: r.participantId, name: r.name, differs: diff});
    }
  }
  const cellsA = resultCells(first.after, resultIds);
  const cellsB = resultCells(reordered.after, resultIds);
  for (const id of Object.keys(cellsA)) {
    if (JSON.stringify(cellsA[id]) !== JSON.stringify(cellsB[id])) fail('written cells depend on the order of the records', {recordId: id});
  }
  return 'computed';
}
