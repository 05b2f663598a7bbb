/**
 * A participant's computed result as the cells of their results row, in comparable form: money,
 * scores and ranks as numbers (the SDK takes JS numbers; the engine's decimals are already
 * rounded to the plan's precision, so the number is the decimal's nearest double and reads back
 * equal), texts in the plan's result language.
 */
import {breakdownLines, feedbackLines} from '../i18n/results';
import type {Currency, DecimalString, Lang, Period} from '../plan';
import type {ParticipantResult} from '../results';
import {buildStatement, statementText} from '../statement/statement';
import type {ComputedRow} from './upsert';
import type {LedgerCells} from './rows';

export interface LedgerCellContext {
  /** The plan's result language (see PlanDocument.resultLanguage). */
  lang: Lang;
  /** ISO time of the run. */
  calculatedAt: string;
  /** The plan version's label, as the editor shows it. */
  versionLabel: string;
  /**
   * What the statement field (绩效单) needs, given only when the results table maps it: the text is
   * made for every person, and nobody should pay for it unless it is written.
   */
  statement?: {planName: string; period: Pick<Period, 'id' | 'label'>; currency: Pick<Currency, 'code' | 'precision'>};
}

/** Adjustments and the balance carried forward (issue 13); zero until they are computed. */
export interface Carried {
  adjustments: DecimalString;
  balance: DecimalString;
}

const NO_CARRY: Carried = {adjustments: '0', balance: '0'};

const amount = (decimal: DecimalString): number => Number(decimal);

/** @example joinedText(['a', '', 'b']) // 'a\nb' */
function joinedText(lines: readonly string[], separator = '\n'): string | null {
  const kept = lines.filter((line) => line !== '');
  return kept.length === 0 ? null : kept.join(separator);
}

/**
 * The long texts of a row (breakdown, feedback, statement: ~1.2 KB a person with the statement):
 * not kept as text but made again from the result whenever read, as the people table's are
 * (src/writeback.ts DEFERRED_KEYS). At 10,000 people a first refresh held every created row's
 * texts in both previews (the one on screen and its own) while it wrote.
 */
export const DEFERRED_LEDGER_KEYS = ['breakdown', 'feedback', 'statement'] as const;
type DeferredKey = (typeof DEFERRED_LEDGER_KEYS)[number];

/** What a row's deferred texts are made from: a hidden property, never enumerated, compared or written. */
const SOURCE_OF = Symbol('ledgerSource');

interface Source {
  result: ParticipantResult;
  carried: Carried;
}

interface Deferring {
  [SOURCE_OF]: Source;
}

/** The text of one deferred cell, exactly as `ledgerCells` made it when it kept texts. */
function deferredValue(key: DeferredKey, {result, carried}: Source, context: LedgerCellContext): string | null {
  if (key === 'breakdown') return joinedText(breakdownLines(result, context.lang));
  if (key === 'feedback') return joinedText(feedbackLines(result.feedback, context.lang));
  return statementCell(result, context.statement!, carried, context.lang);
}

/**
 * The properties of the deferred cells for one context, shared by every row made with it: one
 * getter per key, so that V8 gives the 10,000 rows one shape.
 */
const descriptorsOf = new WeakMap<LedgerCellContext, Record<DeferredKey, PropertyDescriptor>>();

function deferredDescriptors(context: LedgerCellContext): Record<DeferredKey, PropertyDescriptor> {
  let descriptors = descriptorsOf.get(context);
  if (!descriptors) {
    const descriptor = (key: DeferredKey): PropertyDescriptor => ({
      get(this: Deferring): string | null {
        return deferredValue(key, this[SOURCE_OF], context);
      },
      enumerable: true,
      configurable: true,
    });
    descriptors = {breakdown: descriptor('breakdown'), feedback: descriptor('feedback'), statement: descriptor('statement')};
    descriptorsOf.set(context, descriptors);
  }
  return descriptors;
}

/** Hides what `target`'s deferred texts are made from; once per object. */
function attachSource(target: object, source: Source): void {
  if (!Object.prototype.hasOwnProperty.call(target, SOURCE_OF)) Object.defineProperty(target, SOURCE_OF, {value: source});
}

/** Whether `cells[key]` is a deferred text (made when read). */
function isDeferred(cells: LedgerCells, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(cells, SOURCE_OF) && typeof Object.getOwnPropertyDescriptor(cells, key)?.get === 'function';
}

