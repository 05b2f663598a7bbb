/** The preview's totals line, and the final summary of a refresh: changed, unchanged, failed, and why a write failed. */
import {Box, Text} from '@airtable/blocks/ui';
import type {PlanVersion} from '../../src/plan';
import {useLang} from '../state/lang';
import {useFormats} from './FormatProvider';
import type {RefreshSummary} from './summary';
import type {Preview} from './pipeline';

/**
 * The plan version by the one name the user gave it and every written cell carries (its label,
 * e.g. “2026”), never its internal id (“v1”).
 *
 * @example versionLabel([{id: 'v1', label: '2026'}], 'v1') // '2026'
 */
export function versionLabel(versions: readonly Pick<PlanVersion, 'id' | 'label'>[], versionId: string): string {
  return versions.find((v) => v.id === versionId)?.label || versionId;
}

/**
 * "60 participants; 662 cells of 60 participants will change, 0 unchanged (plan version “2026”).",
 * then the history the run counted: "219 records before the plan’s first period (history)".
 */
export function PreviewTotals({preview, versions}: {preview: Preview; versions: readonly Pick<PlanVersion, 'id' | 'label'>[]}) {
  const {t} = useLang();
  const f = useFormats();
  const history = preview.run.stats.recordsBeforeFirstPeriod;
  return (
    <Box marginBottom={2}>
      <Text dataAttributes={{'data-testid': 'preview-totals'}}>
        {t('run.preview.summaryCounted', {
          participants: f.count(preview.run.results.length, 'run.n.participants'),
          changedRecords: f.count(preview.writes.updates.length, 'run.n.participants'),
          changedCells: f.count(preview.writes.changes.length, 'run.n.cells'),
          unchanged: f.integer(preview.writes.unchanged),
          version: t('run.version.named', {label: versionLabel(versions, preview.run.versionId)}),
        })}
      </Text>
      {history > 0 && (
        <Text textColor="light" dataAttributes={{'data-testid': 'preview-history'}}>
          {t('run.preview.history', {records: f.count(history, 'run.n.records')})}
        </Text>
      )}
    </Box>
  );
}

export function RefreshSummaryView({summary}: {summary: RefreshSummary}) {
  const {t, tx} = useLang();
  const f = useFormats();
  return (
    <Box role="status" dataAttributes={{'data-testid': 'refresh-summary'}} border="default" borderRadius="large" padding={2} marginBottom={2}>
      <Text>
        {t('run.summary.countsCounted', {
          changed: f.count(summary.changed, 'run.n.participants'),
          cells: f.count(summary.changedCells, 'run.n.cells'),
          unchanged: f.integer(summary.unchanged),
          failed: f.integer(summary.failed),
          calls: f.count(summary.writeCalls, 'run.n.calls'),
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
