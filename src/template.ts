// STUB: replaced by the template owner.
import type {PlanDocument} from './plan';
import type {BaseSchema} from './schema';

/** The article's direct-sales plan; with a schema, fields whose names match are pre-selected. */
export function createTemplate(_schema?: BaseSchema, _today?: string): PlanDocument {
  throw new Error('not implemented');
}
