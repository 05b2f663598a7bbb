/**
 * Ranking (排名) by total score, highest first, with competition ranking: equal totals share a
 * rank and the next rank skips (1, 1, 3). Tied participants are listed by name, then by record id,
 * so the order never depends on the order records came in.
 */
import {hundredthsOf, type Dec} from './money';

export interface Rankable {
  id: string;
  name: string;
  total: Dec;
}

/** Code-point order: the same on every machine and locale, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Name, then id. */
export function compareByName(a: {id: string; name: string}, b: {id: string; name: string}): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/**
 * Orders decimals exactly. The key is the whole number of hundredths when the decimal has at most
 * 2 places and is below 1e13 (every rounded score and value in practice), which a double holds
 * exactly: 10,000 totals sort without 100,000s of decimal comparisons. Without keys the decimals
 * themselves are compared.
 */
export function compareExact(a: {key: number | null; value: Dec}, b: {key: number | null; value: Dec}): number {
  return a.key !== null && b.key !== null ? a.key - b.key : a.value.comparedTo(b.value);
}

/** A decimal with its exact sort key. */
export function keyed(value: Dec): {key: number | null; value: Dec} {
  return {key: hundredthsOf(value), value};
}

/**
 * Returns the items in ranking order with their rank. Totals compare exactly: two totals that
 * differ in any digit never share a rank.
 *
 * @example competitionRanks([{total: 90}, {total: 90}, {total: 80}]) // ranks 1, 1, 3
 */
export function competitionRanks<T extends Rankable>(items: readonly T[]): {item: T; rank: number}[] {
  const sorted = items.map((item) => ({item, ...keyed(item.total)}));
  sorted.sort((a, b) => compareExact(b, a) || compareByName(a.item, b.item));
  const out: {item: T; rank: number}[] = [];
  sorted.forEach((entry, i) => {
    const previous = out[i - 1];
    const rank = previous && compareExact(sorted[i - 1], entry) === 0 ? previous.rank : i + 1;
    out.push({item: entry.item, rank});
  });
  return out;
}
