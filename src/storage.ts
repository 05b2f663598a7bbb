/**
 * The plan in globalConfig: ONE key holding the plan document as a JSON string. One key keeps the
 * key count tiny (globalConfig allows 1,000) and makes a save atomic; a string keeps decimals and
 * ids exactly as written. globalConfig holds 150 kB per installation in all, shared with the run
 * log, so the plan has a budget of its own, counted in UTF-8 bytes (a Chinese character is 3).
 */
import type {PlanDocument} from './plan';
import type {Issue} from './results';
import {migratePlan} from './migrate';
import {planIssue} from './planMessages';

/** The globalConfig key of the plan document. */
export const PLAN_CONFIG_KEY = 'plan';

/**
 * The plan's share: two thirds of the whole, leaving room for the run log and the SDK's own
 * bookkeeping. The template on a Chinese base takes about 11 kB, so this is rarely approached.
 */
export const PLAN_BYTE_BUDGET = 100_000;

/** Past this, the settings screen warns before the budget is reached. */
export const PLAN_WARN_BYTES = 80_000;

/** The stored form: compact JSON (indentation would cost bytes of the budget for nothing). */
export function serializePlan(plan: PlanDocument): string {
  return JSON.stringify(plan);
}

/**
 * UTF-8 length of a text, which is what globalConfig's limit counts.
 *
 * @example utf8Bytes('销售a') // 7
 */
export function utf8Bytes(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Bytes the plan takes once stored. */
export function planByteSize(plan: PlanDocument): number {
  return utf8Bytes(serializePlan(plan));
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** An error when the plan would not fit its budget, a warning when it comes close; else nothing. */
export function checkStorage(plan: PlanDocument, budget = PLAN_BYTE_BUDGET, warnAt = PLAN_WARN_BYTES): Issue[] {
  const size = planByteSize(plan);
  const params = {size: kB(size), budget: kB(budget)};
  if (size > budget) return [planIssue('storage.plan.tooLarge', 'error', '', params)];
  if (size > warnAt) return [planIssue('storage.plan.nearLimit', 'warning', '', params)];
  return [];
}

/**
 * The plan read back from globalConfig: parsed and migrated to the current format. Nothing stored
 * yet gives no plan and no issue; anything unreadable gives no plan and an issue saying why.
 * Never throws.
 */
export function parseStoredPlan(value: unknown): {plan: PlanDocument | null; issues: Issue[]} {
  if (value === undefined || value === null) return {plan: null, issues: []};
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {plan: null, issues: [planIssue('storage.plan.unreadable', 'error', '', {detail})]};
    }
  }
  // An object (an early build stored it unserialised) or anything else: migration decides.
  return migratePlan(doc);
}
