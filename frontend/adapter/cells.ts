/**
 * How a cell is read, for every field type the validator accepts, in the SDK's read formats
 * (the SDK's types/field.d.ts, "Cell read format"; docs/field-types.md says the same per role):
 * - a lookup is `Array<{linkedRecordId, value}>`, each `value` in the looked-up field's own read
 *   format (`options.result`), possibly itself an array (a lookup of links or multiple selects);
 * - a rollup or formula holds its result type's format, an array, or `{error}`;
 * - links `[{id, name}]`, selects and collaborators `{id, name}` (a collaborator's name may be
 *   absent: its email), multiple selects and collaborators arrays of those;
 * - percent a fraction (0.5 = 50%), read here as percent points (50) like every percent of a plan;
 * - duration seconds, rating and currency numbers, checkbox `true` or null;
 * - date `YYYY-MM-DD`; dateTime (and created/modified time) a full ISO instant in UTC, whose
 *   calendar day is taken in the field's own time zone when it names one, else in UTC.
 *
 * Each reader is built once per field (its shape is fixed for the read), so the record loop does
 * no dispatch per cell.
 */
import Decimal from 'decimal.js';
import type {FactValue} from '../../src/facts';

/** What a cell's read format depends on: a field type and its options. */
export interface CellShape {
  type: string;
  options: Record<string, unknown> | null;
}

/** The SDK field parts the readers need (a `Field` model has them). */
export interface ShapedField {
  type: string;
  options: unknown;
}

/**
 * How a field's cells are laid out: a lookup wraps each value in `{linkedRecordId, value}`; the
 * values (a lookup's, a rollup's or formula's, or the field's own) have the shape `value`. Null
 * when the SDK gives no result type (a lookup not set up): nothing can be read from it.
 */
export interface FieldShape {
  lookup: boolean;
  value: CellShape | null;
}

const WITH_RESULT = new Set(['formula', 'rollup', 'multipleLookupValues']);
const optionsOf = (x: unknown): Record<string, unknown> | null => (x && typeof x === 'object' ? (x as Record<string, unknown>) : null);

/**
 * @example shapeOf({type: 'multipleLookupValues', options: {result: {type: 'number', options: {precision: 0}}}})
 *   // {lookup: true, value: {type: 'number', options: {precision: 0}}}
 */
export function shapeOf(field: ShapedField): FieldShape {
  const options = optionsOf(field.options);
  if (!WITH_RESULT.has(field.type)) {
    // Created and modified time keep their date options (time zone) under `result`.
    const result = optionsOf(options?.result);
    const dated = (field.type === 'createdTime' || field.type === 'lastModifiedTime') && result ? optionsOf(result.options) : null;
    return {lookup: false, value: {type: field.type, options: dated ?? options}};
  }
  const result = optionsOf(options?.result);
  const type = result && typeof result.type === 'string' ? result.type : null;
  return {lookup: field.type === 'multipleLookupValues', value: type ? {type, options: optionsOf(result?.options)} : null};
}

/** Types whose own read format is an array of items. */
const ARRAY_TYPES = new Set(['multipleRecordLinks', 'multipleSelects', 'multipleCollaborators', 'multipleAttachments']);

/**
 * The items of a cell, in the value type's item format: a lookup's values with arrays spread, an
 * array type's elements, or the one value. Empty values are left out.
 *
 * @example cellItems([{linkedRecordId: 'recA', value: 3}, {linkedRecordId: 'recB', value: null}], {lookup: true, ...}) // [3]
 */
export function cellItems(cell: unknown, shape: FieldShape): unknown[] {
  if (cell === null || cell === undefined || cell === '') return [];
  const out: unknown[] = [];
  const push = (value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      for (const item of value) push(item);
    } else out.push(value);
  };
  if (shape.lookup) {
    if (!Array.isArray(cell)) return out;
    for (const entry of cell) push(entry && typeof entry === 'object' && 'value' in entry ? (entry as {value: unknown}).value : entry);
  } else push(cell);
  return out;
}

const HUNDRED = new Decimal(100);

/**
 * A percent field's fraction as percent points, exactly: 0.075 -> 7.5 (a float product would be
 * 7.499999999999999). A number when it holds the points exactly, else their decimal text.
 *
 * @example percentPoints(0.075) // 7.5
 */
export function percentPoints(fraction: number): number | string {
  if (!Number.isFinite(fraction)) return fraction;
  const points = new Decimal(fraction).times(HUNDRED);
  const asNumber = points.toNumber();
  return new Decimal(asNumber).equals(points) ? asNumber : points.toFixed();
}

