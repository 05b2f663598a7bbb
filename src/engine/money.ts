/**
 * Exact decimals for money, scores and rates. JS numbers never carry a computed amount: a float
 * sum of 200,000 order amounts drifts by cents, and a finance person would (rightly) stop trusting
 * every other number on the page.
 */
import Decimal from 'decimal.js';
import type {Currency, RoundingMode} from '../plan';
import type {FactValue} from '../facts';
import {groupDigits} from '../i18n';

/**
 * 40 significant digits keep a 1e15 amount with 20 decimals exact; exponent notation is switched
 * off so that a DecimalString is always plain text a spreadsheet reads.
 */
/** Exponent from which D prints exponent notation in toString. */
const PLAIN_BELOW_EXPONENT = 60;
export const D = Decimal.clone({precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: PLAIN_BELOW_EXPONENT});
export type Dec = Decimal;

export const ZERO = new D(0);
export const HUNDRED = new D(100);
/** x / 100 as an exact multiplication. */
export const PERCENT = new D('0.01');

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

/** A money amount rounded at the plan's precision and mode: done once per written amount. */
export function roundMoney(amount: Dec, currency: Currency): Dec {
  // Already at most that many places: rounding would only copy it (decimals are immutable, so the same one is returned).
  if (amount.decimalPlaces() <= currency.precision) return amount;
  return amount.toDecimalPlaces(currency.precision, ROUNDING[currency.rounding] ?? Decimal.ROUND_HALF_UP);
}

