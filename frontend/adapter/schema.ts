/**
 * The base's tables and fields as plain data (src/schema.ts), so that the validator, the
 * template's field matching and plan import stay pure and testable without the SDK.
 */
import type {Base, Field} from '@airtable/blocks/models';
import type {BaseSchema, FieldSchema} from '../../src/schema';

/** One field as plain data; link target and select choices come from the field's options. */
export function fieldSchema(field: Field): FieldSchema {
  const schema: FieldSchema = {id: field.id, name: field.name, type: field.type, isComputed: field.isComputed};
  const options = (field.options ?? {}) as {linkedTableId?: unknown; choices?: unknown; result?: unknown};
  if (typeof options.linkedTableId === 'string') schema.linkedTableId = options.linkedTableId;
  if (Array.isArray(options.choices)) {
    schema.choices = options.choices.flatMap((choice: unknown) =>
      choice && typeof (choice as {name?: unknown}).name === 'string' ? [(choice as {name: string}).name] : [],
    );
  }
  const result = options.result as {type?: unknown} | null | undefined;
  if (result && typeof result.type === 'string') schema.resultType = result.type;
  return schema;
}

/** @example baseSchema(base).tables[0].fields[0] // {id: 'fldRepsName', name: '姓名', type: 'singleLineText', isComputed: false} */
export function baseSchema(base: Base): BaseSchema {
  return {
    tables: base.tables.map((table) => ({
      id: table.id,
      name: table.name,
      primaryFieldId: table.primaryField.id,
      fields: table.fields.map(fieldSchema),
    })),
  };
}
