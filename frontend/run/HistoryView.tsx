/**
 * History (历史记录): what was written to the results table, period by period, for one person
 * (score, grade, rank, each pay component, the adjustments carried in, the balance carried
 * forward, total) or one team (its totals per period). It reads the rows as they are, not a
 * recomputation: a closed March shows what March paid. Both tables are one `HistoryTable` over
 * column definitions; a column shows only when the results table has its field.
 *
 * The trend chart comes from frontend/charts (another part of the extension): it is plugged in
 * through the `trend` prop, which gets the person's or team's series; without it, only the table.
 */
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import Decimal from 'decimal.js';
import {Box, Loader, Select, Text, useBase} from '@airtable/blocks/ui';
import {ledgerFieldName, statusName, type LedgerKey} from '../../src/ledger/fields';
import {groupRows, type ResultRow} from '../../src/ledger/rows';
import type {DecimalString, Period, PlanDocument} from '../../src/plan';
import {readPeopleNames} from '../adapter/readPeople';
import {readResultRows, resolveResultsTable} from '../adapter/resultsTable';
import type {TrendRow} from '../../src/charts';
import {useLang} from '../state/lang';
import {makeFormats, SCORE_PLACES} from './format';

export interface HistoryViewProps {
  plan: PlanDocument;
  /**
   * Renders the trend chart (frontend/charts) of the rows shown, oldest period first, titled with
   * the person's or team's name; nothing when absent.
   */
  trend?: (rows: TrendRow[], name: string) => ReactNode;
}

/** A results row as the charts' trend row: the pay parts the row names, the rest (base salary) left to "other". */
function trendRowOf(row: ResultRow, label: string): TrendRow {
  const parts = ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments'] as const;
  return {
    periodId: row.periodId!,
    periodLabel: label,
    totalScore: dec(row.cells.totalScore).toFixed(),
    grade: typeof row.cells.grade === 'string' ? row.cells.grade : null,
    totalPay: dec(row.cells.totalPay).toFixed(),
    components: Object.fromEntries(parts.map((key) => [key, dec(row.cells[key]).toFixed()])),
  };
}

/** Amounts summed per team, in the order they are shown: the components, then what was carried, then the total. */
const MONEY_KEYS = ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'balance', 'totalPay'] as const;
type MoneyKey = (typeof MONEY_KEYS)[number];
const PERSON_KEYS: readonly LedgerKey[] = ['status', 'totalScore', 'grade', 'rank', ...MONEY_KEYS];
const isMoney = (key: LedgerKey): key is MoneyKey => (MONEY_KEYS as readonly string[]).includes(key);

