/**
 * Pure helpers over the plan draft the settings screen edits: each edit as an immer recipe,
 * where issues belong, the live weight sum, which fields are inputs, and new blank parts
 * (metric, version, period).
 */
import Decimal from 'decimal.js';
import {produce} from 'immer';
import type {Metric, Period, PlanDocument, PlanVersion, TableRef} from '../../src/plan';
import {PLAN_SCHEMA_VERSION} from '../../src/plan';
import type {Issue} from '../../src/results';
import {monthPeriod, quarterPeriod} from '../../src/period';
import {text} from '../../src/i18n';
import {parseDecimalText} from '../../src/decimalText';

/** A change to the draft, written as plain mutations of it. */
export type PlanChange = (draft: PlanDocument) => void;

/**
 * The draft after one edit. immer applies the change to a copy-on-write draft: the parts the
 * change did not touch keep their identity (so memoised sections of the screen skip their
 * render), and a change that alters nothing returns `plan` itself.
 *
 * @example editPlan(plan, (d) => void (d.name = 'Q3')).mapping === plan.mapping // true
 */
export function editPlan(plan: PlanDocument, change: PlanChange): PlanDocument {
  return produce(plan, change);
}

/** A new, independent copy of a part (the plan is plain JSON by contract, so this is exact). */
function copyOf<T>(part: T): T {
  return JSON.parse(JSON.stringify(part)) as T;
}

/**
 * The issues that concern one control: its own path, or anything below it.
 * With `exact`, only the path itself (a section that lets its children show their own issues).
 *
 * @example issuesAt(issues, 'versions[0].metrics[2]') // matches 'versions[0].metrics[2].weight', not 'versions[0].metrics[20]'
 */
export function issuesAt(issues: readonly Issue[], path: string, exact = false): Issue[] {
  return issues.filter((issue) => {
    const at = issue.path ?? '';
    if (at === path) return true;
    if (exact) return false;
    return at.startsWith(path + '.') || at.startsWith(path + '[');
  });
}

/** Issues whose path no control claims, so that none is ever hidden from the user. */
export function unplacedIssues(issues: readonly Issue[], claimed: readonly string[]): Issue[] {
  return issues.filter((issue) => !claimed.some((prefix) => issuesAt([issue], prefix).length > 0));
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/**
 * The live weight sum of a version, in percent points. A weight that is not a number counts as 0
 * here (the validator names it on its own control).
 *
 * @example weightSum({metrics: [{weight: '60'}, {weight: '30'}]}) // {sum: '90', complete: false}
 */
export function weightSum(version: Pick<PlanVersion, 'metrics'>): {sum: string; complete: boolean} {
  let sum = new Decimal(0);
  for (const metric of version.metrics) {
    const weight = parseDecimalText(metric.weight);
    if (weight) sum = sum.plus(weight);
  }
  return {sum: sum.toString(), complete: sum.equals(100)};
}


/** An id not yet used among `taken`, from a readable stem: `metric`, `metric2`, `metric3`... */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

export function newMetric(version: PlanVersion, sourceId: string | undefined): Metric {
  return {
    id: freshId('metric', version.metrics.map((m) => m.id)),
    label: text('settings.default.metricLabel'),
    family: 'sales',
    unit: 'number',
    source: sourceId ? {kind: 'source', sourceId, aggregation: 'count'} : {kind: 'source', sourceId: '', aggregation: 'count'},
    scope: {kind: 'personal'},
    target: {kind: 'fixed', value: '1'},
    scoring: {kind: 'attainment', cap: '120'},
    weight: '0',
  };
}

/** A copy of `from` effective after it: the way a launch period gets its own weights. */
export function copyVersion(plan: PlanDocument, from: PlanVersion, effectiveFrom: string): PlanVersion {
  const copy = copyOf(from);
  copy.id = freshId('v', plan.versions.map((v) => v.id).concat('v'));
  copy.label = `${from.label} (2)`;
  copy.effectiveFrom = effectiveFrom;
  delete copy.effectiveTo;
  return copy;
}

/** @example dayBefore('2026-03-01') // '2026-02-28' */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** @example firstOfNextMonth('2026-11-28') // '2026-12-01' */
export function firstOfNextMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * Adds a copy of version `index` in force from `effectiveFrom`, and ends the copied version the
 * day before when it was open-ended and started earlier, so that the two do not overlap (the
 * validator refuses overlapping versions). Returns the new version's index.
 */
export function addVersionCopy(plan: PlanDocument, index: number, effectiveFrom: string): number {
  const from = plan.versions[index];
  plan.versions.push(copyVersion(plan, from, effectiveFrom));
  if (from.effectiveTo === undefined && from.effectiveFrom < effectiveFrom) from.effectiveTo = dayBefore(effectiveFrom);
  return plan.versions.length - 1;
}

/** The month or quarter after the plan's last period (or containing `today`), not yet listed. */
export function nextPeriod(plan: PlanDocument, kind: 'month' | 'quarter', today: string): Period {
  const taken = new Set(plan.periods.map((p) => p.id));
  const last = plan.periods.filter((p) => p.kind === kind).map((p) => p.start).sort().pop();
  let year = Number((last ?? today).slice(0, 4));
  let month = Number((last ?? today).slice(5, 7));
  for (;;) {
    const period = kind === 'month' ? monthPeriod(year, month) : quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
    if (!taken.has(period.id)) return period;
    month += kind === 'month' ? 1 : 3;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

export function customPeriod(plan: PlanDocument, today: string): Period {
  const id = freshId('custom', plan.periods.map((p) => p.id));
  return {id, kind: 'custom', label: id, start: today, end: today};
}

/**
 * A plan with the people table chosen and nothing else, for users who do not start from the
 * template. It is invalid until metrics and weights are added, which the validator says.
 */
export function blankPlan(people: TableRef, today: string): PlanDocument {
  const month = monthPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: '',
    mapping: {people: {table: people}, sources: [], results: {}},
    periods: [month],
    versions: [
      {
        id: 'v1',
        label: 'v1',
        effectiveFrom: month.start,
        metrics: [],
        grades: [],
        incentives: {
          performancePay: {enabled: false},
          bonuses: [],
          teamBonus: {enabled: false, metricId: '', levels: []},
          championAward: {enabled: false, metricId: '', pool: '0', leaderShare: '0', split: 'equal'},
          honours: [],
        },
        feedback: {strengths: 2, weakest: 2},
      },
    ],
    currency: {code: 'CNY', precision: 2, rounding: 'halfUp'},
  };
}

/** Today's date in the user's time zone, ISO. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const sameIssue = (a: Issue, b: Issue) =>
  a.code === b.code &&
  a.severity === b.severity &&
  a.path === b.path &&
  a.message.zh === b.message.zh &&
  a.message.en === b.message.en &&
  a.tableId === b.tableId &&
  a.fieldId === b.fieldId &&
  (a.recordIds ?? []).join() === (b.recordIds ?? []).join();

/** True when two issue lists say the same about one control (for skipping a re-render). */
export function sameIssuesAt(a: readonly Issue[], b: readonly Issue[], path: string): boolean {
  if (a === b) return true;
  const before = issuesAt(a, path);
  const after = issuesAt(b, path);
  return before.length === after.length && before.every((issue, i) => sameIssue(issue, after[i]));
}
