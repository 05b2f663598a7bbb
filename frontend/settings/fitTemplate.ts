/** The direct-sales template fitted to the tables chosen in the first-run wizard. */
import type {PlanDocument, TableRef} from '../../src/plan';
import type {TemplateSourceId} from '../../src/template';

const UNSET = {id: '', name: ''};

/**
 * The template fitted to the tables the user chose. Where a choice differs from the table the
 * template matched by name, that table's field pre-selections are dropped: they belong to another
 * table, and the user picks the fields in the mapping section, where the validator asks for them.
 */
export function fitTemplate(
  template: PlanDocument,
  people: TableRef,
  sources: Partial<Record<TemplateSourceId, TableRef | undefined>>,
): PlanDocument {
  const plan = template;
  if (plan.mapping.people?.table.id !== people.id) {
    plan.mapping.people = {table: people};
    plan.mapping.results = {};
  }
  for (const source of plan.mapping.sources) {
    const chosen = sources[source.id as TemplateSourceId];
    if (!chosen || chosen.id === source.table.id) continue;
    source.table = chosen;
    source.participant = {...UNSET};
    source.date = {...UNSET};
    for (const version of plan.versions) {
      for (const metric of version.metrics) {
        if (metric.source.kind !== 'source' || metric.source.sourceId !== source.id) continue;
        if (metric.source.field) metric.source.field = {...UNSET};
        if (metric.source.filter) metric.source.filter.field = {...UNSET};
        if (metric.source.rateFilter) metric.source.rateFilter.field = {...UNSET};
      }
    }
  }
  return plan;
}
