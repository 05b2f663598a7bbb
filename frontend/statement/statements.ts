/**
 * The statements of a preview: one per person (or the chosen ones), in the order of the preview
 * (by rank), for the print view. Pure over the preview the run view already holds.
 */
import type {PlanDocument} from '../../src/plan';
import {buildStatement, type Statement} from '../../src/statement/statement';
import type {Preview} from '../run/pipeline';

/**
 * @example previewStatements(plan, preview, ['recLi']).map((s) => s.name) // ['李娜']
 */
export function previewStatements(plan: Pick<PlanDocument, 'name' | 'periods' | 'currency'>, preview: Pick<Preview, 'periodId' | 'run' | 'standing'>, only?: readonly string[]): Statement[] {
  const period = plan.periods.find((p) => p.id === preview.periodId) ?? {id: preview.periodId, label: preview.periodId};
  const wanted = only ? new Set(only) : null;
  return preview.run.results
    .filter((result) => !wanted || wanted.has(result.participantId))
    .map((result) => buildStatement({planName: plan.name, period, status: preview.standing.status, result, currency: plan.currency}));
}
