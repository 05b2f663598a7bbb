/**
 * Promotion suggestions (晋升建议, the article's career incentive), docs/plan.md §14: a plan rule
 * "N consecutive closed periods at grade G or better -> suggested for tier T", judged on the
 * results table: the grades as they were written and closed, not a recomputation. A closed period
 * is what was paid; a grade the finance person has not closed yet could still move.
 *
 * The run of periods is counted in the plan's period order (by start date, the plan's list order
 * among equal starts), backwards from the latest closed period before the period being computed,
 * and only through closed periods with exactly one row of the person at grade G or better. A
 * period that is not closed, a missing row (the person was not in the run, or the row was
 * removed), two rows for one period, or a lower grade ends the run. Each period's grade is ranked
 * by the grade bands of the version in force for that period, as gates rank them.
 *
 * Pure: the pipeline reads the rows, this module says who is suggested, the catalogue says it.
 */
import {gradeAtLeast} from '../engine/grade';
import {versionForPeriod} from '../period';
import type {Period, PlanDocument, PromotionRule} from '../plan';
import type {ParticipantResult, PromotionSuggestion, RunResult} from '../results';
import type {ResultRow} from './rows';
import type {PeriodState} from './status';

export type {PromotionSuggestion};

/** The plan's parts a suggestion reads. */
export type PromotionPlan = Pick<PlanDocument, 'promotion' | 'periods' | 'versions'>;

/**
 * The plan's periods in order: by start date, the plan's list order among equal starts.
 *
 * @example periodOrder([{id: 'b', start: '2026-02-01'}, {id: 'a', start: '2026-01-01'}]).map((p) => p.id) // ['a', 'b']
 */
export function periodOrder<P extends Pick<Period, 'start'>>(periods: readonly P[]): P[] {
  return periods.map((period, index) => ({period, index})).sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : a.index - b.index)).map(({period}) => period);
}

/**
 * The closed periods before `periodId` that end at the latest of them and run back without a
 * period that is not closed between them, newest first.
 *
 * @example closedStretch(plan.periods, '2026-04', {'2026-01': closed, '2026-02': closed}) // [Feb, Jan]
 */
export function closedStretch<P extends Pick<Period, 'id' | 'start'>>(periods: readonly P[], periodId: string, states: Readonly<Record<string, PeriodState | undefined>>): P[] {
  const ordered = periodOrder(periods);
  const at = ordered.findIndex((period) => period.id === periodId);
  const before = (at < 0 ? [] : ordered.slice(0, at)).reverse();
  const latest = before.findIndex((period) => states[period.id]?.status === 'closed');
  if (latest < 0) return [];
  const stretch: P[] = [];
  for (const period of before.slice(latest)) {
    if (states[period.id]?.status !== 'closed') break;
    stretch.push(period);
  }
  return stretch;
}

export interface PersonPromotionInput {
  plan: PromotionPlan;
  /** The period being computed (normally the open one). */
  periodId: string;
  /** The ledger's period states (`LedgerState.periods`): a period without an entry is open. */
  states: Readonly<Record<string, PeriodState | undefined>>;
  /** The person's results rows, any periods, as read. */
  rows: readonly Pick<ResultRow, 'periodId' | 'cells'>[];
  /** The person's tier as the people table holds it now; null when empty or not mapped. */
  tier: string | null;
}

/** Whether a rule is for a person of `tier`: its `fromTier`, or any tier; never for one already at `toTier`. */
function ruleApplies(rule: PromotionRule, tier: string | null): boolean {
  const own = tier?.trim() ?? '';
  if (own !== '' && own === rule.toTier.trim()) return false;
  return rule.fromTier === undefined || rule.fromTier.trim() === '' || rule.fromTier.trim() === own;
}

/**
 * The first rule that suggests a promotion for one person, or null.
 *
 * @example promotionFor({plan, periodId: '2026-04', states: {'2026-01': closed, '2026-02': closed, '2026-03': closed}, rows: rowsGraded(['A', 'S', 'A']), tier: '新人'})
 * // {toTier: '资深', minGrade: 'A', periods: ['2026-01', '2026-02', '2026-03']}
 */
export function promotionFor(input: PersonPromotionInput): PromotionSuggestion | null {
  const rules = input.plan.promotion ?? [];
  if (rules.length === 0) return null;
  const stretch = closedStretch(input.plan.periods, input.periodId, input.states);
  if (stretch.length === 0) return null;
  const grades = new Map<string, string | null>();
  const seen = new Set<string>();
  for (const row of input.rows) {
    if (row.periodId === null) continue;
    // Two rows for one period: neither can be trusted (src/ledger/rows.ts reports them).
    if (seen.has(row.periodId)) grades.set(row.periodId, null);
    else grades.set(row.periodId, typeof row.cells.grade === 'string' ? row.cells.grade.trim() : null);
    seen.add(row.periodId);
  }
  for (const rule of rules) {
    if (!ruleApplies(rule, input.tier)) continue;
    const run: string[] = [];
    for (const period of stretch) {
      if (run.length === rule.periods) break;
      const version = versionForPeriod(input.plan, period);
      const grade = grades.get(period.id) ?? null;
      if (!version || !gradeAtLeast(grade, rule.minGrade.trim(), version.grades)) break;
      run.push(period.id);
    }
    if (rule.periods >= 1 && run.length === rule.periods) return {toTier: rule.toTier.trim(), minGrade: rule.minGrade.trim(), periods: run.reverse()};
  }
  return null;
}

export interface PromotionInput {
  plan: PromotionPlan;
  periodId: string;
  states: Readonly<Record<string, PeriodState | undefined>>;
  /** Every row of the results table as read, all periods and people. */
  rows: readonly Pick<ResultRow, 'participantId' | 'periodId' | 'cells'>[];
  /** Each participant's tier as read with the facts; a participant not in the map has none. */
  tiers: ReadonlyMap<string, string | null>;
  /** The participants of the run. */
  participantIds: readonly string[];
}

/** The suggestion of each participant of the run who has one, by participant id. */
export function promotionSuggestions(input: PromotionInput): Map<string, PromotionSuggestion> {
  const suggestions = new Map<string, PromotionSuggestion>();
  if (!input.plan.promotion?.length) return suggestions;
  const rowsOf = new Map<string, Pick<ResultRow, 'periodId' | 'cells'>[]>();
  for (const row of input.rows) {
    if (row.participantId === null) continue;
    const list = rowsOf.get(row.participantId);
    if (list) list.push(row);
    else rowsOf.set(row.participantId, [row]);
  }
  for (const participantId of input.participantIds) {
    const suggestion = promotionFor({...input, rows: rowsOf.get(participantId) ?? [], tier: input.tiers.get(participantId) ?? null});
    if (suggestion) suggestions.set(participantId, suggestion);
  }
  return suggestions;
}

/**
 * The run's results with each suggestion in the person's feedback (where the feedback's text and
 * the results row's promotion cell are made). Results without a suggestion are returned as they are.
 */
export function withPromotions(results: readonly ParticipantResult[], suggestions: ReadonlyMap<string, PromotionSuggestion>): ParticipantResult[] {
  if (suggestions.size === 0) return [...results];
  return results.map((result) => {
    const promotion = suggestions.get(result.participantId);
    return promotion ? {...result, feedback: {...result.feedback, promotion}} : result;
  });
}

/** The run with the suggestions in its results' feedback; the run itself without any. */
export function promotedRun(run: RunResult, suggestions: ReadonlyMap<string, PromotionSuggestion> | undefined): RunResult {
  return suggestions && suggestions.size > 0 ? {...run, results: withPromotions(run.results, suggestions)} : run;
}
