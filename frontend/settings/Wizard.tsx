/**
 * First run (首次设置): pick the people table, then the source tables, then start from the
 * direct-sales template (fields whose names match are pre-selected) or from a blank plan.
 */
import {useMemo, useState} from 'react';
import {Box, Button, Heading, Text} from '@airtable/blocks/ui';
import type {PlanDocument, TableRef} from '../../src/plan';
import type {BaseSchema} from '../../src/schema';
import {createTemplate, TEMPLATE_SOURCE_IDS, type TemplateSourceId} from '../../src/template';
import {fitTemplate} from './fitTemplate';
import {matchTables} from '../../src/fieldMatch';
import {useLang} from '../state/lang';
import {blankPlan, todayIso} from './draft';
import {TableRefPicker} from './pickers';

/** How the first draft was made: the next steps shown above the settings say so. */
export type PlanStart = 'template' | 'blank';

export function Wizard({schema, onStart}: {schema: BaseSchema; onStart: (plan: PlanDocument, start: PlanStart) => void}) {
  const {t, lang} = useLang();
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
          <Text textColor="light" marginBottom={2}>
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
            <Button variant="primary" icon="bolt" onClick={() => onStart(fitTemplate(createTemplate(schema, todayIso(), {}, lang), people, sources), 'template')}>
              {t('settings.wizard.useTemplate')}
            </Button>
            <Button onClick={() => onStart(blankPlan(people, todayIso()), 'blank')}>{t('settings.wizard.blank')}</Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
