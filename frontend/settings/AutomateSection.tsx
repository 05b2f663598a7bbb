/**
 * Settings → 自动化 / Automate (issue 16): the script that refreshes the current period from an
 * Airtable automation, with nobody at the screen. It is the prebuilt engine bundle
 * (automation/engineBundle.generated.ts, built by `npm run build:automation`) with the saved
 * plan, the ledger's statuses and the mapped schema's fingerprint put in place of its
 * placeholder: the extension cannot run esbuild, so it only substitutes JSON. Shown with a copy
 * button, its size, and the steps to set the automation up.
 *
 * Copying writes the plan marker (frontend/adapter/planMarker.ts) into a result field's
 * description first: the script compares it with the one it carries before writing anything. A
 * user who may not update that description is told why (the SDK's reason) and gets no script,
 * since it would refuse every run; the box with the script appears once the marker is in place.
 */
import {useMemo, useState} from 'react';
import {Box, Button, Text, useBase, useGlobalConfig} from '@airtable/blocks/ui';
import type {PlanDocument} from '../../src/plan';
import {validatePlan, hasErrors} from '../../src/validate';
import {PLAN_CONFIG_KEY} from '../../src/storage';
import {LEDGER_CONFIG_KEY} from '../../src/ledger/state';
import {defaultPeriod} from '../../src/ledger/status';
import {automationConfig} from '../adapter/automationConfig';
import {fillScript, scriptSize} from '../../automation/script';
import {ENGINE_BUNDLE} from '../../automation/engineBundle.generated';
import {baseSchema} from '../adapter/schema';
import {markerField, markerState, writeMarker} from '../adapter/planMarker';
import {markerText} from '../../src/planMarker';
import {localIsoDate} from '../run/ledgerRun';
import {useLang} from '../state/lang';
import {Section} from './controls';

export interface AutomateSectionProps {
  /** The saved plan (the script is made from it, never from an unsaved draft). */
  plan: PlanDocument | null;
  /** The draft has unsaved changes. */
  dirty?: boolean;
}

export function AutomateSection({plan, dirty = false}: AutomateSectionProps) {
  const {t} = useLang();
  return (
    <Section title={t('automation.ui.title')}>
      <AutomateBody plan={plan} dirty={dirty} />
    </Section>
  );
}

/** The section's content: rendered only while the section is open, so the script is made on demand. */
function AutomateBody({plan, dirty}: {plan: PlanDocument | null; dirty: boolean}) {
  const {t, tx, lang} = useLang();
  const base = useBase();
  const globalConfig = useGlobalConfig();
  const stored = globalConfig.get(PLAN_CONFIG_KEY);
  const storedLedger = globalConfig.get(LEDGER_CONFIG_KEY);
  const schema = baseSchema(base);
  const schemaKey = JSON.stringify(schema);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The marker was written by this section: the script may be shown. */
  const [generated, setGenerated] = useState(false);
  const field = plan ? markerField(base, plan) : null;
  const fieldKey = field ? `${field.table.id}/${field.field.id}` : '';

  const made = useMemo(() => {
    if (!plan || typeof stored !== 'string' || hasErrors(validatePlan(plan, schema))) return null;
    const config = automationConfig(base, globalConfig, plan, lang, new Date());
    if (!config) return null;
    const period = defaultPeriod(plan.periods, config.ledger.periods, localIsoDate(new Date()));
    return {config, script: fillScript(ENGINE_BUNDLE, config), period};
    // The schema is compared by its text: useBase re-renders with a new object on every change.
  }, [plan, stored, storedLedger, schemaKey, lang, fieldKey]);

  if (!made || !plan || !field) {
    const noField = plan && !field && typeof stored === 'string' && !hasErrors(validatePlan(plan, schema));
    return (
      <Text role="status" textColor="#b87503">
        {noField ? t('automation.marker.noField') : t('automation.ui.noPlan')}
      </Text>
    );
  }
  const {config, script, period} = made;
  const resultsTable = config.plan.mapping.resultsTable;
  const state = markerState(base, globalConfig, plan);
  const shown = generated || state.kind === 'current';
  const copy = async () => {
    setProblem(null);
    setCopied(null);
    if (state.kind !== 'current') {
      const outcome = await writeMarker(base, globalConfig, plan);
      if (!outcome.ok) {
        setProblem(tx(outcome.reason));
        return;
      }
    }
    setGenerated(true);
    try {
      await navigator.clipboard.writeText(script);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Box>
      {dirty ? (
        <Text role="status" textColor="#b87503" marginBottom={2}>
          {t('automation.ui.unsaved')}
        </Text>
      ) : null}
      <Text marginBottom={1}>{t('automation.ui.intro')}</Text>
      <ol style={{margin: '0 0 8px 20px', padding: 0, lineHeight: 1.6}}>
        <li>{t('automation.ui.step1')}</li>
        <li>{t('automation.ui.step2')}</li>
        <li>{t('automation.ui.step3')}</li>
        <li>{t('automation.ui.step4')}</li>
      </ol>
      <Text marginBottom={1}>
        {t('automation.ui.writes', {
          period: period?.label ?? t('automation.ui.noPeriod'),
          ledger: resultsTable ? t('automation.ui.writesLedger', {table: resultsTable.table.name}) : '',
        })}
      </Text>
      <Text marginBottom={1} textColor="light">
        {t('automation.ui.regenerate', {revision: config.revision})}
      </Text>
      <Text marginBottom={2} textColor="light">
        {t('automation.ui.marker', {table: field.table.name, field: field.field.name, marker: markerText(config.marker)})}
      </Text>
      {state.kind === 'denied' ? (
        <Text role="alert" textColor="#d9363e" marginBottom={1}>
          {t('automation.ui.markerDenied', {reason: state.reason})}
        </Text>
      ) : (
        <Box display="flex" alignItems="center" marginBottom={1} style={{gap: 12}}>
          <Button icon="clipboard" onClick={() => void copy()}>
            {t('automation.ui.copy')}
          </Button>
          <Text size="small">{t('automation.ui.size', {size: scriptSize(script.length)})}</Text>
          {copied === 'copied' ? (
            <Text role="status" size="small" textColor="#20a35a">
              {t('automation.ui.copied')}
            </Text>
          ) : null}
        </Box>
      )}
      {problem !== null ? (
        <Text role="alert" size="small" textColor="#d9363e" marginBottom={1}>
          {problem}
        </Text>
      ) : null}
      {copied === 'failed' ? (
        <Text role="alert" size="small" textColor="#d9363e" marginBottom={1}>
          {t('automation.ui.copyFailed')}
        </Text>
      ) : null}
      {shown && state.kind !== 'denied' ? (
        <textarea
          aria-label={t('automation.ui.title')}
          readOnly
          value={script}
          rows={6}
          onFocus={(event) => event.currentTarget.select()}
          style={{width: '100%', fontFamily: 'monospace', fontSize: 11, boxSizing: 'border-box'}}
        />
      ) : null}
    </Box>
  );
}
