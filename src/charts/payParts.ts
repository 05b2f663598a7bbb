/**
 * The parts a participant's total pay is made of, as the engine defines it:
 * total pay = base salary + performance pay + bonus + team bonus + award (src/results.ts).
 * The run result carries every part but the base salary, which is the exact remainder.
 */
import Decimal from 'decimal.js';
import type {DecimalString} from '../plan';
import type {ParticipantResult} from '../results';

/** The pay components, in the order they are stacked (fixed pay first, then the incentives). */
export const PAY_COMPONENTS = ['baseSalary', 'performancePay', 'bonus', 'teamBonus', 'award'] as const;
export type PayComponent = (typeof PAY_COMPONENTS)[number];

/** The incentive components the run result names one by one. */
export const INCENTIVE_COMPONENTS = ['performancePay', 'bonus', 'teamBonus', 'award'] as const satisfies readonly PayComponent[];

export type PayParts = Record<PayComponent, DecimalString>;

/**
 * A participant's pay split by component; the base salary is total pay minus the incentives,
 * so the parts add up to `totalPay` exactly.
 *
 * @example payParts({totalPay: '8500.00', performancePay: '1500.00', bonus: '1000.00', teamBonus: '0.00', award: '0.00'}).baseSalary // '6000.00'
 */
export function payParts(result: Pick<ParticipantResult, 'totalPay' | (typeof INCENTIVE_COMPONENTS)[number]>): PayParts {
  const incentives = INCENTIVE_COMPONENTS.reduce((sum, component) => sum.plus(result[component]), new Decimal(0));
  const total = new Decimal(result.totalPay);
  const places = Math.max(decimalPlaces(result.totalPay), ...INCENTIVE_COMPONENTS.map((c) => decimalPlaces(result[c])));
  return {
    baseSalary: total.minus(incentives).toFixed(places),
    performancePay: result.performancePay,
    bonus: result.bonus,
    teamBonus: result.teamBonus,
    award: result.award,
  };
}

/**
 * The places a decimal string is written with, so that sums keep the precision of their terms.
 *
 * @example decimalPlaces('12.50') // 2
 */
export function decimalPlaces(value: DecimalString): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * The exact sum of decimal strings, written with the most places any term has.
 *
 * @example sumDecimals(['0.10', '0.20']) // '0.30'
 */
export function sumDecimals(values: readonly DecimalString[]): DecimalString {
  let sum = new Decimal(0);
  let places = 0;
  for (const value of values) {
    sum = sum.plus(value);
    places = Math.max(places, decimalPlaces(value));
  }
  return sum.toFixed(places);
}
