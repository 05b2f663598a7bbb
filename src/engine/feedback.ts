/**
 * Feedback (反馈与改进). Only weighted metrics are judged (a weight of 0 means "shown, not
 * scored"). Strengths: the best `strengths` metrics with a score of at least 100 (target met or a
 * top rating), highest first. Weakest: the lowest `weakest` metrics scoring below 100, lowest
 * first, each with its improvement action; a metric without data is named as such. Ties keep the
 * plan's metric order.
 */
import type {FeedbackRules, Metric} from '../plan';
import type {FeedbackItem, ParticipantResult} from '../results';
import {HUNDRED, type Dec} from './money';
import {compareExact, keyed} from './rank';

export interface FeedbackInput {
  metric: Metric;
  /** The score (2 places) and its text as written. */
  score: Dec;
  scoreText: string;
  weight: Dec;
  noData: boolean;
}

export function feedbackFor(rows: readonly FeedbackInput[], rules: FeedbackRules): ParticipantResult['feedback'] {
  // Scores compare exactly, as decimals (by their hundredths when they have a key).
  const judged = rows
    .map((row, order) => ({row, order, ...keyed(row.score)}))
    .filter(({row}) => !row.weight.isZero() && row.weight.isPositive());
  const item = ({row}: {row: FeedbackInput}): FeedbackItem => ({
    metricId: row.metric.id,
    label: row.metric.label,
    score: row.scoreText,
    ...(row.metric.improvement ? {action: row.metric.improvement} : {}),
    ...(row.noData ? {noData: true} : {}),
  });
  const strengths = judged
    .filter(({value}) => value.greaterThanOrEqualTo(HUNDRED))
    .sort((a, b) => compareExact(b, a) || a.order - b.order)
    .slice(0, Math.max(0, rules.strengths))
    .map(item);
  const weakest = judged
    .filter(({value}) => value.lessThan(HUNDRED))
    .sort((a, b) => compareExact(a, b) || a.order - b.order)
    .slice(0, Math.max(0, rules.weakest))
    .map(item);
  return {strengths, weakest};
}
