/**
 * Reading plan documents written by older versions of the extension.
 *
 * Format version 0 (the first prototype, before plan versions existed) differs from version 1 in:
 * - no `versions`: `metrics`, `grades`, `incentives` and `feedback` sit at the top of the document
 *   and apply to every period (an optional top-level `effectiveFrom` says since when);
 * - decimals may be JSON numbers (`"weight": 60`, `"rate": 0.05`) instead of decimal strings;
 * - a label, title or improvement action may be one plain string instead of `{zh, en}`;
 * - `currency` may be just a code (`"CNY"`), meaning 2 decimal places rounded half up;
 * - a target may be a bare number, meaning a fixed target;
 * - `schemaVersion` may be absent.
 * A document without `schemaVersion` but with `versions` is read as version 1.
 *
 * Migration only reshapes: whether the result makes sense is the validator's question.
 */
import Decimal from 'decimal.js';
import {PLAN_SCHEMA_VERSION, type PlanDocument} from './plan';
import type {Issue} from './results';
import {planIssue} from './planMessages';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keys whose numbers are counts or settings, not decimals: they stay JSON numbers. */
const WHOLE_NUMBER_KEYS = new Set(['schemaVersion', 'depth', 'count', 'minSample', 'strengths', 'weakest', 'precision']);
const TEXT_KEYS = new Set(['label', 'title', 'improvement']);

/** A JSON number as an exact decimal string: 0.05 -> "0.05", 1e21 -> "1000000000000000000000". */
function decimalText(n: number): string | number {
  return Number.isFinite(n) ? new Decimal(n).toFixed() : n;
}

/**
 * Numbers to decimal strings (except counts), plain-string labels to `{zh, en}`, recursively.
 * A period's label is a plain string in version 1 too, so periods are not passed through here.
 */
function upgradeValues(value: unknown, key = ''): unknown {
  if (typeof value === 'number') return WHOLE_NUMBER_KEYS.has(key) ? value : decimalText(value);
  if (typeof value === 'string' && TEXT_KEYS.has(key)) return {zh: value, en: value};
  if (Array.isArray(value)) return value.map((item) => upgradeValues(item, key));
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) out[k] = upgradeValues(v, k);
  return out;
}

function upgradeTarget(target: unknown): unknown {
  if (typeof target === 'number' || typeof target === 'string') return {kind: 'fixed', value: upgradeValues(target, 'value')};
  return upgradeValues(target, 'target');
}

function upgradeCurrency(currency: unknown): unknown {
  if (typeof currency === 'string') return {code: currency, precision: 2, rounding: 'halfUp'};
  if (currency === undefined) return {code: 'CNY', precision: 2, rounding: 'halfUp'};
  return currency;
}

const DEFAULT_INCENTIVES = {
  performancePay: {enabled: false},
  bonuses: [],
  teamBonus: {enabled: false, metricId: '', levels: []},
  championAward: {enabled: false, metricId: '', pool: '0', leaderShare: '0', split: 'equal'},
  honours: [],
};

/** Version 0 -> version 1: one plan version holding the top-level rules. */
function fromVersion0(doc: Obj): Obj {
  const periods = Array.isArray(doc.periods) ? doc.periods : [];
  const starts = periods
    .map((p) => (isObj(p) && typeof p.start === 'string' ? p.start : ''))
    .filter(Boolean)
    .sort();
  const effectiveFrom = typeof doc.effectiveFrom === 'string' ? doc.effectiveFrom : (starts[0] ?? '2000-01-01');
  const metrics = (Array.isArray(doc.metrics) ? doc.metrics : []).map((m) => {
    if (!isObj(m)) return m;
    const upgraded = upgradeValues(m) as Obj;
    if ('target' in m) upgraded.target = upgradeTarget(m.target);
    return upgraded;
  });
  const incentives = isObj(doc.incentives) ? {...DEFAULT_INCENTIVES, ...(upgradeValues(doc.incentives) as Obj)} : DEFAULT_INCENTIVES;
  const mapping = isObj(doc.mapping) ? (upgradeValues(doc.mapping) as Obj) : {};
  return {
    schemaVersion: 1,
    name: typeof doc.name === 'string' ? doc.name : '',
    mapping: {sources: [], results: {}, ...mapping},
    periods,
    versions: [
      {
        id: 'v1',
        label: typeof doc.name === 'string' && doc.name ? doc.name : 'v1',
        effectiveFrom,
        metrics,
        grades: upgradeValues(Array.isArray(doc.grades) ? doc.grades : []),
        incentives,
        feedback: isObj(doc.feedback) ? doc.feedback : {strengths: 2, weakest: 2},
      },
    ],
    currency: upgradeCurrency(doc.currency),
  };
}

/** Upgrades, one format version at a time, so each step stays small and testable. */
const STEPS: Record<number, (doc: Obj) => Obj> = {0: fromVersion0};

/**
 * Reads a plan document of any known format version and returns it in the current one, or null
 * with an error for something that is not a plan or comes from a newer extension.
 *
 * @example migratePlan({metrics: [...], grades: [...]}).plan?.versions.length // 1
 */
export function migratePlan(doc: unknown): {plan: PlanDocument | null; issues: Issue[]} {
  if (!isObj(doc)) return {plan: null, issues: [planIssue('migrate.notObject', 'error', '')]};
  let version: unknown = doc.schemaVersion;
  if (version === undefined) version = Array.isArray(doc.versions) ? 1 : 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {plan: null, issues: [planIssue('migrate.version.invalid', 'error', 'schemaVersion', {version: String(version)})]};
  }
  if (version > PLAN_SCHEMA_VERSION) {
    return {
      plan: null,
      issues: [planIssue('migrate.version.future', 'error', 'schemaVersion', {version, current: PLAN_SCHEMA_VERSION})],
    };
  }
  let current: Obj = doc;
  for (let v = version; v < PLAN_SCHEMA_VERSION; v++) current = STEPS[v](current);
  const issues =
    version < PLAN_SCHEMA_VERSION
      ? [planIssue('migrate.upgraded', 'warning', 'schemaVersion', {from: version, to: PLAN_SCHEMA_VERSION})]
      : [];
  return {plan: {...current, schemaVersion: PLAN_SCHEMA_VERSION} as unknown as PlanDocument, issues};
}
