/**
 * Splitting an amount into parts that add up to it exactly (largest remainder method): each part
 * gets its proportional amount rounded down to the currency unit, and the units left over go one
 * by one to the largest remainders; equal remainders go in the order the parts are given.
 */
import {D, ZERO, type Dec} from './money';

/**
 * @example largestRemainder(new D(100), [1, 1, 1].map((w) => new D(w)), 2).map(String) // ['33.34', '33.33', '33.33']
 */
export function largestRemainder(total: Dec, weights: readonly Dec[], precision: number): Dec[] {
  if (weights.length === 0) return [];
  const unit = new D(10).pow(-precision);
  const units = total.dividedBy(unit).floor();
  const positive = weights.map((w) => (w.greaterThan(0) ? w : ZERO));
  let sum = positive.reduce((a, w) => a.plus(w), ZERO);
  const shares = sum.isZero() ? weights.map(() => new D(1)) : positive;
  if (sum.isZero()) sum = new D(weights.length);
  if (units.lessThanOrEqualTo(0)) return weights.map(() => ZERO);

  const exact = shares.map((w) => units.times(w).dividedBy(sum));
  const floors = exact.map((q) => q.floor());
  let left = units.minus(floors.reduce((a, f) => a.plus(f), ZERO)).toNumber();
  const order = exact
    .map((q, i) => ({i, remainder: q.minus(floors[i])}))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (const {i} of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left--;
  }
  return floors.map((f) => f.times(unit));
}
