/**
 * The preview table: one compact row per participant (rank, name, score, grade, total pay and how
 * many of their result cells a refresh would change), which expands to those changes (old -> new,
 * each formatted like its column). Search by name, sort by any column.
 *
 * Rows go through a virtualised list (react-window): only the rows in view, and a few beyond,
 * are in the DOM, so 10,000 participants cost a few dozen elements, and the panel keeps its
 * height. Every row has a known height (changes are one line each), so the list can place any
 * row without measuring it. Rows are memoised: a progress update while writing re-renders none.
 */
import {memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties} from 'react';
import {VariableSizeList, type ListChildComponentProps} from 'react-window';
import {Box, Text} from '@airtable/blocks/ui';
import {useLang} from '../state/lang';
import {compareDecimal, type Formats} from './format';
import {useFormats} from './FormatProvider';
import type {MessageKey} from '../../src/i18n';
import type {PreviewRow, ResultChangeView} from './previewRows';

export type {PreviewRow, ResultChangeView};

export type SortKey = 'rank' | 'name' | 'totalScore' | 'grade' | 'totalPay' | 'changes';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * The columns, with widths that hold the longest word of each header in both languages
 * ("Changes", "Grade") and the widest value of a 10,000-person base ("10,000", "¥100,000.00");
 * the name takes what is left. A header may wrap between words (two lines at most: "Total / pay"),
 * never inside one: at 400 px the six columns still fit.
 */
const COLUMNS: {key: SortKey; label: MessageKey; width: string; align: 'left' | 'right' | 'center'}[] = [
  {key: 'rank', label: 'run.col.rank', width: '3.3em', align: 'right'},
  {key: 'name', label: 'run.col.name', width: 'minmax(4em, 1fr)', align: 'left'},
  {key: 'totalScore', label: 'run.col.totalScore', width: '4.1em', align: 'right'},
  {key: 'grade', label: 'run.col.grade', width: '3.3em', align: 'center'},
  {key: 'totalPay', label: 'run.col.totalPay', width: '6.6em', align: 'right'},
  {key: 'changes', label: 'run.col.changesShort', width: '4.6em', align: 'right'},
];

const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: COLUMNS.map((c) => c.width).join(' '),
  columnGap: 4,
  alignItems: 'center',
  padding: '0 4px',
};

/** Heights in px: a collapsed row, one line of an expanded row's changes, the expanded block's margin. */
export const ROW_HEIGHT = 34;
export const CHANGE_LINE_HEIGHT = 20;
const EXPANDED_PADDING = 8;
/** The list's height when it holds more rows than fit: about 14 rows, a scroll inside the panel. */
export const LIST_HEIGHT = 480;
/** Rows rendered beyond each edge of the view, so a fast scroll does not show blanks. */
const OVERSCAN = 8;

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

/**
 * The rows whose name contains the query, ignoring case and the spaces around it.
 *
 * @example matchingRows(rows, ' li ') // 李娜 is not matched, Li Na is
 */
export function matchingRows(rows: readonly PreviewRow[], query: string): readonly PreviewRow[] {
  const wanted = query.trim().toLocaleLowerCase();
  if (!wanted) return rows;
  return rows.filter((row) => row.name.toLocaleLowerCase().includes(wanted));
}

/** A row's height in the list: its changes add a line each once it is expanded. */
export function rowHeight(row: PreviewRow, expanded: boolean): number {
  return expanded && row.changes.length > 0 ? ROW_HEIGHT + row.changes.length * CHANGE_LINE_HEIGHT + EXPANDED_PADDING : ROW_HEIGHT;
}

const oneLine: CSSProperties = {whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0};
const linkButton: CSSProperties = {
  ...oneLine,
  border: 0,
  padding: 0,
  background: 'none',
  color: '#166ee1',
  cursor: 'pointer',
  font: 'inherit',
  textAlign: 'left',
  maxWidth: '100%',
};

