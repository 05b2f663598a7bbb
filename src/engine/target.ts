/** The target (目标) a participant is measured against for one metric. */
import type {ParticipantFact} from '../facts';
import type {Metric} from '../plan';
import {NOT_A_NUMBER, parseDecimal, planDecimal, type Dec} from './money';

export type TargetResult =
  | {kind: 'none'}
  | {kind: 'value'; value: Dec}
  /** The plan asks for a target but this participant has none (empty field, unknown tier). */
  | {kind: 'missing'; reason: 'empty' | 'unknownTier' | 'notNumber'; detail?: string};

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
      return value ? {kind: 'value', value} : {kind: 'missing', reason: 'empty'};
    }
    case 'perTier': {
      const tier = participant.tier ?? '';
      const raw = Object.prototype.hasOwnProperty.call(target.values, tier) ? target.values[tier] : target.fallback;
      const value = planDecimal(raw);
      return value ? {kind: 'value', value} : {kind: 'missing', reason: 'unknownTier', detail: tier};
    }
    case 'participantField': {
      const cell = participant.fields[target.field.id];
      const value = parseDecimal(cell);
      if (value === null) return {kind: 'missing', reason: 'empty'};
      if (value === NOT_A_NUMBER) return {kind: 'missing', reason: 'notNumber', detail: String(cell)};
      return {kind: 'value', value};
    }
  }
}
