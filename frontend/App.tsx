/**
 * The extension's shell. Settings open when the user presses the SDK's settings button, and are
 * forced open while there is no plan or the plan does not fit the base (a mapped field deleted,
 * a weight sum off 100%...): computing with such a plan would write wrong pay.
 */
import {useMemo, useState} from 'react';
import {Box, Text, useBase, useSettingsButton} from '@airtable/blocks/ui';
import {hasErrors, validatePlan} from '../src/validate';
import {baseSchema} from './adapter/schema';
import {SettingsView} from './settings/SettingsView';
import {RunView} from './run/RunView';
import {usePlan} from './state/planStore';
import {useLang} from './state/lang';
import type {Issue} from '../src/results';

/**
 * The reasons settings are forced open, shown above them. "No plan yet" is said by the settings'
 * first-run screen itself, so that it goes away once the wizard has started a draft.
 */
function ForcedNotice({errors, storedIssues}: {errors: readonly Issue[]; storedIssues: readonly Issue[]}) {
  const {t, tx} = useLang();
  return (
    <Box role="alert" dataAttributes={{'data-testid': 'forced-notice'}} backgroundColor="#fff4e5" padding={2} marginBottom={2} borderRadius="large">
      {storedIssues.length > 0 && <Text>{t('ui.forced.stored')}</Text>}
      {storedIssues.map((issue, i) => (
        <Text key={`s${i}`}>• {tx(issue.message)}</Text>
      ))}
      {errors.length > 0 && <Text>{t('ui.forced.invalid', {errors: {count: errors.length, noun: 'settings.n.errors'}})}</Text>}
      {errors.map((issue, i) => (
        <Text key={`e${i}`}>• {tx(issue.message)}</Text>
      ))}
    </Box>
  );
}

/**
 * What reading the stored plan noticed without failing (an older format upgraded on the way in):
 * said wherever the user is, because saving is what makes the upgrade stick.
 */
function StoredNotes({notes}: {notes: readonly Issue[]}) {
  const {tx} = useLang();
  if (notes.length === 0) return null;
  return (
    <Box role="status" dataAttributes={{'data-testid': 'stored-notes'}} backgroundColor="#eef6ff" padding={2} margin={2} borderRadius="large">
      {notes.map((issue, i) => (
        <Text key={i}>{tx(issue.message)}</Text>
      ))}
    </Box>
  );
}

export function App() {
  const base = useBase();
  const store = usePlan();
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Pressed while settings are open, the settings button closes them as Close does: SettingsView
  // asks first when there are unsaved edits.
  const [closeRequests, setCloseRequests] = useState(0);

  // useBase re-renders on every schema change (a field deleted, renamed, retyped), so the plan
  // is checked against the base as it is now, not as it was when the plan was saved.
  const schema = baseSchema(base);
  const schemaKey = JSON.stringify(schema);
  const problems = useMemo(
    () => (store.plan ? validatePlan(store.plan, schema) : []),
    // The schema object is rebuilt every render; its content (schemaKey) is what matters.
    [store.plan, schemaKey],
  );
  const errors = problems.filter((issue) => issue.severity === 'error');
  const forced = !store.plan || hasErrors(problems);
  const settingsShown = forced || settingsOpen || !store.plan || !store.revision;
  useSettingsButton(() => (settingsShown ? setCloseRequests((n) => n + 1) : setSettingsOpen(true)));
  const storedErrors = store.issues.filter((issue) => issue.severity === 'error');
  const storedNotes = store.issues.filter((issue) => issue.severity !== 'error');

  // Repeated (not `settingsShown`) so that TypeScript narrows the plan and revision below.
  if (forced || settingsOpen || !store.plan || !store.revision) {
    return (
      <Box padding={3}>
        {/* SettingsView carries its own title and language switch. */}
        {forced && errors.length + storedErrors.length > 0 && <ForcedNotice errors={errors} storedIssues={storedErrors} />}
        <StoredNotes notes={storedNotes} />
        <SettingsView
          plan={store.plan}
          onSave={store.save}
          canSave={store.canSave}
          onClose={forced ? undefined : () => setSettingsOpen(false)}
          closeRequests={closeRequests}
        />
      </Box>
    );
  }
  return (
    <>
      <StoredNotes notes={storedNotes} />
      <RunView plan={store.plan} revision={store.revision} problems={problems} onOpenSettings={() => setSettingsOpen(true)} />
    </>
  );
}
