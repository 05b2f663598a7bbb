/**
 * The one fill/format module, for both languages. Messages travel as data (a catalogue key and
 * its parameters) and become text here, at the edge, in the one language that is shown or
 * written: the engine builds no text for 10,000 people in two languages that nobody reads.
 */
import type {Lang, Text} from '../plan';
import {catalogue, type MessageKey} from './catalogue';
import type {Entry} from './entry';

/** A catalogue message as data; `K` narrows the keys a part of the code may use (the ledger's own). */
export interface Message<K extends MessageKey = MessageKey> {
  key: K;
  params: Params;
}

/** Parts joined by a separator that may differ by language ('、' in zh, ', ' in en). */
export interface Joined {
  join: readonly Param[];
  separator: string | Text;
}

/**
 * Names as a list in the message's language by Intl.ListFormat ("订单、客户和评价" / "orders,
 * customers, and reviews"). `more` counts names left out of a long list: the list then ends in
 * "等" / an ellipsis instead of a last "and".
 */
export interface Listed {
  list: readonly Param[];
  type?: ListType;
  more?: number;
}

export type ListType = 'conjunction' | 'disjunction';

/** Catalogue keys of counted nouns: `K.one` and `K.other` both exist (zh says the same in both). */
export type CountKey = {[K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never}[MessageKey];

/**
 * A count with its noun, in the form the language's plural rules pick ("1 error", "2 errors"):
 * the catalogue holds `noun.one` and `noun.other`, each with a `{count}`; `params` fill the
 * noun's other placeholders (the list of periods a count is of).
 */
export interface Counted {
  count: number;
  noun: CountKey;
  params?: Params;
}

/**
 * A parameter: a plain value, a zh/en text (a metric or source label), a nested message (a
 * fragment of a breakdown line), a list joined by a separator, a list in the language's own
 * way or a counted noun. Each is made into text in the language of the message it fills.
 */
export type Param = string | number | Text | Message | Joined | Listed | Counted;
export type Params = Record<string, Param>;

const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(lang: Lang, type: ListType, style: 'long' | 'narrow'): Intl.ListFormat {
  const key = `${lang}|${type}|${style}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {type, style});
    listFormats.set(key, format);
  }
  return format;
}

/**
 * Names as a list in a language's own way, by Intl.ListFormat. `disjunction` joins with or,
 * `conjunction` with and. With `more` > 0 the list is the first names of a longer one: they are
 * listed without a last "and" and followed by "等" / an ellipsis.
 *
 * @example listText(['订单', '客户', '评价'], 'zh', 'disjunction') // '订单、客户或评价'
 * @example listText(['A', 'B', 'C'], 'en') // 'A, B, and C'
 * @example listText(['A', 'B'], 'en', 'conjunction', 3) // 'A, B …'
 */
export function listText(items: readonly string[], lang: Lang, type: ListType = 'conjunction', more = 0): string {
  // A runtime without Intl.ListFormat (an automation script's sandbox may lack it) still lists.
  const etc = more > 0 ? (lang === 'zh' ? '等' : ' …') : '';
  if (typeof Intl.ListFormat !== 'function') return items.join(lang === 'zh' ? '、' : ', ') + etc;
  if (more > 0) return listFormat(lang, 'conjunction', 'narrow').format(items) + etc;
  return listFormat(lang, type, 'long').format(items);
}

/**
 * The first `max` names of a list as a list parameter, the rest counted as left out.
 *
 * @example firstNames(['A', 'B', 'C'], 2) // {list: ['A', 'B'], more: 1}
 */
export function firstNames(names: readonly Param[], max: number, type?: ListType): Listed {
  return {list: names.slice(0, max), more: Math.max(0, names.length - max), ...(type ? {type} : {})};
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const countFormats = new Map<string, Intl.NumberFormat>();

/**
 * A count with its noun in one language, the number grouped in `locale` (the language's usual
 * one unless given).
 *
 * @example countedText('en', 1, 'run.n.records') // '1 record'
 * @example countedText('en', 2500, 'run.n.records') // '2,500 records'
 */
export function countedText(lang: Lang, count: number, noun: CountKey, params: Params = {}, locale: string = lang === 'zh' ? 'zh-CN' : 'en-US'): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  let numbers = countFormats.get(locale);
  if (!numbers) countFormats.set(locale, (numbers = new Intl.NumberFormat(locale, {maximumFractionDigits: 0})));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return fill(catalogue[`${noun}.${form}` as MessageKey][lang], {...params, count: numbers.format(count)}, lang);
}

/** A template split at its placeholders: literal, name, literal, name, ..., literal. */
const compiled = new Map<string, string[]>();

function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

function paramText(value: Param, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('key' in value) return say(value, lang);
  if ('noun' in value) return countedText(lang, value.count, value.noun, value.params);
  if ('list' in value) return listText(value.list.map((part) => paramText(part, lang)), lang, value.type, value.more);
  if ('join' in value) {
    const separator = typeof value.separator === 'string' ? value.separator : value.separator[lang];
    return value.join.map((part) => paramText(part, lang)).join(separator);
  }
  return value[lang];
}

/**
 * Fills `{name}` placeholders in one language. A missing parameter stays visible as `{name}` so
 * that a mistake shows in the UI instead of silently printing "undefined". Each template is split
 * once (the breakdown fills some 200,000 lines at 10,000 people), and the pieces are joined, not
 * added with `+=`: V8 keeps an added-up string as a tree of pieces (about 4x the memory of its
 * characters), a join makes one flat string.
 *
 * @example fill('Record {id} has no date', {id: 'rec1'}) // 'Record rec1 has no date'
 */
export function fill(template: string, params: Params = {}, lang: Lang = 'en'): string {
  const parts = compile(template);
  if (parts.length === 1) return template;
  const out: string[] = new Array(parts.length);
  out[0] = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = Object.prototype.hasOwnProperty.call(params, parts[i]) ? params[parts[i]] : undefined;
    out[i] = value === undefined || value === null ? `{${parts[i]}}` : paramText(value, lang);
    out[i + 1] = parts[i + 1];
  }
  return out.join('');
}

/** The entry's text in one language; English's singular (`enOne`) when the message's count is one. */
function templateOf(message: Message, lang: Lang): string {
  const entry: Entry = catalogue[message.key];
  const count = message.params.count;
  if (lang === 'en' && entry.enOne !== undefined && typeof count === 'number') {
    let rules = pluralRules.get('en');
    if (!rules) pluralRules.set('en', (rules = new Intl.PluralRules('en')));
    if (rules.select(count) === 'one') return entry.enOne;
  }
  return entry[lang];
}

/** A message as text in one language. @example say({key: 'run.log.empty', params: {}}, 'en') // 'No runs yet.' */
export function say(message: Message, lang: Lang): string {
  return fill(templateOf(message, lang), message.params, lang);
}

/** Lines of messages (a breakdown) as text in one language. */
export function sayEach(messages: readonly Message[], lang: Lang): string[] {
  return messages.map((message) => say(message, lang));
}

/** A message in both languages, for what is kept or shown in either (the other language on demand). */
export function sayBoth(message: Message): Text {
  return {zh: say(message, 'zh'), en: say(message, 'en')};
}

/**
 * A message that reads as a zh/en text but is made into text only when a language is read, and
 * then once: the run's issues are data until the screen, the CLI or a log shows them. Its key and
 * parameters stay readable (`message.key`, `message.params`); `zh` and `en` are enumerable, so it
 * compares, prints and serialises as the {zh, en} text that issues of the validator carry.
 */
export function lazyText(message: Message): Text & {readonly message: Message} {
  const made: Partial<Record<Lang, string>> = {};
  const text = {} as Text & {message: Message};
  Object.defineProperty(text, 'message', {value: message, enumerable: false});
  for (const lang of ['zh', 'en'] as const) {
    Object.defineProperty(text, lang, {enumerable: true, get: () => (made[lang] ??= say(message, lang))});
  }
  return text;
}

/**
 * Thousands separators on a plain decimal string: the one digit grouping of every screen and cell.
 *
 * @example groupDigits('-1234567.8') // '-1,234,567.8'
 */
export function groupDigits(fixed: string): string {
  const negative = fixed.charCodeAt(0) === 45;
  const dot = fixed.indexOf('.');
  const start = negative ? 1 : 0;
  const end = dot === -1 ? fixed.length : dot;
  if (end - start <= 3) return fixed;
  // Groups of three sliced from the left: the first group holds what is left over (1-3 digits).
  let at = start + ((end - start) % 3 || 3);
  let out = (negative ? '-' : '') + fixed.slice(start, at);
  for (; at < end; at += 3) out += ',' + fixed.slice(at, at + 3);
  return dot === -1 ? out : out + fixed.slice(dot);
}
