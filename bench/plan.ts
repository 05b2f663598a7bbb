/**
 * The plan the bench runs: the direct-sales template fitted to the demo base by name, cut to five
 * metrics that all carry weight, so that every metric costs the engine a real score.
 */
import type {PlanDocument} from '../src/plan';
import type {BaseSchema} from '../src/schema';
import {createTemplate, type TemplateMetricId} from '../src/template';

/** Five weighted metrics over three sources (orders, reviews, customers); weights sum to 100. */
export const BENCH_WEIGHTS: Partial<Record<TemplateMetricId, string>> = {
  sales: '40',
  satisfaction: '20',
  newCustomers: '10',
  units: '15',
  complaintRate: '15',
};

/** The demo base's last month: every generated size has activity in it. */
export const BENCH_PERIOD = '2026-03';

/** The template on `schema`, keeping only the five weighted metrics of BENCH_WEIGHTS. */
export function benchPlan(schema: BaseSchema): PlanDocument {
  const plan = createTemplate(schema, '2026-03-31');
  for (const version of plan.versions) {
    version.metrics = version.metrics
      .filter((metric) => BENCH_WEIGHTS[metric.id as TemplateMetricId] !== undefined)
      .map((metric) => ({...metric, weight: BENCH_WEIGHTS[metric.id as TemplateMetricId]!}));
  }
  return plan;
}
