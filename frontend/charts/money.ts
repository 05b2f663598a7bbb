/**
 * The charts' amounts and shares: the one formatting module of the extension (src/i18n/numbers.ts),
 * shared with the run view and the statements so that a chart's tooltip and the table beside it
 * write an amount the same way.
 */
export {moneyFormat, percent, readerLocale, type MoneyFormat} from '../../src/i18n/numbers';
