/**
 * Honours (荣誉): titles for the best participants by total score or by a metric. Candidates can
 * be limited to a tier and to a minimum sample (records behind the metric); participants without a
 * value are never candidates. The first `count` places get the title, and everyone tied with the
 * last place shares it (competition ranking, as on the leaderboard).
 */
import type {Honour, Text} from '../plan';
import type {Dec} from './money';

export interface HonourCandidate {
  index: number;
  tier: string | null;
  total: Dec;
  /** Value and sample of a metric, by metric id. */
  metric: (metricId: string) => {value: Dec | null; sample: number} | undefined;
}

/** Titles per participant index, in the plan's honour order. */
export function awardHonours(honours: readonly Honour[], candidates: readonly HonourCandidate[]): Map<number, Text[]> {
  const out = new Map<number, Text[]>();
  for (const honour of honours) {
    const scored: {index: number; value: Dec; key: number}[] = [];
    for (const c of candidates) {
      if (honour.tier !== undefined && honour.tier !== '' && c.tier !== honour.tier) continue;
      if (honour.by === 'totalScore') {
        scored.push({index: c.index, value: c.total, key: c.total.toNumber()});
        continue;
      }
      const m = c.metric(honour.by.metricId);
      if (!m || m.value === null) continue;
      if (honour.minSample !== undefined && m.sample < honour.minSample) continue;
      scored.push({index: c.index, value: m.value, key: m.value.toNumber()});
    }
    const sign = honour.direction === 'lowest' ? -1 : 1;
    // Converting to a double never reverses an order, so doubles decide unless they are equal;
    // then the exact decimals do. Exact, and 10,000 candidates sort without 100,000s of decimal compares.
    scored.sort((a, b) => sign * (b.key - a.key || b.value.comparedTo(a.value)));
    scored.forEach((s, i) => {
      // Competition rank: the place of the first one with this value.
      let rank = i;
      while (rank > 0 && scored[rank - 1].value.equals(s.value)) rank--;
      if (rank + 1 > honour.count) return;
      const titles = out.get(s.index) ?? [];
      titles.push(honour.title);
      out.set(s.index, titles);
    });
  }
  return out;
}
