/**
 * First run (首次设置): pick the people table, then the source tables, then start from the
 * direct-sales template (fields whose names match are pre-selected) or from a blank plan.
 */
import {useMemo, useState} from 'react';
import {Box, Button, Heading, Text} from '@airtable/blocks/ui';
import type {PlanDocument, TableRef} from '../../src/plan';
import type {BaseSchema} from '../../src/schema';
import {createTemplate, TEMPLATE_SOURCE_IDS, type TemplateSourceId} from '../../src/template';
import {matchTables} from '../../src/fieldMatch';
import {useLang} from '../state/lang';
import {blankPlan, todayIso} from './draft';
import {TableRefPicker} from './pickers';

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

export function Wizard({schema, onStart}: {schema: BaseSchema; onStart: (plan: PlanDocument) => void}) {
  const {t} = useLang();
  const matched = useMemo(() => matchTables(schema.tables), [schema]);
  const refOf = (table?: {id: string; name: string}) => (table ? {id: table.id, name: table.name} : undefined);
  const [people, setPeople] = useState<TableRef | undefined>(() => refOf(matched.people));
  const [sources, setSources] = useState<Partial<Record<TemplateSourceId, TableRef | undefined>>>(() =>
    Object.fromEntries(TEMPLATE_SOURCE_IDS.map((id) => [id, refOf(matched[id])])),
  );

  return (
    <Box padding={3}>
      <Heading size="large">{t('settings.wizard.title')}</Heading>
      <Text marginBottom={3}>{t('settings.wizard.intro')}</Text>

      <Heading size="small">{t('settings.wizard.step1')}</Heading>
      <TableRefPicker label={t('settings.people.table')} value={people} onChange={setPeople} />

      {people ? (
        <>
          <Heading size="small" marginTop={2}>
            {t('settings.wizard.step2')}
          </Heading>
          <Text size="small" textColor="light" marginBottom={2}>
            {t('settings.wizard.sourcesIntro')}
          </Text>
          {TEMPLATE_SOURCE_IDS.map((id) => (
            <TableRefPicker
              key={id}
              label={t(`settings.wizard.source.${id}`)}
              value={sources[id]}
              onChange={(table) => setSources((prev) => ({...prev, [id]: table}))}
            />
          ))}
          <Heading size="small" marginTop={2}>
            {t('settings.wizard.step3')}
          </Heading>
          <Box display="flex" style={{gap: 8}}>
            <Button variant="primary" icon="bolt" onClick={() => onStart(fitTemplate(createTemplate(schema, todayIso()), people, sources))}>
              {t('settings.wizard.useTemplate')}
            </Button>
            <Button onClick={() => onStart(blankPlan(people, todayIso()))}>{t('settings.wizard.blank')}</Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
