/**
 * The plan marker (issue 16, item 3): one short line that the extension keeps at the end of the
 * description of one mapped result field, so that an automation script — which cannot read
 * globalConfig, where the plan and the ledger live — can see whether the plan was saved, or a
 * period approved, closed or reopened, since the script was made.
 *
 *   [销售绩效 plan r:1a2b3c4d l:5e6f7a8b]
 *
 * `r` is the saved plan's revision (frontend/state/planRevision.ts), `l` the fingerprint of the
 * ledger's state. The script carries both; a different marker means the script is out of date.
 * The marker is appended to the user's own description and replaces only an earlier marker:
 * the user's text is never changed. Pure: the SDK side is frontend/adapter/planMarker.ts.
 */
import type {FieldRef, PlanDocument, TableRef} from './plan';

export interface PlanMarker {
  /** The saved plan's revision: 8 hex digits. */
  revision: string;
  /** The ledger state's fingerprint: 8 hex digits. */
  ledger: string;
}

/** Where the marker is kept: a field the extension writes, found by id by the script. */
export interface MarkerPlace {
  table: TableRef;
  field: FieldRef;
}

const MARKER_PATTERN = /\[销售绩效 plan r:([0-9a-f]{8}) l:([0-9a-f]{8})\]/g;
/** A marker with the line break before it, so that removing it leaves the user's text as it was. */
const MARKER_LINE = /\n?\[销售绩效 plan r:[0-9a-f]{8} l:[0-9a-f]{8}\]/g;

/** @example markerText({revision: '1a2b3c4d', ledger: '5e6f7a8b'}) // '[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]' */
export function markerText(marker: PlanMarker): string {
  return `[销售绩效 plan r:${marker.revision} l:${marker.ledger}]`;
}

/**
 * The marker in a field's description (the last one, should a user have copied one), or null.
 *
 * @example readMarker('销售额，含税\n[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]') // {revision: '1a2b3c4d', ledger: '5e6f7a8b'}
 */
export function readMarker(description: string | null | undefined): PlanMarker | null {
  if (!description) return null;
  let found: PlanMarker | null = null;
  for (const match of description.matchAll(MARKER_PATTERN)) found = {revision: match[1], ledger: match[2]};
  return found;
}

/**
 * The description without any marker: the user's own text, as it was before the first marker.
 *
 * @example withoutMarker('销售额\n[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]') // '销售额'
 */
export function withoutMarker(description: string | null | undefined): string {
  return (description ?? '').replace(MARKER_LINE, '');
}

/**
 * The description with this marker at its end, on a line of its own; an earlier marker replaced.
 *
 * @example withMarker('销售额', {revision: '1a2b3c4d', ledger: '5e6f7a8b'}) // '销售额\n[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]'
 * @example withMarker(null, {revision: '1a2b3c4d', ledger: '5e6f7a8b'}) // '[销售绩效 plan r:1a2b3c4d l:5e6f7a8b]'
 */
export function withMarker(description: string | null | undefined, marker: PlanMarker): string {
  const own = withoutMarker(description);
  return own === '' ? markerText(marker) : `${own}\n${markerText(marker)}`;
}

/** @example sameMarker(a, {...a}) // true */
export function sameMarker(a: PlanMarker | null, b: PlanMarker | null): boolean {
  return a !== null && b !== null && a.revision === b.revision && a.ledger === b.ledger;
}

/**
 * The field that holds the marker, by preference:
 * 1. the results table's plan-version field: it says which plan made each row, so a line about
 *    the plan belongs there, and every ledger plan has it;
 * 2. the people table's calculated-at field: written by every refresh, it says when the results
 *    were made;
 * 3. else the first mapped result field of the people table.
 * All three are fields the extension writes (never an input the user keeps), so the marker sits
 * beside data the extension owns; the schema fingerprint already holds them.
 *
 * @example markerPlace(plan) // {table: {id: 'tblResults', name: '绩效结果'}, field: {id: 'fldPlanVersion', name: '方案版本'}}
 */
export function markerPlace(plan: PlanDocument): MarkerPlace | null {
  const ledger = plan.mapping.resultsTable;
  if (ledger?.fields.planVersion) return {table: ledger.table, field: ledger.fields.planVersion};
  const people = plan.mapping.people?.table;
  if (!people) return null;
  const results = plan.mapping.results;
  const field = results.calculatedAt ?? Object.values(results).find((ref): ref is FieldRef => ref !== undefined);
  return field ? {table: people, field} : null;
}

/**
 * JSON with object keys sorted, so that the same state always gives the same text (and the same
 * fingerprint) whatever order its keys were built in.
 *
 * @example canonicalJson({b: 1, a: [{d: 2, c: 3}]}) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
