/**
 * The settings screen (设置): the plan is edited as a draft, validated on every change against
 * this base, and only saved when it has no errors (warnings may be saved) and the user may save.
 * A save bar at the bottom stays in view and says whether there are unsaved edits; closing with
 * unsaved edits asks first (save, discard, keep editing), since a draft exists only in this panel.
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box, Button, Dialog, Heading, Input, Text, useBase, useGlobalConfig} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import {validatePlan} from '../../src/validate';
import {baseSchema} from '../adapter/schema';
import {refreshMarker} from '../adapter/planMarker';
import {LangSwitch} from '../components/LangSwitch';
import {useLang} from '../state/lang';
import {Field, IssueNotes, Section} from './controls';
import {editPlan, hasErrors, issuesAt, unplacedIssues} from './draft';
import {LatestPlan} from './latest';
import {ImportExport} from './ImportExport';
import {AutomateSection} from './AutomateSection';
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
import {Wizard, type PlanStart} from './Wizard';
import {NextSteps} from './NextSteps';

export interface SettingsViewProps {
  plan: PlanDocument | null;
  onSave: (plan: PlanDocument) => Promise<void>;
  canSave: {ok: true} | {ok: false; reason: string};
  onClose?: () => void;
  /**
   * Counts close requests from outside the view (the SDK's settings button pressed while settings
   * are open): each new value closes as the Close button does, asking first about unsaved edits.
   */
  closeRequests?: number;
}

/** The editor of a frozen version gets this instead of `edit`: nothing it does reaches the draft. */
const ignoreEdit: Edit = () => undefined;

/** Paths a control shows issues for; anything else is listed under "other problems". */
const PLACED = ['mapping', 'periods', 'versions', 'currency', 'name', 'scoreRounding', 'proration', 'promotion'];

