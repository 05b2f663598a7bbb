/** Building issues from catalogue entries, so that every engine message exists in zh and en. */
import {lazyText, type MessageKey, type Params} from '../i18n';
import type {Issue, IssueSeverity} from '../results';

/** How many record ids a message spells out; the full list stays in `recordIds` for links. */
const IDS_IN_MESSAGE = 5;

/** @example idList(['a', 'b']) // 'a, b' */
export function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_IN_MESSAGE).join(', ');
  return ids.length > IDS_IN_MESSAGE ? `${shown} …` : shown;
}

/** An issue whose message is data until a language is read (see src/i18n/format.ts lazyText). */
export function makeIssue(
  severity: IssueSeverity,
  key: MessageKey,
  params: Params,
  where: Omit<Issue, 'code' | 'severity' | 'message'> = {},
): Issue {
  return {code: key, severity, message: lazyText({key, params}), ...where};
}
