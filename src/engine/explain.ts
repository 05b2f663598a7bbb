/**
 * The breakdown (绩效明细): lines that show the arithmetic of every written number, from the same
 * rounded values that are written, so that a rep can redo each line by hand. Lines are data (a
 * catalogue key and its parameters, src/i18n/format.ts): the language is chosen where they are
 * written or shown.
 */
import type {Currency, GradeBand, Metric, Text} from '../plan';
import {groupDigits, type Joined, type Message, type MessageKey, type Params} from '../i18n';
import {formatGrouped, formatRatePercent, plain, type Dec} from './money';
import type {ScoreOutcome} from './scoring';
import type {TargetResult} from './target';
import type {GateOutcome, RateBonusOutcome, TeamLevel} from './incentives';
import type {AwardShare} from './award';
import {remembered} from './memo';

/** One breakdown line or fragment as data: made into text at the edge, in one language. */
export function line(key: MessageKey, params: Params = {}): Message {
  return {key, params};
}

const PLUS = ' + ';

function joined(parts: readonly Message[]): Joined {
  return {join: parts, separator: PLUS};
}

/** Texts of plan decimals (targets), which are shared instances: formatted once per run, not per line. */
const shownCache = new WeakMap<Dec, {count: string; other: string}>();

/** A metric value as shown: counts without decimals when whole, everything else with 2. */
export function formatValue(metric: Pick<Metric, 'unit'>, value: Dec): string {
  let cached = shownCache.get(value);
  if (!cached) {
    const other = formatGrouped(value, 2);
    cached = {count: value.isInteger() ? formatGrouped(value, 0) : other, other};
    shownCache.set(value, cached);
  }
  return metric.unit === 'count' ? cached.count : cached.other;
}

export const formatScore = (score: Dec) => formatGrouped(score, 2);
export const formatMoney = (amount: Dec, currency: Currency) => formatGrouped(amount, currency.precision);

/** Rates are plan decimals, shared by every participant: each is printed once per run. */
const rateCache = new WeakMap<Dec, string>();

/** A rate fraction in percent points, as the lines show it. @example ratePercent(new D('0.025')) // '2.5' */
function ratePercent(rate: Dec): string {
  return remembered(rateCache, rate, () => formatRatePercent(rate));
}

/**
 * The texts of a metric row, made once and used by the result, the line and the feedback: the
 * value, score and attainment at 2 places, the weighted score at the plan's score places.
 */
export interface MetricTexts {
  value: string | null;
  score: string;
  weighted: string;
  attainment: string | null;
}

export interface MetricLineInput {
  metric: Metric;
  value: Dec | null;
  target: TargetResult;
  outcome: ScoreOutcome;
  weight: Dec;
  weighted: Dec;
  texts: MetricTexts;
}

/** A 2-place value text as shown: whole counts without decimals. */
function shownValue(metric: Pick<Metric, 'unit'>, fixed2: string): string {
  return metric.unit === 'count' && fixed2.endsWith('.00') ? groupDigits(fixed2.slice(0, -3)) : groupDigits(fixed2);
}

const NO_LIMIT = '';

export function metricLine(row: MetricLineInput): Message {
  const {metric, value, outcome, texts} = row;
  const score = groupDigits(texts.score);
  const label = metric.label;
  const weight = plain(metric.weight);
  const weighted = groupDigits(texts.weighted);
  if (outcome.status === 'noData' || value === null || texts.value === null) return line('engine.line.noData', {metric: label, weight, weighted, score});
  const shown = shownValue(metric, texts.value);
  // Parameters are written out per line (no spread of a shared object): 30,000 lines at 10k participants.
  if (outcome.status === 'noTarget' || outcome.status === 'badScale') return line('engine.line.noTarget', {metric: label, weight, weighted, score, value: shown});
  if (outcome.status === 'zeroTarget') return line('engine.line.zeroTarget', {metric: label, weight, weighted, score, value: shown});
  const limit = outcome.limited ? line('engine.line.limit', {score}) : NO_LIMIT;
  const target = row.target.kind === 'value' ? formatValue(metric, row.target.value) : '';
  const scoring = metric.scoring;
  switch (scoring.kind) {
    case 'attainment':
      return line('engine.line.attainment', {metric: label, weight, weighted, score, value: shown, target, attainment: groupDigits(texts.attainment ?? outcome.ratio!.toFixed(2)), limit});
    case 'lowerIsBetter':
      if (outcome.ratio === null) return line('engine.line.lowerIsBetterNone', {metric: label, weight, weighted, score, value: shown});
      return line('engine.line.lowerIsBetter', {metric: label, weight, weighted, score, value: shown, target, ratio: formatScore(outcome.ratio), limit});
    case 'scale':
      return line('engine.line.scale', {metric: label, weight, weighted, score, value: shown, min: plain(scoring.min), max: plain(scoring.max), ratio: formatScore(outcome.ratio!), limit});
    case 'bands': {
      if (!outcome.band) {
        const from = outcome.lowestFrom ? plain(outcome.lowestFrom) : '';
        const on = scoring.on === 'attainment' ? `${formatScore(outcome.attainment!)}%` : shown;
        return line('engine.line.bandBelow', {metric: label, weight, weighted, score, value: on, from});
      }
      if (scoring.on === 'attainment') {
        return line('engine.line.bandAttainment', {metric: label, weight, weighted, score, value: shown, target, attainment: formatScore(outcome.attainment!), from: plain(outcome.band.from)});
      }
      return line('engine.line.bandValue', {metric: label, weight, weighted, score, value: shown, from: plain(outcome.band.from)});
    }
  }
}

