/**
 * The preview table: every participant with rank, score, grade and pay, and the result cells a
 * refresh would change (old -> new). Sortable by any column; rows are memoised and only a page
 * is in the DOM at once, so a progress update while writing re-renders nothing here.
 */
import {memo, useCallback, useMemo, useState} from 'react';
import {Box, Button, Text} from '@airtable/blocks/ui';
import {useLang} from '../state/lang';
import {cellText, compareDecimal, groupThousands, shorten} from './format';
import type {MessageKey} from '../../src/i18n';
import type {PreviewRow} from './previewRows';

export type SortKey = 'rank' | 'name' | 'totalScore' | 'grade' | 'totalPay' | 'changes';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const COLUMNS: {key: SortKey; label: MessageKey}[] = [
  {key: 'rank', label: 'run.col.rank'},
  {key: 'name', label: 'run.col.name'},
  {key: 'totalScore', label: 'run.col.totalScore'},
  {key: 'grade', label: 'run.col.grade'},
  {key: 'totalPay', label: 'run.col.totalPay'},
  {key: 'changes', label: 'run.col.changes'},
];

export const PAGE_SIZE = 100;

const byKey: Record<SortKey, (a: PreviewRow, b: PreviewRow) => number> = {
  rank: (a, b) => a.rank - b.rank,
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  totalScore: (a, b) => compareDecimal(a.totalScore, b.totalScore),
  grade: (a, b) => (a.grade ?? '').localeCompare(b.grade ?? ''),
  totalPay: (a, b) => compareDecimal(a.totalPay, b.totalPay),
  changes: (a, b) => a.changes.length - b.changes.length,
};

/**
 * Rows in the order of a sort, ties kept in rank order so that the table never jumps.
 *
 * @example sortRows(rows, {key: 'totalPay', descending: true})[0] // the best-paid participant
 */
export function sortRows(rows: readonly PreviewRow[], sort: Sort): PreviewRow[] {
  const compare = byKey[sort.key];
  return [...rows].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)) || a.rank - b.rank);
}

/** Clicking the sorted column flips it; another column starts ascending (rank, name) or descending (numbers). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return {key, descending: !current.descending};
  return {key, descending: key === 'totalScore' || key === 'totalPay' || key === 'changes'};
}

interface RowProps {
  row: PreviewRow;
  selected: boolean;
  onSelect: (participantId: string) => void;
}

const PreviewRowView = memo(function PreviewRowView({row, selected, onSelect}: RowProps) {
  const {t} = useLang();
  return (
    <tr data-testid={`preview-row-${row.participantId}`} style={{background: selected ? '#e8f1ff' : undefined}}>
      <td>{row.rank}</td>
      <td>
        <button type="button" onClick={() => onSelect(row.participantId)}>
          {row.name}
        </button>
      </td>
      <td>{row.totalScore}</td>
      <td>{row.grade ?? '—'}</td>
      <td>{groupThousands(row.totalPay)}</td>
      <td>
        {row.changes.length === 0 ? (
          <Text textColor="light">{t('run.preview.noChange')}</Text>
        ) : (
          row.changes.map((change) => (
            <div key={change.resultKey} data-testid={`change-${row.participantId}-${change.resultKey}`}>
              {t(`run.result.${change.resultKey}` as MessageKey)}: {shorten(cellText(change.old))} → {shorten(cellText(change.new))}
            </div>
          ))
        )}
      </td>
    </tr>
  );
});

export interface PreviewTableProps {
  rows: readonly PreviewRow[];
  selectedId: string | null;
  onSelect: (participantId: string) => void;
}

export const PreviewTable = memo(function PreviewTable({rows, selectedId, onSelect}: PreviewTableProps) {
  const {t} = useLang();
  const [sort, setSort] = useState<Sort>({key: 'rank', descending: false});
  const [shown, setShown] = useState(PAGE_SIZE);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const onHeader = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);
  return (
    <Box>
      <table aria-label={t('run.preview.title')}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" onClick={() => onHeader(column.key)}>
                  {t(column.label)}
                  {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row) => (
            <PreviewRowView key={row.participantId} row={row} selected={row.participantId === selectedId} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
      {sorted.length > shown && (
        <Button marginTop={2} size="small" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t('run.preview.showMore', {shown, total: sorted.length})}
        </Button>
      )}
    </Box>
  );
});
