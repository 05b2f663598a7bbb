/**
 * The plan validator: every problem of a plan document at once, each with a stable code, the path
 * of the control it concerns (e.g. `versions[0].metrics[2].weight`) and a zh/en message naming the
 * metric, grade, field or table. Three steps, each in its own module:
 * - the parse (src/planParse.ts): the document's shape, every part the engine reads, typed;
 * - the plan rules (src/planRules.ts): the values, on their own;
 * - the mapping rules (src/mappingRules.ts): the references to the base, against its schema.
 * A document with no error is one the engine computes. Codes and messages are listed in
 * docs/plan-document.md.
 */
import type {Issue} from './results';
import type {BaseSchema} from './schema';
import {planIssue} from './planMessages';
import {readPlan} from './planParse';
import {planRules} from './planRules';
import {mappingRules} from './mappingRules';

export {message, planIssue, type ValidationCode} from './planMessages';
export {parsePlan} from './planParse';
export {PLAN_DECIMAL_BOUND} from './planRules';

/**
 * Every problem of the document at once (and, given the base schema, of its mapping). Accepts
 * any value, since a document typed by hand, imported from a file or left by an older version
 * may have any shape. Never throws: anything unreadable becomes an issue.
 */
export function validatePlan(document: unknown, schema?: BaseSchema): Issue[] {
  const usable = typeof schema === 'object' && schema !== null && Array.isArray(schema.tables) ? schema : undefined;
  const issues: Issue[] = [];
  try {
    const reading = readPlan(document);
    issues.push(...reading.issues);
    // Not an object: there is nothing for the rules to look at.
    if (!reading.sound('') && (typeof document !== 'object' || document === null || Array.isArray(document))) return issues;
    issues.push(...planRules(reading));
    issues.push(...mappingRules(reading, usable));
  } catch (error) {
    // A validator bug must not take the settings screen down with it: show it as a problem instead.
    issues.push(planIssue('plan.internal', 'error', '', {detail: error instanceof Error ? error.message : String(error)}));
  }
  return issues;
}

/**
 * The issues at a path or below it, for the control that owns the path.
 *
 * @example issuesAt(issues, 'versions[0].metrics[2]') // issues of the third metric and its parts
 */
export function issuesAt(issues: readonly Issue[], pathPrefix: string, exact = false): Issue[] {
  return issues.filter((issue) => {
    const at = issue.path ?? '';
    if (at === pathPrefix) return true;
    if (exact) return false;
    return at.startsWith(`${pathPrefix}.`) || at.startsWith(`${pathPrefix}[`);
  });
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
