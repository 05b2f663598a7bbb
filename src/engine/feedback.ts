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
import {remembered, WhileRepeated} from './memo';

export interface FeedbackInput {
  metric: Metric;
  /** The score (2 places) and its text as written. */
  score: Dec;
  scoreText: string;
  weight: Dec;
  noData: boolean;
}

type Feedback = ParticipantResult['feedback'];

/**
 * Feedback shared across one run's participants: an item (a metric with its score text) is one
 * object for everyone who has it, and so is a whole feedback with the same items in the same
 * places. Results only read it (a promotion is added to a copy, src/ledger/promotion.ts).
 */
export interface FeedbackShare {
  item(row: FeedbackInput, make: () => FeedbackItem): FeedbackItem;
  whole(strengths: FeedbackItem[], weakest: FeedbackItem[]): Feedback;
}

/** @example const share = sharedFeedback(); feedbackFor(a, rules, share) === feedbackFor(sameAsA, rules, share) // true */
export function sharedFeedback(): FeedbackShare {
  // Per metric, per score text (each a shared instance, so no key is built); noData items apart.
  const items = new Map<Metric, {scored: Map<string, FeedbackItem>; noData: Map<string, FeedbackItem>}>();
  const ids = new Map<FeedbackItem, number>();
  const wholes = new WhileRepeated<Feedback>();
  const idOf = (item: FeedbackItem) => remembered(ids, item, () => ids.size);
  return {
    item(row, make) {
      const byMetric = remembered(items, row.metric, () => ({scored: new Map<string, FeedbackItem>(), noData: new Map<string, FeedbackItem>()}));
      return remembered(row.noData ? byMetric.noData : byMetric.scored, row.scoreText, make);
    },
    whole(strengths, weakest) {
      return wholes.share(() => `${strengths.map(idOf).join(',')}|${weakest.map(idOf).join(',')}`, () => ({strengths, weakest}));
    },
  };
}

export function feedbackFor(rows: readonly FeedbackInput[], rules: FeedbackRules, share?: FeedbackShare): Feedback {
  // Scores compare exactly, as decimals (by their hundredths when they have a key).
  const judged = rows
    .map((row, order) => ({row, order, ...keyed(row.score)}))
    .filter(({row}) => !row.weight.isZero() && row.weight.isPositive());
  const make = (row: FeedbackInput): FeedbackItem => ({
    metricId: row.metric.id,
    label: row.metric.label,
    score: row.scoreText,
    ...(row.metric.improvement ? {action: row.metric.improvement} : {}),
    ...(row.noData ? {noData: true} : {}),
  });
  const item = ({row}: {row: FeedbackInput}): FeedbackItem => (share ? share.item(row, () => make(row)) : make(row));
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
  return share ? share.whole(strengths, weakest) : {strengths, weakest};
}
