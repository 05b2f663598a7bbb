/**
 * Incentives (激励): performance pay, rate bonuses and the multi-level team bonus. Each function
 * works on exact decimals and returns the exact amount together with the parts the breakdown
 * shows; the caller rounds once, at the plan's currency precision.
 */
import type {Gate, GradeBand, RateBonus} from '../plan';
import {PERCENT, planDecimal, ZERO, type Dec} from './money';
import {gradeAtLeast} from './grade';

export type GateOutcome = {passed: true} | {passed: false; by: 'score'; min: Dec} | {passed: false; by: 'grade'; min: string};

/** A gate asks for a minimum total score and/or a minimum grade; both must hold when both are set. */
export function checkGate(gate: Gate | undefined, total: Dec, grade: string | null, grades: readonly GradeBand[]): GateOutcome {
  if (!gate) return {passed: true};
  const minScore = planDecimal(gate.minScore);
  if (minScore && total.lessThan(minScore)) return {passed: false, by: 'score', min: minScore};
  if (gate.minGrade && !gradeAtLeast(grade, gate.minGrade, grades)) return {passed: false, by: 'grade', min: gate.minGrade};
  return {passed: true};
}

/** A part of a bonus: `base` money at `rate` (a fraction). */
export interface Slice {
  base: Dec;
  rate: Dec;
}

export type RateBonusOutcome =
  | {kind: 'gate'; gate: GateOutcome}
  | {kind: 'negative'}
  | {kind: 'paid'; slices: Slice[]; ratePart: Dec; cap: Dec | null; capped: boolean; fixed: Dec | null; exact: Dec};

export interface Tier {
  /** The money amount where the tier starts: fromAttainment x target / 100. */
  start: Dec;
  rate: Dec;
}

/**
 * Tier thresholds in money. Without a target only tiers starting at 0% can be reached: an
 * attainment is unknown, and guessing one would pay an accelerator nobody earned.
 */
export function tiersInMoney(bonus: RateBonus, target: Dec | null): Tier[] {
  const tiers: Tier[] = [];
  for (const tier of bonus.tiers) {
    const from = planDecimal(tier.fromAttainment);
    const rate = planDecimal(tier.rate);
    if (from === null || rate === null) continue;
    if (target === null || target.lessThanOrEqualTo(0)) {
      if (from.isZero()) tiers.push({start: ZERO, rate});
      continue;
    }
    tiers.push({start: from.times(target).times(PERCENT), rate});
  }
  return tiers.sort((a, b) => a.start.comparedTo(b.start));
}

/**
 * A rate bonus on a metric value.
 * - marginal: the value between two thresholds earns that tier's rate (like income tax brackets);
 * - whole: the whole value earns the rate of the highest tier reached.
 * The cap limits the rate part; the fixed amount for reaching 100% comes on top.
 *
 * `tiers` may be given when the caller already has tiersInMoney(bonus, target) (the same target for many participants).
 *
 * @example marginal tiers 0%: 2%, 100%: 3% on 60,000 with target 50,000 -> 50,000 x 2% + 10,000 x 3% = 1,300
 */
export function rateBonus(bonus: RateBonus, value: Dec, target: Dec | null, gate: GateOutcome, tiers?: readonly Tier[]): RateBonusOutcome {
  if (!gate.passed) return {kind: 'gate', gate};
  if (value.isNegative() && !value.isZero()) return {kind: 'negative'};
  tiers ??= tiersInMoney(bonus, target);
  const slices: Slice[] = [];
  if (bonus.tierMode === 'marginal') {
    tiers.forEach((tier, i) => {
      const end = tiers[i + 1]?.start;
      if (value.lessThanOrEqualTo(tier.start)) return;
      const top = end && value.greaterThan(end) ? end : value;
      slices.push({base: top.minus(tier.start), rate: tier.rate});
    });
  } else {
    const reached = tiers.filter((t) => value.greaterThanOrEqualTo(t.start)).pop();
    if (reached) slices.push({base: value, rate: reached.rate});
  }
  const uncapped = slices.reduce((sum, s) => sum.plus(s.base.times(s.rate)), ZERO);
  const cap = planDecimal(bonus.cap);
  const capped = cap !== null && uncapped.greaterThan(cap);
  const ratePart = capped ? cap! : uncapped;
  const fixedAmount = planDecimal(bonus.fixedOnTarget);
  const onTarget = target !== null && target.greaterThan(0) && value.greaterThanOrEqualTo(target);
  const fixed = fixedAmount && onTarget ? fixedAmount : null;
  return {kind: 'paid', slices, ratePart, cap, capped, fixed, exact: fixed ? ratePart.plus(fixed) : ratePart};
}

/** One level of the team bonus: the downline's personal values at that level and its rate. */
export interface TeamLevel {
  level: number;
  base: Dec;
  rate: Dec;
}

/**
 * Multi-level team bonus: sum over levels of (level k downline's personal values) x levels[k-1],
 * floored at 0 (a level of net refunds never makes the leader owe money).
 */
export function teamBonus(levelBases: readonly Dec[], rates: readonly string[]): {levels: TeamLevel[]; exact: Dec; floored: boolean} {
  const levels: TeamLevel[] = [];
  rates.forEach((rateText, i) => {
    const rate = planDecimal(rateText);
    if (rate === null) return;
    levels.push({level: i + 1, base: levelBases[i] ?? ZERO, rate});
  });
  const sum = levels.reduce((a, l) => a.plus(l.base.times(l.rate)), ZERO);
  return {levels, exact: sum.isNegative() ? ZERO : sum, floored: sum.isNegative() && !sum.isZero()};
}

/** Performance pay = performance-pay base x the grade's coefficient. */
export function performancePay(base: Dec | null, coefficient: Dec | null): Dec {
  if (base === null || coefficient === null) return ZERO;
  return base.times(coefficient);
}
