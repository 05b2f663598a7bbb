/**
 * The SDK's pickers bound to the plan's references: a plan keeps tables and fields by id with
 * their names, so the pickers translate between `TableRef`/`FieldRef` and the SDK's models.
 */
import {FieldPicker, TablePicker, useBase} from '@airtable/blocks/ui';
import type {Field as SdkField, Table} from '@airtable/blocks/models';
import type {FieldRef, TableRef} from '../../src/plan';
import type {Issue} from '../../src/results';
import {useLang} from '../state/lang';
import {Field} from './controls';
import {INPUT_TYPES, type InputRole} from './fieldRoles';

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
  const field = value && table ? table.getFieldByIdIfExists(value.id) : null;
  return (
    <Field label={label} issues={issues} width={width}>
      {table ? (
        <FieldPicker
          table={table}
          field={field}
          allowedTypes={INPUT_TYPES[role]}
          shouldAllowPickingNone
          placeholder={t('settings.pick.field')}
          onChange={(next: SdkField | null) => onChange(next ? toRef(next) : undefined)}
        />
      ) : (
        <span>{t('settings.pick.tableFirst')}</span>
      )}
    </Field>
  );
}
