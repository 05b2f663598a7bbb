/**
 * Warnings as the user reads them: the same warning about the same table and field once, with a
 * count, and records named by their primary value (an order number, a customer name) instead of
 * their record ids.
 */
import {firstNames, say, type Message} from '../../src/i18n';
import type {Lang} from '../../src/plan';
import type {Issue} from '../../src/results';

/** How many names a message spells out, as the engine spells out ids (src/engine/issues.ts). */
export const NAMES_IN_MESSAGE = 5;

export interface WarningGroup {
  key: string;
  /** The issues of the group, in the order they came. */
  issues: Issue[];
  severity: Issue['severity'];
  tableId?: string;
  /** Every record the group's issues name, each once, in order. */
  recordIds: string[];
}

/**
 * Issues grouped by what they say and where: the same code on the same table and field.
 *
 * @example groupWarnings([a1, a2, b]).map((g) => g.issues.length) // [2, 1]
 */
export function groupWarnings(issues: readonly Issue[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const issue of issues) {
    const key = `${issue.code}|${issue.tableId ?? ''}|${issue.fieldId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {key, issues: [], severity: issue.severity, tableId: issue.tableId, recordIds: []};
      groups.set(key, group);
    }
    group.issues.push(issue);
    if (issue.severity === 'error') group.severity = 'error';
    for (const id of issue.recordIds ?? []) if (!group.recordIds.includes(id)) group.recordIds.push(id);
  }
  return [...groups.values()];
}

/**
 * An issue's message in one language, its record ids replaced by the records' names where the
 * read knows them (an id stays an id otherwise: the link still opens it).
 *
 * @example issueText(orphanIssue, 'zh', new Map([['recO1', 'SO-1024']])) // '… 未计入：SO-1024'
 */
export function issueText(issue: Issue, lang: Lang, names: ReadonlyMap<string, string>): string {
  const message = (issue.message as {message?: Message}).message;
  const ids = issue.recordIds ?? [];
  if (!message || !('ids' in message.params) || ids.length === 0) return issue.message[lang];
  const named = ids.map((id) => recordName(id, names));
  return say({key: message.key, params: {...message.params, ids: firstNames(named, NAMES_IN_MESSAGE)}}, lang);
}

/** A record by its primary value, or by its id when the read did not name it (an empty primary cell). */
export function recordName(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id)?.trim();
  return name ? name : id;
}
