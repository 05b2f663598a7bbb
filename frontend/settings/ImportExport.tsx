/**
 * Export the plan as a JSON file, and import one: an older document is migrated, and its tables
 * and fields are re-matched by name against this base, with a report of what could not be.
 */
import {useRef, useState} from 'react';
import {Box, Button, Text, useGlobalConfig} from '@airtable/blocks/ui';
import {LEDGER_CONFIG_KEY, parseLedgerState} from '../../src/ledger/state';
import type {PlanDocument} from '../../src/plan';
import type {BaseSchema} from '../../src/schema';
import {useLang} from '../state/lang';
import {IssueNotes, Section} from './controls';
import {readPlanFile, type ImportOutcome} from './importPlan';
import {exportFileName} from './exportName';
import {serializePlan} from '../../src/storage';

/** Reads a chosen file as text; FileReader rather than Blob.text() for older embedded browsers. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

export function ImportExport({plan, schema, onImport}: {plan: PlanDocument; schema: BaseSchema; onImport: (plan: PlanDocument) => void}) {
  const {t, tx} = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // The closed periods' versions: an import may not change them.
  const storedLedger = useGlobalConfig().get(LEDGER_CONFIG_KEY);

  const download = () => {
    const blob = new Blob([serializePlan(plan)], {type: 'application/json'});
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(plan);
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = readPlanFile(await readText(file), schema, {current: plan, ledger: parseLedgerState(storedLedger).state});
    setOutcome(result);
    if (result.plan) onImport(result.plan);
    // Let the same file be chosen again after fixing the base.
    if (input.current) input.current.value = '';
  };

  return (
    <Section title={t('settings.section.importExport')}>
      <Box display="flex" flexWrap="wrap" style={{gap: 8}}>
        <Button icon="download" onClick={download}>
          {t('settings.export.button')}
        </Button>
        <Button icon="upload" onClick={() => input.current?.click()}>
          {t('settings.import.button')}
        </Button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-label={t('settings.import.file')}
          style={{display: 'none'}}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </Box>
      <Text textColor="light" marginTop={1}>
        {t('settings.import.intro')}
      </Text>
      {outcome ? (
        <div data-testid="import-report" style={{marginTop: 16}}>
          {outcome.plan ? (
            <Text role="status" textColor="#20a35a">
              {outcome.unmatched.length === 0 ? t('settings.import.allMatched') : t('settings.import.someUnmatched', {items: {count: outcome.unmatched.length, noun: 'settings.n.items'}})}
            </Text>
          ) : (
            <Text role="alert" textColor="#d9363e">
              {t('settings.import.failed')}
            </Text>
          )}
          <IssueNotes issues={outcome.issues} />
          {outcome.unmatched.length > 0 ? (
            <ul style={{margin: '4px 0', paddingLeft: 20}}>
              {outcome.unmatched.map((u, i) => (
                <li key={i}>
                  <Text>{t('settings.import.unmatchedItem', {kind: tx(u.kindLabel), name: u.name, path: u.path})}</Text>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
