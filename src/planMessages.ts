/**
 * The messages of plan checks (parse, plan rules, mapping rules, migration, import, storage): a
 * stable code, a severity, the path of the control it concerns and a zh/en text from the
 * catalogue entry `validate.<code>`. Codes and texts are listed in docs/plan-document.md.
 */
import {catalogue, fill, type MessageKey} from './i18n';
import type {Lang, Text} from './plan';
import type {Issue, IssueSeverity} from './results';

/** The stable codes of plan checks, derived from the catalogue so a code cannot lack its message. */
export type ValidationCode = MessageKey extends infer K
  ? K extends `validate.${infer C}`
    ? C extends `${'plan' | 'mapping' | 'migrate' | 'import' | 'storage'}.${string}`
      ? C
      : never
    : never
  : never;

export type Param = string | number | Text;
export type Params = Record<string, Param>;

const LANGS: Lang[] = ['zh', 'en'];

const isText = (p: Param): p is Text => typeof p === 'object' && p !== null;

/** A catalogue entry filled per language, where a parameter may itself differ per language. */
export function message(key: MessageKey, params: Params = {}): Text {
  const out = {zh: '', en: ''};
  for (const lang of LANGS) {
    const flat: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) flat[name] = isText(value) ? value[lang] : value;
    out[lang] = fill(catalogue[key][lang], flat);
  }
  return out;
}

/** A sentence may start with a part such as "weight of metric ...": capitalised in English. */
const sentence = (t: Text): Text => ({zh: t.zh, en: t.en.charAt(0).toUpperCase() + t.en.slice(1)});

/** "指标“销售额”" / "metric "Sales amount"": who a part belongs to. */
export const owner = (key: MessageKey, name?: Param): Text => message(key, name === undefined ? {} : {name});

/** "指标“销售额”的权重" / "weight of metric "Sales amount"". */
export function thing(who: Text, part: MessageKey, params: Params = {}): Text {
  const partText = message(part, params);
  return {
    zh: fill(catalogue['validate.thing'].zh, {owner: who.zh, part: partText.zh}),
    en: fill(catalogue['validate.thing'].en, {owner: who.en, part: partText.en}),
  };
}

/** One issue of the plan document, its message from the catalogue entry `validate.<code>`. */
export function planIssue(
  code: ValidationCode,
  severity: IssueSeverity,
  path: string,
  params: Params = {},
  extra: Partial<Issue> = {},
): Issue {
  return {code, severity, path, message: sentence(message(`validate.${code}` as MessageKey, params)), ...extra};
}

/**
 * A value as the user typed it, for messages; an absent value shows as "—".
 *
 * @example shown(undefined) // '—'
 * @example shown({zh: 1}) // '{"zh":1}'
 */
export function shown(x: unknown): string {
  if (x === undefined || x === null || x === '') return '—';
  return typeof x === 'string' || typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? '—');
}

/** Collects issues in the order they are found. */
export class IssueList {
  readonly issues: Issue[] = [];

  add(code: ValidationCode, severity: IssueSeverity, path: string, params: Params = {}, extra: Partial<Issue> = {}) {
    this.issues.push(planIssue(code, severity, path, params, extra));
  }
}
