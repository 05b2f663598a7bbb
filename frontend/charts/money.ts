/**
 * Amounts as the reader reads them: Intl.NumberFormat in the plan's currency, at its precision,
 * in the reader's locale. Decimal strings are formatted as strings (Intl.NumberFormat v3 keeps
 * every digit of a string), so a tooltip shows exactly the amount that was computed.
 */
import type {Currency, Lang} from '../../src/plan';

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

/**
 * Formatters for one currency and locale. A currency code Intl does not know does not stop the
 * charts: the amount is shown as a number followed by the code.
 *
 * @example moneyFormat({code: 'CNY', precision: 2, rounding: 'halfUp'}, 'zh-CN').full('14966.9') // '¥14,966.90'
 */
export function moneyFormat(currency: Pick<Currency, 'code' | 'precision'>, locale: string): MoneyFormat {
  const digits = Math.min(20, Math.max(0, Math.floor(currency.precision)));
  try {
    const full = new Intl.NumberFormat(locale, {style: 'currency', currency: currency.code, minimumFractionDigits: digits, maximumFractionDigits: digits});
    const axis = new Intl.NumberFormat(locale, {style: 'currency', currency: currency.code, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1});
    const symbol = full.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency.code;
    return {full: (amount) => (full.format as ExactFormat)(amount), axis: (amount) => axis.format(amount), symbol};
  } catch {
    const full = new Intl.NumberFormat(locale, {minimumFractionDigits: digits, maximumFractionDigits: digits});
    const axis = new Intl.NumberFormat(locale, {notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1});
    const code = currency.code.trim();
    const suffix = code ? ` ${code}` : '';
    return {full: (amount) => `${(full.format as ExactFormat)(amount)}${suffix}`, axis: (amount) => `${axis.format(amount)}${suffix}`, symbol: code};
  }
}

/**
 * A share as a percentage in the locale, one decimal at most.
 *
 * @example percent(1, 3, 'en-US') // '33.3%'
 */
export function percent(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1}).format(whole === 0 ? 0 : part / whole);
}
