/**
 * Ranking (排名) by total score, highest first, with competition ranking: equal totals share a
 * rank and the next rank skips (1, 1, 3). Tied participants are listed by name, then by record id,
 * so the order never depends on the order records came in.
 */
import type {Dec} from './money';

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
 * Returns the items in ranking order with their rank.
 *
 * @example competitionRanks([{total: 90}, {total: 90}, {total: 80}]) // ranks 1, 1, 3
 */
export function competitionRanks<T extends Rankable>(items: readonly T[]): {item: T; rank: number}[] {
  // Totals are 2-place scores of a few hundred points at most: as doubles they keep their order
  // and equality exactly, and comparing doubles spares 100,000s of decimal comparisons.
  const keyed = items.map((item) => ({item, key: item.total.toNumber()}));
  keyed.sort((a, b) => b.key - a.key || compareByName(a.item, b.item));
  const out: {item: T; rank: number}[] = [];
  keyed.forEach(({item, key}, i) => {
    const previous = out[i - 1];
    const rank = previous && keyed[i - 1].key === key ? previous.rank : i + 1;
    out.push({item, rank});
  });
  return out;
}
