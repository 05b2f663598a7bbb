/**
 * One catalogue entry: the text in each language, and, for a message whose English changes with
 * its number (noun and verb: "1 record has", "2 records have"), the singular sentence. The fill
 * module picks it by Intl.PluralRules when the message's `count` is a number; Chinese has one form.
 *
 * @example const entry: Entry = {zh: '{count} 条记录无日期', en: '{count} records have no date', enOne: '{count} record has no date'};
 */
export interface Entry {
  zh: string;
  en: string;
  enOne?: string;
}
