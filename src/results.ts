/**
 * What the engine returns: plain, JSON-serialisable results per participant and for the run.
 * Decimals are strings, already rounded where they are written (money at the plan's precision,
 * scores to 2 places), so that what is shown, explained and written is the same number.
 */
import type {Message} from './i18n';
import type {DecimalString, Text} from './plan';

export type IssueSeverity = 'error' | 'warning';

/**
 * A problem in the plan or the data. `code` is stable (tests and docs refer to it); `path` points
 * into the plan document for plan problems; `recordIds`/`tableId`/`fieldId` point into the base.
 * `message` reads as zh/en text; the engine's are data made into text only in the language read
 * (src/i18n/format.ts `lazyText`), the validator's and the adapter's are made when raised.
 */
export interface Issue {
  code: string;
  severity: IssueSeverity;
  message: Text;
  path?: string;
  tableId?: string;
  fieldId?: string;
  recordIds?: string[];
}

export interface MetricResult {
  metricId: string;
  label: Text;
  /** Null when the value is missing (no records for an average, an empty rating...). */
  value: DecimalString | null;
  target: DecimalString | null;
  /** actual / target in percent points, 2 places; null without a target. */
  attainment: DecimalString | null;
  score: DecimalString;
  weight: DecimalString;
  /** score x weight / 100, 2 places: its sum over metrics is the total score. */
  weighted: DecimalString;
  /** Number of source records behind the value (honours' minimum sample). */
  sample: number;
}

export interface BonusResult {
  bonusId: string;
  label: Text;
  amount: DecimalString;
}

export interface FeedbackItem {
  metricId: string;
  label: Text;
  score: DecimalString;
  action?: Text;
  /** True when the metric had no data this period (e.g. no reviews): the score 0 is not a judgement. */
  noData?: boolean;
}

/** A promotion suggested from the closed periods of the results table (src/ledger/promotion.ts). */
export interface PromotionSuggestion {
  toTier: string;
  minGrade: string;
  /** The ids of the closed periods that earned it, oldest first. */
  periods: string[];
}

export interface ParticipantResult {
  participantId: string;
  name: string;
  metrics: MetricResult[];
  totalScore: DecimalString;
  grade: string | null;
  rank: number;
  performancePay: DecimalString;
  bonuses: BonusResult[];
  /** Sum of `bonuses`. */
  bonus: DecimalString;
  teamBonus: DecimalString;
  award: DecimalString;
  /** base salary + performance pay + bonus + team bonus + award. */
  totalPay: DecimalString;
  honours: Text[];
  /** `promotion` is added after the run, from the results table (absent: none suggested). */
  feedback: {strengths: FeedbackItem[]; weakest: FeedbackItem[]; promotion?: PromotionSuggestion};
  /**
   * Lines that reproduce every written number, as data: each becomes text where it is written
   * (the plan's written language) or shown (the reader's), through src/i18n (`say`).
   */
  breakdown: Message[];
  /** True when this participant is in an upline cycle: no team figures were computed. */
  inCycle: boolean;
}

export interface RunStats {
  participants: number;
  recordsRead: number;
  recordsCredited: number;
  /** Every source record dated outside the run's period, the history below included. */
  recordsOutsidePeriod: number;
  /** Records dated before the plan's first period: history, counted here and never warned about. */
  recordsBeforeFirstPeriod: number;
  recordsWithoutDate: number;
  orphanRecords: number;
  multiLinkedRecords: number;
}

export interface RunResult {
  periodId: string;
  versionId: string;
  results: ParticipantResult[];
  issues: Issue[];
  stats: RunStats;
  totals: {
    performancePay: DecimalString;
    bonus: DecimalString;
    teamBonus: DecimalString;
    award: DecimalString;
    totalPay: DecimalString;
  };
}
