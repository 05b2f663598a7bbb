/**
 * The settings screen (设置): the plan is edited as a draft, validated on every change against
 * this base, and only saved when it has no errors (warnings may be saved) and the user may save.
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box, Button, Heading, Input, Text, useBase, useGlobalConfig} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import {validatePlan} from '../../src/validate';
import {baseSchema} from '../adapter/schema';
import {LangSwitch} from '../components/LangSwitch';
import {useLang} from '../state/lang';
import {Field, IssueNotes, Section} from './controls';
import {editPlan, hasErrors, issuesAt, unplacedIssues} from './draft';
import {LatestPlan} from './latest';
import {ImportExport} from './ImportExport';
import {MappingSection, type Edit} from './MappingSection';
import {PeriodsSection, VersionsSection} from './PeriodsSection';
import {ResultFieldsSection} from './ResultFields';
import {ResultsTableSection} from './ResultsTableSection';
import {addVersionAfterFrozen, FrozenVersion} from './FrozenVersion';
import {LEDGER_CONFIG_KEY, parseLedgerState, periodsFreezing} from '../../src/ledger/state';
import {ScoringRulesSection} from './ScoringRulesSection';
import {PromotionSection} from './PromotionSection';
import {VersionEditor} from './VersionEditor';
import {Choice} from './MetricEditor';
import {Wizard} from './Wizard';

export interface SettingsViewProps {
  plan: PlanDocument | null;
  onSave: (plan: PlanDocument) => Promise<void>;
  canSave: {ok: true} | {ok: false; reason: string};
  onClose?: () => void;
}

/** The editor of a frozen version gets this instead of `edit`: nothing it does reaches the draft. */
const ignoreEdit: Edit = () => undefined;

/** Paths a control shows issues for; anything else is listed under "other problems". */
const PLACED = ['mapping', 'periods', 'versions', 'currency', 'name', 'scoreRounding', 'proration', 'promotion'];

