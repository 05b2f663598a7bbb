/**
 * Texts the browser tests look for, taken from the extension's catalogue so that a wording change
 * does not break the tests, and a missing text does.
 */
import {catalogue, t, type MessageKey} from '../../src/i18n';
import type {Lang} from '../../src/plan';

export {t};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a catalogue message with some parameters fixed and the others any number.
 *
 * @example messagePattern('en', 'run.summary.counts', {changed: 0}).test(
 *   'Done: 0 participants updated (0 cells), 60 unchanged, 0 failed; 0 write calls.') // true
 */
export function messagePattern(lang: Lang, key: MessageKey, fixed: Record<string, string | number> = {}): RegExp {
  const template = catalogue[key][lang];
  const parts = template.split(/(\{\w+\})/);
  const source = parts
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      return name in fixed ? escapeRegExp(String(fixed[name])) : `(?<${name}>.+?)`;
    })
    .join('');
  return new RegExp(source);
}

/** The numbers a message carries, by parameter name (NaN for a parameter that is not a number). */
export function messageNumbers(pattern: RegExp, text: string): Record<string, number> {
  const groups = pattern.exec(text)?.groups;
  if (!groups) throw new Error(`"${text}" does not match ${pattern}`);
  // A parameter may be a counted noun ('60 participants', '662 个单元格'): its number is taken.
  const numberIn = (value: string) => Number((/-?\d[\d,]*(\.\d+)?/.exec(value)?.[0] ?? 'NaN').replace(/,/g, ''));
  return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, numberIn(value)]));
}
