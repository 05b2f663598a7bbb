/**
 * From a metric value to a score in percent points (得分). Nothing here is rounded: the value,
 * the attainment, the score and the weighted score are exact (to D's 40 digits), and only the
 * total (or, by the plan's choice, each weighted score) is rounded, once, in run.ts
 * (docs/plan.md §7). A value of 4.6667 on a 1-5 scale scores 91.67, not the 91.75 of 4.67.
 */
import type {Scoring} from '../plan';
import {EXACT_BELOW, exactPercentOf, fromUnits, hundredthsOf, HUNDRED, planDecimal, ZERO, type Dec} from './money';

export type ScoreStatus =
  | 'ok'
  /** No value (an average with no records): score 0. */
  | 'noData'
  /** Scoring needs a target and there is none: score 0. */
  | 'noTarget'
  /** Attainment against a target of 0 is undefined: score 0. */
  | 'zeroTarget'
  /** The scale's min is not below its max: score 0. */
  | 'badScale';

export interface ScoreOutcome {
  score: Dec;
  status: ScoreStatus;
  /** actual / target x 100 (2 places), when both exist and the target is not 0. */
  attainment: Dec | null;
  /** The unlimited ratio the line shows before a cap, floor or clamp (attainment, inverse or scale position). */
  ratio: Dec | null;
  /** True when `ratio` was limited to give the score. */
  limited: boolean;
  /** The band used, for band scoring; null below the first band. */
  band: {from: Dec; score: Dec} | null;
  /** The first band's threshold, which a value below all bands is shown against. */
  lowestFrom: Dec | null;
  /** True when a scale value lay outside min..max. */
  outOfScale: boolean;
}

/** @example clamp(new D(130), ZERO, new D(120)).toString() // '120' */
export function clamp(value: Dec, min: Dec, max: Dec): Dec {
  return value.lessThan(min) ? min : value.greaterThan(max) ? max : value;
}

const NONE: Partial<ScoreOutcome> = {};

/** Written out field by field (no spread): built for every participant and metric. */
function outcome(score: Dec, status: ScoreStatus, extra: Partial<ScoreOutcome> = NONE): ScoreOutcome {
  return {
    score,
    status,
    attainment: extra.attainment ?? null,
    ratio: extra.ratio ?? null,
    limited: extra.limited ?? false,
    band: extra.band ?? null,
    lowestFrom: extra.lowestFrom ?? null,
    outOfScale: extra.outOfScale ?? false,
  };
}

/** actual / target in percent points, exact; null when the target is missing or 0. */
export function attainmentOf(value: Dec | null, target: Dec | null): Dec | null {
  if (value === null || target === null || target.isZero()) return null;
  return exactPercentOf(value, target);
}

/**
 * @example scoreMetric({kind: 'attainment', cap: '120'}, new D(46000), new D(50000)).score.toString() // '92'
 */
export function scoreMetric(scoring: Scoring, value: Dec | null, target: Dec | null): ScoreOutcome {
  const attainment = attainmentOf(value, target);
  if (value === null) return outcome(ZERO, 'noData', {attainment});
  switch (scoring.kind) {
    case 'attainment': {
      if (target === null) return outcome(ZERO, 'noTarget');
      if (target.isZero()) return outcome(ZERO, 'zeroTarget');
      const cap = planDecimal(scoring.cap) ?? HUNDRED;
      const score = clamp(attainment!, ZERO, cap);
      return outcome(score, 'ok', {attainment, ratio: attainment, limited: !score.equals(attainment!)});
    }
    case 'lowerIsBetter': {
      if (target === null) return outcome(ZERO, 'noTarget');
      const cap = planDecimal(scoring.cap) ?? HUNDRED;
      // Nothing (or less than nothing) of a bad thing is the best possible result.
      if (value.lessThanOrEqualTo(0)) return outcome(cap, 'ok', {attainment});
      const ratio = exactPercentOf(target, value);
      const score = clamp(ratio, ZERO, cap);
      return outcome(score, 'ok', {attainment, ratio, limited: !score.equals(ratio)});
    }
    case 'scale': {
      const min = planDecimal(scoring.min);
      const max = planDecimal(scoring.max);
      if (!min || !max || !min.lessThan(max)) return outcome(ZERO, 'badScale', {attainment});
      const ratio = exactPercentOf(value.minus(min), max.minus(min));
      const score = clamp(ratio, ZERO, HUNDRED);
      const outOfScale = value.lessThan(min) || value.greaterThan(max);
      return outcome(score, 'ok', {attainment, ratio, limited: !score.equals(ratio), outOfScale});
    }
    case 'bands': {
      let on: Dec = value;
      if (scoring.on === 'attainment') {
        if (target === null) return outcome(ZERO, 'noTarget');
        if (target.isZero()) return outcome(ZERO, 'zeroTarget');
        on = attainment!;
      }
      const bands = scoring.bands
        .map((b) => ({from: planDecimal(b.from), score: planDecimal(b.score)}))
        .filter((b): b is {from: Dec; score: Dec} => b.from !== null && b.score !== null)
        .sort((a, b) => a.from.comparedTo(b.from));
      let band: {from: Dec; score: Dec} | null = null;
      for (const b of bands) if (on.greaterThanOrEqualTo(b.from)) band = b;
      return outcome(band ? band.score : ZERO, 'ok', {attainment, band, lowestFrom: bands[0]?.from ?? null});
    }
  }
}

/**
 * score x weight / 100, exact: the part of the total this metric contributes, with weight / 100
 * computed once per metric (the engine's hot path). With the score and the weight in hundredths
 * (at most 2 places each, the common case) it is done on integers: score x weight in units of
 * 10^-6, which is the decimal product exactly.
 *
 * @example weightedByFraction(new D('91.75'), new D('0.3'), 3000).toString() // '27.525'
 */
export function weightedByFraction(score: Dec, weightFraction: Dec, weightHundredths: number | null = null): Dec {
  if (weightHundredths !== null) {
    const s = hundredthsOf(score);
    if (s !== null && Math.abs(s * weightHundredths) < EXACT_BELOW) return fromUnits(s * weightHundredths, 6);
  }
  return score.times(weightFraction);
}
