/**
 * The plan document: one JSON-serialisable description of a performance and incentive plan.
 *
 * It is the same document the extension keeps in globalConfig and that users export and import,
 * so it holds only plain data (strings, numbers, booleans, arrays, objects). Every decimal
 * (money, rate, weight, score, threshold) is kept as a string such as "0.05" or "60": a JS number
 * would silently lose exactness on the way through JSON and forms.
 *
 * Percent convention: weights, attainment thresholds, caps and scores are in percent points
 * ("60" = 60%, "120" = 120%); rates applied to money (bonus rates, team-bonus levels, pool shares)
 * are fractions ("0.05" = 5%), the way finance people write a commission rate into a formula.
 */

import type {LedgerKey} from './ledger/fields';

/** The document format version this code writes; older ones go through `migratePlan`. */
export const PLAN_SCHEMA_VERSION = 1;

export type Lang = 'zh' | 'en';

/** A user-visible text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** A decimal kept exactly as text, e.g. "46000.50", "0.05", "60". */
export type DecimalString = string;

/** A calendar date, ISO `YYYY-MM-DD`. */
export type IsoDate = string;

/** A table or field of the base, by id, with its name kept for messages and for import elsewhere. */
export interface TableRef {
  id: string;
  name: string;
}
export interface FieldRef {
  id: string;
  name: string;
}

/** The people table (参与人) and the fields that describe a participant. */
export interface PeopleMapping {
  table: TableRef;
  /** Display name; the primary field when absent. */
  name?: FieldRef;
  /** Link to the upline / team leader (上级) in the same table. */
  upline?: FieldRef;
  /** Team (团队): text, single select or a link (the first linked record's name). */
  team?: FieldRef;
  /** Tier (新人/资深): text or single select. */
  tier?: FieldRef;
  baseSalary?: FieldRef;
  performancePayBase?: FieldRef;
  /** First day the participant is active (入职日期): a date field. Used by target proration. */
  start?: FieldRef;
  /** Last day the participant is active (离职日期), inclusive: a date field. Used by target proration. */
  end?: FieldRef;
}

/**
 * How a record linked to several participants is credited (关联多人的记录如何计入).
 * - `first`: the first linked participant only (the default);
 * - `equal`: sums are split equally among the linked participants;
 * - `splitField`: sums are split by the record's percentage field, one share per linked
 *   participant in link order ("60, 40"), adding up to exactly 100.
 * Counts, distinct counts, averages and rates always credit the whole record to the first linked
 * participant: a record is counted once, never as fractions (docs/plan.md §2).
 */
export type CreditSplit = {kind: 'first'} | {kind: 'equal'} | {kind: 'splitField'; field: FieldRef};

/** A mapped table whose records link to participants (orders, customers, reviews...). */
export interface SourceMapping {
  /** Plan-local id, stable across bases, e.g. "orders". */
  id: string;
  label: Text;
  table: TableRef;
  /** The link (or text) field naming the credited participant. */
  participant: FieldRef;
  /** Records are kept when this date falls in the period; all records count when absent. */
  date?: FieldRef;
  /** Records linked to several participants; absent: the first linked (`{kind: 'first'}`). */
  credit?: CreditSplit;
}

/** Keys of the result fields the extension may write. Nothing else is ever written. */
export type ResultKey =
  | 'totalScore'
  | 'grade'
  | 'rank'
  | 'performancePay'
  | 'bonus'
  | 'teamBonus'
  | 'award'
  | 'totalPay'
  | 'honours'
  | 'breakdown'
  | 'feedback'
  | 'calculatedAt'
  /** The id of the period the other result cells show (issue 12: they hold one period at a time). */
  | 'periodId';

export const RESULT_KEYS: readonly ResultKey[] = [
  'totalScore',
  'grade',
  'rank',
  'performancePay',
  'bonus',
  'teamBonus',
  'award',
  'totalPay',
  'honours',
  'breakdown',
  'feedback',
  'calculatedAt',
  'periodId',
];

export interface Mapping {
  people?: PeopleMapping;
  sources: SourceMapping[];
  /** Result fields on the people table. Only these cells are ever written (and the results table's). */
  results: Partial<Record<ResultKey, FieldRef>>;
  /**
   * The results table (绩效结果): one row per participant per period, the ledger of what was
   * computed, approved and paid (docs/periods.md). Optional: without it only the people table's
   * result fields are written. The ledger's state (statuses, stamps) is kept apart in
   * globalConfig, so that importing a plan can never reopen a period.
   */
  resultsTable?: ResultsTableMapping;
}

/** A results table as the plan maps it: the table and the field of each ledger key it has. */
export interface ResultsTableMapping {
  table: TableRef;
  fields: Partial<Record<LedgerKey, FieldRef>>;
}

