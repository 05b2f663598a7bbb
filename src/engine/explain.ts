/**
 * The breakdown (绩效明细): lines in zh and en that show the arithmetic of every written number,
 * from the same rounded values that are written, so that a rep can redo each line by hand.
 */
import type {Currency, GradeBand, Lang, Metric, Text} from '../plan';
import {catalogue, type MessageKey} from '../i18n';
import {formatGrouped, formatRatePercent, groupDigits, plain, type Dec} from './money';
import type {ScoreOutcome} from './scoring';
import type {TargetResult} from './target';
import type {GateOutcome, RateBonusOutcome, TeamLevel} from './incentives';
import type {AwardShare} from './award';
import {remembered} from './memo';

type Param = string | number | Text;
type BiParams = Record<string, Param>;

const LANGS: Lang[] = ['zh', 'en'];

/** A template split at its placeholders: literal, name, literal, name, ..., literal. */
type Compiled = string[];
const compiled = new Map<MessageKey, {zh: Compiled; en: Compiled}>();

function compile(template: string): Compiled {
  return template.split(/\{(\w+)\}/);
}

/**
 * Same result as the catalogue's `fill` (a missing parameter stays visible as `{name}`), but each
 * template is split once: the breakdown fills some 200,000 lines for 10,000 participants.
 * The pieces are joined, not added with `+=`: V8 keeps an added-up string as a tree of pieces
 * (about 4x the memory of its characters, measured 54 MB of breakdown at 10k participants), while
 * a join makes one flat string.
 */
function fillCompiled(parts: Compiled, params: BiParams, lang: Lang): string {
  const out: string[] = new Array(parts.length);
  out[0] = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]];
    out[i] = value === undefined ? `{${parts[i]}}` : typeof value === 'object' ? value[lang] : String(value);
    out[i + 1] = parts[i + 1];
  }
  return out.join('');
}

/** One catalogue template filled in both languages; parameters may themselves be zh/en texts. */
export function bi(key: MessageKey, params: BiParams = {}): Text {
  let entry = compiled.get(key);
  if (!entry) {
    entry = {zh: compile(catalogue[key].zh), en: compile(catalogue[key].en)};
    compiled.set(key, entry);
  }
  return {zh: fillCompiled(entry.zh, params, 'zh'), en: fillCompiled(entry.en, params, 'en')};
}