/** A named item (select choice, collaborator, linked record) by its name; a collaborator without one by its email. */
function nameOf(item: object): string | null {
  const named = item as {name?: unknown; email?: unknown; text?: unknown; filename?: unknown; error?: unknown};
  if (typeof named.name === 'string') return named.name;
  if (typeof named.email === 'string') return named.email;
  // A barcode's text, an attachment's file name, a formula's error ("#ERROR!").
  if (typeof named.text === 'string') return named.text;
  if (typeof named.filename === 'string') return named.filename;
  if (typeof named.error === 'string') return named.error;
  return null;
}

/** One item as the engine's scalar: links by record id, named items by name, percent as points. */
function scalarOf(item: unknown, type: string): number | string | boolean {
  if (typeof item === 'number') return type === 'percent' ? percentPoints(item) : item;
  if (typeof item === 'string' || typeof item === 'boolean') return item;
  if (item && typeof item === 'object') {
    if (type === 'multipleRecordLinks' && typeof (item as {id?: unknown}).id === 'string') return (item as {id: string}).id;
    const name = nameOf(item);
    if (name !== null) return name;
  }
  return JSON.stringify(item) ?? String(item);
}

/** Converts one SDK cell value of a field to the engine's value. */
export type Converter = (cell: unknown) => FactValue;

/**
 * The engine's value of a field's cells: a number, text or yes/no as is (percent as points), a
 * select or collaborator by name, a link or multiple select as a list (of record ids, of names),
 * a checkbox true or false. A lookup, rollup or formula of one value is that value; of several, the
 * list of their texts (which filters test for membership and a number role refuses: see
 * `numberConverter`); of none, empty.
 *
 * @example factConverter({type: 'multipleLookupValues', options: {result: {type: 'currency'}}})([{linkedRecordId: 'recA', value: 1200}]) // 1200
 * @example factConverter({type: 'singleSelect', options: null})({id: 'sel1', name: '资深', color: 'blue'}) // '资深'
 */
export function factConverter(field: ShapedField): Converter {
  const shape = shapeOf(field);
  const value = shape.value;
  if (!value) return () => null;
  const type = value.type;
  if (!shape.lookup && !WITH_RESULT.has(field.type)) {
    if (type === 'checkbox') return (cell) => cell === true;
    if (ARRAY_TYPES.has(type)) {
      return (cell) => {
        if (cell === null || cell === undefined) return null;
        return cellItems(cell, shape).map((item) => String(scalarOf(item, type)));
      };
    }
    return (cell) => {
      if (cell === null || cell === undefined) return null;
      if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return scalarOf(cell, type);
      const items = cellItems(cell, shape);
      return items.length === 0 ? null : scalarOf(items[0], type);
    };
  }
  return (cell) => {
    const items = cellItems(cell, shape);
    if (items.length === 0) return null;
    if (items.length === 1) return scalarOf(items[0], type);
    return items.map((item) => String(scalarOf(item, type)));
  };
}

/**
 * For a field read as one number: the value as `factConverter` gives it, or `many` when the cell
 * holds several values (a lookup over several linked records, a rollup listing values), which is
 * no single number: the caller reports the record rather than let "1200, 300" pass for text.
 */
export function numberConverter(field: ShapedField): (cell: unknown) => {value: FactValue; many: boolean} {
  const convert = factConverter(field);
  return (cell) => {
    const value = convert(cell);
    return Array.isArray(value) ? {value: null, many: true} : {value, many: false};
  };
}

/**
 * A name-like cell as text: a select, collaborator or linked record by its name, a lookup by its
 * first value, text as typed (empty text is no name), a number as its digits.
 *
 * @example nameConverter({type: 'multipleLookupValues', options: {result: {type: 'singleSelect'}}})([{linkedRecordId: 'recT', value: {id: 'sel1', name: '华东'}}]) // '华东'
 */
export function nameConverter(field: ShapedField): (cell: unknown) => string | null {
  const shape = shapeOf(field);
  if (!shape.value) return () => null;
  return (cell) => {
    if (typeof cell === 'string' && !shape.lookup) return cell.trim() === '' ? null : cell;
    const first = cellItems(cell, shape)[0];
    if (first === undefined) return null;
    if (typeof first === 'string') return first.trim() === '' ? null : first;
    if (typeof first === 'number' || typeof first === 'boolean') return String(first);
    return first && typeof first === 'object' ? nameOf(first) : null;
  };
}

