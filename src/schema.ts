/**
 * A plain description of the base's tables and fields, taken from the SDK by the adapter, so that
 * the validator, the template's field matching and plan import stay pure.
 */

/** Airtable field type names as the SDK reports them (FieldType values), e.g. "number", "multipleRecordLinks". */
export type FieldTypeName = string;

export interface FieldSchema {
  id: string;
  name: string;
  type: FieldTypeName;
  /** Formula, rollup, lookup, count, autonumber, created time...: never writable. */
  isComputed: boolean;
  /** For link fields: the linked table. */
  linkedTableId?: string;
  /** For single/multiple selects: the choice names. */
  choices?: string[];
  /**
   * For computed fields whose value has another field type's shape (lookup, rollup, formula):
   * that type, from the field's `options.result`. A lookup of a number reads as
   * `[{linkedRecordId, value: 42}]`, so a role check must look at this type, not at the lookup's.
   */
  resultType?: FieldTypeName;
}

export interface TableSchema {
  id: string;
  name: string;
  /**
   * The primary field: it names the table's records, so it is read (as the participant's name,
   * a record's name in messages) and never written. Absent in hand-made schemas: the first field.
   */
  primaryFieldId?: string;
  fields: FieldSchema[];
}

export interface BaseSchema {
  tables: TableSchema[];
}

/** Field types whose values Airtable computes: never writable. The simulated base, the automation script (when the scripting API gives no isComputed) and its test fake judge by this one list. */
export const COMPUTED_FIELD_TYPES: ReadonlySet<string> = new Set([
  'formula',
  'rollup',
  'multipleLookupValues',
  'count',
  'autoNumber',
  'createdTime',
  'lastModifiedTime',
  'createdBy',
  'lastModifiedBy',
  'button',
  'externalSyncSource',
  'aiText',
]);