export function SettingsView({plan, onSave, canSave, onClose}: SettingsViewProps) {
  const {t} = useLang();
  const base = useBase();
  // useBase re-renders on schema changes (a field created, renamed, deleted): recompute each time,
  // but keep the same object while nothing changed so that memoised sections can skip renders.
  const fresh = baseSchema(base);
  const schemaKey = JSON.stringify(fresh);
  const schema = useMemo(() => fresh, [schemaKey]);
  const [draft, setDraft] = useState<PlanDocument | null>(plan);
  const [dirty, setDirty] = useState(false);
  const [versionIndex, setVersionIndex] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveMessage, setSaveMessage] = useState<{error: boolean; text: string} | null>(null);
  const storedLedger = useGlobalConfig().get(LEDGER_CONFIG_KEY);
  const ledger = useMemo(() => parseLedgerState(storedLedger).state, [storedLedger]);

  // A plan saved by another collaborator replaces an untouched draft; an edited one is kept.
  useEffect(() => {
    if (!dirty && plan) setDraft(plan);
    // `dirty` is read, not watched: only a new saved plan should replace the draft.
  }, [plan]);

  const issues = useMemo(() => (draft ? validatePlan(draft, schema) : []), [draft, schema]);
  const latest = useRef<PlanDocument | null>(draft);
  latest.current = draft;

  const edit: Edit = useCallback((change) => {
    // Edits never change `prev` (immer copies on write), so the saved plan can be the first draft.
    setDraft((prev) => (prev ? editPlan(prev, change) : prev));
    setDirty(true);
    setSaveMessage(null);
  }, []);

  if (!draft) {
    return (
      <Box>
        <Box display="flex" justifyContent="flex-end" padding={2}>
          <LangSwitch />
        </Box>
        <Wizard
          schema={schema}
          onStart={(started) => {
            setDraft(started);
            setDirty(true);
          }}
        />
      </Box>
    );
  }

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const warningCount = issues.length - errorCount;
  const blockedReason = !canSave.ok ? canSave.reason : hasErrors(issues) ? t('settings.save.fixErrors', {count: errorCount}) : null;
  const version = Math.min(versionIndex, draft.versions.length - 1);

  const save = async () => {
    setSaving(true);
    setSaveMessage(null);
    try {
      await onSave(draft);
      setDirty(false);
      setSaveMessage({error: false, text: t('settings.save.saved')});
    } catch (error) {
      setSaveMessage({error: true, text: t('settings.save.failed', {reason: error instanceof Error ? error.message : String(error)})});
    } finally {
      setSaving(false);
    }
  };

  return (
    <LatestPlan.Provider value={latest}>
    <Box padding={2}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        justifyContent="space-between"
        paddingBottom={2}
        marginBottom={2}
        borderBottom="thick"
        style={{gap: 8, position: 'sticky', top: 0, background: 'white', zIndex: 1}}
      >
        <Heading size="small" margin={0}>
          {t('settings.title')}
        </Heading>
        <LangSwitch />
        <Box display="flex" alignItems="center" style={{gap: 8}}>
          <Text size="small" textColor={errorCount ? '#d9363e' : 'light'}>
            {t('settings.summary', {errors: errorCount, warnings: warningCount})}
          </Text>
          {onClose ? (
            <Button size="small" variant="secondary" onClick={onClose}>
              {t('settings.close')}
            </Button>
          ) : null}
          <Button variant="primary" icon="check" disabled={blockedReason !== null || saving} onClick={() => void save()}>
            {saving ? t('settings.save.saving') : t('settings.save.button')}
          </Button>
        </Box>
        {blockedReason ? (
          <Text role="status" width="100%" size="small" textColor="#b87503">
            {blockedReason}
          </Text>
        ) : null}
        {saveMessage ? (
          <Text role={saveMessage.error ? 'alert' : 'status'} width="100%" size="small" textColor={saveMessage.error ? '#d9363e' : '#20a35a'}>
            {saveMessage.text}
          </Text>
        ) : null}
      </Box>

      <Field label={t('settings.planName')} issues={issuesAt(issues, 'name')}>
        <Input value={draft.name} onChange={({target: {value: typed}}) => edit((d) => void (d.name = typed))} />
      </Field>

      <MappingSection plan={draft} issues={issues} edit={edit} />
      <ResultFieldsSection plan={draft} issues={issues} edit={edit} />
      <ResultsTableSection plan={draft} issues={issues} edit={edit} />
      <PeriodsSection plan={draft} issues={issues} edit={edit} />

      <Section title={t('settings.section.versions')} defaultOpen>
        <VersionsSection plan={draft} issues={issues} edit={edit} selected={version} onSelect={setVersionIndex} />
      </Section>
      {draft.versions[version] ? (
        <Box>
          <Text fontWeight={600} marginBottom={1}>
            {t('settings.version.editingHeading', {version: draft.versions[version].label})}
          </Text>
          <FrozenVersion
            plan={draft}
            versionIndex={version}
            ledger={ledger}
            onNewVersion={(effectiveFrom) => {
              edit((d) => void addVersionAfterFrozen(d, version, effectiveFrom));
              // The copy is appended: its index is the current length.
              setVersionIndex(draft.versions.length);
            }}
          >
            <VersionEditor plan={draft} versionIndex={version} issues={issues} edit={periodsFreezing(ledger, draft.versions[version].id).length > 0 ? ignoreEdit : edit} />
          </FrozenVersion>
        </Box>
      ) : null}

      <Section title={t('settings.section.currency')}>
        <IssueNotes issues={issuesAt(issues, 'currency', true)} />
        <Box display="flex" flexWrap="wrap" style={{gap: 8}}>
          <Field label={t('settings.currency.code')} width="120px" issues={issuesAt(issues, 'currency.code')}>
            <Input value={draft.currency.code} onChange={({target: {value: typed}}) => edit((d) => void (d.currency.code = typed))} />
          </Field>
          <Choice
            label={t('settings.currency.precision')}
            value={String(draft.currency.precision)}
            width="120px"
            issues={issuesAt(issues, 'currency.precision')}
            options={['0', '1', '2', '3', '4'].map((p) => ({value: p, label: p}))}
            onChange={(p) => edit((d) => void (d.currency.precision = Number(p)))}
          />
          <Choice
            label={t('settings.currency.rounding')}
            value={draft.currency.rounding}
            issues={issuesAt(issues, 'currency.rounding')}
            options={(['halfUp', 'halfEven', 'down'] as const).map((r) => ({value: r, label: t(`settings.rounding.${r}`)}))}
            onChange={(rounding) => edit((d) => void (d.currency.rounding = rounding))}
          />
          <Choice
            label={t('settings.resultLanguage')}
            value={draft.resultLanguage ?? 'user'}
            options={(['user', 'zh', 'en'] as const).map((l) => ({value: l, label: t(`settings.resultLanguage.${l}`)}))}
            onChange={(choice) =>
              edit((d) => {
                if (choice === 'user') delete d.resultLanguage;
                else d.resultLanguage = choice;
              })
            }
          />
        </Box>
      </Section>

      <ScoringRulesSection plan={draft} issues={issues} edit={edit} />
      <PromotionSection plan={draft} issues={issues} edit={edit} />

      <ImportExport
        plan={draft}
        schema={schema}
        onImport={(imported) => {
          setDraft(imported);
          setVersionIndex(0);
          setDirty(true);
        }}
      />

      {unplacedIssues(issues, PLACED).length > 0 ? (
        <Section title={t('settings.section.otherIssues')} defaultOpen>
          <IssueNotes issues={unplacedIssues(issues, PLACED)} />
        </Section>
      ) : null}
    </Box>
    </LatestPlan.Provider>
  );
}