/** Formats an instant's calendar day in one time zone, by parts (no locale's order assumed). */
function dayFormatter(timeZone: string): ((iso: string) => string | null) | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'});
  } catch {
    return null;
  }
  // Instants repeat at record scale (many orders in one quarter hour): formatting is the slow part.
  const cache = new Map<string, string | null>();
  return (iso) => {
    const key = iso.slice(0, 16);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const time = Date.parse(iso);
    let day: string | null = null;
    if (Number.isFinite(time)) {
      const parts = Object.fromEntries(format.formatToParts(new Date(time)).map((p) => [p.type, p.value]));
      day = `${parts.year}-${parts.month}-${parts.day}`;
    }
    // Every zone's offset is a whole number of minutes, so the minute decides the day.
    if (cache.size > 100_000) cache.clear();
    cache.set(key, day);
    return day;
  };
}

/** The time zone that decides a dateTime's day: the field's own when it names one, else UTC. */
export function dayZone(options: Record<string, unknown> | null): string | null {
  const zone = options?.timeZone;
  return typeof zone === 'string' && zone !== 'utc' && zone !== 'client' ? zone : null;
}

/**
 * A date cell as the day (`YYYY-MM-DD`) that places its record in a period. A date field holds the
 * day itself; a date-time is an instant in UTC whose day is taken in the field's time zone when the
 * field names one (Airtable's "use the same time zone for all collaborators"), and in UTC when it
 * shows each collaborator their own zone ('client') or UTC: a refresh must credit the same records
 * whoever presses it. A lookup of dates gives its first date. Anything else is kept as it is (the
 * engine reports a record whose date it cannot read as undated).
 *
 * @example dayConverter({type: 'dateTime', options: {timeZone: 'Asia/Shanghai'}})('2026-03-31T16:30:00.000Z') // '2026-04-01'
 * @example dayConverter({type: 'dateTime', options: {timeZone: 'client'}})('2026-03-31T16:30:00.000Z') // '2026-03-31T16:30:00.000Z' (its UTC day)
 */
export function dayConverter(field: ShapedField): (cell: unknown) => string | null {
  const shape = shapeOf(field);
  if (!shape.value) return () => null;
  const zone = dayZone(shape.value.options);
  const inZone = zone ? dayFormatter(zone) : null;
  return (cell) => {
    const first = typeof cell === 'string' && !shape.lookup ? cell : cellItems(cell, shape)[0];
    if (typeof first !== 'string' || first === '') return null;
    if (first.length <= 10 || !inZone) return first;
    return inZone(first) ?? first;
  };
}

/**
 * Who a source record credits, from its participant field: record ids when the field links to the
 * people table (a link, or a lookup of such links: an order linking a customer whose rep is looked
 * up), else the names it holds (text, a select, a collaborator, a lookup of names or of links to
 * another table), which the read matches against the people's names.
 */
export type ParticipantCell = {ids: string[]} | {names: string[]};

/**
 * True when a participant field gives record ids: a link (the validator checks it is one to the
 * people table), or a lookup, rollup or formula of links to the people table.
 */
export function linksToPeople(field: ShapedField, peopleTableId: string): boolean {
  const value = shapeOf(field).value;
  if (!value || value.type !== 'multipleRecordLinks') return false;
  return field.type === 'multipleRecordLinks' || value.options?.linkedTableId === peopleTableId;
}

/**
 * @example participantConverter({type: 'multipleLookupValues', options: {result: {type: 'multipleRecordLinks', options: {linkedTableId: 'tblReps'}}}}, 'tblReps')(
 *   [{linkedRecordId: 'recCust', value: [{id: 'recWang', name: '王伟'}]}]) // {ids: ['recWang']}
 */
export function participantConverter(field: ShapedField, peopleTableId: string): (cell: unknown) => ParticipantCell {
  const shape = shapeOf(field);
  if (!shape.value) return () => ({names: []});
  if (linksToPeople(field, peopleTableId)) {
    return (cell) => {
      const ids: string[] = [];
      for (const item of cellItems(cell, shape)) {
        const id = item && typeof item === 'object' ? (item as {id?: unknown}).id : undefined;
        if (typeof id === 'string') ids.push(id);
      }
      return {ids};
    };
  }
  return (cell) => {
    const names: string[] = [];
    for (const item of cellItems(cell, shape)) {
      const name = typeof item === 'string' ? item : typeof item === 'number' ? String(item) : item && typeof item === 'object' ? nameOf(item) : null;
      const trimmed = name?.trim();
      if (trimmed) names.push(trimmed);
    }
    return {names};
  };
}
