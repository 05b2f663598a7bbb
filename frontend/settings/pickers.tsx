/**
 * The SDK's pickers bound to the plan's references: a plan keeps tables and fields by id with
 * their names, so the pickers translate between `TableRef`/`FieldRef` and the SDK's models.
 */
import type React from 'react';
import {Select, TablePicker, useBase, useWatchable} from '@airtable/blocks/ui';
import type {Field as SdkField, Table} from '@airtable/blocks/models';
import type {FieldRef, TableRef} from '../../src/plan';
import type {Issue} from '../../src/results';
import {fieldSchema} from '../adapter/schema';
import {useLang} from '../state/lang';
import {Field} from './controls';
import {fitsInput, type InputRole} from './fieldRoles';

export const toRef = (model: {id: string; name: string}): {id: string; name: string} => ({id: model.id, name: model.name});

/** The SDK table a reference points at, or null when it was deleted (the validator then says so). */
export function useTable(ref: TableRef | undefined): Table | null {
  const base = useBase();
  return ref ? base.getTableByIdIfExists(ref.id) : null;
}

export function TableRefPicker({
  label,
  value,
  onChange,
  issues,
  width,
}: {
  label: string;
  value: TableRef | undefined;
  onChange: (next: TableRef | undefined) => void;
  issues?: readonly Issue[];
  width?: string;
}) {
  const {t} = useLang();
  const table = useTable(value);
  return (
    <Field label={label} issues={issues} width={width}>
      <TablePicker
        table={table}
        placeholder={t('settings.pick.table')}
        onChange={(next) => onChange(next ? toRef(next) : undefined)}
      />
    </Field>
  );
}

/** Whether a field is offered, and if not, an optional short reason shown beside its name. */
export type Offer = {ok: true} | {ok: false; why?: string};

/**
 * The fields of a table as a select, each offered or not by `offer`: one that is not is listed
 * but cannot be picked (the SDK's FieldPicker can only tell fields apart by their type, not a
 * lookup's result type nor the primary field). Follows renames, new fields and type changes.
 */
export function FieldSelect({
  table,
  fieldId,
  offer,
  onChange,
  placeholder,
}: {
  table: Table;
  fieldId: string | null;
  offer: (field: SdkField) => Offer;
  onChange: (field: SdkField | null) => void;
  placeholder: string;
}) {
  useWatchable(table, ['fields']);
  useWatchable(table.fields, ['name', 'type', 'options']);
  const options: React.ComponentProps<typeof Select>['options'] = [{value: null, label: placeholder}];
  for (const field of table.fields) {
    const offered = offer(field);
    const why = offered.ok ? undefined : offered.why;
    options.push({value: field.id, label: why ? `${field.name}（${why}）` : field.name, disabled: !offered.ok});
  }
  const current = fieldId && table.getFieldByIdIfExists(fieldId) ? fieldId : null;
  return <Select options={options} value={current} onChange={(value) => onChange(typeof value === 'string' ? table.getFieldByIdIfExists(value) : null)} />;
}

export function FieldRefPicker({
  label,
  table,
  value,
  onChange,
  role,
  issues,
  width,
}: {
  label: string;
  table: Table | null;
  value: FieldRef | undefined;
  onChange: (next: FieldRef | undefined) => void;
  role: InputRole;
  issues?: readonly Issue[];
  width?: string;
}) {
  const {t} = useLang();
  return (
    <Field label={label} issues={issues} width={width}>
      {table ? (
        <FieldSelect
          table={table}
          fieldId={value?.id ?? null}
          offer={(field) => ({ok: fitsInput(fieldSchema(field), role)})}
          placeholder={t('settings.pick.field')}
          onChange={(next) => onChange(next ? toRef(next) : undefined)}
        />
      ) : (
        <span>{t('settings.pick.tableFirst')}</span>
      )}
    </Field>
  );
}
