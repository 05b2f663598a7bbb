/**
 * Recomputes every English breakdown line from the numbers it shows, the way a rep with a
 * calculator would, and compares with the number the line (and the result) states. Returns the
 * lines that do not add up; an empty list means the breakdown explains every written number.
 */
import Decimal from 'decimal.js';
import type {Currency} from '../../src/plan';
import type {ParticipantResult} from '../../src/results';
import {sayEach} from '../../src/i18n';

const D = Decimal.clone({precision: 60});
const N = '(-?[\\d,]+(?:\\.\\d+)?)';
const num = (s: string) => new D(s.replace(/,/g, ''));
const r2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const MODES = {halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN} as const;

/** The sum of "a x r%" terms (optionally "level k a x r%"), inside optional min(..., cap C) / max(0, ...) / + F. */
function bonusCalc(calc: string): Decimal | null {
  let fixed = new D(0);
  const withFixed = new RegExp(`^(.*) \\+ ${N} for reaching target$`).exec(calc);
  if (withFixed) {
    calc = withFixed[1];
    fixed = num(withFixed[2]);
  }
  let cap: Decimal | null = null;
  let floor = false;
  const capped = new RegExp(`^min\\((.*), cap ${N}\\)$`).exec(calc);
  if (capped) {
    calc = capped[1];
    cap = num(capped[2]);
  }
  const floored = /^max\(0, (.*)\)$/.exec(calc);
  if (floored) {
    calc = floored[1];
    floor = true;
  }
  let sum = new D(0);
  if (calc !== '0') {
    for (const term of calc.split(' + ')) {
      const m = new RegExp(`^(?:level \\d+ )?${N} x ([\\d.]+)%$`).exec(term);
      if (!m) return null;
      sum = sum.plus(num(m[1]).times(num(m[2])).dividedBy(100));
    }
  }
  if (cap && sum.greaterThan(cap)) sum = cap;
  if (floor && sum.isNegative()) sum = new D(0);
  return sum.plus(fixed);
}

