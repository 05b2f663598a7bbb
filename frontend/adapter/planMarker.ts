/**
 * The plan marker on the base (src/planMarker.ts says what it is): written into a mapped result
 * field's description when the user copies the automation script, and kept current afterwards —
 * on every plan save and every approve / close / reopen — for as long as an automation has been
 * made in this installation. globalConfig records that (AUTOMATION_CONFIG_KEY, about 60 bytes:
 * where the marker is), so that a base without an automation never has its descriptions touched.
 *
 * Field descriptions are schema: Airtable lets only those who may change the base's structure
 * (creators) update them, so an editor may save the plan and yet be unable to move the marker.
 * Every function here checks `field.checkPermissionsForUpdateDescription` first and says why it
 * did nothing, in both languages, with the SDK's own reason.
 */
import type {Base, Field, Table} from '@airtable/blocks/models';
import type {GlobalConfig} from '@airtable/blocks/types';
import {t, text} from '../../src/i18n';
import {LEDGER_CONFIG_KEY, parseLedgerState} from '../../src/ledger/state';
import type {Lang, PlanDocument, Text} from '../../src/plan';
import {canonicalJson, markerPlace, readMarker, sameMarker, withMarker, withoutMarker, type PlanMarker} from '../../src/planMarker';
import {PLAN_CONFIG_KEY} from '../../src/storage';
import {planRevision} from '../state/planRevision';

/** globalConfig key: an automation script has been made here, and where its marker is kept. */
export const AUTOMATION_CONFIG_KEY = 'automation';

/** A type, not an interface: globalConfig takes plain JSON objects. */
export type MarkerRecord = {
  tableId: string;
  fieldId: string;
};

/**
 * The ledger state's fingerprint: its stored value read as the extension reads it, in a
 * canonical text, so that the same statuses give the same marker however the JSON was built.
 *
 * @example ledgerFingerprint(undefined) === ledgerFingerprint('{"version":1,"periods":{}}') // true
 */
export function ledgerFingerprint(stored: unknown): string {
  return planRevision(canonicalJson(parseLedgerState(stored).state));
}

/** The marker of what globalConfig holds now; null when no plan is saved. */
export function currentMarker(globalConfig: Pick<GlobalConfig, 'get'>): PlanMarker | null {
  const stored = globalConfig.get(PLAN_CONFIG_KEY);
  if (typeof stored !== 'string') return null;
  return {revision: planRevision(stored), ledger: ledgerFingerprint(globalConfig.get(LEDGER_CONFIG_KEY))};
}

/** Where an automation's marker was last written, if an automation has been made. */
export function markerRecord(globalConfig: Pick<GlobalConfig, 'get'>): MarkerRecord | null {
  const value = globalConfig.get(AUTOMATION_CONFIG_KEY) as Partial<MarkerRecord> | null | undefined;
  return value && typeof value.tableId === 'string' && typeof value.fieldId === 'string' ? {tableId: value.tableId, fieldId: value.fieldId} : null;
}

/** A field with its table (the SDK's Field does not expose its table). */
export interface MarkerField {
  table: Table;
  field: Field;
}

function fieldAt(base: Base, tableId: string, fieldId: string): MarkerField | null {
  const table = base.getTableByIdIfExists(tableId);
  const field = table?.getFieldByIdIfExists(fieldId);
  return table && field ? {table, field} : null;
}

/** The plan's marker field in this base, or null when the plan names none or it is gone. */
export function markerField(base: Base, plan: PlanDocument): MarkerField | null {
  const place = markerPlace(plan);
  return place ? fieldAt(base, place.table.id, place.field.id) : null;
}

const recordOf = (at: MarkerField): MarkerRecord => ({tableId: at.table.id, fieldId: at.field.id});
const sameRecord = (a: MarkerRecord | null, b: MarkerRecord) => a !== null && a.tableId === b.tableId && a.fieldId === b.fieldId;

export type MarkerState =
  /** The field holds the current marker: a script made now will run. */
  | {kind: 'current'}
  /** The marker must be written, and may be. */
  | {kind: 'writable'}
  /** The marker must be written, and this user may not: the SDK's reason. */
  | {kind: 'denied'; reason: string}
  /** The plan names no field to hold it (no result field mapped). */
  | {kind: 'noField'};