function joinText(parts: readonly Text[], separator: string): Text {
  return {zh: parts.map((p) => p.zh).join(separator), en: parts.map((p) => p.en).join(separator)};
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

/** The 2-place texts of a metric row, made once and used by the result, the line and the feedback. */
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

const NO_LIMIT: Text = {zh: '', en: ''};

export function metricLine(row: MetricLineInput): Text {
  const {metric, value, outcome, texts} = row;
  const score = groupDigits(texts.score);
  const label = metric.label;
  const weight = plain(metric.weight);
  const weighted = groupDigits(texts.weighted);
  if (outcome.status === 'noData' || value === null || texts.value === null) return bi('engine.line.noData', {metric: label, weight, weighted, score});
  const shown = shownValue(metric, texts.value);
  // Parameters are written out per line (no spread of a shared object): 30,000 lines at 10k participants.
  if (outcome.status === 'noTarget' || outcome.status === 'badScale') return bi('engine.line.noTarget', {metric: label, weight, weighted, score, value: shown});
  if (outcome.status === 'zeroTarget') return bi('engine.line.zeroTarget', {metric: label, weight, weighted, score, value: shown});
  const limit = outcome.limited ? bi('engine.line.limit', {score}) : NO_LIMIT;
  const target = row.target.kind === 'value' ? formatValue(metric, row.target.value) : '';
  const scoring = metric.scoring;
  switch (scoring.kind) {
    case 'attainment':
      return bi('engine.line.attainment', {metric: label, weight, weighted, score, value: shown, target, attainment: groupDigits(texts.attainment ?? outcome.ratio!.toFixed(2)), limit});
    case 'lowerIsBetter':
      if (outcome.ratio === null) return bi('engine.line.lowerIsBetterNone', {metric: label, weight, weighted, score, value: shown});
      return bi('engine.line.lowerIsBetter', {metric: label, weight, weighted, score, value: shown, target, ratio: formatScore(outcome.ratio), limit});
    case 'scale':
      return bi('engine.line.scale', {metric: label, weight, weighted, score, value: shown, min: plain(scoring.min), max: plain(scoring.max), ratio: formatScore(outcome.ratio!), limit});
    case 'bands': {
      if (!outcome.band) {
        const from = outcome.lowestFrom ? plain(outcome.lowestFrom) : '';
        const on = scoring.on === 'attainment' ? `${formatScore(outcome.attainment!)}%` : shown;
        return bi('engine.line.bandBelow', {metric: label, weight, weighted, score, value: on, from});
      }
      if (scoring.on === 'attainment') {
        return bi('engine.line.bandAttainment', {metric: label, weight, weighted, score, value: shown, target, attainment: formatScore(outcome.attainment!), from: plain(outcome.band.from)});
      }
      return bi('engine.line.bandValue', {metric: label, weight, weighted, score, value: shown, from: plain(outcome.band.from)});
    }
  }
}

/**
 * Lines below take the 2-place texts already made for the result (`toFixed`), and only add the
 * thousands separators: formatting each decimal once was the largest cost of the breakdown.
 */
export function totalLine(weighted: readonly string[], total: string): Text {
  const shownTotal = groupDigits(total);
  const terms = weighted.length > 0 ? weighted.map(groupDigits).join(' + ') : shownTotal;
  return bi('engine.line.total', {terms, total: shownTotal});
}

export function gradeLine(band: GradeBand | null, total: string): Text {
  const shown = groupDigits(total);
  if (!band) return bi('engine.line.gradeNone', {total: shown});
  if (band.max === undefined || band.max === '') return bi('engine.line.gradeTop', {grade: band.grade, total: shown, min: plain(band.min)});
  return bi('engine.line.grade', {grade: band.grade, total: shown, min: plain(band.min), max: plain(band.max)});
}

function gateReason(gate: GateOutcome, total: string, grade: string | null): Text {
  if (gate.passed) return {zh: '', en: ''};
  if (gate.by === 'score') return bi('engine.frag.gateScore', {total: groupDigits(total), min: plain(gate.min)});
  return bi('engine.frag.gateGrade', {grade: grade ?? bi('engine.frag.none'), min: gate.min});
}

/** `amount` is the paid amount as shown (grouped); `total` the total score's 2-place text. */
export function bonusLine(
  label: Text,
  outcome: RateBonusOutcome,
  amount: string,
  currency: Currency,
  context: {metric: Text; value: Dec; total: string; grade: string | null},
): Text {
  const money = (d: Dec) => formatMoney(d, currency);
  if (outcome.kind === 'gate') {
    return bi('engine.line.bonusGate', {bonus: label, reason: gateReason(outcome.gate, context.total, context.grade), amount});
  }
  if (outcome.kind === 'negative') {
    return bi('engine.line.bonusNegative', {bonus: label, metric: context.metric, value: formatGrouped(context.value, 2), amount});
  }
  let calc: Text =
    outcome.slices.length > 0
      ? joinText(outcome.slices.map((s) => bi('engine.frag.slice', {base: formatGrouped(s.base, 2), rate: ratePercent(s.rate)})), ' + ')
      : {zh: '0', en: '0'};
  if (outcome.capped) calc = bi('engine.frag.cap', {calc, cap: money(outcome.cap!)});
  if (outcome.fixed) calc = bi('engine.frag.fixed', {calc, fixed: money(outcome.fixed)});
  return bi('engine.line.bonus', {bonus: label, calc, amount});
}

export type TeamBonusExplain =
  | {kind: 'cycle'}
  | {kind: 'gate'; gate: GateOutcome}
  | {kind: 'paid'; levels: TeamLevel[]; floored: boolean};

/** `amount` as shown (grouped); `total` the total score's 2-place text. */
export function teamBonusLine(explain: TeamBonusExplain, money: string, context: {total: string; grade: string | null}): Text {
  if (explain.kind === 'cycle') return bi('engine.line.teamBonusCycle', {amount: money});
  if (explain.kind === 'gate') return bi('engine.line.teamBonusGate', {reason: gateReason(explain.gate, context.total, context.grade), amount: money});
  let calc = joinText(
    explain.levels.map((l) => bi('engine.frag.level', {level: l.level, base: formatGrouped(l.base, 2), rate: ratePercent(l.rate)})),
    ' + ',
  );
  if (explain.levels.length === 0) calc = {zh: '0', en: '0'};
  if (explain.floored) calc = bi('engine.frag.floor', {calc});
  return bi('engine.line.teamBonus', {calc, amount: money});
}

export function awardLine(share: AwardShare, currency: Currency, metric: Text): Text {
  const money = (d: Dec) => formatMoney(d, currency);
  const common = {team: share.team, amount: money(share.amount), pool: money(share.pool), rest: money(share.rest)};
  if (share.role === 'alone') return bi('engine.line.awardAlone', common);
  if (share.role === 'leader') return bi('engine.line.awardLeader', {...common, share: formatRatePercent(share.leaderShare)});
  if (share.split === 'proRata' && share.teamValue.greaterThan(0)) {
    return bi('engine.line.awardProRata', {...common, metric, value: formatGrouped(share.value, 2), teamValue: formatGrouped(share.teamValue, 2)});
  }
  return bi('engine.line.awardEqual', {...common, members: share.members});
}

/** The amounts as shown (grouped). */
export function totalPayLine(parts: {base: string; performance: string; bonus: string; team: string; award: string; total: string}): Text {
  return bi('engine.line.totalPay', parts);
}

/** Appends a zh/en line to the breakdown. */
export function push(breakdown: {zh: string[]; en: string[]}, line: Text): void {
  for (const lang of LANGS) breakdown[lang].push(line[lang]);
}
