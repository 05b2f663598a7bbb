/**
 * Payroll export (工资表导出): an approved or closed period as a CSV file that payroll imports.
 * It reads the results rows, i.e. what was approved or paid, never a recomputation.
 *
 * - UTF-8 with a byte-order mark, so that Excel opens Chinese names correctly;
 * - column names in the plan's result language;
 * - amounts as plain decimals at the plan's precision ("-150.00", no grouping, no symbol);
 * - one row per person: id, name, team, period, base salary, performance pay, bonus, team bonus,
 *   champion award, adjustments, total pay, status;
 * - quoting by papaparse (names with commas, quotes, line breaks), and a text that would start a
 *   spreadsheet formula ("=", "+", "@") is prefixed with an apostrophe: a name cannot run in Excel.
 *
 * An open period is refused (its figures can still move); so is a period whose rows cannot all be
 * attributed (two rows for one person, a row without a participant): a payroll file that silently
 * misses a person is worse than none.
 */
import Papa from 'papaparse';
import {D, fixedText, planDecimal, type Dec} from '../engine/money';
import type {ParticipantFact} from '../facts';
import {t} from '../i18n';
import type {Currency, Lang, Period} from '../plan';
import {paidBaseSalary} from './adjustments';
import {ledgerFieldName, statusName, type LedgerKey} from './fields';
import type {LedgerMessage} from './messages';
import {groupRows, type LedgerCells, type ResultRow} from './rows';
import type {PeriodState} from './status';

export type PayrollColumn =
  | 'id'
  | 'name'
  | 'team'
  | 'period'
  | 'baseSalary'
  | 'performancePay'
  | 'bonus'
  | 'teamBonus'
  | 'award'
  | 'adjustments'
  | 'totalPay'
  | 'status';

export const PAYROLL_COLUMNS: readonly PayrollColumn[] = [
  'id',
  'name',
  'team',
  'period',
  'baseSalary',
  'performancePay',
  'bonus',
  'teamBonus',
  'award',
  'adjustments',
  'totalPay',
  'status',
];

/** The amounts read from the row as they are (base salary has its own reading, `baseSalaryOf`). */
const ROW_AMOUNTS = ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'] as const;

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

/** @example payrollColumnName('totalPay', 'zh') // '总收入' */
export function payrollColumnName(column: PayrollColumn, lang: Lang): string {
  if (column === 'id' || column === 'name' || column === 'team') return t(lang, `ledger.payroll.column.${column}`);
  return ledgerFieldName(column, lang);
}

export interface PayrollInput {
  period: Pick<Period, 'id' | 'label'>;
  state: PeriodState | undefined;
  /** The results table's rows (any period: the period's own are picked here). */
  rows: readonly ResultRow[];
  /** The people table's facts: each person's team (the rows do not hold it), and a name for a link read without one. */
  people: readonly Pick<ParticipantFact, 'id' | 'name' | 'team'>[];
  /** The plan's result language and currency. */
  lang: Lang;
  currency: Pick<Currency, 'precision'>;
}

/** One person's line, as written (amounts already plain decimals). */
export type PayrollLine = Record<PayrollColumn, string>;

export type PayrollExport =
  | {ok: true; csv: string; fileName: string; lines: PayrollLine[]; messages: LedgerMessage[]}
  | {ok: false; refusal: LedgerMessage; messages: LedgerMessage[]};

const amountOf = (value: LedgerCells[LedgerKey]): Dec | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return new D(value);
  if (typeof value === 'string') return planDecimal(value);
  return null;
};

/**
 * The base salary a row paid: its own field when the table has one, else what total pay holds
 * beyond the computed components and the adjustments (the engine's total pay is base salary +
 * performance pay + bonus + team bonus + award, and adjustments are added to it). Null when a
 * part is missing from the row.
 */
function baseSalaryOf(cells: LedgerCells): Dec | null {
  const own = amountOf(cells.baseSalary);
  if (own !== null) return own;
  const parts = (['totalPay', 'performancePay', 'bonus', 'teamBonus', 'award'] as const).map((key) => amountOf(cells[key]));
  if (parts.some((part) => part === null)) return null;
  const [totalPay, performancePay, bonus, teamBonus, award] = parts as Dec[];
  const adjustments = amountOf(cells.adjustments) ?? new D(0);
  return paidBaseSalary({totalPay: totalPay.minus(adjustments).toString(), performancePay: performancePay.toString(), bonus: bonus.toString(), teamBonus: teamBonus.toString(), award: award.toString()});
}

/**
 * The lines of a period's payroll, people in the people table's order, then anyone whose row
 * remains after they left it (by name).
 */
export function payrollLines(input: PayrollInput): {lines: PayrollLine[]; messages: LedgerMessage[]; unattributed: number} {
  const {period, lang, currency} = input;
  const grouped = groupRows(input.rows, period.id, new Map(input.people.map((p) => [p.id, p.name])));
  const people = new Map(input.people.map((p, index) => [p.id, {fact: p, index}]));
  const money = (value: Dec | null) => (value === null ? '' : fixedText(value.toDecimalPlaces(currency.precision), currency.precision));
  const stateStatus = input.state?.status ?? 'open';
  const lines = [...grouped.byPair.values()]
    .map((row) => {
      const known = people.get(row.participantId!);
      const name = row.participantName || known?.fact.name || '';
      const line: PayrollLine = {
        id: row.participantId!,
        name,
        team: known?.fact.team ?? '',
        period: period.label,
        baseSalary: money(baseSalaryOf(row.cells)),
        performancePay: '',
        bonus: '',
        teamBonus: '',
        award: '',
        adjustments: '',
        totalPay: '',
        status: statusName(row.status ?? (stateStatus === 'open' ? 'open' : stateStatus), lang),
      };
      for (const column of ROW_AMOUNTS) line[column] = money(amountOf(row.cells[column]));
      return {line, order: known?.index ?? Number.MAX_SAFE_INTEGER};
    })
    .sort((a, b) => a.order - b.order || a.line.name.localeCompare(b.line.name, lang === 'zh' ? 'zh' : 'en'))
    .map(({line}) => line);
  // Rows, not pairs: two rows for one person are two rows nobody can pay from.
  const unattributed = grouped.duplicates.reduce((sum, pair) => sum + pair.recordIds.length, 0) + grouped.unkeyed.length;
  return {lines, messages: grouped.messages, unattributed};
}

/**
 * A period's payroll file, or why there is none.
 *
 * @example exportPayroll({period: feb, state: {status: 'open'}, ...}).refusal.key // 'ledger.payroll.open'
 */
export function exportPayroll(input: PayrollInput): PayrollExport {
  const {period, lang} = input;
  const status = input.state?.status ?? 'open';
  if (status !== 'approved' && status !== 'closed') return {ok: false, refusal: {key: 'ledger.payroll.open', params: {period: period.label}}, messages: []};
  const {lines, messages, unattributed} = payrollLines(input);
  if (unattributed > 0) return {ok: false, refusal: {key: 'ledger.payroll.incomplete', params: {period: period.label, count: unattributed}}, messages};
  if (lines.length === 0) return {ok: false, refusal: {key: 'ledger.payroll.empty', params: {period: period.label}}, messages};
  const csv = Papa.unparse(
    {fields: PAYROLL_COLUMNS.map((column) => payrollColumnName(column, lang)), data: lines.map((line) => PAYROLL_COLUMNS.map((column) => line[column]))},
    {newline: '\r\n', escapeFormulae: /^[=+@\t\r]/},
  );
  return {ok: true, csv: BOM + csv, fileName: t(lang, 'ledger.payroll.fileName', {period: period.id}), lines, messages};
}
