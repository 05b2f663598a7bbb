/**
 * The part of Airtable's scripting API (https://airtable.com/developers/scripting/api) that the
 * automation script uses, as a minimal typed interface: what an automation's "Run a script"
 * action gives as the globals `base`, `output` and `console`. Nothing else is assumed, so the
 * script runs the same in an automation, in the Scripting extension and in Node against the
 * tests' implementation (test/automation/fakeScripting.ts).
 *
 * Cell values are read in the documented read formats, which the scripting API shares with the
 * extension SDK (links `[{id, name}]`, selects `{id, name, color}`, lookups
 * `[{linkedRecordId, value}]`, percent a fraction...): the extension's own cell readers apply.
 */
import {COMPUTED_FIELD_TYPES} from '../src/schema';

export interface ScriptingField {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** The field's options in their read format (choices, linkedTableId, result...), or null. */
  readonly options: Record<string, unknown> | null;
  /** Documented on the scripting Field; derived from the type when a host leaves it out. */
  readonly isComputed?: boolean;
  /** The field's description (null or '' when it has none): holds the plan marker. */
  readonly description?: string | null;
}

export interface ScriptingRecord {
  readonly id: string;
  /** The primary cell as text. */
  readonly name: string;
  getCellValue(fieldOrFieldIdOrName: ScriptingField | string): unknown;
}

export interface ScriptingQueryResult {
  readonly recordIds: readonly string[];
  readonly records: readonly ScriptingRecord[];
}

export interface ScriptingTable {
  readonly id: string;
  readonly name: string;
  readonly fields: readonly ScriptingField[];
  /** Only the fields named are loaded: the script asks for the mapped ones alone. */
  selectRecordsAsync(options?: {fields?: readonly (ScriptingField | string)[]}): Promise<ScriptingQueryResult>;
  /** At most 50 records a call. */
  updateRecordsAsync(records: readonly {id: string; fields: Record<string, unknown>}[]): Promise<void>;
  /** At most 50 records a call; the new records' ids, in order. */
  createRecordsAsync(records: readonly {fields: Record<string, unknown>}[]): Promise<string[]>;
}

export interface ScriptingBase {
  readonly tables: readonly ScriptingTable[];
  /** Throws when no table has this id or name (the script looks tables up in `tables` instead). */
  getTable(idOrName: string): ScriptingTable;
}

/**
 * `output.set` passes values to the automation's next steps; `text` and `markdown` exist in the
 * Scripting extension only (an automation prints with `console.log`).
 */
export interface ScriptingOutput {
  set?(key: string, value: unknown): void;
  text?(source: string): void;
  markdown?(source: string): void;
}

export interface ScriptingConsole {
  log(...values: unknown[]): void;
}


/** @example isComputed({type: 'formula', options: null}) // true */
export function isComputed(field: Pick<ScriptingField, 'type' | 'isComputed'>): boolean {
  return typeof field.isComputed === 'boolean' ? field.isComputed : COMPUTED_FIELD_TYPES.has(field.type);
}
