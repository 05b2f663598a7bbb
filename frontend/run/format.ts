/**
 * How the run view shows values. Decimals from the engine are already rounded strings: they are
 * shown as they will be written, with thousands separators added to the text (never through a JS
 * number, which would lose cents on large amounts).
 */
import Decimal from 'decimal.js';
import {groupDigits} from '../../src/i18n';
import type {Lang} from '../../src/plan';

/**
 * Groups the integer part of a decimal string by thousands.
 *
 * @example groupThousands('1234567.50') // '1,234,567.50'
 * @example groupThousands('-9000') // '-9,000'
 */
export function groupThousands(value: string): string {
  // Only plain decimals are grouped (by the one digit grouping of src/i18n); other text stays as it is.
  return PLAIN_DECIMAL.test(value) ? groupDigits(value) : value;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A cell value as read from or written to the base, as text: a single select by its name, a
 * number as it is, an empty cell as a dash.
 *
 * @example cellText({name: 'A'}) // 'A'
 * @example cellText(null) // '—'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return groupThousands(String(value));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object' && 'name' in value) return String((value as {name: unknown}).name);
  return JSON.stringify(value);
}

/** Long multi-line cells (breakdown, feedback) are cut for the table; the detail panel shows them whole. */
export function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Compares two decimal strings exactly; a non-number sorts first. */
export function compareDecimal(a: string | null, b: string | null): number {
  const da = parseDecimal(a);
  const db = parseDecimal(b);
  if (da === null || db === null) return da === db ? 0 : da === null ? -1 : 1;
  return da.comparedTo(db);
}

function parseDecimal(value: string | null): Decimal | null {
  if (value === null) return null;
  try {
    return new Decimal(value);
  } catch {
    return null;
  }
}

/** A timestamp in the user's language, to the minute. */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}
