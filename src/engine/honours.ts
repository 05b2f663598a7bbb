/**
 * Honours (荣誉): titles for the best participants by total score or by a metric. Candidates can
 * be limited to a tier and to a minimum sample (records behind the metric). An honour rewards
 * something achieved, so a participant is a candidate only with a value that rests on data:
 * highest first, a value above 0 (an empty month, where every sum is 0, honours nobody); lowest
 * first, a value of 0 or more behind at least one record (a complaint rate of 0% over 20 orders is
 * the best, a rate over no orders is none). The first `count` places get the title, and everyone
 * tied with the last place shares it (competition ranking, as on the leaderboard). Values compare
 * exactly.
 */
import type {Honour, Text} from '../plan';
import type {Dec} from './money';
import {compareExact, keyed} from './rank';

export interface HonourCandidate {
  index: number;
  tier: string | null;
  total: Dec;
  /** Value and sample of a metric, by metric id. */
  metric: (metricId: string) => {value: Dec | null; sample: number} | undefined;
}

/**
 * May this value earn the honour? See the module comment.
 *
 * @example honourable('highest', new D(0), 12) // false
 * @example honourable('lowest', new D(0), 20) // true
 */
export function honourable(direction: Honour['direction'], value: Dec, sample: number): boolean {
  if (direction === 'lowest') return !value.isNegative() && sample >= 1;
  return value.greaterThan(0);
}

/** Titles per participant index, in the plan's honour order. */
export function awardHonours(honours: readonly Honour[], candidates: readonly HonourCandidate[]): Map<number, Text[]> {
  const out = new Map<number, Text[]>();
  for (const honour of honours) {
    const scored: {index: number; key: number | null; value: Dec}[] = [];
    for (const c of candidates) {
      if (honour.tier !== undefined && honour.tier !== '' && c.tier !== honour.tier) continue;
      if (honour.by === 'totalScore') {
        // A total has no sample of its own: a total of 0 is what an empty month scores.
        if (c.total.greaterThan(0)) scored.push({index: c.index, ...keyed(c.total)});
        continue;
      }
      const m = c.metric(honour.by.metricId);
      if (!m || m.value === null) continue;
      if (honour.minSample !== undefined && m.sample < honour.minSample) continue;
      if (!honourable(honour.direction, m.value, m.sample)) continue;
      scored.push({index: c.index, ...keyed(m.value)});
    }
    const sign = honour.direction === 'lowest' ? -1 : 1;
    scored.sort((a, b) => sign * compareExact(b, a));
    // Competition rank: the place of the first one with this value; past `count` nobody gets it.
    let rank = 0;
    for (let i = 0; i < scored.length; i++) {
      if (i > 0 && compareExact(scored[i - 1], scored[i]) !== 0) rank = i;
      if (rank + 1 > honour.count) break;
      const titles = out.get(scored[i].index) ?? [];
      titles.push(honour.title);
      out.set(scored[i].index, titles);
    }
  }
  return out;
}