export function checkBreakdown(result: ParticipantResult, currency: Currency): string[] {
  const bad: string[] = [];
  const money = (d: Decimal) => d.toDecimalPlaces(currency.precision, MODES[currency.rounding]);
  const unit = new D(10).pow(-currency.precision);
  const lines = sayEach(result.breakdown, 'en');
  if (lines.length !== sayEach(result.breakdown, 'zh').length) bad.push('zh and en have a different number of lines');
  const weighted = (score: Decimal, weight: string, stated: string, line: string) => {
    if (!r2(score.times(num(weight)).dividedBy(100)).equals(num(stated))) bad.push(line);
  };
  let m: RegExpExecArray | null;
  for (const line of lines) {
    if ((m = new RegExp(`^.+ ${N} / target ${N} = ${N}%(?:, counted as ${N}%)? x weight ([\\d.]+)% = ${N}$`).exec(line))) {
      const attainment = r2(num(m[1]).dividedBy(num(m[2])).times(100));
      if (!attainment.equals(num(m[3]))) bad.push(line);
      weighted(m[4] ? num(m[4]) : attainment, m[5], m[6], line);
    } else if ((m = new RegExp(`^.+ ${N} \\(scale ${N}–${N}\\) = ${N}%(?:, counted as ${N}%)? x weight ([\\d.]+)% = ${N}$`).exec(line))) {
      const ratio = r2(num(m[1]).minus(num(m[2])).dividedBy(num(m[3]).minus(num(m[2]))).times(100));
      if (!ratio.equals(num(m[4]))) bad.push(line);
      weighted(m[5] ? num(m[5]) : ratio, m[6], m[7], line);
    } else if ((m = new RegExp(`^.+ ${N} \\(lower is better\\): target ${N} / ${N} = ${N}%(?:, counted as ${N}%)? x weight ([\\d.]+)% = ${N}$`).exec(line))) {
      const ratio = r2(num(m[2]).dividedBy(num(m[3])).times(100));
      if (!ratio.equals(num(m[4]))) bad.push(line);
      weighted(m[5] ? num(m[5]) : ratio, m[6], m[7], line);
    } else if ((m = new RegExp(`^.+ = ${N}% x weight ([\\d.]+)% = ${N}$`).exec(line))) {
      // no data, no target, bands, lower-is-better at 0: the score is stated, the weighting is checked
      weighted(num(m[1]), m[2], m[3], line);
    } else if ((m = new RegExp(`^Total score (.*) = ${N}$`).exec(line))) {
      const sum = m[1].split(' + ').reduce((a, t) => a.plus(num(t)), new D(0));
      if (!sum.equals(num(m[2])) || m[2].replace(/,/g, '') !== result.totalScore) bad.push(line);
    } else if ((m = new RegExp(`^Grade (\\S+) \\(${N} ≤ ${N} < ${N}\\)$`).exec(line))) {
      if (num(m[3]).lessThan(num(m[2])) || !num(m[3]).lessThan(num(m[4])) || m[1] !== result.grade) bad.push(line);
    } else if ((m = new RegExp(`^Grade (\\S+) \\(${N} ≥ ${N}\\)$`).exec(line))) {
      if (num(m[2]).lessThan(num(m[3])) || m[1] !== result.grade) bad.push(line);
    } else if ((m = new RegExp(`^Performance pay ${N} x coefficient ([\\d.]+) \\(grade \\S+\\) = ${N}$`).exec(line))) {
      if (!money(num(m[1]).times(num(m[2]))).equals(num(m[3])) || !num(m[3]).equals(num(result.performancePay))) bad.push(line);
    } else if ((m = new RegExp(`^Team bonus (.*) = ${N}$`).exec(line)) && !line.includes(':')) {
      const exact = bonusCalc(m[1]);
      if (!exact || !money(exact).equals(num(m[2])) || !num(m[2]).equals(num(result.teamBonus))) bad.push(line);
    } else if ((m = new RegExp(`^Champion award \\(.*, leader\\): pool ${N} x ([\\d.]+)% = ${N}$`).exec(line))) {
      if (!money(num(m[1]).times(num(m[2])).dividedBy(100)).equals(num(m[3])) || !num(m[3]).equals(num(result.award))) bad.push(line);
    } else if ((m = new RegExp(`^Champion award \\(.*, member\\): ${N} x .* ${N} / ${N} = ${N}$`).exec(line))) {
      // Largest remainder: within one currency unit of the exact share.
      const exact = num(m[1]).times(num(m[2])).dividedBy(num(m[3]));
      if (exact.minus(num(m[4])).abs().greaterThanOrEqualTo(unit)) bad.push(line);
    } else if ((m = new RegExp(`^Champion award \\(.*, member\\): ${N} shared equally by (\\d+) members = ${N}$`).exec(line))) {
      const exact = num(m[1]).dividedBy(num(m[2]));
      if (exact.minus(num(m[3])).abs().greaterThanOrEqualTo(unit)) bad.push(line);
    } else if ((m = new RegExp(`^Total pay = base salary ${N} \\+ performance pay ${N} \\+ bonus ${N} \\+ team bonus ${N} \\+ award ${N} = ${N}$`).exec(line))) {
      const sum = [1, 2, 3, 4, 5].reduce((a, i) => a.plus(num(m![i])), new D(0));
      if (!sum.equals(num(m[6])) || !num(m[6]).equals(num(result.totalPay)) || !num(m[3]).equals(num(result.bonus)) || !num(m[5]).equals(num(result.award))) bad.push(line);
    } else if ((m = /^(.+?) (min\(.*|\d.*|0|-.*) = (-?[\d,]+(?:\.\d+)?)$/.exec(line)) && result.bonuses.some((b) => line.startsWith(`${b.label.en} `))) {
      const exact = bonusCalc(m[2]);
      const bonus = result.bonuses.find((b) => line.startsWith(`${b.label.en} `))!;
      if (!exact || !money(exact).equals(num(m[3])) || !num(m[3]).equals(num(bonus.amount))) bad.push(line);
    }
  }
  return bad;
}
