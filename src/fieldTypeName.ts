/**
 * A field's type as messages name it: by the name Airtable shows ("single line text", "单行文本"),
 * never by the SDK's identifier ("singleLineText"); a lookup, rollup or formula with the type of
 * its result, which is what decides what the field can serve for.
 */
import {catalogue, type MessageKey} from './i18n';
import {listText} from './i18n/numbers';
import type {Text} from './plan';
import {message} from './planMessages';
import type {FieldSchema, FieldTypeName} from './schema';

/**
 * One type by its shown name; a type the catalogue does not know (a newer SDK's) by its identifier.
 *
 * @example typeName('multilineText') // {zh: '长文本', en: 'long text'}
 */
export function typeName(type: FieldTypeName): Text {
  const key = `validate.fieldType.${type}`;
  return key in catalogue ? message(key as MessageKey) : {zh: type, en: type};
}

/**
 * @example fieldTypeName({type: 'multipleLookupValues', resultType: 'singleLineText'}) // {zh: '查找字段（结果为单行文本）', en: 'lookup (single line text result)'}
 * @example fieldTypeName({type: 'number'}).en // 'number'
 */
export function fieldTypeName(field: Pick<FieldSchema, 'type' | 'resultType'>): Text {
  if (field.resultType && field.resultType !== field.type) {
    return message('validate.fieldType.computed', {kind: typeName(field.type), result: typeName(field.resultType)});
  }
  return typeName(field.type);
}

/** @example typeNames(['currency', 'number']).en // 'currency or number' */
export function typeNames(types: readonly FieldTypeName[]): Text {
  const names = types.map(typeName);
  return {zh: listText(names.map((n) => n.zh), 'zh', 'disjunction'), en: listText(names.map((n) => n.en), 'en', 'disjunction')};
}
