/**
 * The run: facts of one period in, one result per participant out, following the rules of
 * docs/plan.md: credit records, build the tree, value and score each metric, total and grade, rank,
 * pay, honours, feedback, breakdown. Each participant's part of a result is made as soon as what
 * it rests on is known (score lines and feedback when scored; amounts, their lines and the result
 * once ranks, the award and honours are decided), so that no per-participant working data
 * (decimals, outcomes, texts) is held for everyone from one phase to the next: in a browser, what
 * a run holds for longer than a few scavenges is promoted and adds to the refresh's heap peak.
 */
import type {Facts, ParticipantFact} from '../facts';
import {DEFAULT_SCORE_ROUNDING, type Currency, type GradeBand, type Metric, type PlanDocument, type PlanVersion, type RateBonus, type ScoreRounding, type Text} from '../plan';
import type {Issue, MetricResult, ParticipantResult, RunResult, RunStats} from '../results';
import {versionForPeriod} from '../period';
import {groupDigits, text, type Message, type MessageKey} from '../i18n';
import {aggregateSourcesSteps, aggregationOf, addBucket, bucketSample, bucketValue, emptyBucket, emptyStats, participantFieldBuckets, type Bucket, type MetricBuckets} from './aggregate';
import {buildHierarchy, downlineByLevel, type Hierarchy} from './hierarchy';
import {idList, makeIssue} from './issues';
import {BEYOND_BOUND, fixedText, hundredthsOf, NOT_A_NUMBER, readCell, PERCENT, plain, planDecimal, round2, roundMoney, roundScore, ZERO, type Dec} from './money';
import {resolveTarget, type TargetResult} from './target';
import {prorate, prorationFor, type ActiveDays} from './proration';
import {scoreMetric, weightedByFraction, type ScoreOutcome} from './scoring';
import {gradeFor} from './grade';
import {competitionRanks} from './rank';
import {checkGate, performancePay, rateBonus, teamBonus, tiersInMoney, type RateBonusOutcome, type Tier} from './incentives';
import {championAward, type AwardMember, type AwardShare} from './award';
import {awardHonours} from './honours';
import {feedbackFor, sharedFeedback} from './feedback';
import {remembered, sharedLines, sharedTexts, WhileRepeated, type LineShare} from './memo';
import {awardLine, bonusLine, formatMoney, gradeLine, line, metricLine, prorationLine, roundingNote, teamBonusLine, totalLine, totalPayLine, type MetricTexts, type TeamBonusExplain} from './explain';

/** One metric of one participant while it is scored: dropped once the result's parts are made from it. */
interface MetricRow {
  metric: Metric;
  /** The metric's value at its scope, exact: scored and paid on (the lines show it at 2 places). */
  value: Dec | null;
  /** The participant's own value, exact (team bonus, award). */
  personal: Dec | null;
  sample: number;
  /** The target measured against: prorated when `prorated` is set. */
  target: TargetResult;
  /** The plan's target and the days it was prorated by (docs/plan.md §6), or null. */
  prorated: {base: Dec; active: ActiveDays} | null;
  outcome: ScoreOutcome;
  weight: Dec;
  /** score x weight / 100, exact. */
  weighted: Dec;
  /** The weighted score at the plan's places: what the line shows (and adds, rounding each line). */
  weightedRounded: Dec;
  texts: MetricTexts;
}

/**
 * What pay reads of a metric an incentive or honour names, for every participant (by index): one
 * column per figure rather than an object per participant, kept only for those metrics.
 */
interface PaidOn {
  /** The value at the metric's scope, exact. */
  value: (Dec | null)[];
  /** The participant's own value, exact (team bonus, award): the same decimal as `value` at personal scope. */
  personal: (Dec | null)[];
  /** Records behind the value (honours' minimum sample). */
  sample: number[];
  /** The target measured against, when there is one. */
  target: (Dec | null)[];
}

/** By metric position: the columns of the metrics pay reads, undefined for the others. */
type PaidOnColumns = (PaidOn | undefined)[];

/** A scored run: the rows, and the figures pay reads. */
interface Scored {
  rows: Row[];
  paidOn: PaidOnColumns;
}

/**
 * A scored participant, held until the run ends: only what pay and the last lines still read.
 * The metric rows are turned into the result's parts as soon as they are scored, so that
 * 10,000 x metrics rows of decimals and texts never outlive their participant's turn.
 */
interface Row {
  index: number;
  participant: ParticipantFact;
  /** The participant's record id and name: what ties in the ranking are ordered by. */
  id: string;
  name: string;
  /** Rounded once, at the plan's places: graded, ranked, gated and written. */
  total: Dec;
  /** The total's text at the plan's places: written, and shown in several lines. */
  totalText: string;
  grade: GradeBand | null;
  rank: number;
  /** The result's metric entries, as written. */
  metrics: MetricResult[];
  feedback: ParticipantResult['feedback'];
  /** The breakdown's lines up to the grade line; pay's lines are added in explain. */
  breakdown: Message[];
}

