/**
 * Exact decimals for money, scores and rates. JS numbers never carry a computed amount: a float
 * sum of 200,000 order amounts drifts by cents, and a finance person would (rightly) stop trusting
 * every other number on the page.
 */
import Decimal from 'decimal.js';
import type {Currency, RoundingMode} from '../plan';
import type {FactValue} from '../facts';

/**
 * 40 significant digits keep a 1e15 amount with 20 decimals exact; exponent notation is switched
 * off so that a DecimalString is always plain text a spreadsheet reads.
 */
export const D = Decimal.clone({precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60});
export type Dec = Decimal;

export const ZERO = new D(0);
export const HUNDRED = new D(100);

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

/** A money amount rounded at the plan's precision and mode: done once per written amount. */
export function roundMoney(amount: Dec, currency: Currency): Dec {
  return amount.toDecimalPlaces(currency.precision, ROUNDING[currency.rounding] ?? Decimal.ROUND_HALF_UP);
}

export function moneyString(amount: Dec, currency: Currency): string {
  return roundMoney(amount, currency).toFixed(currency.precision);
}

/** Scores, weighted scores and metric values: 2 places, half up (away from zero). */
export function round2(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Marker for a cell that holds text which is not a number. */
export const NOT_A_NUMBER = Symbol('not a number');

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a cell as a decimal: a number, or text holding one ("1,234.5" with thousands commas is
 * accepted because that is how people paste amounts). Empty cells are null.
 *
 * @example parseDecimal('1,234.5')?.toString() // '1234.5'
 * @example parseDecimal('abc') // NOT_A_NUMBER
 */
export function parseDecimal(value: FactValue | undefined): Dec | null | typeof NOT_A_NUMBER {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? new D(value) : NOT_A_NUMBER;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if (PLAIN.test(trimmed)) return new D(trimmed);
    if (GROUPED.test(trimmed)) return new D(trimmed.replace(/,/g, ''));
    return NOT_A_NUMBER;
  }
  if (Array.isArray(value) && value.length === 0) return null;
  return NOT_A_NUMBER;
}

/**
 * Fixed places with thousands separators, as amounts are printed on a payslip.
 *
 * @example formatGrouped(new D('46000'), 2) // '46,000.00'
 */
export function formatGrouped(value: Dec, places: number): string {
  const fixed = value.toFixed(places);
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/**
 * A fraction written as percent points without trailing zeros.
 *
 * @example formatRatePercent('0.025') // '2.5'
 */
export function formatRatePercent(fraction: Dec | string): string {
  return new D(fraction).times(100).toString();
}

/** A decimal string from the plan, trimmed of redundant zeros: "60.0" -> "60". */
export function plain(value: Dec | string): string {
  return new D(value).toString();
}

/** A plan decimal, or null when the text is not one (the validator reports it; the engine must not throw). */
export function planDecimal(value: string | undefined | null): Dec | null {
  if (value === undefined || value === null) return null;
  const parsed = parseDecimal(value);
  return parsed === NOT_A_NUMBER ? null : parsed;
}
