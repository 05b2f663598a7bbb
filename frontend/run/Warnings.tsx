/**
 * Warnings from the engine and the read (orphan records, upline cycles, records outside the
 * period, unreadable cells...), each with links that open the records concerned in Airtable.
 */
import {memo, useState} from 'react';
import {Box, Heading, Text, expandRecord, useBase} from '@airtable/blocks/ui';
import type {Base} from '@airtable/blocks/models';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';

/** Links shown per issue; an issue about 2,000 orphan orders names the first few and counts the rest. */
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

export const Warnings = memo(function Warnings({
  issues,
  names,
}: {
  issues: readonly Issue[];
  /** Participant names by record id, so that a link reads "李娜" rather than "recLi". */
  names: ReadonlyMap<string, string>;
}) {
  const base = useBase();
  const {t, tx} = useLang();
  const [missing, setMissing] = useState<string | null>(null);
  if (issues.length === 0) return null;
  const open = async (tableId: string, recordId: string) => {
    setMissing((await openRecord(base, tableId, recordId)) ? null : recordId);
  };
  return (
    <Box as="section" aria-label={t('run.warnings.title', {count: issues.length})} marginBottom={3}>
      <Heading size="xsmall">{t('run.warnings.title', {count: issues.length})}</Heading>
      <Box as="ul" paddingLeft={3} margin={0}>
        {issues.map((issue, i) => {
          const ids = issue.recordIds ?? [];
          return (
            <li key={`${issue.code}-${i}`} data-testid={`issue-${issue.code}`}>
              <Text textColor={issue.severity === 'error' ? 'red' : undefined}>{tx(issue.message)}</Text>
              {issue.tableId &&
                ids.slice(0, LINKS_PER_ISSUE).map((recordId) => (
                  <button
                    key={recordId}
                    type="button"
                    className="spb-link"
                    style={{marginRight: 8}}
                    onClick={() => void open(issue.tableId as string, recordId)}
                  >
                    {t('run.warnings.open', {record: names.get(recordId) ?? recordId})}
                  </button>
                ))}
              {ids.length > LINKS_PER_ISSUE && <Text display="inline">{t('run.warnings.more', {count: ids.length - LINKS_PER_ISSUE})}</Text>}
            </li>
          );
        })}
      </Box>
      {missing && <Text textColor="red">{t('run.warnings.recordGone', {record: missing})}</Text>}
    </Box>
  );
});
