/**
 * The results table (绩效结果 / Results): one row per participant per period. This module says
 * what its fields are, which Airtable field type suits each value, and how the fields are named
 * (in the plan's result language when the extension creates the table, in either language when
 * it recognises a table the user made). Pure: the adapter turns these specs into
 * `base.createTableAsync` calls.
 */
import {t} from '../i18n';
import type {Currency, FieldRef, Lang, ResultsTableMapping} from '../plan';
import type {FieldSchema, FieldTypeName} from '../schema';

/**
 * The fields of a results row. `period` comes first: it is the primary field, so a person's
 * linked rows read as their periods ("2026-01, 2026-02...") in the people table.
 */
export type LedgerKey =
  | 'period'
  | 'participant'
  | 'planVersion'
  | 'status'
  | 'totalScore'
  | 'grade'
  | 'rank'
  | 'baseSalary'
  | 'performancePay'
  | 'bonus'
  | 'teamBonus'
  | 'award'
  | 'adjustments'
  | 'balance'
  | 'adjustmentDetail'
  | 'totalPay'
  | 'honours'
  /** The tier suggested by the plan's promotion rules (docs/plan.md §14), empty when none. */
  | 'promotion'
  | 'breakdown'
  | 'feedback'
  | 'calculatedAt'
  | 'approvedBy'
  | 'approvedAt'
  | 'closedBy'
  | 'closedAt'
  | 'statement';

export const LEDGER_KEYS: readonly LedgerKey[] = [
  'period',
  'participant',
  'planVersion',
  'status',
  'totalScore',
  'grade',
  'rank',
  'baseSalary',
  'performancePay',
  'bonus',
  'teamBonus',
  'award',
  'adjustments',
  'balance',
  'adjustmentDetail',
  'totalPay',
  'honours',
  'promotion',
  'breakdown',
  'feedback',
  'calculatedAt',
  'approvedBy',
  'approvedAt',
  'closedBy',
  'closedAt',
  'statement',
];

/** The two keys of a row: (participant, period). Never updated, only written when a row is created. */
export const ROW_KEY_FIELDS: readonly LedgerKey[] = ['participant', 'period'];

/** Written by approve, close and reopen (and kept in step by a refresh), not computed. */
export const STAMP_KEYS: readonly LedgerKey[] = ['status', 'approvedBy', 'approvedAt', 'closedBy', 'closedAt'];

/** What a refresh computes; `calculatedAt` moves only when one of the others changes. */
export const FIGURE_KEYS: readonly LedgerKey[] = LEDGER_KEYS.filter(
  (key) => !ROW_KEY_FIELDS.includes(key) && !STAMP_KEYS.includes(key) && key !== 'calculatedAt',
);

/** The shape of each value, which decides the field type it is created with and may be mapped to. */
export type LedgerValueKind = 'periodId' | 'link' | 'text' | 'longText' | 'status' | 'score' | 'rank' | 'money' | 'time';

export const LEDGER_KIND: Readonly<Record<LedgerKey, LedgerValueKind>> = {
  period: 'periodId',
  participant: 'link',
  planVersion: 'text',
  status: 'status',
  totalScore: 'score',
  grade: 'text',
  rank: 'rank',
  // What the period paid as base salary (issue 13's payroll export): the people table's value moves on.
  baseSalary: 'money',
  performancePay: 'money',
  bonus: 'money',
  teamBonus: 'money',
  award: 'money',
  adjustments: 'money',
  balance: 'money',
  // The adjustments carried, per closed period and component, re-read by later refreshes (src/ledger/adjustments.ts).
  adjustmentDetail: 'longText',
  totalPay: 'money',
  honours: 'text',
  promotion: 'text',
  breakdown: 'longText',
  feedback: 'longText',
  calculatedAt: 'time',
  approvedBy: 'text',
  approvedAt: 'time',
  closedBy: 'text',
  closedAt: 'time',
  // One person's period as plain text (src/statement), for an Airtable Interface; optional.
  statement: 'longText',
};

/**
 * The field types that can hold each kind when the user maps a table of their own, each reading
 * back exactly what was written (so a second refresh finds nothing to change): no rich text,
 * whose markdown escapes would differ, and no single line for the multi-line texts. Grades are
 * text: a plan version with new grade letters then writes without changing the field.
 */
export const ACCEPTED_TYPES: Readonly<Record<LedgerValueKind, readonly FieldTypeName[]>> = {
  periodId: ['singleLineText', 'multilineText'],
  link: ['multipleRecordLinks'],
  text: ['singleLineText', 'multilineText'],
  longText: ['multilineText'],
  status: ['singleSelect', 'singleLineText'],
  score: ['number', 'currency'],
  rank: ['number'],
  money: ['currency', 'number'],
  time: ['dateTime', 'date', 'singleLineText'],
};

/** The statuses a row can carry; `provisional` is `open` while the period has not ended. */
export type RowStatus = 'open' | 'provisional' | 'approved' | 'closed';
export const ROW_STATUSES: readonly RowStatus[] = ['open', 'provisional', 'approved', 'closed'];

/** Choice colours: the `Light2` ones are the only colours every Airtable plan allows. */
const STATUS_COLORS: Readonly<Record<RowStatus, string>> = {
  open: 'blueLight2',
  provisional: 'yellowLight2',
  approved: 'cyanLight2',
  closed: 'greenLight2',
};

/** Scores are rounded to 2 places by the engine. */
const SCORE_PRECISION = 2;
/** Airtable allows 0..7 places in a currency field. */
const MAX_CURRENCY_PRECISION = 7;

