/**
 * Scores as a histogram (总分分布) with the grade bands marked: the bin edges include every band
 * boundary inside the range, so that each bin lies in one band and can be coloured by its grade.
 */
import Decimal from 'decimal.js';
import type {DecimalString, GradeBand} from '../plan';

export interface ScoreBin {
  /** Inclusive lower edge. */
  from: DecimalString;
  /** Exclusive upper edge. */
  to: DecimalString;
  count: number;
  /** The grade of the band the bin lies in; null below every band. */
  grade: string | null;
}

export interface ScoreHistogram {
  bins: ScoreBin[];
  /** The width of every bin, or null when band boundaries off every nice step made the bins uneven. */
  step: DecimalString | null;
}

export interface HistogramOptions {
  /** At most this many bins (a 480 px panel shows about 25 bars readably). */
  maxBins?: number;
}

/** Nice bin widths, smallest first: 1, 2, 2.5, 5 times a power of ten. */
function* niceSteps(): Generator<Decimal> {
  for (let exponent = -2; exponent <= 15; exponent++) {
    const unit = new Decimal(10).pow(exponent);
    for (const factor of [1, 2, 2.5, 5]) yield unit.times(factor);
  }
}

interface Layout {
  low: Decimal;
  high: Decimal;
  step: Decimal;
  count: number;
}

/** The bins of one width that cover [lowest, highest]: edges on multiples of the width. */
function layout(lowest: Decimal, highest: Decimal, step: Decimal): Layout {
  const low = lowest.div(step).floor().times(step);
  const high = highest.div(step).floor().times(step).plus(step);
  return {low, high, step, count: high.minus(low).div(step).toNumber()};
}

/**
 * The edges: the finest nice width whose edges fall on every band boundary inside the range and
 * that makes at most `maxBins` bins; without one, the finest nice width within `maxBins`, with
 * the boundaries added as edges (bins of uneven width).
 */
function edgesFor(lowest: Decimal, highest: Decimal, boundaries: readonly Decimal[], maxBins: number): {edges: Decimal[]; step: Decimal | null} {
  let fallback: Layout | null = null;
  for (const step of niceSteps()) {
    const candidate = layout(lowest, highest, step);
    if (candidate.count > maxBins) continue;
    fallback ??= candidate;
    const inside = boundaries.filter((b) => b.greaterThan(candidate.low) && b.lessThan(candidate.high));
    if (inside.every((b) => b.mod(step).isZero())) {
      return {edges: Array.from({length: candidate.count + 1}, (_, i) => candidate.low.plus(step.times(i))), step};
    }
    if (candidate.count === 1) break;
  }
  const {low, high, step, count} = fallback ?? layout(lowest, highest, highest.minus(lowest).plus(1));
  const regular = Array.from({length: count + 1}, (_, i) => low.plus(step.times(i)));
  const inside = boundaries.filter((b) => b.greaterThan(low) && b.lessThan(high));
  const edges = [...regular, ...inside].sort((a, b) => a.comparedTo(b)).filter((e, i, all) => i === 0 || !e.equals(all[i - 1]));
  return {edges, step: null};
}

/** The band a score falls in, as the engine grades: min inclusive, max exclusive. */
function gradeAt(score: Decimal, grades: readonly GradeBand[]): string | null {
  for (const band of grades) {
    if (score.greaterThanOrEqualTo(band.min) && (band.max === undefined || score.lessThan(band.max))) return band.grade;
  }
  return null;
}

/** The index of the bin holding `score`: the last edge not above it. */
function binIndex(score: Decimal, edges: readonly Decimal[]): number {
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (edges[middle].lessThanOrEqualTo(score)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Bins the total scores; every score lands in exactly one bin.
 *
 * @example scoreHistogram(['72', '88', '91.5'], [{grade: 'A', min: '90', coefficient: '1'}, {grade: 'B', min: '0', max: '90', coefficient: '1'}], {maxBins: 5}).bins
 * // [{from: '70', to: '80', count: 1, grade: 'B'}, {from: '80', to: '90', count: 1, grade: 'B'}, {from: '90', to: '100', count: 1, grade: 'A'}]
 */
export function scoreHistogram(scores: readonly DecimalString[], grades: readonly GradeBand[], options: HistogramOptions = {}): ScoreHistogram {
  const maxBins = Math.max(1, Math.floor(options.maxBins ?? 24));
  if (scores.length === 0) return {bins: [], step: null};
  const values = scores.map((score) => new Decimal(score));
  // Folded, not spread: 10,000 arguments come near the engine's limit on arguments.
  const lowest = values.reduce((a, b) => (b.lessThan(a) ? b : a));
  const highest = values.reduce((a, b) => (b.greaterThan(a) ? b : a));
  const boundaries = grades.flatMap((band) => (band.max === undefined ? [band.min] : [band.min, band.max])).map((b) => new Decimal(b));
  const {edges, step} = edgesFor(lowest, highest, boundaries, maxBins);
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const value of values) counts[binIndex(value, edges)]++;
  const bins = counts.map((count, i) => ({
    from: edges[i].toString(),
    to: edges[i + 1].toString(),
    count,
    grade: gradeAt(edges[i], grades),
  }));
  return {bins, step: step ? step.toString() : null};
}

/**
 * The edges worth a tick on the score axis: the histogram's two ends and every band boundary
 * between them, ascending.
 *
 * @example bandTicks([{from: '60', to: '70'}, {from: '70', to: '80'}], [{min: '75'}, {min: '0', max: '75'}]) // ['60', '75', '80']
 */
export function bandTicks(bins: readonly Pick<ScoreBin, 'from' | 'to'>[], grades: readonly Pick<GradeBand, 'min' | 'max'>[]): DecimalString[] {
  if (bins.length === 0) return [];
  const low = new Decimal(bins[0].from);
  const high = new Decimal(bins[bins.length - 1].to);
  const inside = grades
    .flatMap((band) => (band.max === undefined ? [band.min] : [band.min, band.max]))
    .map((b) => new Decimal(b))
    .filter((b) => b.greaterThan(low) && b.lessThan(high));
  return [low, ...inside, high]
    .sort((a, b) => a.comparedTo(b))
    .filter((edge, i, all) => i === 0 || !edge.equals(all[i - 1]))
    .map((edge) => edge.toString());
}
