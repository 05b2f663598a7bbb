/**
 * The reader's language, locale and money format for the charts.
 */
import {useMemo} from 'react';
import type {Currency} from '../../src/plan';
import {useLang} from '../state/lang';
import {moneyFormat, readerLocale, type MoneyFormat} from './money';
import {peopleText} from './text';

export interface ChartText {
  lang: ReturnType<typeof useLang>['lang'];
  t: ReturnType<typeof useLang>['t'];
  locale: string;
  money: MoneyFormat;
  people: (count: number) => string;
  /** A plain number in the locale, e.g. a score. */
  number: (value: number | string) => string;
}

export function useChartText(currency: Pick<Currency, 'code' | 'precision'>): ChartText {
  const {lang, t} = useLang();
  const {code, precision} = currency;
  return useMemo(() => {
    const locale = readerLocale(lang);
    const numbers = new Intl.NumberFormat(locale, {maximumFractionDigits: 20});
    return {
      lang,
      t,
      locale,
      money: moneyFormat({code, precision}, locale),
      people: (count: number) => peopleText(lang, count, locale),
      // A decimal string keeps its digits (see money.ts).
      number: (value: number | string) => (numbers.format as (v: number | string) => string)(value),
    };
  }, [lang, t, code, precision]);
}