export type PeriodKind = 'month' | 'quarter' | 'custom';

/** A scoring period (考核周期); `end` is inclusive. */
export interface Period {
  id: string;
  kind: PeriodKind;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export type Aggregation = 'sum' | 'count' | 'distinctCount' | 'average' | 'rate';

export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'isEmpty' | 'notEmpty' | 'isTrue';

/** A condition on one field of a source record. `value` compares as a number when both sides are numeric. */
export interface Filter {
  field: FieldRef;
  op: FilterOp;
  value?: string;
}

export type MetricFamily =
  | 'sales'
  | 'customerDevelopment'
  | 'customerQuality'
  | 'network'
  | 'teamwork'
  | 'qualitative';

export type MetricUnit = 'money' | 'count' | 'percent' | 'rating' | 'number';

/**
 * Where a metric's value comes from.
 * - `source`: aggregate the records of a source credited to the participant in the period.
 *   `field` is the value summed/averaged/distinct-counted (the crediting choice: order amount or
 *   received amount). `filter` keeps only some records. For `rate`, the value is
 *   (records matching `rateFilter`) / (records kept), in percent points.
 * - `participant`: a number field of the participant's own record (e.g. a manager rating).
 */
export type MetricSource =
  | {
      kind: 'source';
      sourceId: string;
      aggregation: Aggregation;
      field?: FieldRef;
      filter?: Filter;
      rateFilter?: Filter;
    }
  | {kind: 'participant'; field: FieldRef};

/** Personal, or team: own plus downline down to `depth` levels (1 = direct downline). */
export type Scope = {kind: 'personal'} | {kind: 'team'; depth: number};

export type Target =
  | {kind: 'none'}
  | {kind: 'fixed'; value: DecimalString}
  /** Per tier value (新人 vs 资深); `fallback` for a tier not listed (absent: a data issue). */
  | {kind: 'perTier'; values: Record<string, DecimalString>; fallback?: DecimalString}
  | {kind: 'participantField'; field: FieldRef};

/** One threshold band: values at or above `from` (up to the next band) score `score`. */
export interface ScoreBand {
  from: DecimalString;
  score: DecimalString;
}

/**
 * How a metric value becomes a score in percent points.
 * - attainment: actual / target x 100, capped at `cap` (and never below 0).
 * - lowerIsBetter: target / actual x 100, capped at `cap`; an actual of 0 scores `cap`.
 * - scale: a rating on min..max mapped linearly to 0..100 (a rating outside is clamped and reported).
 * - bands: thresholds on the value (or on attainment when `on` is "attainment"), ascending `from`.
 */
export type Scoring =
  | {kind: 'attainment'; cap: DecimalString}
  | {kind: 'lowerIsBetter'; cap: DecimalString}
  | {kind: 'scale'; min: DecimalString; max: DecimalString}
  | {kind: 'bands'; on: 'value' | 'attainment'; bands: ScoreBand[]};

export interface Metric {
  id: string;
  label: Text;
  family: MetricFamily;
  unit: MetricUnit;
  source: MetricSource;
  scope: Scope;
  target: Target;
  scoring: Scoring;
  /** Percent points; the weights of a plan version sum to exactly 100. */
  weight: DecimalString;
  /** Improvement action shown when this metric is among the weakest (反馈与改进). */
  improvement?: Text;
}

/** A grade band on the total score: [min, max), the top band open-ended when `max` is absent. */
export interface GradeBand {
  grade: string;
  min: DecimalString;
  max?: DecimalString;
  /** Performance-pay coefficient for this grade, e.g. "1.2". */
  coefficient: DecimalString;
}

/** No incentive unless the participant reaches a minimum total score and/or grade. */
export interface Gate {
  minScore?: DecimalString;
  /** The lowest grade that still qualifies (grades ordered by their bands). */
  minGrade?: string;
}

/** A bonus tier: from this attainment (percent points of target) upwards, `rate` applies. */
export interface BonusTier {
  fromAttainment: DecimalString;
  rate: DecimalString;
}

/**
 * A rate bonus on a metric's value (e.g. 2% of credited sales, 3% above target, 5% above 120%).
 * - `marginal`: each slice of the value between two tier thresholds earns its own rate
 *   (accelerators pay only on the part above the threshold);
 * - `whole`: the whole value earns the rate of the highest tier reached.
 */
export interface RateBonus {
  id: string;
  label: Text;
  metricId: string;
  tierMode: 'marginal' | 'whole';
  tiers: BonusTier[];
  gate?: Gate;
  /** Maximum of the rate part, money. */
  cap?: DecimalString;
  /** Fixed amount paid when attainment reaches 100% (and the gate is passed). */
  fixedOnTarget?: DecimalString;
}

/** Multi-level team bonus (多层级团队奖): a fraction of each downline level's credited value. */
export interface TeamBonus {
  enabled: boolean;
  /** The metric (personal scope) whose value is credited, normally sales amount. */
  metricId: string;
  /** Fraction per level: levels[0] applies to direct downline, levels[1] to theirs... */
  levels: DecimalString[];
  gate?: Gate;
}

/** Team champion award (团队销售冠军奖): the best team by a metric shares a pool. */
export interface ChampionAward {
  enabled: boolean;
  metricId: string;
  pool: DecimalString;
  /** Fraction of the pool for the team leader, e.g. "0.3"; the rest goes to the other members. */
  leaderShare: DecimalString;
  split: 'equal' | 'proRata';
}

/**
 * An honour (荣誉): the best participant(s) by a metric or by total score, optionally within a
 * tier, and only those whose metric rests on at least `minSample` records.
 */
export interface Honour {
  id: string;
  title: Text;
  by: 'totalScore' | {metricId: string};
  /** lower-is-better metrics rank ascending. */
  direction: 'highest' | 'lowest';
  tier?: string;
  minSample?: number;
  /** How many places get the title (ties at the last place share it). */
  count: number;
}

export interface Incentives {
  performancePay: {enabled: boolean};
  bonuses: RateBonus[];
  teamBonus: TeamBonus;
  championAward: ChampionAward;
  honours: Honour[];
}

export interface FeedbackRules {
  /** How many best-scoring metrics are named as strengths. */
  strengths: number;
  /** How many lowest-scoring metrics (below 100) are named with their improvement action. */
  weakest: number;
}

/** The rules in force for the periods that start within [effectiveFrom, effectiveTo]. */
export interface PlanVersion {
  id: string;
  label: string;
  effectiveFrom: IsoDate;
  /** Inclusive; open-ended when absent. */
  effectiveTo?: IsoDate;
  metrics: Metric[];
  grades: GradeBand[];
  incentives: Incentives;
  feedback: FeedbackRules;
}

export type RoundingMode = 'halfUp' | 'halfEven' | 'down';

export interface Currency {
  code: string;
  /** Decimal places money is rounded to, once, at the end. */
  precision: number;
  rounding: RoundingMode;
}

/**
 * How scores are rounded (得分舍入), docs/plan.md §7. Metric values and scores are never rounded
 * before they are used; only the total, or each weighted score, is.
 * - `total`: exact until the total, which is rounded once to `places` (the default, 2 places);
 * - `eachWeighted`: each weighted score is rounded to `places` and the total is their sum, so the
 *   breakdown adds up on screen.
 */
export interface ScoreRounding {
  mode: 'total' | 'eachWeighted';
  /** 0 to 4. */
  places: number;
}

export const DEFAULT_SCORE_ROUNDING: ScoreRounding = {mode: 'total', places: 2};

/** Target proration (目标按在岗天数折算), docs/plan.md §6: needs the people table's start date. */
export interface Proration {
  enabled: boolean;
}

/**
 * A promotion rule (晋升建议, the article's career incentive), docs/plan.md §14: `periods`
 * consecutive closed periods at grade `minGrade` or better suggest moving a participant to
 * `toTier`. Read from the results table (the grades as written and closed), never from a
 * recomputation; a suggestion only, nothing in the base is moved.
 */
export interface PromotionRule {
  /** Only participants whose tier is this one (e.g. 新人); every tier when absent. */
  fromTier?: string;
  /** The lowest grade that counts (grades ordered by their bands, as gates order them). */
  minGrade: string;
  /** How many consecutive closed periods, at least 1. */
  periods: number;
  /** The tier suggested (e.g. 资深). */
  toTier: string;
}

export interface PlanDocument {
  schemaVersion: number;
  name: string;
  mapping: Mapping;
  periods: Period[];
  versions: PlanVersion[];
  currency: Currency;
  /** Absent: DEFAULT_SCORE_ROUNDING. */
  scoreRounding?: ScoreRounding;
  /** Absent: off. */
  proration?: Proration;
  /**
   * The language of the texts written to the base (breakdown, feedback, honours, calculation
   * time). Fixed per plan so that collaborators reading the extension in different languages
   * write the same cells: a refresh by an English reader after a Chinese one changes nothing.
   * Absent: the language of the user who presses Refresh.
   */
  resultLanguage?: Lang;
  /** Adjustments of closed periods and the clawback policy (issue 13; docs/adjustments.md). Defaults when absent. */
  adjustments?: import('./ledger/clawback').AdjustmentPolicy;
  /** Promotion rules, the first that applies wins; absent or empty: no suggestion. */
  promotion?: PromotionRule[];
}
