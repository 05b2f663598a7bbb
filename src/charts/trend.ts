/**
 * A person's trend across periods (个人趋势): score, grade and pay per period, from the rows the
 * results table (绩效结果表) keeps for that person, one per period.
 */
import Decimal from 'decimal.js';
import type {DecimalString} from '../plan';
import type {ParticipantResult} from '../results';
import {decimalPlaces, PAY_COMPONENTS, payParts, type PayComponent} from './payParts';

/** The parts a row may name: the run's components, and the adjustments (补发/扣回) the results table keeps. */
export type TrendComponent = PayComponent | 'adjustments';
const TREND_COMPONENTS: readonly TrendComponent[] = [...PAY_COMPONENTS, 'adjustments'];

export interface TrendRow {
  periodId: string;
  periodLabel: string;
  totalScore: DecimalString;
  grade: string | null;
  totalPay: DecimalString;
  /**
   * The parts of the pay the row names; what they leave of `totalPay` is shown as "other". A row
   * of the results table, which keeps no base salary, leaves the base salary to "other".
   */
  components: Partial<Record<TrendComponent, DecimalString>>;
}

/** A pay series: a component, or `other` for what the named components leave of the total. */
export type TrendPart = TrendComponent | 'other';

export interface TrendSeries {
  periodIds: string[];
  labels: string[];
  totalScore: DecimalString[];
  grade: (string | null)[];
  totalPay: DecimalString[];
  /**
   * One series per part that is not zero in some period, in stacking order; a period whose row
   * does not name a part has 0 for it. In every period the parts add up to the total pay exactly.
   */
  parts: {part: TrendPart; values: DecimalString[]}[];
}

/**
 * Turns a person's rows, in the order given (the results table's period order), into series.
 *
 * @example personTrend([
 *   {periodId: '2026-01', periodLabel: '1月', totalScore: '92.5', grade: 'B', totalPay: '9000.00', components: {baseSalary: '6000.00', bonus: '3000.00'}},
 *   {periodId: '2026-02', periodLabel: '2月', totalScore: '104', grade: 'A', totalPay: '9800.00', components: {baseSalary: '6000.00', bonus: '3500.00'}},
 * ]).parts
 * // [{part: 'baseSalary', values: ['6000.00', '6000.00']}, {part: 'bonus', values: ['3000.00', '3500.00']}, {part: 'other', values: ['0.00', '300.00']}]
 */
export function personTrend(rows: readonly TrendRow[]): TrendSeries {
  const parts: {part: TrendPart; values: Decimal[]}[] = [...TREND_COMPONENTS, 'other' as const].map((part) => ({part, values: []}));
  let places = 0;
  for (const row of rows) {
    let named = new Decimal(0);
    places = Math.max(places, decimalPlaces(row.totalPay));
    for (const series of parts) {
      if (series.part === 'other') continue;
      const value = row.components[series.part];
      if (value !== undefined) places = Math.max(places, decimalPlaces(value));
      const amount = new Decimal(value ?? 0);
      named = named.plus(amount);
      series.values.push(amount);
    }
    parts[parts.length - 1].values.push(new Decimal(row.totalPay).minus(named));
  }
  return {
    periodIds: rows.map((row) => row.periodId),
    labels: rows.map((row) => row.periodLabel || row.periodId),
    totalScore: rows.map((row) => row.totalScore),
    grade: rows.map((row) => row.grade),
    totalPay: rows.map((row) => row.totalPay),
    parts: parts
      .filter((series) => series.values.some((value) => !value.isZero()))
      .map((series) => ({part: series.part, values: series.values.map((value) => value.toFixed(places))})),
  };
}

/**
 * A trend row from a participant's result of one period (a row of the results table carries the
 * same fields): its pay split as the engine defines it, base salary included.
 *
 * @example trendRow('2026-03', '2026年3月', result).components.baseSalary // result.totalPay minus the incentives
 */
export function trendRow(
  periodId: string,
  periodLabel: string,
  result: Pick<ParticipantResult, 'totalScore' | 'grade' | 'totalPay' | 'performancePay' | 'bonus' | 'teamBonus' | 'award'>,
): TrendRow {
  return {periodId, periodLabel, totalScore: result.totalScore, grade: result.grade, totalPay: result.totalPay, components: payParts(result)};
}
