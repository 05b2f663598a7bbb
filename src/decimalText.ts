/**
 * The one reader of decimals written as text: plan values ("60", "0.05"), what a user types into
 * a form, the decimal strings the engine returns. Plain digits with an optional sign and point;
 * no exponent ("1e5"), no grouping ("1,000"), no percent sign: a plan keeps decimals as text
 * precisely so that nothing is lost or guessed on the way. (Cells of the base are read by the
 * engine's `cellDecimal`, which also accepts numbers and grouped text, and uses this for the rest.)
 */
import Decimal from 'decimal.js';

const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A decimal from plain text, surrounding spaces ignored; null for anything else (numbers
 * included: a JS number may already have lost digits). `Ctor` is the Decimal class to build
 * with, e.g. the engine's 40-digit clone, so that arithmetic on the result keeps its precision.
 *
 * @example parseDecimalText(' 0.05 ')?.toString() // '0.05'
 * @example parseDecimalText('1e5') // null
 * @example parseDecimalText(5) // null
 */
export function parseDecimalText<T extends Decimal = Decimal>(value: unknown, Ctor: new (v: string) => T = Decimal as unknown as new (v: string) => T): T | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return PLAIN_DECIMAL.test(trimmed) ? new Ctor(trimmed) : null;
}
