/**
 * Result fields (结果字段): the only cells the extension ever writes. Each result maps to a field
 * of the people table of a compatible type; computed fields and fields the plan reads are refused,
 * and the missing ones can be created in one click where the user may create fields.
 */
import {memo, useState} from 'react';
import {Box, Button, Loader, Text} from '@airtable/blocks/ui';
import type {Field as SdkField, Table} from '@airtable/blocks/models';
import type {PlanDocument, ResultKey} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {Params} from '../../src/i18n';
import {useLang} from '../state/lang';
import {Field, IssueNotes, Row, Section} from './controls';
import {issuesAt, sameIssuesAt} from './draft';
import {inputFieldIds} from '../../src/planRefs';
import {typeNames} from '../../src/fieldTypeName';
import {useLatestPlan} from './latest';
import {createdFieldConfig, RESULT_SPECS, type ResultSpec} from './fieldRoles';
import type {Edit} from './MappingSection';
import {FieldSelect, toRef, useTable} from './pickers';

type RefusalKey =
  | 'settings.results.refusePrimary'
  | 'settings.results.refuseComputed'
  | 'settings.results.refuseInput'
  | 'settings.results.refuseType'
  | 'settings.results.refuseTaken';
type Refusal = {key: RefusalKey; params: Params};

/** The short reason shown beside a field the picker does not offer. */
const TAG: Record<RefusalKey, 'settings.results.tag.primary' | 'settings.results.tag.computed' | 'settings.results.tag.input' | 'settings.results.tag.type' | 'settings.results.tag.taken'> = {
  'settings.results.refusePrimary': 'settings.results.tag.primary',
  'settings.results.refuseComputed': 'settings.results.tag.computed',
  'settings.results.refuseInput': 'settings.results.tag.input',
  'settings.results.refuseType': 'settings.results.tag.type',
  'settings.results.refuseTaken': 'settings.results.tag.taken',
};

/**
 * Why a field cannot hold a result, or null when it can. The people table's primary field never
 * can: it names every person (the participant's name when no name field is chosen), and a text
 * result would overwrite each name on every refresh. Nor can any field the plan reads.
 *
 * @example refusal(spec, {isComputed: true, ...}, plan, 'fldName') // {key: 'settings.results.refuseComputed', ...}
 */
export function refusal(
  spec: ResultSpec,
  field: Pick<SdkField, 'id' | 'name' | 'type' | 'isComputed'>,
  plan: PlanDocument,
  primaryFieldId: string,
): Refusal | null {
  const params = {field: field.name};
  if (field.id === primaryFieldId) return {key: 'settings.results.refusePrimary', params};
  if (field.isComputed) return {key: 'settings.results.refuseComputed', params};
  if (inputFieldIds(plan).has(field.id)) return {key: 'settings.results.refuseInput', params};
  const other = Object.entries(plan.mapping.results).find(([key, ref]) => key !== spec.key && ref?.id === field.id);
  if (other) return {key: 'settings.results.refuseTaken', params};
  if (!spec.types.includes(field.type)) return {key: 'settings.results.refuseType', params: {...params, types: typeNames(spec.types)}};
  return null;
}

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** The fields the plan reads, as one comparable key: a metric that starts reading a field changes what is offered. */
const inputKey = (plan: PlanDocument) => [...inputFieldIds(plan)].sort().join(',');

/** Re-rendered only when the mapping, the fields read or its issues change; actions read the latest plan. */
export const ResultFieldsSection = memo(
  ResultFieldsView,
  (a: SectionProps, b: SectionProps) =>
    a.edit === b.edit &&
    a.plan.mapping === b.plan.mapping &&
    (a.plan.versions === b.plan.versions || inputKey(a.plan) === inputKey(b.plan)) &&
    sameIssuesAt(a.issues, b.issues, 'mapping.results'),
);

