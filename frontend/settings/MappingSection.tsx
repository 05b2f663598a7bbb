/**
 * Mapping (映射): the people table and its fields, and the source tables whose records are
 * credited to participants. Nothing in the user's base is renamed or moved: only ids are kept.
 */
import {memo} from 'react';
import {Box, Button, Text} from '@airtable/blocks/ui';
import type {PeopleMapping, PlanDocument, SourceMapping} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import type {MessageKey} from '../../src/i18n';
import {BilingualInput, IssueNotes, Row, Section} from './controls';
import {freshId, issuesAt, sameIssuesAt} from './draft';
import type {InputRole} from './fieldRoles';
import {FieldRefPicker, TableRefPicker, useTable} from './pickers';
import {Choice} from './MetricEditor';

export type Edit = (change: (draft: PlanDocument) => void) => void;

type PeopleFieldKey = Exclude<keyof PeopleMapping, 'table'>;

const PEOPLE_FIELDS: {key: PeopleFieldKey; label: MessageKey; role: InputRole}[] = [
  {key: 'name', label: 'settings.people.name', role: 'name'},
  {key: 'upline', label: 'settings.people.upline', role: 'upline'},
  {key: 'team', label: 'settings.people.team', role: 'team'},
  {key: 'tier', label: 'settings.people.tier', role: 'tier'},
  {key: 'baseSalary', label: 'settings.people.baseSalary', role: 'money'},
  {key: 'performancePayBase', label: 'settings.people.performancePayBase', role: 'money'},
  {key: 'start', label: 'settings.people.start', role: 'date'},
  {key: 'end', label: 'settings.people.end', role: 'date'},
];

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** Which metrics use each source: all the mapping section reads from the versions. */
const sourceUse = (plan: PlanDocument) =>
  JSON.stringify(plan.versions.flatMap((v) => v.metrics.map((m) => [m.source.kind === 'source' ? m.source.sourceId : '', m.label])));

/** Re-rendered only when the mapping, the metrics' sources or its own issues change. */
export const MappingSection = memo(
  MappingSectionView,
  (a: SectionProps, b: SectionProps) =>
    a.edit === b.edit && a.plan.mapping === b.plan.mapping && sameIssuesAt(a.issues, b.issues, 'mapping') && sourceUse(a.plan) === sourceUse(b.plan),
);

function MappingSectionView({plan, issues, edit}: SectionProps) {
  const {t, n} = useLang();
  const people = plan.mapping.people;
  const peopleTable = useTable(people?.table);
  const count = issuesAt(issues, 'mapping.people').length + issuesAt(issues, 'mapping.sources').length;
  return (
    <Section title={t('settings.section.mapping')} defaultOpen badge={count ? n(count, 'settings.n.problems') : undefined}>
      <Text fontWeight={600} marginBottom={1}>
        {t('settings.people.heading')}
      </Text>
      <IssueNotes issues={issuesAt(issues, 'mapping.people', true).concat(issuesAt(issues, 'mapping', true))} />
      <TableRefPicker
        label={t('settings.people.table')}
        value={people?.table}
        issues={issuesAt(issues, 'mapping.people.table')}
        onChange={(table) =>
          edit((draft) => {
            // Fields of another table mean nothing here: a new people table starts unmapped.
            draft.mapping.people = table ? {table} : undefined;
            draft.mapping.results = {};
          })
        }
      />
      <Row>
        {PEOPLE_FIELDS.map(({key, label, role}) => (
          <FieldRefPicker
            key={key}
            label={t(label)}
            table={peopleTable}
            value={people?.[key]}
            role={role}
            width="220px"
            issues={issuesAt(issues, `mapping.people.${key}`)}
            onChange={(field) =>
              edit((draft) => {
                if (!draft.mapping.people) return;
                if (field) draft.mapping.people[key] = field;
                else delete draft.mapping.people[key];
              })
            }
          />
        ))}
      </Row>

      <Text fontWeight={600} marginTop={2} marginBottom={1}>
        {t('settings.sources.heading')}
      </Text>
      <IssueNotes issues={issuesAt(issues, 'mapping.sources', true)} />
      {plan.mapping.sources.map((source, index) => (
        <SourceEditor key={`${source.id}-${index}`} plan={plan} index={index} issues={issues} edit={edit} />
      ))}
      <Button
        icon="plus"
        size="small"
        onClick={() =>
          edit((draft) => {
            const id = freshId('source', draft.mapping.sources.map((s) => s.id));
            draft.mapping.sources.push({id, label: {zh: id, en: id}, table: {id: '', name: ''}, participant: {id: '', name: ''}});
          })
        }
      >
        {t('settings.sources.add')}
      </Button>
    </Section>
  );
}