export function SettingsView({plan, onSave, canSave, onClose, closeRequests = 0}: SettingsViewProps) {
  const {t, tx} = useLang();
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
  /** How the wizard started the draft; null when settings opened on a saved plan. */
  const [started, setStarted] = useState<PlanStart | null>(null);
  /** The unsaved-edits question is on screen. */
  const [asking, setAsking] = useState(false);
  const globalConfig = useGlobalConfig();
  const storedLedger = globalConfig.get(LEDGER_CONFIG_KEY);
  const ledger = useMemo(() => parseLedgerState(storedLedger).state, [storedLedger]);

  // A plan saved by another collaborator replaces an untouched draft; an edited one is kept.
  useEffect(() => {
    if (!dirty && plan) setDraft(plan);
    // `dirty` is read, not watched: only a new saved plan should replace the draft.
  }, [plan]);

  const issues = useMemo(() => (draft ? validatePlan(draft, schema) : []), [draft, schema]);
  const latest = useRef<PlanDocument | null>(draft);
  latest.current = draft;

  const requestClose = () => {
    if (!onClose) return;
    if (dirty) setAsking(true);
    else onClose();
  };
  // The settings button outside the view asks to close: the same question as Close.
  const handledRequests = useRef(closeRequests);
  useEffect(() => {
    if (closeRequests === handledRequests.current) return;
    handledRequests.current = closeRequests;
    requestClose();
  }, [closeRequests]);

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
        <Box role="status" dataAttributes={{'data-testid': 'no-plan-notice'}} backgroundColor="#fff4e5" padding={2} marginX={2} borderRadius="large">
          <Text>{t('ui.forced.noPlan')}</Text>
        </Box>
        <Wizard
          schema={schema}
          onStart={(first, how) => {
            setDraft(first);
            setStarted(how);
            setDirty(true);
          }}
        />
      </Box>
    );
  }

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const warningCount = issues.length - errorCount;
  const blockedReason = !canSave.ok ? canSave.reason : hasErrors(issues) ? t('settings.save.fixErrors', {errors: {count: errorCount, noun: 'settings.n.errors'}}) : null;
  const version = Math.min(versionIndex, draft.versions.length - 1);

  /** Saves the draft; true when it is stored. A failure is said in the save bar. */
  const save = async (): Promise<boolean> => {
    setSaving(true);
    setSaveMessage(null);
    try {
      await onSave(draft);
      setDirty(false);
      // An automation made earlier must see that the plan changed: its marker moves with the save.
      const marker = await refreshMarker(base, globalConfig, draft);
      setSaveMessage(marker && !marker.ok ? {error: true, text: `${t('settings.save.saved')} ${tx(marker.reason)}`} : {error: false, text: t('settings.save.saved')});
      return true;
    } catch (error) {
      setSaveMessage({error: true, text: t('settings.save.failed', {reason: error instanceof Error ? error.message : String(error)})});
      return false;
    } finally {
      setSaving(false);
    }
  };
  const saveAndClose = async () => {
    setAsking(false);
    if ((await save()) && onClose) onClose();
  };
  const discardAndClose = () => {
    setAsking(false);
    setDraft(plan);
    setDirty(false);
    setSaveMessage(null);
    onClose?.();
  };
  const saveState = dirty ? (plan ? 'unsaved' : 'neverSaved') : 'saved';

  return (
    <LatestPlan.Provider value={latest}>
    <Box padding={2}>
      <Box display="flex" alignItems="center" flexWrap="wrap" justifyContent="space-between" paddingBottom={2} marginBottom={2} borderBottom="thick" style={{gap: 8}}>
        <Heading size="small" margin={0}>
          {t('settings.title')}
        </Heading>
        <LangSwitch />
      </Box>

      {started && !plan ? <NextSteps start={started} errors={errorCount} /> : null}

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
      <AutomateSection plan={plan} dirty={dirty} />

      {unplacedIssues(issues, PLACED).length > 0 ? (
        <Section title={t('settings.section.otherIssues')} defaultOpen>
          <IssueNotes issues={unplacedIssues(issues, PLACED)} />
        </Section>
      ) : null}

      {/* Sticky at the bottom of the scroll area: Save is never more than a glance away. */}
      <Box
        role="region"
        aria-label={t('settings.save.bar')}
        dataAttributes={{'data-testid': 'save-bar'}}
        marginTop={3}
        paddingY={2}
        borderTop="thick"
        style={{position: 'sticky', bottom: 0, background: 'white', zIndex: 1}}
      >
        <Box display="flex" alignItems="center" flexWrap="wrap" justifyContent="space-between" style={{gap: 8}}>
          <Box>
            <Text fontWeight={600} textColor={dirty ? '#b87503' : '#20a35a'} dataAttributes={{'data-testid': 'save-state', 'data-state': saveState}}>
              {t(`settings.save.state.${saveState}`)}
            </Text>
            <Text textColor={errorCount ? '#d9363e' : 'light'}>{t('settings.summary', {errors: {count: errorCount, noun: 'settings.n.errors'}, warnings: {count: warningCount, noun: 'settings.n.warnings'}})}</Text>
          </Box>
          <Box display="flex" alignItems="center" style={{gap: 8}}>
            {onClose ? (
              <Button variant="secondary" onClick={requestClose}>
                {t('settings.close')}
              </Button>
            ) : null}
            <Button variant="primary" icon="check" disabled={blockedReason !== null || saving} onClick={() => void save()}>
              {saving ? t('settings.save.saving') : t('settings.save.button')}
            </Button>
          </Box>
        </Box>
        {blockedReason ? (
          <Text role="status" marginTop={1} textColor="#b87503">
            {blockedReason}
          </Text>
        ) : null}
        {saveMessage ? (
          <Text role={saveMessage.error ? 'alert' : 'status'} marginTop={1} textColor={saveMessage.error ? '#d9363e' : '#20a35a'}>
            {saveMessage.text}
          </Text>
        ) : null}
      </Box>

      {asking ? (
        <Dialog onClose={() => setAsking(false)} width="400px" maxWidth="calc(100vw - 32px)">
          <Dialog.CloseButton />
          <Box dataAttributes={{'data-testid': 'unsaved-dialog'}}>
            <Heading size="small">{t('settings.unsaved.title')}</Heading>
            <Text marginBottom={2}>{t('settings.unsaved.body')}</Text>
            {blockedReason ? (
              <Text role="status" marginBottom={2} textColor="#b87503">
                {t('settings.unsaved.blocked', {reason: blockedReason})}
              </Text>
            ) : null}
            <Box display="flex" flexWrap="wrap" justifyContent="flex-end" style={{gap: 8}}>
              <Button variant="secondary" onClick={() => setAsking(false)}>
                {t('settings.unsaved.keep')}
              </Button>
              <Button variant="danger" onClick={discardAndClose}>
                {t('settings.unsaved.discard')}
              </Button>
              <Button variant="primary" disabled={blockedReason !== null || saving} onClick={() => void saveAndClose()}>
                {t('settings.unsaved.save')}
              </Button>
            </Box>
          </Box>
        </Dialog>
      ) : null}
    </Box>
    </LatestPlan.Provider>
  );
}
