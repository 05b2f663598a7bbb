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
 * The figure cells and `calculatedAt` of one participant's row.
 *
 * @example ledgerCells(result, {lang: 'zh', calculatedAt: '2026-03-01T08:00:00.000Z', versionLabel: '2026'}).totalPay // 8650
 */
export function ledgerCells(result: ParticipantResult, context: LedgerCellContext, carried: Carried = NO_CARRY): LedgerCells {
  const {lang} = context;
  return {
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
    breakdown: joinedText(breakdownLines(result, lang)),
    feedback: joinedText(feedbackLines(result.feedback, lang)),
    calculatedAt: context.calculatedAt,
    ...(context.statement ? {statement: statementCell(result, context.statement, carried, lang)} : {}),
  };
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
