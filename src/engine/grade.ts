/** Grades (等级) by bands on the total score, and their order for gates. */
import type {GradeBand} from '../plan';
import {planDecimal, type Dec} from './money';

/** Bands from the lowest to the highest `min`: the order "grade at least B" is judged by. */
export function gradeOrder(grades: readonly GradeBand[]): GradeBand[] {
  return [...grades].sort((a, b) => (planDecimal(a.min) ?? planDecimal('0')!).comparedTo(planDecimal(b.min) ?? planDecimal('0')!));
}

/**
 * The band with min <= total < max (the top band has no max). Null in a gap or below the lowest
 * band: the validator prevents gaps, the engine still does not guess.
 *
 * @example gradeFor(new D('88.18'), [{grade: 'A', min: '80', max: '90', coefficient: '1.2'}])?.grade // 'A'
 */
export function gradeFor(total: Dec, grades: readonly GradeBand[]): GradeBand | null {
  for (const band of grades) {
    const min = planDecimal(band.min);
    const max = band.max === undefined || band.max === '' ? null : planDecimal(band.max);
    if (min === null || total.lessThan(min)) continue;
    if (max !== null && !total.lessThan(max)) continue;
    return band;
  }
  return null;
}

/** True when `grade` is `minGrade` or above it in the band order. */
export function gradeAtLeast(grade: string | null, minGrade: string, grades: readonly GradeBand[]): boolean {
  if (grade === null) return false;
  const order = gradeOrder(grades).map((g) => g.grade);
  const at = order.indexOf(grade);
  const min = order.indexOf(minGrade);
  return at >= 0 && min >= 0 && at >= min;
}
