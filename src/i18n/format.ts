import type {Lang, Text} from '../plan';

export type Params = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. A missing parameter stays visible as `{name}` so that a mistake
 * shows in the UI instead of silently printing "undefined".
 *
 * @example fill('Record {id} has no date', {id: 'rec1'}) // 'Record rec1 has no date'
 */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/** Both languages of one catalogue entry, filled. */
export function fillText(entry: Text, params: Params = {}): Text {
  return {zh: fill(entry.zh, params), en: fill(entry.en, params)};
}

export function pick(text: Text, lang: Lang): string {
  return text[lang];
}
