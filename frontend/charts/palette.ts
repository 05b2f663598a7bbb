/**
 * Colours of the charts: grades from best (green) to worst (red), one colour per pay component,
 * kept the same in every chart so that a grade or a component reads the same everywhere.
 */
import type {GradeBand} from '../../src/plan';
import type {TrendPart} from '../../src/charts';

const GRADE_SCALE = ['#20c933', '#2d7ff9', '#fcb400', '#ff6f2c', '#f82b60'];
export const NO_GRADE_COLOUR = '#b3b3b3';

/**
 * A colour per grade: the band with the highest minimum is the best, whatever order the plan lists them in.
 *
 * @example gradeColours([{grade: 'B', min: '0'}, {grade: 'A', min: '90'}]) // Map {'A' => '#20c933', 'B' => '#f82b60'}
 */
export function gradeColours(grades: readonly Pick<GradeBand, 'grade' | 'min'>[]): Map<string, string> {
  const best = [...grades].sort((a, b) => Number(b.min) - Number(a.min));
  const last = GRADE_SCALE.length - 1;
  return new Map(best.map((band, i) => [band.grade, GRADE_SCALE[best.length === 1 ? 0 : Math.round((i * last) / (best.length - 1))]]));
}

export const PART_COLOURS: Record<TrendPart, string> = {
  baseSalary: '#b3b3b3',
  performancePay: '#2d7ff9',
  bonus: '#20c933',
  teamBonus: '#8b46ff',
  award: '#fcb400',
  adjustments: '#ff08c2',
  other: '#cccccc',
};

export const SCORE_COLOUR = '#2d7ff9';
export const PAY_COLOUR = '#20c933';
export const LINE_COLOUR = '#f82b60';
