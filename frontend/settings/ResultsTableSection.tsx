/**
 * Results table (绩效结果表): where every period is kept, one row per participant per period.
 * The user maps a table of their own (its fields recognised by name, in either language, each
 * only if its type can hold the value) or creates it in one click; the permission to create a
 * table is asked first, and the SDK's own reason is shown when it is denied. Optional: without
 * it, only the people table's result fields are written.
 */
import {memo, useState} from 'react';
import {Box, Button, Loader, TablePicker, Text, useBase} from '@airtable/blocks/ui';
import type {FieldType, Table} from '@airtable/blocks/models';
import type {PlanDocument, ResultsTableMapping} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {Listed} from '../../src/i18n';
import {ledgerFieldName, ledgerFieldSpecs, ledgerTableName, matchLedgerFields, LEDGER_KEYS, type LedgerKey} from '../../src/ledger/fields';
import {messageText} from '../../src/ledger/messages';
import {REQUIRED_LEDGER_KEYS} from '../../src/planRefs';
import {createResultsTable} from '../adapter/resultsTable';
import {fieldSchema} from '../adapter/schema';
import {writtenLanguage} from '../run/pipeline';
import {useLang} from '../state/lang';
import {IssueNotes, Section} from './controls';
import {issuesAt, sameIssuesAt} from './draft';
import {useLatestPlan} from './latest';
import type {Edit} from './MappingSection';
import {toRef, useTable} from './pickers';

interface SectionProps {
  plan: PlanDocument;
  issues: readonly Issue[];
  edit: Edit;
}

/** Re-rendered only when the mapping or its issues change. */
export const ResultsTableSection = memo(
  ResultsTableView,
  (a: SectionProps, b: SectionProps) => a.edit === b.edit && a.plan.mapping === b.plan.mapping && a.plan.resultLanguage === b.plan.resultLanguage && sameIssuesAt(a.issues, b.issues, 'mapping.resultsTable'),
);

/** A field of the table found for a key, or why not: the names of the mistyped fields. */
function mappingFor(table: Table, peopleTableId: string | undefined): {mapping: ResultsTableMapping; mistyped: string[]} {
  const matched = matchLedgerFields(table.fields.map(fieldSchema), peopleTableId);
  return {mapping: {table: toRef(table), fields: matched.fields}, mistyped: matched.mistyped.map((m) => m.field.name)};
}

