/** Building issues from catalogue entries, so that every engine message exists in zh and en. */
import {catalogue, fill, type MessageKey} from '../i18n';
import type {Lang, Text} from '../plan';
import type {Issue, IssueSeverity} from '../results';

/** How many record ids a message spells out; the full list stays in `recordIds` for links. */
const IDS_IN_MESSAGE = 5;

/** @example idList(['a', 'b']) // 'a, b' */
export function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_IN_MESSAGE).join(', ');
  return ids.length > IDS_IN_MESSAGE ? `${shown} …` : shown;
}

/** A parameter may be a zh/en text (a metric or source label): each language gets its own. */
export type IssueParams = Record<string, string | number | Text>;

function resolve(params: IssueParams, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[lang] : v;
  return out;
}

export function makeIssue(
  severity: IssueSeverity,
  key: MessageKey,
  params: IssueParams,
  where: Omit<Issue, 'code' | 'severity' | 'message'> = {},
): Issue {
  const entry = catalogue[key];
  return {code: key, severity, message: {zh: fill(entry.zh, resolve(params, 'zh')), en: fill(entry.en, resolve(params, 'en'))}, ...where};
}