/** Period ids in the plan's order (by start), any the plan no longer has after them. */
export function periodOrder(periods: readonly Period[], ids: Iterable<string>): string[] {
  const rank = new Map([...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((p, i) => [p.id, i]));
  return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
}

const dec = (value: unknown): Decimal => (typeof value === 'number' && Number.isFinite(value) ? new Decimal(String(value)) : new Decimal(0));

export type TeamTotals = {people: number} & Record<MoneyKey, DecimalString>;

/**
 * A team's totals per period from its members' rows (duplicate pairs counted once).
 *
 * @example teamTotals(rows, new Map([['recLi', '华东']]), '华东').get('2026-02')?.totalPay // '18650'
 */
export function teamTotals(rows: readonly ResultRow[], teamOf: ReadonlyMap<string, string>, team: string): Map<string, TeamTotals> {
  const byPeriod = new Map<string, {people: number; sums: Record<string, Decimal>}>();
  for (const row of groupRows(rows).byPair.values()) {
    if (teamOf.get(row.participantId!) !== team) continue;
    const entry = byPeriod.get(row.periodId!) ?? {people: 0, sums: Object.fromEntries(MONEY_KEYS.map((k) => [k, new Decimal(0)]))};
    entry.people++;
    for (const key of MONEY_KEYS) entry.sums[key] = entry.sums[key].plus(dec(row.cells[key]));
    byPeriod.set(row.periodId!, entry);
  }
  const out = new Map<string, TeamTotals>();
  for (const [id, entry] of byPeriod) {
    out.set(id, {people: entry.people, ...(Object.fromEntries(MONEY_KEYS.map((k) => [k, entry.sums[k].toFixed()])) as Record<MoneyKey, DecimalString>)});
  }
  return out;
}

/** One column of a history table: its header, which side it aligns to, and its text for a row. */
export interface HistoryColumn<Row> {
  id: string;
  header: string;
  align: 'left' | 'right';
  text: (row: Row) => string;
}

/** The keys the results table holds a field for (a row carries a key only when its field is read). */
function keysHeld(rows: readonly ResultRow[]): Set<LedgerKey> {
  const held = new Set<LedgerKey>();
  for (const row of rows) for (const key of Object.keys(row.cells) as LedgerKey[]) held.add(key);
  return held;
}

export function HistoryView({plan, trend}: HistoryViewProps) {
  const {t, lang} = useLang();
  const base = useBase();
  const [rows, setRows] = useState<ResultRow[] | null>(null);
  const [teamOf, setTeamOf] = useState<Map<string, string>>(new Map());
  const [nameOf, setNameOf] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const mapping = plan.mapping.resultsTable;

  useEffect(() => {
    let live = true;
    void (async () => {
      if (!mapping) return;
      const {resolved, issues} = resolveResultsTable(base, mapping, plan.mapping.people?.table.id);
      if (!resolved) {
        if (live) setFailure(issues.map((issue) => issue.message[lang]).join(' '));
        return;
      }
      // Names and teams as the people table shows them now, read as a refresh reads them: a link
      // cell's own names may lag behind a rename.
      const [read, people] = await Promise.all([readResultRows(resolved), readPeopleNames(base, {mapping: plan.mapping})]);
      if (live) {
        setRows(read);
        setTeamOf(new Map(people.flatMap((p) => (p.team ? [[p.id, p.team] as [string, string]] : []))));
        setNameOf(new Map(people.map((p) => [p.id, p.name.trim()])));
      }
    })().catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [base, mapping, plan.mapping, lang]);

  const people = useMemo(() => {
    const names = new Map<string, string>();
    for (const row of rows ?? []) if (row.participantId) names.set(row.participantId, nameOf.get(row.participantId) || row.participantName || row.participantId);
    return [...names].sort((a, b) => a[1].localeCompare(b[1], lang === 'zh' ? 'zh-CN' : 'en'));
  }, [rows, lang, nameOf]);
  const teams = useMemo(() => [...new Set(teamOf.values())].sort((a, b) => a.localeCompare(b, 'zh-CN')), [teamOf]);
  // Amounts in the plan's currency at its precision, as the run view shows them.
  const formats = useMemo(() => makeFormats(lang, plan.currency), [lang, plan.currency]);

  if (!mapping) return <Text textColor="light">{t('ledger.ui.period.noTable')}</Text>;
  if (failure) return <Text textColor="red" role="alert">{failure}</Text>;
  if (!rows) return <Loader scale={0.3} />;

  const labelOf = new Map(plan.periods.map((p) => [p.id, p.label]));
  const held = keysHeld(rows);
  const pairs = [...groupRows(rows).byPair.values()];
  const personRows = personId ? pairs.filter((row) => row.participantId === personId) : [];
  const personOrder = periodOrder(plan.periods, personRows.map((row) => row.periodId!));
  const byPeriod = new Map(personRows.map((row) => [row.periodId!, row]));
  const teamRows = team ? teamTotals(rows, teamOf, team) : new Map<string, TeamTotals>();
  const teamOrder = periodOrder(plan.periods, teamRows.keys());

  const periodColumn: HistoryColumn<{periodId: string}> = {id: 'period', header: ledgerFieldName('period', lang), align: 'left', text: (row) => labelOf.get(row.periodId) ?? row.periodId};
  const personColumns: HistoryColumn<{periodId: string; row: ResultRow}>[] = [
    periodColumn,
    ...PERSON_KEYS.filter((key) => held.has(key)).map((key) => ({
      id: key,
      header: ledgerFieldName(key, lang),
      align: key === 'status' || key === 'grade' ? ('left' as const) : ('right' as const),
      text: ({row}: {row: ResultRow}) => personCell(row, key),
    })),
  ];
  const teamColumns: HistoryColumn<{periodId: string; totals: TeamTotals}>[] = [
    periodColumn,
    {id: 'people', header: t('ledger.ui.totals.people'), align: 'right', text: ({totals}) => formats.integer(totals.people)},
    ...MONEY_KEYS.filter((key) => held.has(key)).map((key) => ({
      id: key,
      header: ledgerFieldName(key, lang),
      align: 'right' as const,
      text: ({totals}: {totals: TeamTotals}) => formats.money(totals[key]),
    })),
  ];

  function personCell(row: ResultRow, key: LedgerKey): string {
    if (key === 'status') return row.status ? statusName(row.status, lang) : '—';
    const value = row.cells[key];
    if (value === null || value === undefined || value === '') return '—';
    if (isMoney(key)) return formats.money(dec(value).toFixed());
    // Scores are written to 2 places; the number cell reads back 108 for 108.00.
    if (key === 'totalScore') return dec(value).toFixed(SCORE_PLACES);
    return String(value);
  }

  return (
    <Box dataAttributes={{'data-testid': 'history'}}>
      <Box display="flex" flexWrap="wrap" alignItems="center" style={{gap: 8}} marginBottom={2}>
        <Text>{t('ledger.ui.history.person')}</Text>
        <Select
          width="180px"
          aria-label={t('ledger.ui.history.person')}
          options={[{value: '', label: '—'}, ...people.map(([id, name]) => ({value: id, label: name}))]}
          value={personId ?? ''}
          onChange={(value) => setPersonId(typeof value === 'string' && value ? value : null)}
        />
        {teams.length > 0 && (
          <>
            <Text>{t('ledger.ui.history.team')}</Text>
            <Select
              width="140px"
              aria-label={t('ledger.ui.history.team')}
              options={[{value: '', label: '—'}, ...teams.map((name) => ({value: name, label: name}))]}
              value={team ?? ''}
              onChange={(value) => setTeam(typeof value === 'string' && value ? value : null)}
            />
          </>
        )}
      </Box>
      {rows.length === 0 && <Text textColor="light">{t('ledger.ui.history.none')}</Text>}

      {personId && (
        <Box marginBottom={3} dataAttributes={{'data-testid': 'history-person'}}>
          {trend?.(
            personOrder.map((id) => trendRowOf(byPeriod.get(id)!, labelOf.get(id) ?? id)),
            people.find(([id]) => id === personId)?.[1] ?? '',
          )}
          <HistoryTable columns={personColumns} rows={personOrder.map((id) => ({periodId: id, row: byPeriod.get(id)!}))} />
        </Box>
      )}

      {team && (
        <Box dataAttributes={{'data-testid': 'history-team'}}>
          <HistoryTable columns={teamColumns} rows={teamOrder.map((id) => ({periodId: id, totals: teamRows.get(id)!}))} />
        </Box>
      )}
    </Box>
  );
}

/**
 * A period-per-row table that scrolls sideways in a narrow panel rather than wrapping its
 * figures; the first column (the period) stays in view while the amounts scroll past it.
 */
export function HistoryTable<Row extends {periodId: string}>({columns, rows}: {columns: readonly HistoryColumn<Row>[]; rows: readonly Row[]}) {
  return (
    <Box style={{overflowX: 'auto'}}>
      <table style={{borderCollapse: 'collapse', fontSize: 13, whiteSpace: 'nowrap'}}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={column.id} scope="col" style={i === 0 ? {...th, ...pinned} : th}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.periodId}>
              {columns.map((column, i) => (
                <td key={column.id} data-column={column.id} style={{...td, textAlign: column.align, ...(i === 0 ? pinned : {})}}>
                  {column.text(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

const th = {textAlign: 'left', padding: '4px 8px', borderBottom: '1px solid #ddd', fontWeight: 600} as const;
const td = {padding: '4px 8px', borderBottom: '1px solid #eee'} as const;
const pinned = {position: 'sticky', left: 0, background: '#fff'} as const;
