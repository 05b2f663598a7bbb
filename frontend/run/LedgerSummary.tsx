/** What a refresh wrote to the results table: rows created and updated, calls, and any failure. */
import {Box, Text} from '@airtable/blocks/ui';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import type {UpsertOutcome} from '../adapter/resultsTable';
import type {Preview} from './pipeline';

export interface LedgerWritten {
  created: number;
  updated: number;
  calls: number;
  issues: Issue[];
}

/**
 * Rows of the results table the preview still has to write (creates and updates), or 0; a
 * period is approved only once none is pending, so that what is approved is what was written.
 * The people table's cells do not count: they show whichever period was refreshed last.
 */
export function ledgerPending(preview: Pick<Preview, 'ledger'>): number {
  const upsert = preview.ledger?.upsert;
  return upsert ? upsert.creates.length + upsert.updates.length : 0;
}

/**
 * The preview as the results table now is, after a refresh wrote it: when every planned row was
 * written, nothing is pending any more (approval is offered); after a failure the plan stays, and
 * the next refresh plans only what is still missing or different.
 */
export function ledgerAfterWrite(preview: Preview, outcome: UpsertOutcome | null): Preview {
  const ledger = preview.ledger;
  if (!ledger || !outcome || outcome.failed || outcome.aborted || outcome.remaining > 0 || outcome.skippedDeletedRecordIds.length > 0) return preview;
  const written = ledger.upsert.creates.length + ledger.upsert.updates.length;
  return {...preview, ledger: {...ledger, upsert: {...ledger.upsert, creates: [], updates: [], unchanged: ledger.upsert.unchanged + written}}};
}

export function LedgerSummary({written}: {written: LedgerWritten}) {
  const {t, tx} = useLang();
  return (
    <Box role="status" dataAttributes={{'data-testid': 'ledger-summary'}} marginBottom={2}>
      <Text>{t('ledger.ui.run.written', {created: written.created, updated: written.updated, calls: written.calls})}</Text>
      {written.issues.map((issue, i) => (
        <Text key={i} textColor={issue.severity === 'error' ? 'red' : '#b87503'}>
          {tx(issue.message)}
        </Text>
      ))}
    </Box>
  );
}
