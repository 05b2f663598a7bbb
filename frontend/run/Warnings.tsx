/**
 * Warnings from the engine and the read (orphan records, upline cycles, records outside the
 * period, unreadable cells...) in business words: the same warning once with a count, each record
 * named by its primary value (an order number, a customer name) with a link that opens it.
 */
import {memo, useMemo, useState} from 'react';
import {Box, Heading, Text, expandRecord, useBase} from '@airtable/blocks/ui';
import type {Base} from '@airtable/blocks/models';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {useFormats} from './FormatProvider';
import {groupWarnings, issueText, recordName, type WarningGroup} from './warningGroups';

/** Links shown per warning; a warning about 2,000 orphan orders names the first few and counts the rest. */
export const LINKS_PER_ISSUE = 5;

/**
 * Opens one record in Airtable's expanded view. Only the primary field is loaded, so this stays
 * cheap even on a 200,000-record table. Resolves false when the table or record no longer exists.
 */
export async function openRecord(base: Base, tableId: string, recordId: string): Promise<boolean> {
  const table = base.getTableByIdIfExists(tableId);
  if (!table) return false;
  const query = await table.selectRecordsAsync({fields: [table.primaryField]});
  try {
    const record = query.getRecordByIdIfExists(recordId);
    if (!record) return false;
    expandRecord(record);
    return true;
  } finally {
    query.unloadData();
  }
}

const linkStyle = {border: 0, padding: 0, marginRight: 12, background: 'none', color: '#166ee1', cursor: 'pointer', font: 'inherit', textDecoration: 'underline'};

function WarningItem({group, names, onOpen}: {group: WarningGroup; names: ReadonlyMap<string, string>; onOpen: (tableId: string, recordId: string) => void}) {
  const {lang, t} = useLang();
  const f = useFormats();
  const [all, setAll] = useState(false);
  const [first, ...rest] = group.issues;
  const ids = group.recordIds;
  const tableId = group.tableId;
  return (
    <li data-testid={`issue-${first.code}`} style={{marginBottom: 6}}>
      <Text textColor={group.severity === 'error' ? 'red' : undefined}>{issueText(first, lang, names)}</Text>
      {rest.length > 0 && (
        <Text textColor="light" dataAttributes={{'data-testid': 'issue-group-count'}}>
          {t('run.warnings.similar', {count: f.integer(group.issues.length)})}{' '}
          <button type="button" style={linkStyle} aria-expanded={all} onClick={() => setAll((shown) => !shown)}>
            {all ? t('run.log.less') : t('run.warnings.showSimilar')}
          </button>
        </Text>
      )}
      {all && (
        <Box as="ul" paddingLeft={3} margin={0}>
          {rest.map((issue, i) => (
            <li key={i}>
              <Text>{issueText(issue, lang, names)}</Text>
            </li>
          ))}
        </Box>
      )}
      {tableId && ids.length > 0 && (
        <Box>
          {ids.slice(0, LINKS_PER_ISSUE).map((recordId) => (
            <button key={recordId} type="button" style={linkStyle} onClick={() => onOpen(tableId, recordId)}>
              {t('run.warnings.openRecord', {record: recordName(recordId, names)})}
            </button>
          ))}
          {ids.length > LINKS_PER_ISSUE && (
            <Text display="inline" textColor="light">
              {t('run.warnings.moreRecords', {records: f.count(ids.length - LINKS_PER_ISSUE, 'run.n.records')})}
            </Text>
          )}
        </Box>
      )}
    </li>
  );
}

export const Warnings = memo(function Warnings({
  issues,
  names,
}: {
  issues: readonly Issue[];
  /** Participants' and source records' names by record id (primary values from the read). */
  names: ReadonlyMap<string, string>;
}) {
  const base = useBase();
  const {t} = useLang();
  const f = useFormats();
  const [missing, setMissing] = useState<string | null>(null);
  const groups = useMemo(() => groupWarnings(issues), [issues]);
  if (issues.length === 0) return null;
  const open = async (tableId: string, recordId: string) => {
    setMissing((await openRecord(base, tableId, recordId)) ? null : recordName(recordId, names));
  };
  const title = t('run.warnings.titleCounted', {count: f.integer(issues.length)});
  return (
    <Box as="section" aria-label={title} marginBottom={3}>
      <Heading size="xsmall">{title}</Heading>
      <Box as="ul" paddingLeft={3} margin={0}>
        {groups.map((group) => (
          <WarningItem key={group.key} group={group} names={names} onOpen={(tableId, recordId) => void open(tableId, recordId)} />
        ))}
      </Box>
      {missing && <Text textColor="red">{t('run.warnings.recordGone', {record: missing})}</Text>}
    </Box>
  );
});
