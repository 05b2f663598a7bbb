/**
 * Which field types make sense for each role a field plays in the plan, and how a missing result
 * field is created. Kept apart from the screens so that the pickers, the "create missing result
 * fields" button and the tests agree on one list.
 */
import {FieldType} from '@airtable/blocks/models';
import type {PlanDocument, ResultKey} from '../../src/plan';
import type {MessageKey} from '../../src/i18n';

/** Input roles: what the user maps a field of their base to. */
export type InputRole =
  | 'name'
  | 'upline'
  | 'team'
  | 'tier'
  | 'money'
  | 'participantLink'
  | 'date'
  | 'amount'
  | 'rating'
  | 'any';

/** Numbers the engine can read: stored numbers, and computed ones (a rollup of sales is fine as input). */
const NUMERIC: FieldType[] = [
  FieldType.NUMBER,
  FieldType.CURRENCY,
  FieldType.PERCENT,
  FieldType.RATING,
  FieldType.FORMULA,
  FieldType.ROLLUP,
  FieldType.COUNT,
];

const TEXTUAL: FieldType[] = [
  FieldType.SINGLE_LINE_TEXT,
  FieldType.MULTILINE_TEXT,
  FieldType.SINGLE_SELECT,
  FieldType.FORMULA,
  FieldType.AUTO_NUMBER,
  FieldType.EMAIL,
];

/** `undefined` means every type: a filter may test any field. */
export const INPUT_TYPES: Record<InputRole, FieldType[] | undefined> = {
  name: TEXTUAL,
  upline: [FieldType.MULTIPLE_RECORD_LINKS],
  team: [FieldType.SINGLE_SELECT, FieldType.SINGLE_LINE_TEXT, FieldType.MULTIPLE_RECORD_LINKS, FieldType.FORMULA],
  tier: [FieldType.SINGLE_SELECT, FieldType.SINGLE_LINE_TEXT, FieldType.FORMULA],
  money: [FieldType.CURRENCY, FieldType.NUMBER, FieldType.FORMULA, FieldType.ROLLUP],
  participantLink: [FieldType.MULTIPLE_RECORD_LINKS, FieldType.SINGLE_LINE_TEXT],
  date: [FieldType.DATE, FieldType.DATE_TIME, FieldType.CREATED_TIME],
  amount: [FieldType.NUMBER, FieldType.CURRENCY, FieldType.PERCENT, FieldType.FORMULA, FieldType.ROLLUP],
  rating: NUMERIC,
  any: undefined,
};

/** How each result is written, hence which existing field types can hold it. */
export interface ResultSpec {
  key: ResultKey;
  /** Catalogue key of the result's label, also the default name of a created field. */
  label: MessageKey;
  /** Types an existing field may have; the first is the type a created field gets. */
  types: FieldType[];
}

const MONEY_RESULT: FieldType[] = [FieldType.CURRENCY, FieldType.NUMBER];
const LONG_TEXT: FieldType[] = [FieldType.MULTILINE_TEXT, FieldType.SINGLE_LINE_TEXT, FieldType.RICH_TEXT];

export const RESULT_SPECS: readonly ResultSpec[] = [
  {key: 'totalScore', label: 'settings.result.totalScore', types: [FieldType.NUMBER]},
  {key: 'grade', label: 'settings.result.grade', types: [FieldType.SINGLE_SELECT, FieldType.SINGLE_LINE_TEXT]},
  {key: 'rank', label: 'settings.result.rank', types: [FieldType.NUMBER]},
  {key: 'performancePay', label: 'settings.result.performancePay', types: MONEY_RESULT},
  {key: 'bonus', label: 'settings.result.bonus', types: MONEY_RESULT},
  {key: 'teamBonus', label: 'settings.result.teamBonus', types: MONEY_RESULT},
  {key: 'award', label: 'settings.result.award', types: MONEY_RESULT},
  {key: 'totalPay', label: 'settings.result.totalPay', types: MONEY_RESULT},
  {key: 'honours', label: 'settings.result.honours', types: LONG_TEXT},
  {key: 'breakdown', label: 'settings.result.breakdown', types: LONG_TEXT},
  {key: 'feedback', label: 'settings.result.feedback', types: LONG_TEXT},
  {key: 'calculatedAt', label: 'settings.result.calculatedAt', types: [FieldType.SINGLE_LINE_TEXT, FieldType.MULTILINE_TEXT]},
];

/**
 * The type and options of a result field the extension creates: money in the plan's currency at
 * its precision, grades as a single select holding the plan's grades, so that what is written
 * fits the field without the user formatting anything.
 *
 * @example createdFieldConfig(RESULT_SPECS[0], plan) // {type: 'number', options: {precision: 2}}
 */
export function createdFieldConfig(
  spec: ResultSpec,
  plan: PlanDocument,
): {type: FieldType; options?: Record<string, unknown>} {
  const type = spec.types[0];
  switch (type) {
    case FieldType.NUMBER:
      return {type, options: {precision: spec.key === 'rank' ? 0 : 2}};
    case FieldType.CURRENCY:
      return {type, options: {precision: plan.currency.precision, symbol: currencySymbol(plan.currency.code)}};
    case FieldType.SINGLE_SELECT: {
      const grades = plan.versions.flatMap((v) => v.grades.map((g) => g.grade)).filter((g) => g.trim() !== '');
      return {type, options: {choices: [...new Set(grades)].map((name) => ({name}))}};
    }
    default:
      return {type};
  }
}

/** @example currencySymbol('CNY') // '¥' */
export function currencySymbol(code: string): string {
  const known: Record<string, string> = {CNY: '¥', RMB: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$'};
  return known[code.toUpperCase()] ?? code;
}