/**
 * Lines below take the 2-place texts already made for the result (`toFixed`), and only add the
 * thousands separators: formatting each decimal once was the largest cost of the breakdown.
 */
export function totalLine(weighted: readonly string[], total: string): Message {
  const shownTotal = groupDigits(total);
  const terms = weighted.length > 0 ? weighted.map(groupDigits).join(' + ') : shownTotal;
  return line('engine.line.total', {terms, total: shownTotal});
}

/**
 * A prorated target (docs/plan.md §6): "销售额 目标 50,000.00 × 12/31 天 = 19,354.84".
 */
export function prorationLine(metric: Metric, target: Dec, active: {days: number; periodDays: number}, prorated: Dec): Message {
  return line('engine.line.prorated', {metric: metric.label, target: formatValue(metric, target), days: active.days, periodDays: active.periodDays, prorated: formatGrouped(prorated, 2)});
}

/**
 * Under "exact until the total" the weighted lines are shown rounded and may not add up to the
 * total: one line says so, with both sums (docs/plan.md §7).
 */
export function roundingNote(shownSum: string, total: string): Message {
  return line('engine.line.roundingNote', {sum: groupDigits(shownSum), total: groupDigits(total)});
}

export function gradeLine(band: GradeBand | null, total: string): Message {
  const shown = groupDigits(total);
  if (!band) return line('engine.line.gradeNone', {total: shown});
  if (band.max === undefined || band.max === '') return line('engine.line.gradeTop', {grade: band.grade, total: shown, min: plain(band.min)});
  return line('engine.line.grade', {grade: band.grade, total: shown, min: plain(band.min), max: plain(band.max)});
}

function gateReason(gate: GateOutcome, total: string, grade: string | null): Message | string {
  if (gate.passed) return '';
  if (gate.by === 'score') return line('engine.frag.gateScore', {total: groupDigits(total), min: plain(gate.min)});
  return line('engine.frag.gateGrade', {grade: grade ?? line('engine.frag.none'), min: gate.min});
}

/** `amount` is the paid amount as shown (grouped); `total` the total score's 2-place text. */
export function bonusLine(
  label: Text,
  outcome: RateBonusOutcome,
  amount: string,
  currency: Currency,
  context: {metric: Text; value: Dec; total: string; grade: string | null},
): Message {
  const money = (d: Dec) => formatMoney(d, currency);
  if (outcome.kind === 'gate') {
    return line('engine.line.bonusGate', {bonus: label, reason: gateReason(outcome.gate, context.total, context.grade), amount});
  }
  if (outcome.kind === 'negative') {
    return line('engine.line.bonusNegative', {bonus: label, metric: context.metric, value: formatGrouped(context.value, 2), amount});
  }
  let calc: Message | Joined | string =
    outcome.slices.length > 0 ? joined(outcome.slices.map((s) => line('engine.frag.slice', {base: formatGrouped(s.base, 2), rate: ratePercent(s.rate)}))) : '0';
  if (outcome.capped) calc = line('engine.frag.cap', {calc, cap: money(outcome.cap!)});
  if (outcome.fixed) calc = line('engine.frag.fixed', {calc, fixed: money(outcome.fixed)});
  return line('engine.line.bonus', {bonus: label, calc, amount});
}

export type TeamBonusExplain =
  | {kind: 'cycle'}
  | {kind: 'gate'; gate: GateOutcome}
  | {kind: 'paid'; levels: TeamLevel[]; floored: boolean};

/** `amount` as shown (grouped); `total` the total score's 2-place text. */
export function teamBonusLine(explain: TeamBonusExplain, money: string, context: {total: string; grade: string | null}): Message {
  if (explain.kind === 'cycle') return line('engine.line.teamBonusCycle', {amount: money});
  if (explain.kind === 'gate') return line('engine.line.teamBonusGate', {reason: gateReason(explain.gate, context.total, context.grade), amount: money});
  let calc: Message | Joined | string =
    explain.levels.length > 0 ? joined(explain.levels.map((l) => line('engine.frag.level', {level: l.level, base: formatGrouped(l.base, 2), rate: ratePercent(l.rate)}))) : '0';
  if (explain.floored) calc = line('engine.frag.floor', {calc});
  return line('engine.line.teamBonus', {calc, amount: money});
}

export function awardLine(share: AwardShare, currency: Currency, metric: Text): Message {
  const money = (d: Dec) => formatMoney(d, currency);
  const common = {team: share.team, amount: money(share.amount), pool: money(share.pool), rest: money(share.rest)};
  if (share.role === 'alone') return line('engine.line.awardAlone', common);
  if (share.role === 'leader') return line('engine.line.awardLeader', {...common, share: formatRatePercent(share.leaderShare)});
  if (share.split === 'proRata' && share.teamValue.greaterThan(0)) {
    return line('engine.line.awardProRata', {...common, metric, value: formatGrouped(share.value, 2), teamValue: formatGrouped(share.teamValue, 2)});
  }
  return line('engine.line.awardEqual', {...common, members: share.members});
}

/** The amounts as shown (grouped). */
export function totalPayLine(parts: {base: string; performance: string; bonus: string; team: string; award: string; total: string}): Message {
  return line('engine.line.totalPay', parts);
}
