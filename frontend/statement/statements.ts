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