/** @example ledgerFieldName('totalPay', 'zh') // '总收入' */
export function ledgerFieldName(key: LedgerKey, lang: Lang): string {
  return t(lang, `ledger.field.${key}`);
}

/** @example statusName('closed', 'en') // 'Closed' */
export function statusName(status: RowStatus, lang: Lang): string {
  return t(lang, `ledger.status.${status}`);
}

/** @example ledgerTableName('zh') // '绩效结果' */
export function ledgerTableName(lang: Lang): string {
  return t(lang, 'ledger.table.name');
}

/**
 * The status a cell names, in either language (a table created in Chinese stays readable after
 * the plan's result language changes), or null.
 *
 * @example parseStatus('已关账') // 'closed'
 * @example parseStatus('Provisional') // 'provisional'
 */
export function parseStatus(name: unknown): RowStatus | null {
  if (typeof name !== 'string') return null;
  const wanted = name.trim().toLowerCase();
  return ROW_STATUSES.find((status) => (['zh', 'en'] as const).some((lang) => statusName(status, lang).toLowerCase() === wanted)) ?? null;
}

/**
 * The currency's narrow symbol (¥ for CNY, $ for USD), from Intl rather than a table of our own;
 * the code itself when Intl does not know it.
 *
 * @example currencySymbol('CNY') // '¥'
 */
export function currencySymbol(code: string): string {
  try {
    const parts = new Intl.NumberFormat('en', {style: 'currency', currency: code, currencyDisplay: 'narrowSymbol'}).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/** One field of the table to create, in `base.createTableAsync`'s format, with its key. */
export interface LedgerFieldSpec {
  key: LedgerKey;
  name: string;
  type: FieldTypeName;
  /** The field options' write format; null for types without options. */
  options: Record<string, unknown> | null;
}

export interface LedgerTableContext {
  /** The plan's result language: the table's and fields' names and the status choices. */
  lang: Lang;
  /** The people table the participant field links to. */
  peopleTableId: string;
  currency: Pick<Currency, 'code' | 'precision'>;
}

/** The type and options a value of `kind` is created with. */
function fieldTypeFor(kind: LedgerValueKind, context: LedgerTableContext): Pick<LedgerFieldSpec, 'type' | 'options'> {
  switch (kind) {
    case 'periodId':
    case 'text':
      return {type: 'singleLineText', options: null};
    case 'longText':
      return {type: 'multilineText', options: null};
    case 'link':
      return {type: 'multipleRecordLinks', options: {linkedTableId: context.peopleTableId}};
    case 'status':
      return {
        type: 'singleSelect',
        options: {choices: ROW_STATUSES.map((status) => ({name: statusName(status, context.lang), color: STATUS_COLORS[status]}))},
      };
    case 'score':
      return {type: 'number', options: {precision: SCORE_PRECISION}};
    case 'rank':
      return {type: 'number', options: {precision: 0}};
    case 'money': {
      const precision = Math.min(MAX_CURRENCY_PRECISION, Math.max(0, Math.trunc(context.currency.precision)));
      return {type: 'currency', options: {precision, symbol: currencySymbol(context.currency.code)}};
    }
    case 'time':
      // ISO dates read the same in both languages; 'client' shows each reader their own time.
      return {type: 'dateTime', options: {dateFormat: {name: 'iso'}, timeFormat: {name: '24hour'}, timeZone: 'client'}};
  }
}

/**
 * Every field of a new results table, primary field first.
 *
 * @example ledgerFieldSpecs({lang: 'zh', peopleTableId: 'tblReps', currency: {code: 'CNY', precision: 2}})[0] // {key: 'period', name: '考核周期', type: 'singleLineText', options: null}
 */
export function ledgerFieldSpecs(context: LedgerTableContext): LedgerFieldSpec[] {
  return LEDGER_KEYS.map((key) => ({key, name: ledgerFieldName(key, context.lang), ...fieldTypeFor(LEDGER_KIND[key], context)}));
}

export type {ResultsTableMapping};

/**
 * The fields of a table recognised by their names in either language (the table the extension
 * created, or one the user made with the same names), each only if its type can hold the value.
 * A field named right but of the wrong type is returned in `mistyped`, to be reported.
 */
export function matchLedgerFields(fields: readonly FieldSchema[], peopleTableId?: string): {
  fields: Partial<Record<LedgerKey, FieldRef>>;
  mistyped: {key: LedgerKey; field: FieldSchema}[];
} {
  const found: Partial<Record<LedgerKey, FieldRef>> = {};
  const mistyped: {key: LedgerKey; field: FieldSchema}[] = [];
  for (const key of LEDGER_KEYS) {
    const names = new Set((['zh', 'en'] as const).map((lang) => ledgerFieldName(key, lang).toLowerCase()));
    const field = fields.find((f) => names.has(f.name.trim().toLowerCase()));
    if (!field) continue;
    if (acceptsLedgerValue(key, field, peopleTableId)) found[key] = {id: field.id, name: field.name};
    else mistyped.push({key, field});
  }
  return {fields: found, mistyped};
}

/** Whether a field can hold a key's value (and, for the participant, links to the people table). */
export function acceptsLedgerValue(key: LedgerKey, field: Pick<FieldSchema, 'type' | 'isComputed' | 'linkedTableId'>, peopleTableId?: string): boolean {
  if (field.isComputed) return false;
  if (!ACCEPTED_TYPES[LEDGER_KIND[key]].includes(field.type)) return false;
  if (key === 'participant' && peopleTableId !== undefined && field.linkedTableId !== undefined) return field.linkedTableId === peopleTableId;
  return true;
}
