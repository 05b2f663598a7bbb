/**
 * How the run view shows values. Decimals from the engine are already rounded strings: they are
 * shown as they will be written, formatted as strings by the one formatting module
 * (src/i18n/numbers.ts: the plan's currency at its precision, the reader's locale), never through
 * a JS number, which would lose cents on large amounts.
 */
import Decimal from 'decimal.js';
import {groupDigits} from '../../src/i18n';
import {countText, decimalText, localTime, moneyFormat, readerLocale, type CountKey} from '../../src/i18n/numbers';
import type {Currency, Lang, ResultKey} from '../../src/plan';

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

/** A timestamp in the reader's language and local time, to the minute, with the time zone. */
export function formatTime(iso: string, lang: Lang): string {
  return localTime(iso, readerLocale(lang));
}

/** Places of a score, a weighted score and a metric value (the engine's round2). */
export const SCORE_PLACES = 2;

/** The result keys that hold money, formatted in the plan's currency. */
export const MONEY_KEYS: ReadonlySet<ResultKey> = new Set<ResultKey>(['performancePay', 'bonus', 'teamBonus', 'award', 'totalPay']);

/** An ISO date-time inside a text (the calculation time cell): shown in the reader's local time. */
const ISO_MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})/g;

/** Every way the run view writes a value, for one language, locale and currency. */
export interface Formats {
  lang: Lang;
  locale: string;
  /** An amount in the plan's currency at its precision: '¥14,966.93', '$3,000.00'. */
  money: (amount: string | number) => string;
  /** A score at its two places: '122.80'. */
  score: (value: string | number) => string;
  /** A whole number, grouped: '10,000'. */
  integer: (value: number) => string;
  /** A moment in local time with the time zone. */
  time: (iso: string) => string;
  /** A count with its noun in the right plural form: '1 record', '2 records'. */
  count: (count: number, key: CountKey) => string;
  /** A result cell (old or new) formatted like its column. */
  cell: (key: ResultKey, value: unknown) => string;
}

/**
 * The formats for a reader's language and a plan's currency.
 *
 * @example makeFormats('en', {code: 'USD', precision: 2}, 'en-US').money('3000') // '$3,000.00'
 * @example makeFormats('zh', {code: 'CNY', precision: 2}, 'zh-CN').cell('bonus', 124.5) // '¥124.50'
 */
export function makeFormats(lang: Lang, currency: Pick<Currency, 'code' | 'precision'> | null, locale: string = readerLocale(lang)): Formats {
  const money = currency ? moneyFormat(currency, locale).full : (amount: string | number) => decimalText(amount, 2, locale);
  const score = (value: string | number) => decimalText(value, SCORE_PLACES, locale);
  const integer = (value: number) => decimalText(value, 0, locale);
  const time = (iso: string) => localTime(iso, locale);
  const cell = (key: ResultKey, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const numeric = typeof value === 'number' || (typeof value === 'string' && PLAIN_DECIMAL.test(value));
    if (numeric && MONEY_KEYS.has(key)) return money(value as string | number);
    if (numeric && key === 'totalScore') return score(value as string | number);
    if (numeric && key === 'rank') return decimalText(value as string | number, 0, locale);
    if (key === 'calculatedAt' && typeof value === 'string') return value.replace(ISO_MOMENT, (iso) => time(iso));
    if (key === 'breakdown' || key === 'feedback') return shorten(cellText(value));
    return cellText(value);
  };
  return {lang, locale, money, score, integer, time, count: (n, key) => countText(lang, n, key, locale), cell};
}
