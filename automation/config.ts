/**
 * What the extension embeds into the automation script when it generates it (the script cannot
 * read globalConfig): the saved plan, its revision, the ledger's period statuses at that moment,
 * the language, and the fingerprint of the mapped schema — every mapped table (id, name, primary
 * field) with every field the plan names (id, name, type, and a computed field's result type).
 *
 * Before it reads anything the script compares the fingerprint with the base: a mapped table or
 * field gone or retyped means the plan no longer describes the base, and the script writes
 * nothing (the extension would show a validation error; nobody is there to see it).
 */
import type {LedgerState} from '../src/ledger/state';
import type {Lang, PlanDocument} from '../src/plan';
import {fieldReferences, tableReferences} from '../src/planRefs';
import {readMarker, type PlanMarker} from '../src/planMarker';
import type {BaseSchema} from '../src/schema';
import type {ScriptingField, ScriptingTable} from './scriptingBase';

/** 2: the plan marker (`marker`) was added. */
export const AUTOMATION_FORMAT = 2;

export interface FingerprintField {
  id: string;
  name: string;
  type: string;
  /** A formula's, rollup's or lookup's result type: a change of it changes what is read. */
  resultType?: string;
}

export interface FingerprintTable {
  id: string;
  name: string;
  /** The primary field names records in messages (the scripting API has no `primaryField`). */
  primaryFieldId: string;
  fields: FingerprintField[];
}

export interface AutomationConfig {
  format: typeof AUTOMATION_FORMAT;
  plan: PlanDocument;
  /** The saved plan's revision (frontend/state/planRevision.ts) when the script was made. */
  revision: string;
  /** The periods' statuses when the script was made; a period closed later: see docs/automation.md. */
  ledger: LedgerState;
  /** The language of the script's messages, and of written texts when the plan leaves it open. */
  lang: Lang;
  /** ISO time of generation, printed by every run. */
  generatedAt: string;
  tables: FingerprintTable[];
  /**
   * The plan marker the extension wrote when the script was made (src/planMarker.ts), and the
   * field whose description holds it: a different marker there means the plan was saved, or a
   * period's status changed, since.
   */
  marker: PlanMarker & {tableId: string; fieldId: string};
}

/** What the marker in the base says about the script. */
export type MarkerCheck =
  | {kind: 'current'}
  | {kind: 'fieldGone'}
  | {kind: 'missing'; table: string; field: string}
  | {kind: 'planChanged'; was: string; now: string}
  | {kind: 'ledgerChanged'};

/**
 * Compares the marker the script carries with the one in the field's description now. A missing
 * marker is no proof of anything: the script refuses then too (docs/automation.md).
 *
 * @example markerCheck(config.marker, base) // {kind: 'planChanged', was: '1a2b3c4d', now: '9f8e7d6c'}
 */
export function markerCheck(expected: AutomationConfig['marker'], base: {tables: readonly Pick<ScriptingTable, 'id' | 'name' | 'fields'>[]}): MarkerCheck {
  const table = base.tables.find((t) => t.id === expected.tableId);
  const field = table?.fields.find((f) => f.id === expected.fieldId);
  if (!table || !field) return {kind: 'fieldGone'};
  const found = readMarker(field.description);
  if (!found) return {kind: 'missing', table: table.name, field: field.name};
  if (found.revision !== expected.revision) return {kind: 'planChanged', was: expected.revision, now: found.revision};
  if (found.ledger !== expected.ledger) return {kind: 'ledgerChanged'};
  return {kind: 'current'};
}

/**
 * The fingerprint of the mapped schema: each mapped table and the fields the plan names on it,
 * as the base has them now. A reference the base lacks is left out (the extension refuses to
 * generate a script for a plan with errors, so this does not happen in practice).
 *
 * @example mappedSchema(plan, baseSchema(base))[0] // {id: 'tblReps', name: '销售人员', primaryFieldId: 'fldRepsName', fields: [...]}
 */
export function mappedSchema(plan: PlanDocument, schema: BaseSchema): FingerprintTable[] {
  const tableIds: string[] = [];
  for (const reference of tableReferences(plan)) {
    const id = reference.ref?.id;
    if (id && !tableIds.includes(id)) tableIds.push(id);
  }
  const fieldIds = new Map<string, Set<string>>();
  for (const reference of fieldReferences(plan)) {
    const tableId = reference.tableRef?.id;
    const fieldId = reference.ref?.id;
    if (!tableId || !fieldId) continue;
    const ids = fieldIds.get(tableId) ?? new Set<string>();
    ids.add(fieldId);
    fieldIds.set(tableId, ids);
  }
  const out: FingerprintTable[] = [];
  for (const id of tableIds) {
    const table = schema.tables.find((t) => t.id === id);
    if (!table) continue;
    const wanted = fieldIds.get(id) ?? new Set<string>();
    const primaryFieldId = table.primaryFieldId ?? table.fields[0]?.id ?? '';
    wanted.add(primaryFieldId);
    const fields = table.fields
      .filter((field) => wanted.has(field.id))
      .map((field): FingerprintField => ({id: field.id, name: field.name, type: field.type, ...(field.resultType ? {resultType: field.resultType} : {})}));
    out.push({id: table.id, name: table.name, primaryFieldId, fields});
  }
  return out;
}

/** What no longer matches the fingerprint, named as the user sees it (by name, never by id). */
export type SchemaDrift =
  | {kind: 'tableGone'; table: string}
  | {kind: 'fieldGone'; table: string; field: string}
  | {kind: 'fieldRetyped'; table: string; field: string; was: FieldType; now: FieldType};

/** A field's type and, for a formula, rollup or lookup, its result's: named as Airtable shows them at the edge. */
export interface FieldType {
  type: string;
  resultType?: string;
}

/** A field's result type in the read format of its options, if it has one. */
function resultTypeOf(field: ScriptingField): string | undefined {
  const result = field.options?.result as {type?: unknown} | undefined;
  return result && typeof result.type === 'string' ? result.type : undefined;
}

/** @example typeOf({type: 'formula', resultType: 'number', id: 'fld1'}) // {type: 'formula', resultType: 'number'} */
function typeOf(field: FieldType): FieldType {
  return field.resultType ? {type: field.type, resultType: field.resultType} : {type: field.type};
}

/**
 * Compares the fingerprint with the base: tables and fields are found by id (a rename is no
 * drift: names are only for messages, and the current name is the one used), types compared.
 *
 * @example schemaDrift(config.tables, base) // [{kind: 'fieldRetyped', table: '订单', field: '订单金额', was: {type: 'currency'}, now: {type: 'singleLineText'}}]
 */
export function schemaDrift(tables: readonly FingerprintTable[], base: {tables: readonly Pick<ScriptingTable, 'id' | 'name' | 'fields'>[]}): SchemaDrift[] {
  const drift: SchemaDrift[] = [];
  for (const expected of tables) {
    const table = base.tables.find((t) => t.id === expected.id);
    if (!table) {
      drift.push({kind: 'tableGone', table: expected.name});
      continue;
    }
    for (const field of expected.fields) {
      const actual = table.fields.find((f) => f.id === field.id);
      if (!actual) {
        drift.push({kind: 'fieldGone', table: table.name, field: field.name});
        continue;
      }
      const now = {type: actual.type, resultType: resultTypeOf(actual)};
      if (now.type !== field.type || (now.resultType ?? '') !== (field.resultType ?? '')) {
        drift.push({kind: 'fieldRetyped', table: table.name, field: actual.name, was: typeOf(field), now: typeOf(now)});
      }
    }
  }
  return drift;
}
