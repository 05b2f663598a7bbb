/**
 * Which field types make sense for each role a field plays in the plan, and how a missing result
 * field is created. Kept apart from the screens so that the pickers, the "create missing result
 * fields" button and the tests agree on one list.
 */
import {FieldType} from '@airtable/blocks/models';
import {RESULT_KEYS, type PlanDocument, type ResultKey} from '../../src/plan';
import type {MessageKey} from '../../src/i18n';
import {RESULT_TYPES, ROLE_TYPES} from '../../src/fieldMatch';

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

const types = (...lists: (readonly string[])[]): FieldType[] => [...new Set(lists.flat())] as FieldType[];

/**
 * The pickers offer exactly the types the validator accepts for the role (src/fieldMatch.ts), so
 * that a field the user can pick is never refused after saving. `undefined` means every type.
 */
export const INPUT_TYPES: Record<InputRole, FieldType[] | undefined> = {
  name: undefined,
  upline: types(ROLE_TYPES.link),
  team: types(ROLE_TYPES.label),
  tier: types(ROLE_TYPES.label),
  money: types(ROLE_TYPES.money),
  // A source record may name its participant in a text field instead of linking to them.
  participantLink: types(ROLE_TYPES.link, ROLE_TYPES.label),
  date: types(ROLE_TYPES.date),
  amount: types(ROLE_TYPES.number),
  rating: types(ROLE_TYPES.number, ROLE_TYPES.rating),
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

/** Accepted types are the validator's (src/fieldMatch.ts); the first is the type a created field gets. */
export const RESULT_SPECS: readonly ResultSpec[] = RESULT_KEYS.map((key) => ({
  key,
  label: `settings.result.${key}` as const,
  types: types(RESULT_TYPES[key]),
}));

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
