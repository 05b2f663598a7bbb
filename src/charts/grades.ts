/**
 * The grade distribution (等级分布): how many participants got each grade of the plan.
 */
import type {GradeBand, PlanDocument} from '../plan';
import type {ParticipantResult, RunResult} from '../results';

/**
 * The grade bands of the plan version a run used, in the plan's order; none when the run found no
 * version (a run stopped by an error).
 *
 * @example runGrades(plan, {versionId: 'v1'}).map((band) => band.grade) // ['S', 'A', 'B', 'C', 'D']
 */
export function runGrades(plan: Pick<PlanDocument, 'versions'>, run: Pick<RunResult, 'versionId'>): GradeBand[] {
  return plan.versions.find((version) => version.id === run.versionId)?.grades ?? [];
}

export interface GradeCount {
  grade: string;
  count: number;
}

export interface GradeDistribution {
  /** Every grade of the plan, in the plan's order, those nobody got included (count 0). */
  grades: GradeCount[];
  /** Participants without a grade (a score below every band). */
  ungraded: number;
  participants: number;
}

/**
 * Counts per grade, in the order of the plan's bands.
 *
 * @example gradeDistribution([{grade: 'A'}, {grade: 'A'}, {grade: null}], [{grade: 'S'}, {grade: 'A'}])
 * // {grades: [{grade: 'S', count: 0}, {grade: 'A', count: 2}], ungraded: 1, participants: 3}
 */
export function gradeDistribution(
  results: readonly Pick<ParticipantResult, 'grade'>[],
  grades: readonly Pick<GradeBand, 'grade'>[],
): GradeDistribution {
  const counts = new Map<string, number>(grades.map((band) => [band.grade, 0]));
  let ungraded = 0;
  for (const result of results) {
    const count = result.grade === null ? undefined : counts.get(result.grade);
    if (count === undefined) ungraded++;
    else counts.set(result.grade as string, count + 1);
  }
  return {grades: [...counts].map(([grade, count]) => ({grade, count})), ungraded, participants: results.length};
}
