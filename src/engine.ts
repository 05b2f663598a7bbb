// STUB: replaced by the engine owner.
import type {Facts} from './facts';
import type {PlanDocument} from './plan';
import type {RunResult} from './results';

/** Computes every participant's results for one period. Never throws on bad data: reports issues. */
export function runPlan(_plan: PlanDocument, _periodId: string, _facts: Facts): RunResult {
  throw new Error('not implemented');
}
