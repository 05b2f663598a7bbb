/**
 * History (历史记录): what was written to the results table, period by period, for one person
 * (score, grade, rank, each pay component, total) or one team (its totals per period). It reads
 * the rows as they are, not a recomputation: a closed March shows what March paid.
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
import {readResultRows, resolveResultsTable} from '../adapter/resultsTable';
import type {TrendRow} from '../../src/charts';
import {useLang} from '../state/lang';
import {groupThousands} from './format';

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

const PERSON_KEYS: readonly LedgerKey[] = ['status', 'totalScore', 'grade', 'rank', 'performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'];
const MONEY_KEYS = ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'] as const;

/** Period ids in the plan's order (by start), any the plan no longer has after them. */
export function periodOrder(periods: readonly Period[], ids: Iterable<string>): string[] {
  const rank = new Map([...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((p, i) => [p.id, i]));
  return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
}

const dec = (value: unknown): Decimal => (typeof value === 'number' && Number.isFinite(value) ? new Decimal(String(value)) : new Decimal(0));

/**
 * A team's totals per period from its members' rows (duplicate pairs counted once).
 *
 * @example teamTotals(rows, new Map([['recLi', '华东']]), '华东').get('2026-02')?.totalPay // '18650'
 */
export function teamTotals(rows: readonly ResultRow[], teamOf: ReadonlyMap<string, string>, team: string): Map<string, {people: number} & Record<(typeof MONEY_KEYS)[number], DecimalString>> {
  const byPeriod = new Map<string, {people: number; sums: Record<string, Decimal>}>();
  for (const row of groupRows(rows).byPair.values()) {
    if (teamOf.get(row.participantId!) !== team) continue;
    const entry = byPeriod.get(row.periodId!) ?? {people: 0, sums: Object.fromEntries(MONEY_KEYS.map((k) => [k, new Decimal(0)]))};
    entry.people++;
    for (const key of MONEY_KEYS) entry.sums[key] = entry.sums[key].plus(dec(row.cells[key]));
    byPeriod.set(row.periodId!, entry);
  }
  const out = new Map<string, {people: number} & Record<(typeof MONEY_KEYS)[number], DecimalString>>();
  for (const [id, entry] of byPeriod) {
    out.set(id, {people: entry.people, ...(Object.fromEntries(MONEY_KEYS.map((k) => [k, entry.sums[k].toFixed()])) as Record<(typeof MONEY_KEYS)[number], DecimalString>)});
  }
  return out;
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
      const read = await readResultRows(resolved);
      // Names and teams as the people table shows them now (a link's names, a select's name, a text):
      // a link cell's own names may lag behind a rename.
      const teams = new Map<string, string>();
      const names = new Map<string, string>();
      const people = plan.mapping.people;
      const peopleTable = people ? base.getTableByIdIfExists(people.table.id) : null;
      if (peopleTable) {
        const nameField = (people?.name ? peopleTable.getFieldByIdIfExists(people.name.id) : null) ?? peopleTable.primaryField;
        const teamField = people?.team ? peopleTable.getFieldByIdIfExists(people.team.id) : null;
        const query = await peopleTable.selectRecordsAsync({fields: teamField ? [nameField, teamField] : [nameField]});
        for (const record of query.records) {
          names.set(record.id, record.getCellValueAsString(nameField).trim());
          const team = teamField ? record.getCellValueAsString(teamField).trim() : '';
          if (team) teams.set(record.id, team);
        }
        query.unloadData();
      }
      if (live) {
        setRows(read);
        setTeamOf(teams);
        setNameOf(names);
      }
    })().catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [base, mapping, plan.mapping.people, lang]);

  const people = useMemo(() => {
    const names = new Map<string, string>();
    for (const row of rows ?? []) if (row.participantId) names.set(row.participantId, nameOf.get(row.participantId) || row.participantName || row.participantId);
    return [...names].sort((a, b) => a[1].localeCompare(b[1], lang === 'zh' ? 'zh-CN' : 'en'));
  }, [rows, lang, nameOf]);
  const teams = useMemo(() => [...new Set(teamOf.values())].sort((a, b) => a.localeCompare(b, 'zh-CN')), [teamOf]);

  if (!mapping) return <Text textColor="light">{t('ledger.ui.period.noTable')}</Text>;
  if (failure) return <Text textColor="red" role="alert">{failure}</Text>;
  if (!rows) return <Loader scale={0.3} />;

  const labelOf = new Map(plan.periods.map((p) => [p.id, p.label]));
  const money = (value: DecimalString) => groupThousands(new Decimal(value).toFixed(plan.currency.precision));
  const personRows = personId ? [...groupRows(rows).byPair.values()].filter((row) => row.participantId === personId) : [];
  const personOrder = periodOrder(plan.periods, personRows.map((row) => row.periodId!));
  const byPeriod = new Map(personRows.map((row) => [row.periodId!, row]));
  const teamRows = team ? teamTotals(rows, teamOf, team) : new Map();
  const teamOrder = periodOrder(plan.periods, teamRows.keys());

  const cell = (row: ResultRow, key: LedgerKey): string => {
    const value = row.cells[key];
    if (key === 'status') return row.status ? statusName(row.status, lang) : '—';
    if (value === null || value === undefined) return '—';
    if ((MONEY_KEYS as readonly string[]).includes(key)) return money(dec(value).toFixed());
    // Scores are written to 2 places; the number cell reads back 108 for 108.00.
    if (key === 'totalScore') return dec(value).toFixed(2);
    return String(value);
  };

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
          <Box style={{overflowX: 'auto'}}>
            <table style={{borderCollapse: 'collapse', fontSize: 13, whiteSpace: 'nowrap'}}>
              <thead>
                <tr>
                  <th style={th}>{ledgerFieldName('period', lang)}</th>
                  {PERSON_KEYS.map((key) => (
                    <th key={key} style={th}>
                      {ledgerFieldName(key, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {personOrder.map((id) => (
                  <tr key={id}>
                    <td style={td}>{labelOf.get(id) ?? id}</td>
                    {PERSON_KEYS.map((key) => (
                      <td key={key} style={{...td, textAlign: key === 'status' || key === 'grade' ? 'left' : 'right'}}>
                        {cell(byPeriod.get(id)!, key)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        </Box>
      )}

      {team && (
        <Box dataAttributes={{'data-testid': 'history-team'}}>
          <Box style={{overflowX: 'auto'}}>
            <table style={{borderCollapse: 'collapse', fontSize: 13, whiteSpace: 'nowrap'}}>
              <thead>
                <tr>
                  <th style={th}>{ledgerFieldName('period', lang)}</th>
                  <th style={th}>{t('ledger.ui.totals.people')}</th>
                  {MONEY_KEYS.map((key) => (
                    <th key={key} style={th}>
                      {ledgerFieldName(key, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {teamOrder.map((id) => {
                  const totals = teamRows.get(id)!;
                  return (
                    <tr key={id}>
                      <td style={td}>{labelOf.get(id) ?? id}</td>
                      <td style={{...td, textAlign: 'right'}}>{totals.people}</td>
                      {MONEY_KEYS.map((key) => (
                        <td key={key} style={{...td, textAlign: 'right'}}>
                          {money(totals[key])}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Box>
        </Box>
      )}
    </Box>
  );
}

const th = {textAlign: 'left', padding: '4px 8px', borderBottom: '1px solid #ddd', fontWeight: 600} as const;
const td = {padding: '4px 8px', borderBottom: '1px solid #eee'} as const;