/**
 * Whether a deferred cell would be empty, from its data, without making the text: a statement
 * always has its title; feedback is empty only with no strength, no weakest metric and no
 * promotion (each makes a line); a breakdown only with no line.
 */
function deferredEmpty(cells: LedgerCells, key: DeferredKey): boolean {
  const {result} = (cells as unknown as Deferring)[SOURCE_OF];
  if (key === 'statement') return false;
  if (key === 'feedback') return result.feedback.strengths.length === 0 && result.feedback.weakest.length === 0 && !result.feedback.promotion;
  return result.breakdown.length === 0;
}

/**
 * Copies one cell of `from` to `to`: a deferred text as its getter (with what it is made from),
 * any other value as it is; an empty cell is not copied. Returns whether it was.
 *
 * @example copyCell({totalPay: 8650}, {}, 'totalPay') // true
 */
export function copyCell(from: LedgerCells, to: LedgerCells, key: string, as: string = key): boolean {
  if (isDeferred(from, key)) {
    if (deferredEmpty(from, key as DeferredKey)) return false;
    attachSource(to, (from as unknown as Deferring)[SOURCE_OF]);
    Object.defineProperty(to, as, Object.getOwnPropertyDescriptor(from, key)!);
    return true;
  }
  const value = (from as Record<string, unknown>)[key];
  if (value === null || value === undefined) return false;
  (to as Record<string, unknown>)[as] = value;
  return true;
}

/**
 * `cells` with `extra` after them, deferred texts kept deferred (a spread would make them all).
 *
 * @example withCells({totalPay: 8650}, {baseSalary: 5000}) // {totalPay: 8650, baseSalary: 5000}
 */
export function withCells(cells: LedgerCells, extra: LedgerCells): LedgerCells {
  const out: LedgerCells = {};
  for (const key of Object.keys(cells)) {
    if (isDeferred(cells, key)) {
      attachSource(out, (cells as unknown as Deferring)[SOURCE_OF]);
      Object.defineProperty(out, key, Object.getOwnPropertyDescriptor(cells, key)!);
    } else (out as Record<string, unknown>)[key] = (cells as Record<string, unknown>)[key];
  }
  return Object.assign(out, extra);
}

/**
 * The figure cells and `calculatedAt` of one participant's row. Breakdown, feedback and
 * statement are made when read (see DEFERRED_LEDGER_KEYS); spreading the row makes them.
 *
 * @example ledgerCells(result, {lang: 'zh', calculatedAt: '2026-03-01T08:00:00.000Z', versionLabel: '2026'}).totalPay // 8650
 */
export function ledgerCells(result: ParticipantResult, context: LedgerCellContext, carried: Carried = NO_CARRY): LedgerCells {
  const {lang} = context;
  const descriptors = deferredDescriptors(context);
  const cells: LedgerCells = {
    planVersion: context.versionLabel,
    totalScore: amount(result.totalScore),
    grade: result.grade,
    rank: result.rank,
    performancePay: amount(result.performancePay),
    bonus: amount(result.bonus),
    teamBonus: amount(result.teamBonus),
    award: amount(result.award),
    adjustments: amount(carried.adjustments),
    balance: amount(carried.balance),
    totalPay: amount(result.totalPay),
    honours: joinedText(result.honours.map((honour) => honour[lang]), lang === 'zh' ? '；' : '; '),
    promotion: result.feedback.promotion?.toTier ?? null,
  };
  attachSource(cells, {result, carried});
  Object.defineProperty(cells, 'breakdown', descriptors.breakdown);
  Object.defineProperty(cells, 'feedback', descriptors.feedback);
  cells.calculatedAt = context.calculatedAt;
  if (context.statement) Object.defineProperty(cells, 'statement', descriptors.statement);
  return cells;
}

/** The statement field's text, without the period's status (it is a stamp: see StatementInput.status). */
function statementCell(result: ParticipantResult, about: NonNullable<LedgerCellContext['statement']>, carried: Carried, lang: Lang): string {
  const statement = buildStatement({...about, status: null, result, adjustments: {taken: carried.adjustments, balance: carried.balance}});
  return statementText(statement, lang);
}

/** Every participant of a run as computed rows for `planUpsert`. */
export function computedRows(results: readonly ParticipantResult[], context: LedgerCellContext, carried?: ReadonlyMap<string, Carried>): ComputedRow[] {
  return results.map((result) => ({
    participantId: result.participantId,
    name: result.name,
    cells: ledgerCells(result, context, carried?.get(result.participantId)),
  }));
}