function ResultsTableView({plan, issues, edit}: SectionProps) {
  const {t, lang, n} = useLang();
  const base = useBase();
  const latest = useLatestPlan();
  const mapping = plan.mapping.resultsTable;
  const table = useTable(mapping?.table);
  const peopleTableId = plan.mapping.people?.table.id;
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{error: boolean; text: string} | null>(null);
  const [mistyped, setMistyped] = useState<string[]>([]);
  const count = issuesAt(issues, 'mapping.resultsTable').length;

  // Asked before the click, with the very fields the table would get: the button says why it is off.
  const resultLang = writtenLanguage(plan, lang);
  const name = ledgerTableName(resultLang);
  const specs = peopleTableId ? ledgerFieldSpecs({lang: resultLang, peopleTableId, currency: plan.currency}) : [];
  const permission = base.checkPermissionsForCreateTable(
    name,
    specs.map((spec) => ({name: spec.name, type: spec.type as FieldType, ...(spec.options ? {options: spec.options} : {})})),
  );
  const nameTaken = base.getTableByNameIfExists(name) !== null;

  const create = async () => {
    const current = latest() ?? plan;
    if (!current.mapping.people) return;
    setBusy(true);
    setNote(null);
    try {
      const outcome = await createResultsTable(base, {lang: writtenLanguage(current, lang), peopleTableId: current.mapping.people.table.id, currency: current.currency});
      if (outcome.ok) {
        edit((draft) => void (draft.mapping.resultsTable = outcome.mapping));
        setMistyped([]);
        setNote({error: false, text: t('ledger.ui.settings.created', {name: outcome.table.name, count: Object.keys(outcome.mapping.fields).length})});
      } else if ('permission' in outcome) setNote({error: true, text: t('ledger.ui.settings.cannotCreate', {reason: outcome.permission})});
      else setNote({error: true, text: messageText(outcome.refusal)[lang]});
    } finally {
      setBusy(false);
    }
  };

  const mapped = mapping ? LEDGER_KEYS.filter((key) => mapping.fields[key]) : [];
  const unmapped = mapping ? LEDGER_KEYS.filter((key) => !mapping.fields[key]) : [];
  const missingRequired = unmapped.filter((key) => REQUIRED_LEDGER_KEYS.includes(key));
  const fieldName = (key: LedgerKey) => ledgerFieldName(key, lang);
  const list = (names: string[]): Listed => ({list: names});

  return (
    <Section title={t('ledger.ui.settings.section')} badge={count ? n(count, 'settings.n.problems') : undefined}>
      <Text textColor="light" marginBottom={2}>
        {t('ledger.ui.settings.intro')}
      </Text>
      <IssueNotes issues={issuesAt(issues, 'mapping.resultsTable')} />
      {!peopleTableId ? (
        <Text>{t('settings.results.needPeople')}</Text>
      ) : (
        <>
          <Box marginBottom={2}>
            <Text fontWeight={600} marginBottom={1}>
              {t('ledger.ui.settings.pick')}
            </Text>
            <TablePicker
              table={table}
              placeholder={t('settings.pick.table')}
              shouldAllowPickingNone
              onChange={(next) => {
                setNote(null);
                if (!next) {
                  setMistyped([]);
                  edit((draft) => void delete draft.mapping.resultsTable);
                  return;
                }
                const found = mappingFor(next, peopleTableId);
                setMistyped(found.mistyped);
                edit((draft) => void (draft.mapping.resultsTable = found.mapping));
              }}
            />
          </Box>
          {mapping && table ? (
            <Box marginBottom={2} dataAttributes={{'data-testid': 'results-table-fields'}}>
              <Text>{t('ledger.ui.settings.mapped', {count: mapped.length, total: LEDGER_KEYS.length, fields: list(mapped.map(fieldName))})}</Text>
              {missingRequired.length > 0 ? (
                <Text textColor="#d9363e" role="alert">
                  ✖ {t('ledger.ui.settings.required', {fields: list(missingRequired.map(fieldName))})}
                </Text>
              ) : unmapped.length > 0 ? (
                <Text textColor="light">
                  {t('ledger.ui.settings.unmapped', {fields: list(unmapped.map(fieldName))})}
                </Text>
              ) : null}
              {mistyped.length > 0 ? (
                <Text textColor="#b87503" role="status">
                  ⚠ {t('ledger.ui.settings.mistyped', {fields: list(mistyped)})}
                </Text>
              ) : null}
            </Box>
          ) : null}
          {!mapping ? (
            <Box>
              <Button icon="plus" disabled={!permission.hasPermission || nameTaken || busy} onClick={() => void create()}>
                {t('ledger.ui.settings.create', {name})}
              </Button>
              {busy ? <Loader scale={0.3} marginLeft={2} /> : null}
              {!permission.hasPermission ? (
                <Text role="status" textColor="#b87503" dataAttributes={{'data-testid': 'results-table-denied'}}>
                  {t('ledger.ui.settings.cannotCreate', {reason: permission.reasonDisplayString})}
                </Text>
              ) : nameTaken ? (
                <Text role="status" textColor="light">
                  {t('ledger.ui.settings.nameTaken', {name})}
                </Text>
              ) : null}
            </Box>
          ) : null}
        </>
      )}
      {note ? (
        <Text role={note.error ? 'alert' : 'status'} marginTop={1} textColor={note.error ? '#d9363e' : '#20a35a'}>
          {note.text}
        </Text>
      ) : null}
    </Section>
  );
}
