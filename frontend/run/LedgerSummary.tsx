/** What a refresh wrote to the results table: rows created and updated, calls, and any failure. */
import {Box, Text} from '@airtable/blocks/ui';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
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
 */
export function ledgerPending(preview: Pick<Preview, 'ledger' | 'writes'>): number {
  const upsert = preview.ledger?.upsert;
  return (upsert ? upsert.creates.length + upsert.updates.length : 0) + preview.writes.updates.length;
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