function SourceEditor({plan, index, issues, edit}: {plan: PlanDocument; index: number; issues: readonly Issue[]; edit: Edit}) {
  const {t, tx} = useLang();
  const source = plan.mapping.sources[index];
  const table = useTable(source.table.id ? source.table : undefined);
  const path = `mapping.sources[${index}]`;
  const usedBy = plan.versions.flatMap((v) => v.metrics).filter((m) => m.source.kind === 'source' && m.source.sourceId === source.id);
  return (
    <Box borderLeft="thick" paddingLeft={2} marginBottom={2}>
      <Text fontWeight={500}>{tx(source.label) || source.id}</Text>
      <IssueNotes issues={issuesAt(issues, path, true)} />
      <BilingualInput
        label={t('settings.sources.label')}
        value={source.label}
        issues={issuesAt(issues, `${path}.label`)}
        onChange={(label) => edit((draft) => void (draft.mapping.sources[index].label = label))}
      />
      <Row>
        <TableRefPicker
          label={t('settings.sources.table')}
          width="220px"
          value={source.table.id ? source.table : undefined}
          issues={issuesAt(issues, `${path}.table`)}
          onChange={(next) =>
            edit((draft) => {
              const s = draft.mapping.sources[index];
              s.table = next ?? {id: '', name: ''};
              s.participant = {id: '', name: ''};
              delete s.date;
            })
          }
        />
        <FieldRefPicker
          label={t('settings.sources.participant')}
          table={table}
          value={source.participant.id ? source.participant : undefined}
          role="participantLink"
          width="220px"
          issues={issuesAt(issues, `${path}.participant`)}
          onChange={(field) => edit((draft) => void (draft.mapping.sources[index].participant = field ?? {id: '', name: ''}))}
        />
        <FieldRefPicker
          label={t('settings.sources.date')}
          table={table}
          value={source.date}
          role="date"
          width="220px"
          issues={issuesAt(issues, `${path}.date`)}
          onChange={(field) =>
            edit((draft) => {
              if (field) draft.mapping.sources[index].date = field;
              else delete draft.mapping.sources[index].date;
            })
          }
        />
      </Row>
      <CreditEditor source={source} index={index} table={table} issues={issues} edit={edit} />
      <Button
        size="small"
        icon="trash"
        variant="secondary"
        disabled={usedBy.length > 0}
        onClick={() => edit((draft) => void draft.mapping.sources.splice(index, 1))}
      >
        {t('settings.sources.remove')}
      </Button>
      {usedBy.length > 0 ? (
        <Text textColor="light">
          {t('settings.sources.inUse', {metrics: {list: usedBy.map((m) => m.label)}})}
        </Text>
      ) : null}
    </Box>
  );
}

/** How a record linked to several participants is credited (docs/plan.md §2). */
function CreditEditor({source, index, table, issues, edit}: {source: SourceMapping; index: number; table: ReturnType<typeof useTable>; issues: readonly Issue[]; edit: Edit}) {
  const {t} = useLang();
  const path = `mapping.sources[${index}].credit`;
  const kind = source.credit?.kind ?? 'first';
  return (
    <Box>
      <Row>
        <Choice
          label={t('settings.sources.credit')}
          value={kind}
          width="220px"
          issues={issuesAt(issues, path)}
          options={(['first', 'equal', 'splitField'] as const).map((k) => ({value: k, label: t(`settings.sources.credit.${k}`)}))}
          onChange={(next) =>
            edit((draft) => {
              const s = draft.mapping.sources[index];
              if (next === 'first') delete s.credit;
              else if (next === 'equal') s.credit = {kind: 'equal'};
              else s.credit = {kind: 'splitField', field: s.credit?.kind === 'splitField' ? s.credit.field : {id: '', name: ''}};
            })
          }
        />
        {source.credit?.kind === 'splitField' ? (
          <FieldRefPicker
            label={t('settings.sources.splitField')}
            table={table}
            value={source.credit.field.id ? source.credit.field : undefined}
            role="any"
            width="220px"
            issues={issuesAt(issues, `${path}.field`)}
            onChange={(field) => edit((draft) => void (draft.mapping.sources[index].credit = {kind: 'splitField', field: field ?? {id: '', name: ''}}))}
          />
        ) : null}
      </Row>
      {kind !== 'first' ? (
        <Text textColor="light">
          {t('settings.sources.credit.help')}
        </Text>
      ) : null}
    </Box>
  );
}
