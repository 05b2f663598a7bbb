/** The target (目标) a participant is measured against for one metric. */
import type {ParticipantFact} from '../facts';
import type {Metric} from '../plan';
import {BEYOND_BOUND, NOT_A_NUMBER, planDecimal, readCell, type Dec} from './money';

export type TargetResult =
  | {kind: 'none'}
  | {kind: 'value'; value: Dec}
  /**
   * The plan asks for a target but this participant has none (empty field, unknown tier), or the
   * one it has cannot be used: text, or a negative number (no attainment is measured against a
   * negative target: negative sales would turn into a positive attainment).
   */
  | {kind: 'missing'; reason: 'empty' | 'unknownTier' | 'notNumber' | 'beyondBound' | 'negative'; detail?: string};

/**
 * @example resolveTarget({target: {kind: 'perTier', values: {资深: '80000'}, fallback: '50000'}}, {tier: '新人'}) // value 50000
 */
export function resolveTarget(metric: Pick<Metric, 'target'>, participant: Pick<ParticipantFact, 'tier' | 'fields'>): TargetResult {
  const target = metric.target;
  switch (target.kind) {
    case 'none':
      return {kind: 'none'};
    case 'fixed': {
      const value = planDecimal(target.value);
      return value ? usable(value) : {kind: 'missing', reason: 'empty'};
    }
    case 'perTier': {
      const tier = participant.tier ?? '';
      const raw = Object.prototype.hasOwnProperty.call(target.values, tier) ? target.values[tier] : target.fallback;
      const value = planDecimal(raw);
      return value ? usable(value) : {kind: 'missing', reason: 'unknownTier', detail: tier};
    }
    case 'participantField': {
      const cell = participant.fields[target.field.id];
      const value = readCell(cell);
      if (value === null) return {kind: 'missing', reason: 'empty'};
      if (value === NOT_A_NUMBER) return {kind: 'missing', reason: 'notNumber', detail: String(cell)};
      if (value === BEYOND_BOUND) return {kind: 'missing', reason: 'beyondBound', detail: String(cell)};
      return usable(value);
    }
  }
}

/**
 * A target of 0 or more is used (0 follows the zero-target rule of docs/plan.md §6); a negative
 * one is not. The validator refuses negative plan targets; a negative field value is a data issue.
 *
 * @example usable(new D(-5)) // {kind: 'missing', reason: 'negative', detail: '-5'}
 */
function usable(value: Dec): TargetResult {
  return value.isNegative() && !value.isZero() ? {kind: 'missing', reason: 'negative', detail: value.toString()} : {kind: 'value', value};
}
