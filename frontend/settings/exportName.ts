/** The file name an exported plan is downloaded as. */
import type {PlanDocument} from '../../src/plan';

/** @example exportFileName({name: '直销方案'}) // '直销方案.plan.json' */
export function exportFileName(plan: Pick<PlanDocument, 'name'>): string {
  const stem = plan.name.trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem || 'plan'}.plan.json`;
}
