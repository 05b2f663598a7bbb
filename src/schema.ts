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
}

export interface TableSchema {
  id: string;
  name: string;
  fields: FieldSchema[];
}

export interface BaseSchema {
  tables: TableSchema[];
}