function noResults(periodId: string, versionId: string, issue: Issue, participants: number): RunResult {
  return {
    periodId,
    versionId,
    results: [],
    issues: [issue],
    stats: emptyStats(participants),
    totals: {performancePay: '0', bonus: '0', teamBonus: '0', award: '0', totalPay: '0'},
  };
}

/** A money cell of the participant (base salary, performance-pay base): null when empty or text. */
function moneyCell(p: ParticipantFact, value: ParticipantFact['baseSalary'], field: string | Text, issues: Issue[]): Dec | null {
  const parsed = readCell(value);
  if (parsed === NOT_A_NUMBER || parsed === BEYOND_BOUND) {
    const key = parsed === NOT_A_NUMBER ? 'engine.participant.notNumber' : 'engine.participant.beyondBound';
    issues.push(makeIssue('warning', key, {name: p.name, field, value: String(value)}, {recordIds: [p.id]}));
    return null;
  }
  return parsed;
}

/** Does this scoring need a target? Zero targets are only a problem where we would divide by them. */
function targetUse(metric: Metric): 'none' | 'divides' | 'inverse' {
  const s = metric.scoring;
  if (s.kind === 'attainment' || (s.kind === 'bands' && s.on === 'attainment')) return 'divides';
  if (s.kind === 'lowerIsBetter') return 'inverse';
  return 'none';
}

/** Participants computed between two progress steps in the per-participant loops: under ~40 ms of work. */
export const PARTICIPANT_SLICE = 250;

/**
 * Where a stepped run is: the engine's four phases in order, each with its own done/total
 * (records for crediting, participants for the rest), so that (phase index + done/total) / 4
 * only ever grows. credit: the records; score: each participant's metrics, total, grade, score
 * lines and feedback; pay: ranking, the champion award and the honours (a pause after each sort
 * of everyone); explain: each participant's amounts with their lines and result.
 */
export interface EngineStep {
  phase: 'credit' | 'score' | 'pay' | 'explain';
  done: number;
  total: number;
}