/** Scores, weighted scores and metric values: 2 places, half up (away from zero). */
export function round2(value: Dec): Dec {
  if (value.decimalPlaces() <= 2) return value;
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

/** Marker for a cell whose number lies beyond what the engine computes exactly (see readCell). */
export const BEYOND_BOUND = Symbol('beyond the exact bound');

/** Cell numbers are computed with exactly when below this in size... */
export const CELL_LIMIT = new D('1e16');
/** ...and with at most this many decimal places. */
export const CELL_PLACES = 18;

/**
 * Is this cell number inside the bound that exact arithmetic covers? Sums of up to 1,000,000 such
 * numbers stay below 1e22 with at most 18 places: at most 40 significant digits, the precision of
 * D, so every sum is exact (docs/plan.md §3). Beyond it a sum would be rounded silently.
 *
 * @example withinBound(new D('1e15')) // true
 * @example withinBound(new D('1e16')) // false
 */
export function withinBound(value: Dec): boolean {
  return value.abs().lessThan(CELL_LIMIT) && value.decimalPlaces() <= CELL_PLACES;
}

/**
 * A cell read as a number the engine computes with: parseDecimal, then the bound.
 *
 * @example readCell(2e16) // BEYOND_BOUND
 */
export function readCell(value: FactValue | undefined): Dec | null | typeof NOT_A_NUMBER | typeof BEYOND_BOUND {
  const parsed = parseDecimal(value);
  if (parsed === null || parsed === NOT_A_NUMBER) return parsed;
  return withinBound(parsed) ? parsed : BEYOND_BOUND;
}

/**
 * A fraction written as percent points without trailing zeros.
 *
 * @example formatRatePercent('0.025') // '2.5'
 */
export function formatRatePercent(fraction: Dec | string): string {
  return new D(fraction).times(100).toString();
}

const plainCache = new Map<string, string>();

/** A decimal string from the plan, trimmed of redundant zeros: "60.0" -> "60" (memoised, plan texts repeat). */
export function plain(value: Dec | string): string {
  if (typeof value !== 'string') return value.toString();
  let cached = plainCache.get(value);
  if (cached === undefined) {
    const parsed = planDecimal(value);
    cached = parsed ? parsed.toString() : value;
    if (plainCache.size > 10_000) plainCache.clear();
    plainCache.set(value, cached);
  }
  return cached;
}

const planCache = new Map<string, Dec | null>();

/**
 * A plan decimal, or null when the text is not one (the validator reports it; the engine must not
 * throw). Plan numbers are read once per participant and rule, so they are memoised: decimals are
 * immutable, sharing them is safe.
 */
export function planDecimal(value: string | undefined | null): Dec | null {
  if (value === undefined || value === null) return null;
  let cached = planCache.get(value);
  if (cached === undefined) {
    const parsed = parseDecimal(value);
    cached = parsed === NOT_A_NUMBER ? null : parsed;
    if (planCache.size > 10_000) planCache.clear();
    planCache.set(value, cached);
  }
  return cached;
}

/** Scale of the fast exact sum: amounts with at most 4 decimals are added as integer units. */
export const UNITS_SCALE = 10_000;
/** Multiplying by 1e-4 is exact and much cheaper than dividing by 1e4. */
const UNIT = new D('0.0001');
/** Below 2^50 a double's spacing is far under 1e-4, so its 4-decimal reading is unambiguous. */
const MAX_UNITS = 2 ** 50;
/** Integer sums stay exact in a double below 2^53; flushing at 2^52 leaves room for one more value. */
const FLUSH_AT = 2 ** 52;

/**
 * The value of a JS number in integer units of 1e-4 when that is exact, else null.
 * Exactness: m / 1e4 === v means the decimal m x 1e-4 is the one `new D(v)` would read.
 *
 * @example toUnits(1234.56) // 12345600
 * @example toUnits(0.00001) // null
 */
export function toUnits(value: number): number | null {
  const units = Math.round(value * UNITS_SCALE);
  return Math.abs(units) < MAX_UNITS && units / UNITS_SCALE === value ? units : null;
}

/**
 * An exact running sum that adds most amounts as integers (fast, no allocation) and anything else
 * as a decimal. Used for the hot loop over 200,000 records; the result equals the Decimal sum.
 */
export class ExactSum {
  private decimal: Dec = ZERO;
  private units = 0;

  /** Adds a number already read as units of 1e-4 (toUnits): the hot loop's path. */
  addUnits(units: number): void {
    if (Math.abs(this.units) >= FLUSH_AT) this.flush();
    this.units += units;
  }

  add(value: number | Dec): void {
    if (typeof value === 'number') {
      const units = toUnits(value);
      if (units !== null) {
        if (Math.abs(this.units) >= FLUSH_AT) this.flush();
        this.units += units;
        return;
      }
      value = new D(value);
    }
    this.decimal = this.decimal.plus(value);
  }

  /**
   * Team scope adds thousands of personal sums: their integer parts are added as integers, so no
   * decimal is built unless a sum really holds one.
   */
  addSum(other: ExactSum): void {
    if (!other.decimal.isZero()) this.decimal = this.decimal.plus(other.decimal);
    // Both parts are below 2^53 on their own; flushing first keeps their integer sum exact too.
    if (Math.abs(this.units) + Math.abs(other.units) >= 2 ** 53) this.flush();
    this.units += other.units;
  }

  private flush(): void {
    this.decimal = this.decimal.plus(new D(this.units).times(UNIT));
    this.units = 0;
  }

  value(): Dec {
    if (this.units === 0) return this.decimal;
    const fromUnits = unitsDecimal(this.units);
    return this.decimal.isZero() ? fromUnits : this.decimal.plus(fromUnits);
  }
}

/**
 * An integer count of 1e-4 units as a decimal, read from its text ("-12345678" -> "-1234.5678"):
 * one parse instead of a conversion and a multiplication. Exact: the text is the value.
 */
function unitsDecimal(units: number): Dec {
  const digits = String(Math.abs(units)).padStart(5, '0');
  return new D(`${units < 0 ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`);
}

/**
 * Fixed places with thousands separators, as amounts are printed on a payslip.
 *
 * @example formatGrouped(new D('46000'), 2) // '46,000.00'
 */
export function formatGrouped(value: Dec, places: number): string {
  // Rounded first (half up) so that a tiny negative exact value, -0.001, shows as 0.00, not -0.00.
  const rounded = value.decimalPlaces() > places ? value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : value;
  return groupDigits(fixedText(rounded, places));
}

/**
 * The same text as `value.toFixed(places)`, without the copy decimal.js makes to round: a value
 * that already has at most `places` places (every rounded score and amount) is padded with zeros.
 * toString and toFixed agree on such values, signs of zero included (both print -0 as "0").
 *
 * @example fixedText(new D('4.5'), 2) // '4.50'
 */
export function fixedText(value: Dec, places: number): string {
  // toString switches to exponent notation at 1e60 (D's toExpPos), toFixed never does.
  if (places > ZEROS.length || !(value.decimalPlaces() <= places) || !(value.e < PLAIN_BELOW_EXPONENT)) return value.toFixed(places);
  const plainText = value.toString();
  if (places === 0) return plainText;
  const dot = plainText.indexOf('.');
  const have = dot === -1 ? 0 : plainText.length - dot - 1;
  return (dot === -1 ? plainText + '.' : plainText) + ZEROS.slice(0, places - have);
}

const ZEROS = '00000000000000000000';

/** Integers below 2^52: their products with small factors and their quotients stay exact in a double. */
export const EXACT_BELOW = 2 ** 52;

/**
 * A decimal of at most 2 places as an integer number of hundredths, or null when it has more
 * places or is 1e13 or more. Read from its text with the point taken out: no floating-point
 * arithmetic, and below 1e15 hundredths every integer is exact in a double.
 *
 * @example hundredthsOf(new D('-12.3')) // -1230
 */
export function hundredthsOf(value: Dec): number | null {
  if (!(value.decimalPlaces() <= 2) || !(value.e < 13)) return null;
  const fixed = fixedText(value, 2);
  const dot = fixed.length - 3;
  const n = Number(fixed.slice(0, dot) + fixed.slice(dot + 1));
  return n === 0 ? 0 : n; // "-0.00" is 0 hundredths, not -0
}

/**
 * numerator / denominator rounded half up (away from zero) to an integer, for integers whose
 * absolute values are below 2^52; null otherwise. The quotient is corrected with the exact integer
 * remainder, so a double's rounding of the division never shows.
 *
 * @example roundedQuotient(-5, 2) // -3
 */
export function roundedQuotient(numerator: number, denominator: number): number | null {
  const num = Math.abs(numerator);
  const den = Math.abs(denominator);
  if (!(num < EXACT_BELOW && den < EXACT_BELOW) || den === 0) return null;
  let q = Math.floor(num / den);
  let r = num - q * den;
  if (r < 0) {
    q--;
    r += den;
  } else if (r >= den) {
    q++;
    r -= den;
  }
  if (2 * r >= den) q++;
  return q === 0 ? 0 : (numerator < 0) !== (denominator < 0) ? -q : q;
}

/** A decimal from an integer number of hundredths. @example fromHundredths(-5).toString() // '-0.05' */
export function fromHundredths(n: number): Dec {
  if (n === 0) return ZERO;
  const digits = String(Math.abs(n)).padStart(3, '0');
  return new D(`${n < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

/**
 * value / divisor x 100, exact (to D's 40 digits), never rounded: the attainment or ratio a score is
 * taken from. Both of at most 2 places and the quotient a whole number of hundredths (92%, 113.5%):
 * done on integers, with no decimal division; otherwise decimal.js divides.
 *
 * @example exactPercentOf(new D(46000), new D(50000)).toString() // '92'
 * @example exactPercentOf(new D(2), new D(3)).toString() // '66.66666666666666666666666666666666666667'
 */
export function exactPercentOf(value: Dec, divisor: Dec): Dec {
  const v = hundredthsOf(value);
  const d = v === null ? null : hundredthsOf(divisor);
  if (v !== null && d !== null && d !== 0 && Math.abs(v * 10_000) < EXACT_BELOW && v * 10_000 % d === 0) return fromHundredths((v * 10_000) / d);
  return value.dividedBy(divisor).times(HUNDRED);
}

/**
 * round2(value / divisor x 100): percentOf at 2 places, as a line shows it. Both of at most
 * 2 places: done on integers (equal to decimal.js's result: its 40-digit quotient can only round
 * differently at 2 places after a run of 20+ nines, which a divisor below 2^52 cannot produce).
 */
export function percentOf(value: Dec, divisor: Dec): Dec {
  const v = hundredthsOf(value);
  const d = v === null ? null : hundredthsOf(divisor);
  // v x 10,000 / d: value / divisor x 100 in hundredths; roundedQuotient refuses what is not exact.
  const q = v === null || d === null ? null : roundedQuotient(v * 10_000, d);
  return q === null ? round2(value.dividedBy(divisor).times(HUNDRED)) : fromHundredths(q);
}

/**
 * Places at which an exact score is settled before it is rounded for writing: far below any shown
 * digit, and far above the last of D's 40 digits. A quotient such as 14/3 carries an error in its
 * 40th digit, so a score that is exactly 27.525 can come out as 27.52499...98; settled at 20 places
 * it is 27.525 again and rounds half up to 27.53, as it does by hand.
 */
export const SETTLE_PLACES = 20;

/**
 * An exact score rounded once to `places`, half up (away from zero), after settling it.
 *
 * @example roundScore(new D('27.52499999999999999999999999999999999998'), 2).toString() // '27.53'
 */
export function roundScore(value: Dec, places: number): Dec {
  if (value.decimalPlaces() <= places) return value;
  const settled = value.decimalPlaces() > SETTLE_PLACES ? value.toDecimalPlaces(SETTLE_PLACES, Decimal.ROUND_HALF_UP) : value;
  return settled.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * A decimal from an integer count of 10^-places units, read from its text: exact.
 *
 * @example fromUnits(-5, 6).toString() // '-0.000005'
 */
export function fromUnits(n: number, places: number): Dec {
  if (n === 0) return ZERO;
  if (places === 0) return new D(n);
  const digits = String(Math.abs(n)).padStart(places + 1, '0');
  return new D(`${n < 0 ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`);
}
