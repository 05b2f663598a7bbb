/**
 * The results' texts, made at the edge in one language: the breakdown's lines and the feedback's
 * lines, as written to a cell (src/writeback.ts, src/ledger/cells.ts). The engine returns them as
 * data; nothing else turns them into text.
 */
import type {Lang} from '../plan';
import type {ParticipantResult, PromotionSuggestion} from '../results';
import {say, sayEach, type Message} from './format';
import {t} from './index';

/** The breakdown as lines of text in one language. */
export function breakdownLines(result: Pick<ParticipantResult, 'breakdown'>, lang: Lang): string[] {
  return sayEach(result.breakdown, lang);
}

/** The feedback as lines of text in one language, as written to the feedback field. */
export function feedbackLines(feedback: ParticipantResult['feedback'], lang: Lang): string[] {
  const lines = feedback.strengths.map((s) => t(lang, 'engine.feedback.strength', {metric: s.label, score: s.score}));
  for (const w of feedback.weakest) {
    const params = {metric: w.label, score: w.score, action: w.action ?? ''};
    if (w.noData) lines.push(t(lang, w.action ? 'engine.feedback.noData' : 'engine.feedback.noDataNoAction', params));
    else lines.push(t(lang, w.action ? 'engine.feedback.weak' : 'engine.feedback.weakNoAction', params));
  }
  if (feedback.promotion) lines.push(promotionLine(feedback.promotion, lang));
  return lines;
}

/**
 * The feedback's promotion line.
 *
 * @example promotionLine({toTier: '高级经理', minGrade: 'A', periods: ['2026-01', '2026-02', '2026-03']}, 'zh') // '连续 3 期 A 级及以上，建议晋升为 高级经理'
 */
export function promotionLine(promotion: PromotionSuggestion, lang: Lang): string {
  return say(promotionMessage(promotion), lang);
}

/** The promotion line as data, for texts made later in either language (the statement). */
export function promotionMessage(promotion: PromotionSuggestion): Message {
  return {key: 'ledger.promotion.suggested', params: {n: promotion.periods.length, grade: promotion.minGrade, tier: promotion.toTier}};
}