/** The whole run at once: the stepped run drained without pauses. */
export function runPlan(plan: PlanDocument, periodId: string, facts: Facts): RunResult {
  const steps = runPlanSteps(plan, periodId, facts);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The run in steps: the same computation as runPlan, pausing every CREDIT_SLICE records and every
 * PARTICIPANT_SLICE participants, so that a caller on the page's main thread can let the browser
 * paint and report progress between steps. The result does not depend on how it is drained.
 */
export function* runPlanSteps(plan: PlanDocument, periodId: string, facts: Facts): Generator<EngineStep, RunResult, void> {
  const period = plan.periods.find((p) => p.id === periodId);
  if (!period) return noResults(periodId, '', makeIssue('error', 'engine.period.unknown', {period: periodId}, {path: 'periods'}), facts.participants.length);
  if (facts.periodId !== undefined && facts.periodId !== periodId) {
    // Facts read for another period lack this period's records: results on them would be wrong, not partial.
    const readFor = plan.periods.find((p) => p.id === facts.periodId);
    return noResults(
      periodId,
      '',
      makeIssue('error', 'engine.facts.otherPeriod', {period: period.label || period.id, readFor: readFor ? readFor.label || readFor.id : facts.periodId}),
      facts.participants.length,
    );
  }
  const version = versionForPeriod(plan, period);
  if (!version) {
    return noResults(periodId, '', makeIssue('error', 'engine.version.none', {period: period.label || period.id}, {path: 'versions'}), facts.participants.length);
  }

  if (facts.participants.length === 0) {
    // Every record would only be reported as an orphan: one message says why the preview is empty.
    const people = plan.mapping.people?.table;
    return noResults(periodId, version.id, makeIssue('warning', 'engine.participants.none', {table: people?.name ?? ''}, people ? {tableId: people.id} : {}), 0);
  }

  const issues: Issue[] = [];
  const {participants, index} = uniqueParticipants(facts.participants, issues);
  const stats: RunStats = emptyStats(participants.length);

  const hierarchy = buildHierarchy(participants, index);
  issues.push(...hierarchy.issues);
  const credit = aggregateSourcesSteps(plan, version, period, facts, index, issues, stats);
  let credited = credit.next();
  while (!credited.done) {
    yield {phase: 'credit', ...credited.value};
    credited = credit.next();
  }
  const buckets = credited.value;
  if (stats.recordsCredited === 0 && version.metrics.some((m) => m.source.kind === 'source')) {
    // Every source metric is 0 or has no data: most often the period's data is not in the base yet.
    issues.push(makeIssue('warning', 'engine.period.noRecords', {period: period.label || period.id}));
  }
  for (const [id, list] of participantFieldBuckets(version, participants, issues)) buckets.set(id, list);

  // The last records of the crediting pass and the participant fields' buckets: a pause before scoring.
  yield {phase: 'score', done: 0, total: participants.length};
  const levels = downlineOf(version, hierarchy);
  const rounding = scoreRoundingOf(plan);
  const proration = prorationFor(plan, period, issues);
  // Texts shared by equal value across participants, for this run only (see sharedTexts).
  const share = sharedTexts();
  // Breakdown lines of the kinds that repeat word for word, shared the same way (see sharedLines).
  const lines = sharedRepeatedLines();
  const scored = yield* scoreParticipants(version, participants, levels, buckets, issues, rounding, proration, share, lines);
  const standing = yield* rankAndAward(plan, version, scored, hierarchy, issues);
  const {results, totals} = yield* payAndExplain(plan, version, scored, standing, hierarchy, levels, issues, share, lines);
  const fixed = (d: Dec) => d.toFixed(plan.currency.precision);
  return {
    periodId,
    versionId: version.id,
    results,
    issues,
    stats,
    totals: {
      performancePay: fixed(totals.performancePay),
      bonus: fixed(totals.bonus),
      teamBonus: fixed(totals.teamBonus),
      award: fixed(totals.award),
      totalPay: fixed(totals.totalPay),
    },
  };
}

/**
 * The participants with each record id once: the first record of an id is computed, later ones are
 * reported and dropped, since two results for one id would write the same row twice.
 *
 * @example uniqueParticipants([a1, b, a2], issues).participants // [a1, b], one engine.participant.duplicate issue
 */
export function uniqueParticipants(
  all: readonly ParticipantFact[],
  issues: Issue[],
): {participants: ParticipantFact[]; index: Map<string, number>} {
  const index = new Map<string, number>();
  const participants: ParticipantFact[] = [];
  const dropped: ParticipantFact[] = [];
  for (const p of all) {
    if (index.has(p.id)) {
      dropped.push(p);
      continue;
    }
    index.set(p.id, participants.length);
    participants.push(p);
  }
  if (dropped.length > 0) {
    issues.push(
      makeIssue('warning', 'engine.participant.duplicate', {count: dropped.length, names: idList(dropped.map((p) => `${p.name} (${p.id})`))}, {
        recordIds: [...new Set(dropped.map((p) => p.id))],
      }),
    );
  }
  return {participants, index};
}

/** The plan's score rounding; an absent or unreadable one is the default (the validator reports it). */
export function scoreRoundingOf(plan: PlanDocument): ScoreRounding {
  const r = plan.scoreRounding;
  if (!r || (r.mode !== 'total' && r.mode !== 'eachWeighted') || !Number.isInteger(r.places) || r.places < 0 || r.places > 4) return DEFAULT_SCORE_ROUNDING;
  return r;
}

/** A participant's downline by level, to the deepest depth the version needs; null for a cycle member. */
type Downline = (index: number) => number[][] | null;

/**
 * Downlines are walked when a participant is scored and again when paid, not kept for everyone:
 * a walk is a few array pushes, while 10,000 kept downlines would be promoted with the run.
 */
function downlineOf(version: PlanVersion, h: Hierarchy): Downline {
  let depth = 0;
  for (const m of version.metrics) if (m.scope.kind === 'team') depth = Math.max(depth, m.scope.depth);
  if (version.incentives.teamBonus.enabled) depth = Math.max(depth, version.incentives.teamBonus.levels.length);
  return (i) => (h.inCycle[i] ? null : depth > 0 ? downlineByLevel(h, i, depth) : []);
}

/**
 * Positions of the metrics that pay reads (bonuses, team bonus, award, honours), by the same
 * lookup as pay's: the last metric of an id wins.
 */
function metricsPayReads(version: PlanVersion): Set<number> {
  const metricIndex = new Map(version.metrics.map((m, i) => [m.id, i]));
  const incentives = version.incentives;
  const ids = incentives.bonuses.map((b) => b.metricId);
  if (incentives.teamBonus.enabled) ids.push(incentives.teamBonus.metricId);
  if (incentives.championAward.enabled) ids.push(incentives.championAward.metricId);
  for (const honour of incentives.honours) if (honour.by !== 'totalScore') ids.push(honour.by.metricId);
  const out = new Set<number>();
  for (const id of ids) {
    const at = metricIndex.get(id);
    if (at !== undefined) out.add(at);
  }
  return out;
}

function* scoreParticipants(
  version: PlanVersion,
  participants: readonly ParticipantFact[],
  levels: Downline,
  buckets: MetricBuckets,
  issues: Issue[],
  rounding: ScoreRounding,
  proration: ((p: ParticipantFact) => ActiveDays | null) | null,
  share: ReturnType<typeof sharedTexts>,
  lines: LineShare,
): Generator<EngineStep, Scored, void> {
  const places = rounding.places;
  const reportedScale = new Set<string>();
  const paidReads = metricsPayReads(version);
  const metricInfo = version.metrics.map((metric, at) => {
    const weight = planDecimal(metric.weight) ?? ZERO;
    return {
      metric,
      aggregation: aggregationOf(metric),
      buckets: buckets.get(metric.id),
      weight,
      /** weight / 100, so a weighted score is one multiplication. */
      weightFraction: weight.times(PERCENT),
      weightHundredths: hundredthsOf(weight),
      /** Only weighted metrics have a line (and a term in the total line). */
      weighs: weight.greaterThan(0),
      /** The weight as written: one text for every participant. */
      weightText: plain(metric.weight),
      paidOn: paidReads.has(at),
      /** Equal result entries (a scale score, no data) are one object for everyone who has them. */
      entries: new WhileRepeated<MetricResult>(),
      /** This metric's lines: the kinds that always repeat are shared, others while they do (see sharedLines). */
      lines: repeatedOr(lines, lines.whileRepeated()),
      use: targetUse(metric),
      /** Fixed and per-tier targets depend on the plan (and tier) only: resolved once per tier. */
      shared: metric.target.kind === 'fixed' || metric.target.kind === 'perTier' ? new Map<string, TargetResult>() : null,
    };
  });
  // Fixed and per-tier targets are decimals shared by many participants: each printed once.
  const targetTexts = new Map<Dec, string>();
  const targetText = (target: Dec) => remembered(targetTexts, target, () => target.toString());
  // Grade lines depend on the total's text only: 10,000 participants share a few hundred.
  const gradeLines = lineMemo();
  const feedbackShare = sharedFeedback();
  const metricCount = metricInfo.length;
  const total = participants.length;
  const paidOn: PaidOnColumns = metricInfo.map((info) =>
    info.paidOn ? {value: new Array(total), personal: new Array(total), sample: new Array(total), target: new Array(total)} : undefined,
  );
  const teamScope = version.metrics.some((m) => m.scope.kind === 'team');
  const out: Row[] = new Array(total);
  for (let index = 0; index < total; index++) {
    if (index % PARTICIPANT_SLICE === 0) yield {phase: 'score', done: index, total};
    const participant = participants[index];
    const active = proration ? proration(participant) : null;
    const downline = teamScope ? levels(index) : null;
    const rows: MetricRow[] = new Array(metricCount);
    for (let at = 0; at < metricCount; at++) {
      const {metric, aggregation, buckets: list, weight, weightFraction, weightHundredths, use, shared} = metricInfo[at];
      const own = list?.[index];
      let bucket: Bucket | undefined = own;
      // Cycle members have no downline: their team-scope value is their personal value.
      if (metric.scope.kind === 'team' && downline && list) {
        bucket = addBucket(emptyBucket(), own);
        const depth = Math.min(metric.scope.depth, downline.length);
        for (let k = 0; k < depth; k++) for (const member of downline[k]) addBucket(bucket, list[member]);
      }
      // Never rounded before it is scored or paid on: an average of 4.6667 is not scored as 4.67.
      const value = list ? bucketValue(aggregation, bucket) : null;
      const personal = bucket === own ? value : list ? bucketValue(aggregation, own) : null;
      const planTarget = shared ? sharedTarget(shared, metric, participant) : resolveTarget(metric, participant);
      const prorated = active && planTarget.kind === 'value' ? {base: planTarget.value, active} : null;
      const target: TargetResult = prorated ? {kind: 'value', value: prorate(prorated.base, active!)} : planTarget;
      reportTarget(metric, participant, target, use, issues);
      const targetValue = target.kind === 'value' ? target.value : null;
      const outcome = scoreMetric(metric.scoring, value, targetValue);
      if (outcome.outOfScale && metric.scoring.kind === 'scale' && value !== null) {
        issues.push(
          makeIssue('warning', 'engine.score.outOfScale', {name: participant.name, metric: metric.label, value: value.toString(), min: metric.scoring.min, max: metric.scoring.max}, {
            recordIds: [participant.id],
          }),
        );
      }
      if (outcome.status === 'badScale' && !reportedScale.has(metric.id)) {
        reportedScale.add(metric.id);
        issues.push(makeIssue('warning', 'engine.scale.invalid', {metric: metric.label}));
      }
      const weighted = weightedByFraction(outcome.score, weightFraction, weightHundredths);
      const weightedRounded = roundScore(weighted, places);
      const texts: MetricTexts = {
        value: value === null ? null : share(shown2(value)),
        score: share(shown2(outcome.score)),
        weighted: share(fixedText(weightedRounded, places)),
        attainment: outcome.attainment === null ? null : share(shown2(outcome.attainment)),
      };
      rows[at] = {metric, value, personal, sample: bucketSample(aggregation, bucket), target, prorated, outcome, weight, weighted, weightedRounded, texts};
    }
    // "total": exact until the total, rounded once; "eachWeighted": the rounded lines, summed.
    let exact = ZERO;
    for (const r of rows) exact = exact.plus(rounding.mode === 'eachWeighted' ? r.weightedRounded : r.weighted);
    const sum = rounding.mode === 'eachWeighted' ? exact : roundScore(exact, places);
    const totalText = share(fixedText(sum, places));
    const grade = gradeFor(sum, version.grades);
    if (!grade && version.grades.length > 0) {
      issues.push(makeIssue('warning', 'engine.grade.none', {name: participant.name, total: totalText}, {recordIds: [participant.id]}));
    }

    const breakdown: Message[] = [];
    const terms: string[] = [];
    let shownSum = ZERO;
    const metrics: MetricResult[] = new Array(metricCount);
    for (let at = 0; at < metricCount; at++) {
      const m = rows[at];
      const info = metricInfo[at];
      const targetValue = m.target.kind === 'value' ? m.target.value : null;
      if (info.weighs) {
        if (m.prorated) breakdown.push(prorationLine(m.metric, m.prorated.base, m.prorated.active, targetValue ?? ZERO));
        breakdown.push(info.lines(metricLine(m)));
        terms.push(m.texts.weighted);
        if (rounding.mode === 'total') shownSum = shownSum.plus(m.weightedRounded);
      }
      const targetShown = targetValue === null ? null : m.prorated ? shown2(targetValue) : targetText(targetValue);
      // Equal entries (a scale score, a metric without data) are one object for everyone who has them.
      metrics[at] = info.entries.share(() => `${m.texts.value ?? NONE}|${targetShown ?? NONE}|${m.texts.attainment ?? NONE}|${m.texts.score}|${m.texts.weighted}|${m.sample}`, () => ({
        metricId: m.metric.id,
        label: m.metric.label,
        value: m.texts.value,
        target: targetShown,
        attainment: m.texts.attainment,
        score: m.texts.score,
        weight: info.weightText,
        weighted: m.texts.weighted,
        sample: m.sample,
      }));
      const column = paidOn[at];
      if (column) {
        column.value[index] = m.value;
        column.personal[index] = m.personal;
        column.sample[index] = m.sample;
        column.target[index] = targetValue;
      }
    }
    breakdown.push(totalLine(terms, totalText));
    if (rounding.mode === 'total' && !shownSum.equals(sum)) breakdown.push(roundingNote(fixedText(shownSum, places), totalText));
    breakdown.push(gradeLines(totalText, () => gradeLine(grade, totalText)));
    const feedback = feedbackFor(
      rows.map((m) => ({metric: m.metric, score: m.outcome.score, scoreText: m.texts.score, weight: m.weight, noData: m.outcome.status === 'noData'})),
      version.feedback,
      feedbackShare,
    );
    out[index] = {index, participant, id: participant.id, name: participant.name, total: sum, totalText, grade, rank: 0, metrics, feedback, breakdown};
  }
  return {rows: out, paidOn};
}

/** Stands for a null text in a key: no decimal text holds it. */
const NONE = '-null-';

/** An exact value, score or attainment as a line shows it: 2 places, half up; -0.001 shows as 0.00. */
function shown2(value: Dec): string {
  return fixedText(round2(value), 2);
}

/** resolveTarget for a target that only depends on the participant's tier, remembered per tier. */
function sharedTarget(cache: Map<string, TargetResult>, metric: Metric, p: ParticipantFact): TargetResult {
  return remembered(cache, p.tier ?? '', () => resolveTarget(metric, p));
}

function reportTarget(metric: Metric, p: ParticipantFact, target: TargetResult, use: ReturnType<typeof targetUse>, issues: Issue[]) {
  if (use === 'none') return;
  const where = {recordIds: [p.id]};
  const params = {name: p.name, metric: metric.label};
  const field = metric.target.kind === 'participantField' ? metric.target.field : null;
  if (target.kind === 'missing') {
    if (target.reason === 'unknownTier') issues.push(makeIssue('warning', 'engine.target.unknownTier', {...params, tier: target.detail ?? ''}, where));
    else if ((target.reason === 'notNumber' || target.reason === 'beyondBound') && field) {
      const key = target.reason === 'notNumber' ? 'engine.participant.notNumber' : 'engine.participant.beyondBound';
      issues.push(makeIssue('warning', key, {name: p.name, field: field.name, value: target.detail ?? ''}, where));
    } else if (target.reason === 'negative' && field) {
      issues.push(makeIssue('warning', 'engine.target.fieldNegative', {...params, field: field.name, value: target.detail ?? ''}, {...where, fieldId: field.id}));
    } else if (target.reason === 'negative') {
      issues.push(makeIssue('warning', 'engine.target.negative', {...params, value: target.detail ?? ''}, where));
    } else issues.push(makeIssue('warning', 'engine.target.missing', params, where));
  } else if (target.kind === 'none') {
    issues.push(makeIssue('warning', 'engine.target.missing', params, where));
  } else if (use === 'divides' && target.value.isZero()) {
    issues.push(makeIssue('warning', 'engine.target.zero', params, where));
  }
}

/** Who ranks where, who shares the champion award and who earns which titles: decided over everyone. */
interface Standing {
  /** The rows in ranking order, each with its rank set. */
  ranked: Row[];
  awards: Map<number, AwardShare>;
  honours: Map<number, Text[]>;
  /** Positions of the metrics the team bonus and the award are paid on (the last metric of an id wins). */
  teamMetric: number | undefined;
  awardMetric: number | undefined;
}

/**
 * The 'pay' phase: ranking, the champion award and the honours, which each sort all participants
 * (a pause after each). Every participant's own amounts are worked out with their lines in explain.
 */
function* rankAndAward(plan: PlanDocument, version: PlanVersion, {rows, paidOn}: Scored, h: Hierarchy, issues: Issue[]): Generator<EngineStep, Standing, void> {
  const incentives = version.incentives;
  const metricIndex = new Map(version.metrics.map((m, i) => [m.id, i]));
  const unknownMetric = (incentive: Text, metricId: string) =>
    issues.push(makeIssue('warning', 'engine.metric.unknown', {incentive, metric: metricId}));
  const total = rows.length;
  yield {phase: 'pay', done: 0, total};

  const ranked = competitionRanks(rows).map(({item, rank}) => {
    item.rank = rank;
    return item;
  });
  yield {phase: 'pay', done: 0, total};

  for (const bonus of incentives.bonuses) if (!metricIndex.has(bonus.metricId)) unknownMetric(bonus.label, bonus.metricId);
  const team = incentives.teamBonus;
  const teamMetric = team.enabled ? metricIndex.get(team.metricId) : undefined;
  if (team.enabled && teamMetric === undefined) unknownMetric(text('engine.name.teamBonus'), team.metricId);
  const award = incentives.championAward;
  const awardMetric = award.enabled ? metricIndex.get(award.metricId) : undefined;
  if (award.enabled && awardMetric === undefined) unknownMetric(text('engine.name.championAward'), award.metricId);

  const awards = awardMetric === undefined ? new Map<number, AwardShare>() : championAward(award, awardMembers(rows, h, paidOn[awardMetric]!), plan.currency);
  yield {phase: 'pay', done: 0, total};
  const honours = awardHonours(
    incentives.honours,
    rows.map((r) => ({
      index: r.index,
      tier: r.participant.tier,
      total: r.total,
      metric: (id: string) => {
        const at = metricIndex.get(id);
        const column = at === undefined ? undefined : paidOn[at];
        return column && {value: column.value[r.index], sample: column.sample[r.index]};
      },
    })),
  );
  yield {phase: 'pay', done: 0, total};
  return {ranked, awards, honours, teamMetric, awardMetric};
}

interface PaidAndExplained {
  /** In ranking order. */
  results: ParticipantResult[];
  totals: {performancePay: Dec; bonus: Dec; teamBonus: Dec; award: Dec; totalPay: Dec};
}

/**
 * The 'explain' phase: each participant's amounts, rounded as written, and at once their texts,
 * lines and result. Made together so that no participant's amounts, bonus outcomes and team
 * levels (decimals) are held for everyone until a later pass turns them into text.
 */
function* payAndExplain(
  plan: PlanDocument,
  version: PlanVersion,
  {paidOn}: Scored,
  standing: Standing,
  h: Hierarchy,
  levels: Downline,
  issues: Issue[],
  share: ReturnType<typeof sharedTexts>,
  lines: LineShare,
): Generator<EngineStep, PaidAndExplained, void> {
  const currency: Currency = plan.currency;
  const money = (d: Dec) => roundMoney(d, currency);
  const incentives = version.incentives;
  const metricIndex = new Map(version.metrics.map((m, i) => [m.id, i]));
  const {ranked, awards, honours, teamMetric, awardMetric} = standing;
  const team = incentives.teamBonus;
  const teamPersonal = teamMetric === undefined ? [] : paidOn[teamMetric]!.personal;
  const baseSalaryField = plan.mapping.people?.baseSalary?.name ?? text('engine.name.baseSalary');
  const performanceBaseField = plan.mapping.people?.performancePayBase?.name ?? text('engine.name.performancePayBase');
  // Per bonus: the position of its metric, and the metric's label its lines name (when known).
  const bonusMetrics = incentives.bonuses.map((bonus) => {
    const at = metricIndex.get(bonus.metricId);
    return {at, label: at === undefined ? bonus.label : version.metrics[at].label};
  });
  // Fixed and per-tier targets are shared decimals: their tiers in money are worked out once per run.
  const tierCache = incentives.bonuses.map(() => ({none: null as Tier[] | null, byTarget: new WeakMap<Dec, Tier[]>()}));
  const tiersOf = (b: number, bonus: RateBonus, target: Dec | null): Tier[] => {
    const cache = tierCache[b];
    if (target === null) return (cache.none ??= tiersInMoney(bonus, null));
    return remembered(cache.byTarget, target, () => tiersInMoney(bonus, target));
  };
  // Lines that many participants share word for word are made once and held once.
  const once = {baseSalary: lineMemo(), performancePay: lineMemo()};
  const teamLines = repeatedOr(lines, lines.whileRepeated());
  const fixed = (d: Dec) => share(fixedText(d, currency.precision));
  const totals = {performancePay: ZERO, bonus: ZERO, teamBonus: ZERO, award: ZERO, totalPay: ZERO};
  const total = ranked.length;
  const results: ParticipantResult[] = new Array(total);
  for (let i = 0; i < total; i++) {
    if (i % PARTICIPANT_SLICE === 0) yield {phase: 'explain', done: i, total};
    const row = ranked[i];
    const p = row.participant;
    const gradeName = row.grade?.grade ?? null;
    const baseSalary = money(moneyCell(p, p.baseSalary, baseSalaryField, issues) ?? ZERO);

    let performance: {base: Dec | null; amount: Dec} | null = null;
    if (incentives.performancePay.enabled) {
      const base = moneyCell(p, p.performancePayBase, performanceBaseField, issues);
      const coefficient = row.grade ? planDecimal(row.grade.coefficient) : null;
      performance = {base, amount: money(performancePay(base, coefficient))};
    }

    const bonusOutcomes: RateBonusOutcome[] = new Array(incentives.bonuses.length);
    const bonusAmounts: Dec[] = new Array(incentives.bonuses.length);
    const bonusValues: Dec[] = new Array(incentives.bonuses.length);
    let bonusSum = ZERO;
    for (let b = 0; b < incentives.bonuses.length; b++) {
      const bonus = incentives.bonuses[b];
      const at = bonusMetrics[b].at;
      const column = at === undefined ? undefined : paidOn[at];
      const value = column?.value[row.index] ?? ZERO;
      const target = column?.target[row.index] ?? null;
      const outcome = rateBonus(bonus, value, target, checkGate(bonus.gate, row.total, gradeName, version.grades), tiersOf(b, bonus, target));
      const amount = outcome.kind === 'paid' ? money(outcome.exact) : ZERO;
      bonusOutcomes[b] = outcome;
      bonusAmounts[b] = amount;
      bonusValues[b] = value;
      bonusSum = bonusSum.plus(amount);
    }

    let teamAmount = ZERO;
    let teamExplain: TeamBonusExplain | null = null;
    if (team.enabled && teamMetric !== undefined) {
      const downline = levels(row.index);
      const gate = checkGate(team.gate, row.total, gradeName, version.grades);
      if (!downline) teamExplain = {kind: 'cycle'};
      else if (!gate.passed) teamExplain = {kind: 'gate', gate};
      else {
        const bases = team.levels.map((_, k) => (downline[k] ?? []).reduce((a, member) => a.plus(teamPersonal[member] ?? ZERO), ZERO));
        const outcome = teamBonus(bases, team.levels);
        teamAmount = money(outcome.exact);
        teamExplain = {kind: 'paid', levels: outcome.levels, floored: outcome.floored};
      }
    }

    const awardShare = awards.get(row.index);
    const awardAmount = awardShare?.amount ?? ZERO;
    const performanceAmount = performance?.amount ?? ZERO;
    const totalPay = baseSalary.plus(performanceAmount).plus(bonusSum).plus(teamAmount).plus(awardAmount);

    totals.performancePay = totals.performancePay.plus(performanceAmount);
    totals.bonus = totals.bonus.plus(bonusSum);
    totals.teamBonus = totals.teamBonus.plus(teamAmount);
    totals.award = totals.award.plus(awardAmount);
    totals.totalPay = totals.totalPay.plus(totalPay);

    // Each amount is printed once at the currency's places; lines add the thousands separators.
    const written = {
      base: fixed(baseSalary),
      performance: fixed(performanceAmount),
      bonus: fixed(bonusSum),
      team: fixed(teamAmount),
      award: fixed(awardAmount),
      total: fixed(totalPay),
    };
    const shown = {
      base: share(groupDigits(written.base)),
      performance: share(groupDigits(written.performance)),
      bonus: share(groupDigits(written.bonus)),
      team: share(groupDigits(written.team)),
      award: share(groupDigits(written.award)),
      total: share(groupDigits(written.total)),
    };
    const bonusTexts = bonusAmounts.map(fixed);
    // The score's lines were made when the participant was scored; pay's lines follow them.
    const breakdown = row.breakdown;
    breakdown.push(once.baseSalary(shown.base, () => line('engine.line.baseSalary', {amount: shown.base})));
    if (performance) {
      const base = formatMoney(performance.base ?? ZERO, currency);
      const grade = row.grade;
      if (grade) {
        breakdown.push(once.performancePay(`${grade.grade}\u0000${base}\u0000${written.performance}`, () => line('engine.line.performancePay', {
          base,
          coefficient: grade.coefficient,
          grade: grade.grade,
          amount: shown.performance,
        })));
      } else breakdown.push(line('engine.line.performancePayNoGrade', {amount: shown.performance}));
    }
    for (let b = 0; b < incentives.bonuses.length; b++) {
      const bonus = incentives.bonuses[b];
      const context = {metric: bonusMetrics[b].label, value: bonusValues[b], total: row.totalText, grade: gradeName};
      breakdown.push(lines(bonusLine(bonus.label, bonusOutcomes[b], groupDigits(bonusTexts[b]), currency, context)));
    }
    if (teamExplain) breakdown.push(teamLines(teamBonusLine(teamExplain, shown.team, {total: row.totalText, grade: gradeName})));
    if (awardShare && awardMetric !== undefined) breakdown.push(awardLine(awardShare, currency, version.metrics[awardMetric].label));
    breakdown.push(totalPayLine(shown));
    const titles = honours.get(row.index) ?? [];
    if (titles.length > 0) {
      breakdown.push(lines(line('engine.line.honours', {titles: {join: titles, separator: TITLE_SEPARATOR}})));
    }

    results[i] = {
      participantId: p.id,
      name: p.name,
      metrics: row.metrics,
      totalScore: row.totalText,
      grade: gradeName,
      rank: row.rank,
      performancePay: written.performance,
      bonuses: incentives.bonuses.map((bonus, b) => ({bonusId: bonus.id, label: bonus.label, amount: bonusTexts[b]})),
      bonus: written.bonus,
      teamBonus: written.team,
      award: written.award,
      totalPay: written.total,
      honours: titles,
      feedback: row.feedback,
      breakdown,
      inCycle: h.inCycle[row.index],
    };
  }
  return {results, totals};
}

/**
 * Line kinds whose words depend on few figures, so that 10,000 participants share a handful:
 * a metric without data or with a score on a scale, a bonus or team bonus missed by its gate.
 * Lines that show a participant's own amounts (attainment, bonus tiers) are nearly all different:
 * a key for each would cost more than the copies it saves.
 */
const REPEATED_LINES = new Set<MessageKey>([
  'engine.line.noData',
  'engine.line.noTarget',
  'engine.line.zeroTarget',
  'engine.line.lowerIsBetterNone',
  'engine.line.scale',
  'engine.line.bonusGate',
  'engine.line.bonusNegative',
  'engine.line.teamBonusGate',
  'engine.line.teamBonusCycle',
  'engine.line.honours',
]);

/** sharedLines for the kinds in REPEATED_LINES; any other line is kept as made. */
function sharedRepeatedLines(): LineShare {
  const share = sharedLines();
  return Object.assign((line: Message) => (REPEATED_LINES.has(line.key) ? share(line) : line), {whileRepeated: share.whileRepeated});
}

/** The kinds that always repeat shared by `lines`, the others by `others` (a sharer that may give up). */
function repeatedOr(lines: LineShare, others: (line: Message) => Message): (line: Message) => Message {
  return (line) => (REPEATED_LINES.has(line.key) ? lines(line) : others(line));
}

/** Honour titles in one line: 销售冠军、服务之星 / Sales champion, Service star. */
const TITLE_SEPARATOR: Text = {zh: '、', en: ', '};

/**
 * Lines keyed by the short texts that decide them: a participant whose key was seen gets the same
 * line (the same object), so 10,000 "Base salary 3,000.00" lines are held once.
 */
function lineMemo(): (key: string, make: () => Message) => Message {
  const lines = new Map<string, Message>();
  return (key, make) => remembered(lines, key, make);
}

/** Award candidates: personal values and each member's downline count inside their own team. */
function awardMembers(rows: readonly Row[], h: Hierarchy, metric: PaidOn): AwardMember[] {
  const inTeam = new Int32Array(rows.length);
  // Walk up from each member and credit every ancestor of the same team: O(members x height).
  rows.forEach((r) => {
    const team = r.participant.team;
    if (!team || h.inCycle[r.index]) return;
    let up = h.upline[r.index];
    const seen = new Set<number>();
    while (up !== -1 && !seen.has(up) && !h.inCycle[up]) {
      seen.add(up);
      if (rows[up].participant.team === team) inTeam[up]++;
      up = h.upline[up];
    }
  });
  return rows.map((r) => ({
    index: r.index,
    id: r.participant.id,
    name: r.participant.name,
    team: r.participant.team,
    value: metric.personal[r.index],
    downlineInTeam: inTeam[r.index],
  }));
}
