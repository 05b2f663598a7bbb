// STUB: replaced by the validator owner.
import type {PlanDocument} from './plan';
import type {Issue} from './results';
import type {BaseSchema} from './schema';

/** Every problem of the plan at once (and, given the base schema, of its mapping). */
export function validatePlan(_plan: PlanDocument, _schema?: BaseSchema): Issue[] {
  throw new Error('not implemented');
}
