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
const MODES = {halfUp: Decimal.ROUND_HALF_UP, halfEven: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN} as const;

/** The sum of "a × r%" terms (optionally "level k a × r%"), inside optional min(..., cap C) / max(0, ...) / + F. */
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
      const m = new RegExp(`^(?:level \\d+ )?${N} × ([\\d.]+)%$`).exec(term);
      if (!m) return null;
      sum = sum.plus(num(m[1]).times(num(m[2])).dividedBy(100));
    }
  }
  if (cap && sum.greaterThan(cap)) sum = cap;
  if (floor && sum.isNegative()) sum = new D(0);
  return sum.plus(fixed);
}

/**
 * Values, ratios and scores are exact and shown at 2 places (docs/plan.md §7): a line redone from
 * its shown numbers is right when it lands within what the rounding of those numbers can move it.
 * `near(a, b, tol)`: |a - b| <= tol.
 */
const near = (a: Decimal, b: Decimal, tol: Decimal) => a.minus(b).abs().lessThanOrEqualTo(tol);
/** Half a unit of the last shown place, plus a hair for the 40-digit arithmetic. */
const half = (places: number) => new D(5).times(new D(10).pow(-places - 1)).plus('1e-30');

/**
 * `scorePlaces`: the places weighted scores and totals are shown at (the plan's score rounding).
 */
export function checkBreakdown(result: ParticipantResult, currency: Currency, scorePlaces = 2): string[] {
  const bad: string[] = [];
  const money = (d: Decimal) => d.toDecimalPlaces(currency.precision, MODES[currency.rounding]);
  const unit = new D(10).pow(-currency.precision);
  const lines = sayEach(result.breakdown, 'en');
  if (lines.length !== sayEach(result.breakdown, 'zh').length) bad.push('zh and en have a different number of lines');
  const h2 = half(2);
  // The weighted score is the exact score x weight, rounded: from the 2-place score shown it is
  // within weight/100 x 0.005 of it, plus the weighted score's own rounding.
  const weighted = (score: Decimal, weight: string, stated: string, line: string) => {
    const w = num(weight).dividedBy(100);
    if (!near(score.times(w), num(stated), w.abs().times(h2).plus(half(scorePlaces)))) bad.push(line);
  };
  // a / b x 100 where both were shown at 2 places (`aExact`/`bExact`: shown as they are, e.g. plan
  // numbers): within 100 x (0.005 / |b| + |a| x 0.005 / (|b| x (|b| - 0.005))) of the shown ratio,
  // plus the ratio's own rounding. A divisor within rounding of 0 is not checked.
  const ratioOk = (a: Decimal, b: Decimal, stated: Decimal, bExact: boolean) => {
    const bAbs = b.abs();
    if (!bExact && bAbs.lessThanOrEqualTo(h2.times(2))) return true;
    if (bAbs.isZero()) return false;
    let tol = new D(100).times(h2).dividedBy(bAbs).plus(h2);
    if (!bExact) tol = tol.plus(new D(100).times(a.abs()).times(h2).dividedBy(bAbs.times(bAbs.minus(h2))));
    return near(a.dividedBy(b).times(100), stated, tol);
  };
  let m: RegExpExecArray | null;
  for (const [at, line] of lines.entries()) {
    if ((m = new RegExp(`^.+ ${N} / target ${N} = ${N}%(?:, counted as ${N}%)? × weight ([\\d.]+)% = ${N}$`).exec(line))) {
      if (!ratioOk(num(m[1]), num(m[2]), num(m[3]), false)) bad.push(line);
      weighted(m[4] ? num(m[4]) : num(m[3]), m[5], m[6], line);
    } else if ((m = new RegExp(`^.+ ${N} \\(scale ${N}–${N}\\) = ${N}%(?:, counted as ${N}%)? × weight ([\\d.]+)% = ${N}$`).exec(line))) {
      if (!ratioOk(num(m[1]).minus(num(m[2])), num(m[3]).minus(num(m[2])), num(m[4]), true)) bad.push(line);
      weighted(m[5] ? num(m[5]) : num(m[4]), m[6], m[7], line);
    } else if ((m = new RegExp(`^.+ ${N} \\(lower is better\\): target ${N} / ${N} = ${N}%(?:, counted as ${N}%)? × weight ([\\d.]+)% = ${N}$`).exec(line))) {
      // target / value, both shown at 2 places.
      if (!ratioOk(num(m[2]), num(m[3]), num(m[4]), false)) bad.push(line);
      weighted(m[5] ? num(m[5]) : num(m[4]), m[6], m[7], line);
    } else if ((m = new RegExp(`^.+ = ${N}% × weight ([\\d.]+)% = ${N}$`).exec(line))) {
      // no data, no target, bands, lower-is-better at 0: the score is stated, the weighting is checked
      weighted(num(m[1]), m[2], m[3], line);
    } else if ((m = new RegExp(`^Total score (.*) = ${N}$`).exec(line))) {
      const terms = m[1].split(' + ');
      const sum = terms.reduce((a, t) => a.plus(num(t)), new D(0));
      const total = num(m[2]);
      if (m[2].replace(/,/g, '') !== result.totalScore) bad.push(line);
      else if (!sum.equals(total)) {
        // Rounded once at the total: the lines may not add up, and the next line must say so.
        const note = new RegExp(`^\\(The weighted scores above are rounded for display and add up to ${N}; the total score is their exact sum, rounded once: ${N}\\)$`).exec(lines[at + 1] ?? '');
        if (!note || !num(note[1]).equals(sum) || !num(note[2]).equals(total) || !near(sum, total, half(scorePlaces).times(terms.length + 1))) bad.push(line);
      }
    } else if ((m = new RegExp(`^Grade (\\S+) \\(${N} ≤ ${N} < ${N}\\)$`).exec(line))) {
      if (num(m[3]).lessThan(num(m[2])) || !num(m[3]).lessThan(num(m[4])) || m[1] !== result.grade) bad.push(line);
    } else if ((m = new RegExp(`^Grade (\\S+) \\(${N} ≥ ${N}\\)$`).exec(line))) {
      if (num(m[2]).lessThan(num(m[3])) || m[1] !== result.grade) bad.push(line);
    } else if ((m = new RegExp(`^Performance pay ${N} × coefficient ([\\d.]+) \\(grade \\S+\\) = ${N}$`).exec(line))) {
      if (!money(num(m[1]).times(num(m[2]))).equals(num(m[3])) || !num(m[3]).equals(num(result.performancePay))) bad.push(line);
    } else if ((m = new RegExp(`^Team bonus (.*) = ${N}$`).exec(line)) && !line.includes(':')) {
      const exact = bonusCalc(m[1]);
      if (!exact || !money(exact).equals(num(m[2])) || !num(m[2]).equals(num(result.teamBonus))) bad.push(line);
    } else if ((m = new RegExp(`^Champion award \\(.*, leader\\): pool ${N} × ([\\d.]+)% = ${N}$`).exec(line))) {
      if (!money(num(m[1]).times(num(m[2])).dividedBy(100)).equals(num(m[3])) || !num(m[3]).equals(num(result.award))) bad.push(line);
    } else if ((m = new RegExp(`^Champion award \\(.*, member\\): ${N} × .* ${N} / ${N} = ${N}$`).exec(line))) {
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
