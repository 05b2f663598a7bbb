/**
 * Reading a plan file chosen by the user: parse, migrate an older document, then re-match its
 * tables and fields by name against this base. Never throws: a bad file yields issues.
 */
import type {PlanDocument, Text} from '../../src/plan';
import type {Issue} from '../../src/results';
import type {BaseSchema} from '../../src/schema';
import {text} from '../../src/i18n';
import {parseStoredPlan} from '../../src/storage';
import {frozenVersionChanges, rematchPlan} from '../../src/planImport';
import {messageIssue} from '../../src/ledger/messages';
import type {LedgerState} from '../../src/ledger/state';

export interface ImportOutcome {
  /** The plan to review, or null when the file could not be read as a plan at all. */
  plan: PlanDocument | null;
  issues: Issue[];
  unmatched: {path: string; kind: string; kindLabel: Text; name: string}[];
}

/**
 * The plan a file holds, ready to review. With `frozen` (the plan in the editor and the ledger's
 * state), an import that would change, remove or move a plan version that closed periods were
 * paid under is refused: what was paid must stay computable as it was paid (docs/periods.md).
 */
export function readPlanFile(content: string, schema: BaseSchema, frozen?: {current: PlanDocument; ledger: LedgerState}): ImportOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {plan: null, issues: [{code: 'import.notJson', severity: 'error', message: text('settings.import.notJson', {reason})}], unmatched: []};
  }
  const parsed = parseStoredPlan(raw);
  if (!parsed.plan) return {plan: null, issues: parsed.issues, unmatched: []};
  const {plan, report} = rematchPlan(parsed.plan, schema);
  const refusals = frozen ? frozenVersionChanges(frozen.current, plan, frozen.ledger) : [];
  if (refusals.length > 0) return {plan: null, issues: refusals.map((message) => messageIssue(message, 'error')), unmatched: []};
  return {
    plan,
    issues: parsed.issues,
    unmatched: report.unmatched.map((u) => ({
      ...u,
      kindLabel: text(u.kind === 'table' ? 'settings.import.kind.table' : 'settings.import.kind.field'),
    })),
  };
}
