/**
 * Which field types make sense for each role a field plays in the plan, and how a missing result
 * field is created. Kept apart from the screens so that the pickers, the "create missing result
 * fields" button and the tests agree on one list.
 */
import {FieldType} from '@airtable/blocks/models';
import {RESULT_KEYS, type PlanDocument, type ResultKey} from '../../src/plan';
import type {MessageKey} from '../../src/i18n';
import {fitsRole, RESULT_TYPES} from '../../src/fieldMatch';
import type {FieldSchema} from '../../src/schema';

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
 * True when the picker for `role` offers the field: exactly the fields the validator accepts for
 * the role (src/fieldMatch.ts `fitsRole`, which judges a lookup, rollup or formula by its result
 * type), so that a field the user can pick is never refused after saving.
 *
 * @example fitsInput({id: 'f', name: '备注（查找）', type: 'multipleLookupValues', isComputed: true, resultType: 'singleLineText'}, 'amount') // false
 */
export function fitsInput(field: FieldSchema, role: InputRole): boolean {
  switch (role) {
    case 'name':
    case 'any':
      return true;
    // The upline is the link itself: the validator takes no lookup of links there.
    case 'upline':
      return field.type === 'multipleRecordLinks';
    case 'team':
    case 'tier':
      return fitsRole(field, 'label');
    case 'money':
      return fitsRole(field, 'money');
    // A link, or a field naming the participant: text, a select, a collaborator, a lookup of names or links.
    case 'participantLink':
      return field.type === 'multipleRecordLinks' || fitsRole(field, 'label');
    case 'date':
      return fitsRole(field, 'date');
    case 'amount':
      return fitsRole(field, 'number');
    case 'rating':
      return fitsRole(field, 'number') || fitsRole(field, 'rating');
  }
}

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