function ResultFieldsView({plan: rendered, issues, edit}: SectionProps) {
  const {t, n} = useLang();
  const latest = useLatestPlan();
  const plan = rendered;
  const table = useTable(plan.mapping.people?.table);
  const [refused, setRefused] = useState<Partial<Record<ResultKey, Refusal>>>({});
  const count = issuesAt(issues, 'mapping.results').length;
  return (
    <Section title={t('settings.section.results')} defaultOpen badge={count ? n(count, 'settings.n.problems') : undefined}>
      <Text textColor="light" marginBottom={2}>
        {t('settings.results.intro')}
      </Text>
      <IssueNotes issues={issuesAt(issues, 'mapping.results', true)} />
      {table ? (
        <>
          <Row>
            {RESULT_SPECS.map((spec) => {
              const ref = plan.mapping.results[spec.key];
              const refusedNow = refused[spec.key];
              const primaryId = table.primaryField.id;
              return (
                <Field key={spec.key} label={t(spec.label)} width="220px" issues={issuesAt(issues, `mapping.results.${spec.key}`)}>
                  <FieldSelect
                    table={table}
                    fieldId={ref?.id ?? null}
                    // The field chosen now stays selectable, even if it would be refused (the validator says why).
                    offer={(field) => {
                      const why = field.id === ref?.id ? null : refusal(spec, field, plan, primaryId);
                      return why ? {ok: false, why: t(TAG[why.key])} : {ok: true};
                    }}
                    placeholder={t('settings.pick.field')}
                    onChange={(field) => {
                      // Checked again on the latest plan: an option offered a moment ago may no longer fit.
                      const why = field ? refusal(spec, field, latest() ?? plan, primaryId) : null;
                      setRefused((prev) => ({...prev, [spec.key]: why ?? undefined}));
                      if (why) return;
                      edit((draft) => {
                        if (field) draft.mapping.results[spec.key] = toRef(field);
                        else delete draft.mapping.results[spec.key];
                      });
                    }}
                  />
                  {refusedNow ? (
                    <Text role="alert" textColor="#d9363e">
                      ✖ {t(refusedNow.key, refusedNow.params)}
                    </Text>
                  ) : null}
                </Field>
              );
            })}
          </Row>
          <CreateMissing table={table} plan={plan} latest={latest} edit={edit} />
        </>
      ) : (
        <Text>{t('settings.results.needPeople')}</Text>
      )}
    </Section>
  );
}

/** The results with no field yet, and the name each new field gets (never clashing with a field). */
export function missingResults(plan: PlanDocument, table: Pick<Table, 'fields'>, nameOf: (spec: ResultSpec) => string) {
  const names = new Set(table.fields.map((f) => f.name));
  return RESULT_SPECS.filter((spec) => !plan.mapping.results[spec.key]).map((spec) => {
    let name = nameOf(spec);
    for (let n = 2; names.has(name); n++) name = `${nameOf(spec)} ${n}`;
    names.add(name);
    return {spec, name};
  });
}

function CreateMissing({table, plan, latest, edit}: {table: Table; plan: PlanDocument; latest: () => PlanDocument | null; edit: Edit}) {
  const {t} = useLang();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{error: boolean; text: string} | null>(null);
  const missing = missingResults(plan, table, (spec) => t(spec.label));
  const note = message ? (
    <Text role={message.error ? 'alert' : 'status'} textColor={message.error ? '#d9363e' : '#20a35a'}>
      {message.text}
    </Text>
  ) : null;
  // Once all are created the button goes, but the outcome stays visible.
  if (missing.length === 0) return note;

  // Asked once for the first missing field: the permission to create fields does not depend on
  // the name, and the reason is the SDK's own, already in the user's language.
  const first = createdFieldConfig(missing[0].spec, plan);
  const permission = table.checkPermissionsForCreateField(missing[0].name, first.type, first.options);

  const create = async () => {
    setBusy(true);
    setMessage(null);
    const created: string[] = [];
    try {
      for (const {spec, name} of missing) {
        // The grades and currency as they are now, even if this section last rendered earlier.
        const config = createdFieldConfig(spec, latest() ?? plan);
        const field = await table.createFieldAsync(name, config.type, config.options ?? null);
        created.push(name);
        edit((draft) => void (draft.mapping.results[spec.key] = toRef(field)));
      }
      setMessage({error: false, text: t('settings.results.created', {fields: {count: created.length, noun: 'settings.n.resultFields'}})});
    } catch (error) {
      setMessage({
        error: true,
        text: t('settings.results.createFailed', {
          created: created.length ? {list: created} : '—',
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box marginTop={2}>
      <Text marginBottom={1}>
        {t('settings.results.missing', {fields: {list: missing.map((m) => m.name)}})}
      </Text>
      <Button icon="plus" disabled={!permission.hasPermission || busy} onClick={() => void create()}>
        {t('settings.results.createMissing')}
      </Button>
      {busy ? <Loader scale={0.3} marginLeft={2} /> : null}
      {!permission.hasPermission ? (
        <Text role="status" textColor="#b87503">
          {t('settings.results.cannotCreate', {reason: permission.reasonDisplayString})}
        </Text>
      ) : null}
      {note}
    </Box>
  );
}
