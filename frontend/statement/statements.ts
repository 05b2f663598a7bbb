/**
 * The statements of a preview: one per person (or the chosen ones), in the order of the preview
 * (by rank), for the print view. Pure over the preview the run view already holds.
 */
import {fixedText, type Dec} from '../../src/engine/money';
import type {PlanDocument} from '../../src/plan';
import {buildStatement, type Statement, type StatementAdjustments} from '../../src/statement/statement';
import type {Preview} from '../run/pipeline';

/** What the open period carries per person (src/ledger/adjustments.ts AdjustmentOutcome's people). */
export interface CarriedByPerson {
  people: ReadonlyMap<string, {taken: Dec; balance: Dec}>;
}

/**
 * The preview's statements. The results must be as the period pays them (adjustments already in
 * total pay and the breakdown); `carried` says how much of total pay is adjustments, and the
 * balance carried on, so that the base salary line is exact.
 *
 * @example previewStatements(plan, preview, ['recLi']).map((s) => s.name) // ['李娜']
 */
export function previewStatements(
  plan: Pick<PlanDocument, 'name' | 'periods' | 'currency'>,
  preview: Pick<Preview, 'periodId' | 'run' | 'standing'>,
  only?: readonly string[],
  carried?: CarriedByPerson | null,
): Statement[] {
  const period = plan.periods.find((p) => p.id === preview.periodId) ?? {id: preview.periodId, label: preview.periodId};
  const wanted = only ? new Set(only) : null;
  const adjustmentsOf = (participantId: string): StatementAdjustments | undefined => {
    const person = carried?.people.get(participantId);
    return person ? {taken: fixedText(person.taken, plan.currency.precision), balance: fixedText(person.balance, plan.currency.precision)} : undefined;
  };
  return preview.run.results
    .filter((result) => !wanted || wanted.has(result.participantId))
    .map((result) =>
      buildStatement({planName: plan.name, period, status: preview.standing.status, result, adjustments: adjustmentsOf(result.participantId), currency: plan.currency}),
    );
}

/**
 * How many statements the print view holds at once. A statement page is some 53 elements: all of
 * 10,000 people at once would be about 530,000, more than a browser lays out and prints in
 * reasonable time and memory. 500 pages (about 26,500 elements) still print in one go, and a
 * company of 10,000 prints in 20 runs of the print dialog.
 */
export const STATEMENTS_PER_PRINT = 500;

/** One print run: the statements from `start` (inclusive) to `end` (exclusive), in rank order. */
export interface PrintGroup {
  start: number;
  end: number;
}

/**
 * The print runs of `count` statements, `size` at a time; one run when they fit.
 *
 * @example printGroups(1200, 500) // [{start: 0, end: 500}, {start: 500, end: 1000}, {start: 1000, end: 1200}]
 * @example printGroups(12, 500) // [{start: 0, end: 12}]
 */
export function printGroups(count: number, size: number = STATEMENTS_PER_PRINT): PrintGroup[] {
  const groups: PrintGroup[] = [];
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < count; start += step) groups.push({start, end: Math.min(count, start + step)});
  return groups.length > 0 ? groups : [{start: 0, end: 0}];
}
