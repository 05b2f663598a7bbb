/**
 * The plan's currency for the run view's components: RunView provides it once, every amount
 * below is formatted by it (format.ts makeFormats) in the reader's language.
 */
import {createContext, useContext, useMemo, type ReactNode} from 'react';
import type {Currency} from '../../src/plan';
import {useLang} from '../state/lang';
import {makeFormats, type Formats} from './format';

type MoneyUnit = Pick<Currency, 'code' | 'precision'>;

/** Without a provider (no plan known) amounts show at two places without a currency sign. */
const FormatContext = createContext<MoneyUnit | null>(null);

export function FormatProvider({currency, children}: {currency: MoneyUnit | null; children?: ReactNode}) {
  return <FormatContext.Provider value={currency}>{children}</FormatContext.Provider>;
}

/** The formats of the reader's language and the plan's currency (see FormatProvider). */
export function useFormats(): Formats {
  const {lang} = useLang();
  const currency = useContext(FormatContext);
  const code = currency?.code;
  const precision = currency?.precision;
  return useMemo(() => makeFormats(lang, code === undefined || precision === undefined ? null : {code, precision}), [lang, code, precision]);
}