/**
 * What copying a script now would need: nothing (the marker is current and recorded), a write,
 * or a permission this user lacks.
 */
export function markerState(base: Base, globalConfig: GlobalConfig, plan: PlanDocument): MarkerState {
  const at = markerField(base, plan);
  const marker = currentMarker(globalConfig);
  if (!at || !marker) return {kind: 'noField'};
  if (sameMarker(readMarker(at.field.description), marker) && sameRecord(markerRecord(globalConfig), recordOf(at))) return {kind: 'current'};
  const reason = denial(at, globalConfig, withMarker(at.field.description, marker));
  return reason === null ? {kind: 'writable'} : {kind: 'denied', reason};
}

/** The SDK's reason why the description or the record of the automation cannot be written, or null. */
function denial(at: MarkerField, globalConfig: GlobalConfig, description: string): string | null {
  const check = at.field.checkPermissionsForUpdateDescription(description);
  if (!check.hasPermission) return check.reasonDisplayString;
  const config = globalConfig.checkPermissionsForSet(AUTOMATION_CONFIG_KEY, recordOf(at));
  return config.hasPermission ? null : config.reasonDisplayString;
}

export type MarkerOutcome =
  /** Written (or already current) at this field. */
  | {ok: true; at: MarkerField; written: boolean}
  /** Nothing changed: why, in both languages. */
  | {ok: false; reason: Text};

async function put(field: Field, description: string): Promise<void> {
  // Descriptions are not applied locally before the host confirms: await, then read back.
  if ((field.description ?? '') !== description) await field.updateDescriptionAsync(description);
}

/**
 * Writes the current marker into the plan's marker field and records that an automation exists
 * (where its marker is). A marker left at another field by an earlier mapping is removed, so a
 * script made for that mapping finds none and refuses. Never throws.
 *
 * @example const outcome = await writeMarker(base, globalConfig, plan); // {ok: true, field, written: true}
 */
export async function writeMarker(base: Base, globalConfig: GlobalConfig, plan: PlanDocument): Promise<MarkerOutcome> {
  const at = markerField(base, plan);
  const marker = currentMarker(globalConfig);
  if (!at || !marker) return {ok: false, reason: text('automation.marker.noField')};
  const place = {table: at.table.name, field: at.field.name};
  const description = withMarker(at.field.description, marker);
  const reason = denial(at, globalConfig, description);
  if (reason !== null) return {ok: false, reason: text('automation.marker.denied', {...place, reason})};
  try {
    const before = markerRecord(globalConfig);
    const record = recordOf(at);
    const moved = before && !sameRecord(before, record) ? fieldAt(base, before.tableId, before.fieldId) : null;
    const written = (at.field.description ?? '') !== description;
    await put(at.field, description);
    if (!sameRecord(before, record)) await globalConfig.setAsync(AUTOMATION_CONFIG_KEY, record);
    const left = moved ? withoutMarker(moved.field.description) : '';
    if (moved && moved.field.checkPermissionsForUpdateDescription(left).hasPermission) await put(moved.field, left);
    return {ok: true, at, written};
  } catch (error) {
    return {ok: false, reason: text('automation.marker.failed', {...place, message: error instanceof Error ? error.message : String(error)})};
  }
}

/**
 * After the plan or the ledger was saved: when an automation has been made here, its marker is
 * moved to what is now saved, so that every script made before refuses to run. Null when no
 * automation was ever made (nothing to do, nothing touched).
 */
export async function refreshMarker(base: Base, globalConfig: GlobalConfig, plan: PlanDocument): Promise<MarkerOutcome | null> {
  if (!markerRecord(globalConfig)) return null;
  const outcome = await writeMarker(base, globalConfig, plan);
  if (outcome.ok) return outcome;
  // Said with its consequence: scripts made before keep running on what they carry.
  const stale = (lang: Lang) => t(lang, 'automation.marker.stale', {reason: outcome.reason[lang]});
  return {ok: false, reason: {zh: stale('zh'), en: stale('en')}};
}
