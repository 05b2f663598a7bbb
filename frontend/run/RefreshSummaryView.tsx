/** The final summary of a refresh: changed, unchanged, failed, and why a write failed. */
import {Box, Text} from '@airtable/blocks/ui';
import {useLang} from '../state/lang';
import type {RefreshSummary} from './summary';

export function RefreshSummaryView({summary}: {summary: RefreshSummary}) {
  const {t, tx} = useLang();
  return (
    <Box role="status" dataAttributes={{'data-testid': 'refresh-summary'}} border="default" borderRadius="large" padding={2} marginBottom={2}>
      <Text>
        {t('run.summary.counts', {
          changed: summary.changed,
          cells: summary.changedCells,
          unchanged: summary.unchanged,
          failed: summary.failed,
          calls: summary.writeCalls,
        })}
      </Text>
      {summary.failures.map((message, i) => (
        <Text key={i} textColor="red">
          {tx(message)}
        </Text>
      ))}
      {summary.failed > 0 && <Text>{t('run.summary.rerun')}</Text>}
      {summary.logged === false && <Text textColor="light">{t('run.summary.notLogged')}</Text>}
    </Box>
  );
}