/** Headers wrap between words only (keep-all keeps a Chinese word whole), on two lines at most. */
const headerButton: CSSProperties = {
  border: 0,
  padding: '4px 0',
  background: 'none',
  cursor: 'pointer',
  font: 'inherit',
  color: '#333',
  fontWeight: 600,
  width: '100%',
  whiteSpace: 'normal',
  wordBreak: 'keep-all',
  overflowWrap: 'normal',
  hyphens: 'none',
  lineHeight: 1.25,
};

interface RowProps {
  row: PreviewRow;
  selected: boolean;
  expanded: boolean;
  formats: Formats;
  onSelect: (participantId: string) => void;
  onToggle: (participantId: string) => void;
}

const PreviewRowView = memo(function PreviewRowView({row, selected, expanded, formats, onSelect, onToggle}: RowProps) {
  const {t} = useLang();
  const count = row.changes.length;
  return (
    <div
      role="row"
      data-testid={`preview-row-${row.participantId}`}
      aria-expanded={count > 0 ? expanded : undefined}
      style={{borderBottom: '1px solid #ececec', background: selected ? '#e8f1ff' : undefined, height: '100%', boxSizing: 'border-box'}}
    >
      <div style={{...GRID, height: ROW_HEIGHT}}>
        <div role="cell" data-col="rank" style={{...oneLine, textAlign: 'right'}}>
          {formats.integer(row.rank)}
        </div>
        <div role="cell" data-col="name" style={oneLine}>
          <button type="button" style={linkButton} title={t('run.preview.openDetail', {name: row.name})} onClick={() => onSelect(row.participantId)}>
            {row.name}
          </button>
        </div>
        <div role="cell" data-col="totalScore" style={{...oneLine, textAlign: 'right'}}>
          {formats.score(row.totalScore)}
        </div>
        <div role="cell" data-col="grade" style={{...oneLine, textAlign: 'center'}}>
          {row.grade ?? '—'}
        </div>
        <div role="cell" data-col="totalPay" style={{...oneLine, textAlign: 'right'}} title={formats.money(row.totalPay)}>
          {formats.money(row.totalPay)}
        </div>
        <div role="cell" data-col="changes" style={{...oneLine, textAlign: 'right'}}>
          {count === 0 ? (
            <span style={{color: '#757575'}} title={t('run.preview.noChange')} aria-label={t('run.preview.noChange')}>
              —
            </span>
          ) : (
            <button
              type="button"
              style={{...linkButton, textAlign: 'right'}}
              aria-expanded={expanded}
              aria-label={t(expanded ? 'run.preview.collapse' : 'run.preview.expand', {name: row.name})}
              onClick={() => onToggle(row.participantId)}
            >
              {expanded ? '▾' : '▸'} {formats.integer(count)}
            </button>
          )}
        </div>
      </div>
      {expanded && count > 0 && (
        <ul style={{listStyle: 'none', margin: 0, padding: '0 4px 0 calc(3.3em + 8px)'}} data-testid={`changes-${row.participantId}`}>
          {row.changes.map((change) => {
            const line = `${t(`run.result.${change.resultKey}` as MessageKey)}: ${formats.cell(change.resultKey, change.old)} → ${formats.cell(change.resultKey, change.new)}`;
            return (
              <li
                key={change.resultKey}
                data-testid={`change-${row.participantId}-${change.resultKey}`}
                title={line}
                style={{...oneLine, height: CHANGE_LINE_HEIGHT, lineHeight: `${CHANGE_LINE_HEIGHT}px`, color: '#444'}}
              >
                {line}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});

/** What the list hands each row: the rows in their order and what each row needs. */
interface ListData {
  rows: readonly PreviewRow[];
  selectedId: string | null;
  expanded: ReadonlySet<string>;
  formats: Formats;
  onSelect: (participantId: string) => void;
  onToggle: (participantId: string) => void;
}

function ListRow({index, style, data}: ListChildComponentProps<ListData>) {
  const row = data.rows[index];
  return (
    <div style={style}>
      <PreviewRowView
        row={row}
        selected={row.participantId === data.selectedId}
        expanded={data.expanded.has(row.participantId)}
        formats={data.formats}
        onSelect={data.onSelect}
        onToggle={data.onToggle}
      />
    </div>
  );
}

export interface PreviewTableProps {
  rows: readonly PreviewRow[];
  selectedId: string | null;
  onSelect: (participantId: string) => void;
}

export const PreviewTable = memo(function PreviewTable({rows, selectedId, onSelect}: PreviewTableProps) {
  const {t} = useLang();
  const formats = useFormats();
  const [sort, setSort] = useState<Sort>({key: 'rank', descending: false});
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const list = useRef<VariableSizeList<ListData>>(null);
  const outer = useRef<HTMLDivElement>(null);
  // The list's scroll bar takes width from its rows: the header gives up as much, so columns align.
  const [gutter, setGutter] = useState(0);
  useLayoutEffect(() => {
    const element = outer.current;
    setGutter(element ? element.offsetWidth - element.clientWidth : 0);
  });
  const shown = useMemo(() => sortRows(matchingRows(rows, query), sort), [rows, query, sort]);
  const onHeader = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);
  const onToggle = useCallback(
    (id: string) =>
      setExpanded((before) => {
        const next = new Set(before);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  // Heights are cached by index: a new order, filter or expansion moves them.
  useEffect(() => list.current?.resetAfterIndex(0), [shown, expanded]);
  const itemSize = useCallback((index: number) => rowHeight(shown[index], expanded.has(shown[index].participantId)), [shown, expanded]);
  const height = useMemo(() => {
    let total = 0;
    for (let i = 0; i < shown.length && total < LIST_HEIGHT; i++) total += itemSize(i);
    return Math.min(LIST_HEIGHT, total);
  }, [shown, itemSize]);
  const data = useMemo<ListData>(() => ({rows: shown, selectedId, expanded, formats, onSelect, onToggle}), [shown, selectedId, expanded, formats, onSelect, onToggle]);

  return (
    <Box as="section" aria-label={t('run.preview.title')} marginBottom={3}>
      <Box display="flex" alignItems="center" marginBottom={1}>
        <input
          type="search"
          style={{flex: '1 1 auto', maxWidth: 260, minWidth: 0, font: 'inherit', fontSize: 13, padding: '4px 8px', border: '1px solid #ccc', borderRadius: 4}}
          value={query}
          placeholder={t('run.preview.search')}
          aria-label={t('run.preview.search')}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Text marginLeft={2} textColor="light" dataAttributes={{'data-testid': 'preview-shown'}}>
          {t('run.preview.matches', {shown: formats.integer(shown.length), total: formats.count(rows.length, 'run.n.participants')})}
        </Text>
      </Box>
      <div role="table" aria-label={t('run.preview.title')} aria-rowcount={shown.length + 1} style={{border: '1px solid #e1e1e1', borderRadius: 4}}>
        <div
          role="row"
          style={{...GRID, paddingRight: 4 + gutter, background: '#f5f5f5', borderBottom: '1px solid #e1e1e1', minHeight: ROW_HEIGHT}}
          data-testid="preview-header"
        >
          {COLUMNS.map((column) => {
            const sorted = sort.key === column.key;
            return (
              <div
                key={column.key}
                role="columnheader"
                data-col={column.key}
                aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                style={{textAlign: column.align, minWidth: 0}}
              >
                <button
                  type="button"
                  onClick={() => onHeader(column.key)}
                  title={t(column.label)}
                  style={{...headerButton, textAlign: column.align}}
                >
                  {t(column.label)}
                  {sorted && <span aria-hidden="true">{sort.descending ? '\u202f▼' : '\u202f▲'}</span>}
                </button>
              </div>
            );
          })}
        </div>
        {shown.length === 0 ? (
          <Box padding={2}>
            <Text textColor="light">{t('run.preview.noMatch', {query: query.trim()})}</Text>
          </Box>
        ) : (
          <VariableSizeList<ListData>
            ref={list}
            outerRef={outer}
            className="spb-preview-list"
            height={height}
            width="100%"
            itemCount={shown.length}
            itemSize={itemSize}
            estimatedItemSize={ROW_HEIGHT}
            itemData={data}
            itemKey={(index, d) => d.rows[index].participantId}
            overscanCount={OVERSCAN}
          >
            {ListRow}
          </VariableSizeList>
        )}
      </div>
    </Box>
  );
});
