/**
 * Small text helpers of the charts, over the catalogue.
 */
import type {Lang} from '../../src/plan';
import {t, type MessageKey} from '../../src/i18n';

/**
 * "1 person" / "2 people" / "3 人", by the language's plural rules.
 *
 * @example peopleText('en', 1) // '1 person'
 */
export function peopleText(lang: Lang, count: number, locale = lang === 'zh' ? 'zh-CN' : 'en-US'): string {
  const form = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US').select(count);
  const key: MessageKey = form === 'one' ? 'charts.people.one' : 'charts.people.other';
  return t(lang, key, {count: new Intl.NumberFormat(locale).format(count)});
}
