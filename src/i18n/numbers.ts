/**
 * Money, numbers, counts and times as the reader reads them: the one formatting module of every
 * screen (run view, charts, statements). Intl.NumberFormat in the plan's currency at its precision
 * and in the reader's locale; Intl.PluralRules for English counts; local time with the time zone.
 *
 * Decimal strings are formatted as strings: Intl.NumberFormat (v3, Chrome 106+, Node 20) keeps
 * every digit of a string, so '12345678901234.56' is never rounded through a JS float.
 */
import type {Currency, Lang} from '../plan';
import {countedText, type CountKey} from './format';

/**
 * The reader's locale for the chosen language: the browser's own when it is of that language
 * (en-GB keeps its conventions), else the language's usual one.
 *
 * @example readerLocale('zh', 'en-GB') // 'zh-CN'
 * @example readerLocale('en', 'en-GB') // 'en-GB'
 */
export function readerLocale(lang: Lang, browser: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language): string {
  if (browser && browser.toLowerCase().startsWith(lang)) {
    try {
      return Intl.NumberFormat.supportedLocalesOf([browser])[0] ?? defaultLocale(lang);
    } catch {
      // A malformed tag: the language's usual locale.
    }
  }
  return defaultLocale(lang);
}

function defaultLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

export {firstNames, listText} from './format';

/**
 * The locale of text written into the base: the language's usual one, never the writer's
 * browser's, so that a cell reads the same whoever refreshed.
 *
 * @example writtenLocale('en') // 'en-US'
 */
export function writtenLocale(lang: Lang): string {
  return defaultLocale(lang);
}

/** The ES2023 signature (a decimal string formatted exactly); the project's lib is ES2021. */
type ExactFormat = (value: number | string) => string;

export interface MoneyFormat {
  /** An amount in full, at the plan's precision: '¥14,966.93'. */
  full: (amount: string | number) => string;
  /** A short axis label: '¥1.5万', '$15K'. */
  axis: (amount: number) => string;
  /** The currency's symbol or code as the locale writes it, for axis titles. */
  symbol: string;
}

/** Formatters are built once per currency and locale: a 10,000-row table formats 10,000 amounts. */
const moneyFormats = new Map<string, MoneyFormat>();

/**
 * Formatters for one currency and locale. A currency code Intl does not know does not stop the
 * screen: the amount is shown as a number followed by the code.
 *
 * @example moneyFormat({code: 'CNY', precision: 2}, 'zh-CN').full('14966.9') // '¥14,966.90'
 * @example moneyFormat({code: 'USD', precision: 2}, 'en-US').full('-3000') // '-$3,000.00'
 */
export function moneyFormat(currency: Pick<Currency, 'code' | 'precision'>, locale: string): MoneyFormat {
  const digits = Math.min(20, Math.max(0, Math.floor(currency.precision)));
  const key = `${currency.code}|${digits}|${locale}`;
  const known = moneyFormats.get(key);
  if (known) return known;
  const made = makeMoneyFormat(currency.code, digits, locale);
  moneyFormats.set(key, made);
  return made;
}

function makeMoneyFormat(code: string, digits: number, locale: string): MoneyFormat {
  const fixed = {minimumFractionDigits: digits, maximumFractionDigits: digits};
  try {
    // The narrow symbol (¥, $): a plan has one currency, and a narrow panel has no room for 'CN¥'.
    const full = new Intl.NumberFormat(locale, {style: 'currency', currency: code, currencyDisplay: 'narrowSymbol', ...fixed});
    const axis = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    const symbol = full.formatToParts(0).find((part) => part.type === 'currency')?.value ?? code;
    return {full: exact(full), axis: (amount) => axis.format(amount), symbol};
  } catch {
    const full = new Intl.NumberFormat(locale, fixed);
    const axis = new Intl.NumberFormat(locale, {notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1});
    const trimmed = code.trim();
    const suffix = trimmed ? ` ${trimmed}` : '';
    return {full: (amount) => `${exact(full)(amount)}${suffix}`, axis: (amount) => `${axis.format(amount)}${suffix}`, symbol: trimmed};
  }
}

/** A formatter that shows a decimal string exactly, and text that is no number as it is. */
function exact(format: Intl.NumberFormat): (value: string | number) => string {
  return (value) => {
    if (typeof value === 'string' && !PLAIN_DECIMAL.test(value.trim())) return value;
    return (format.format as ExactFormat)(typeof value === 'string' ? value.trim() : value);
  };
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

const decimalFormats = new Map<string, (value: string | number) => string>();

/**
 * A number at a fixed number of places, grouped in the locale (scores at 2 places, ranks at 0).
 * Text that is not a number is returned as it is.
 *
 * @example decimalText('122.8', 2, 'en-US') // '122.80'
 * @example decimalText('87950.46', 2, 'zh-CN') // '87,950.46'
 */
export function decimalText(value: string | number, places: number, locale: string): string {
  const key = `${places}|${locale}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = exact(new Intl.NumberFormat(locale, {minimumFractionDigits: places, maximumFractionDigits: places}));
    decimalFormats.set(key, format);
  }
  return format(value);
}

/**
 * A share as a percentage in the locale, one decimal at most.
 *
 * @example percent(1, 3, 'en-US') // '33.3%'
 */
export function percent(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1}).format(whole === 0 ? 0 : part / whole);
}

/**
 * A moment in the reader's local time, to the minute, with the time zone, so that a time written
 * by a colleague elsewhere still reads right. `timeZone` is the reader's own unless given.
 *
 * @example localTime('2026-03-28T09:00:02.085Z', 'en-GB', 'Asia/Shanghai') // '28 Mar 2026, 17:00 CST'
 */
export function localTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? {timeZone} : {}),
  }).format(date);
}

export type {CountKey} from './format';

/**
 * A count with its noun, the English form chosen by Intl.PluralRules and the number grouped in
 * the locale: the catalogue holds `K.one` and `K.other`, each with a `{count}`.
 *
 * @example countText('en', 1, 'run.n.records') // '1 record'
 * @example countText('en', 2500, 'run.n.records') // '2,500 records'
 */
export function countText(lang: Lang, count: number, key: CountKey, locale: string = readerLocale(lang)): string {
  return countedText(lang, count, key, {}, locale);
}
