/**
 * The plan's adjustment settings (issue 13) and the clawback policy: what happens to a person's
 * negative adjustment in the open period.
 *
 * - `full`: it is taken from this period's pay in full (pay may go below the base salary);
 * - `capped`: at most `percent`% of this period's pay before adjustments is taken; the rest is a
 *   balance carried forward (结转余额) and taken from the next periods, never silently dropped;
 * - `none`: negative adjustments are not taken (forgiven), positive ones are paid.
 *
 * The balance takes part in the ledger's invariant: for each person, what the closed periods paid
 * plus every adjustment taken plus the balance still carried equals what the closed periods come
 * to when recomputed today (src/ledger/adjustments.ts, docs/adjustments.md).
 */
import Decimal from 'decimal.js';
import {planDecimal, ZERO, type Dec} from '../engine/money';
import {text} from '../i18n';
import type {Currency, DecimalString, FieldRef} from '../plan';
import type {Issue} from '../results';
import type {LedgerMessageKey} from './messages';

export type ClawbackPolicy = {kind: 'full'} | {kind: 'capped'; percent: DecimalString} | {kind: 'none'};

/** How a source's change-time field reads: Airtable's "created time" or "last modified time". */
export interface ChangeTimeField {
  field: FieldRef;
  kind: 'created' | 'modified';
}

/** The plan's `adjustments` part. Every member is optional: an absent part means the defaults. */
export interface AdjustmentPolicy {
  /** How many periods of the open period's kind before it are recomputed; 3 when absent. */
  lookback?: number;
  /** Full when absent. */
  clawback?: ClawbackPolicy;
  /**
   * Per source id, a created-time or last-modified-time field of the source table: the records
   * changed after a period's close are named as the cause of its adjustment. When absent, an
   * adjustment line names the component change alone.
   */
  changedAt?: Record<string, ChangeTimeField>;
}

export const DEFAULT_LOOKBACK = 3;
/** Two years of months: recomputing more closed periods on each refresh costs more than it finds. */
export const MAX_LOOKBACK = 24;
export const FULL_CLAWBACK: ClawbackPolicy = Object.freeze({kind: 'full'}) as ClawbackPolicy;

/** @example lookbackOf({}) // 3 */
export function lookbackOf(policy: AdjustmentPolicy | undefined): number {
  return policy?.lookback ?? DEFAULT_LOOKBACK;
}

/** @example clawbackOf(undefined) // {kind: 'full'} */
export function clawbackOf(policy: AdjustmentPolicy | undefined): ClawbackPolicy {
  return policy?.clawback ?? FULL_CLAWBACK;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const shown = (x: unknown): string => {
  const s = x === undefined ? '—' : typeof x === 'string' ? `"${x}"` : JSON.stringify(x) ?? String(x);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function issue(key: LedgerMessageKey, path: string, params: Record<string, string | number>): Issue {
  return {code: key, severity: 'error', path, message: text(key, params)};
}

/**
 * The faults of a plan's `adjustments` part, every one at once, each coded and in zh and en;
 * none when it is absent or sound. Whether a `changedAt` source id names a source of the plan is
 * not judged here: an unknown one is simply never read.
 *
 * @example parseAdjustmentPolicy({clawback: {kind: 'capped', percent: '130'}}).issues[0].code // 'ledger.adjust.policy.percent'
 */
export function parseAdjustmentPolicy(value: unknown): {policy: AdjustmentPolicy | null; issues: Issue[]} {
  if (value === undefined) return {policy: {}, issues: []};
  if (!isObj(value)) return {policy: null, issues: [issue('ledger.adjust.policy.invalid', 'adjustments', {value: shown(value)})]};
  const issues: Issue[] = [];
  const {lookback, clawback, changedAt} = value;
  if (lookback !== undefined && !(typeof lookback === 'number' && Number.isInteger(lookback) && lookback >= 1 && lookback <= MAX_LOOKBACK)) {
    issues.push(issue('ledger.adjust.policy.lookback', 'adjustments.lookback', {max: MAX_LOOKBACK, value: shown(lookback)}));
  }
  if (clawback !== undefined) {
    const kind = isObj(clawback) ? clawback.kind : undefined;
    if (kind !== 'full' && kind !== 'capped' && kind !== 'none') {
      issues.push(issue('ledger.adjust.policy.clawback', 'adjustments.clawback', {value: shown(isObj(clawback) ? kind : clawback)}));
    } else if (kind === 'capped') {
      const percent = (clawback as Obj).percent;
      const parsed = typeof percent === 'string' ? planDecimal(percent) : null;
      if (!parsed || parsed.isNegative() || parsed.greaterThan(100)) {
        issues.push(issue('ledger.adjust.policy.percent', 'adjustments.clawback.percent', {value: shown(percent)}));
      }
    }
  }
  if (changedAt !== undefined) {
    if (!isObj(changedAt)) issues.push(issue('ledger.adjust.policy.changedAt', 'adjustments.changedAt', {source: '—', value: shown(changedAt)}));
    else {
      for (const [source, entry] of Object.entries(changedAt)) {
        const field = isObj(entry) ? entry.field : undefined;
        const sound = isObj(entry) && isObj(field) && typeof field.id === 'string' && typeof field.name === 'string' && (entry.kind === 'created' || entry.kind === 'modified');
        if (!sound) issues.push(issue('ledger.adjust.policy.changedAt', `adjustments.changedAt.${source}`, {source, value: shown(entry)}));
      }
    }
  }
  return {policy: issues.length === 0 ? (value as AdjustmentPolicy) : null, issues};
}

/** What the policy made of one person's adjustments in the open period. */
export interface Clawback {
  /** Counted in the period's total pay (the results row's "adjustments"). */
  taken: Dec;
  /** Carried to the next period (the row's "balance carried forward"); zero or negative. */
  balance: Dec;
  /** Not taken and not carried (policy `none`); zero or negative. */
  forgiven: Dec;
  /** The cap in money when it held the amount back, for the breakdown line. */
  cap: Dec | null;
}

/**
 * The policy applied to what a person is due: the new differences plus the balance brought
 * forward (`due`), against their pay before adjustments in the open period.
 *
 * The cap is rounded down to the plan's precision: it never takes a cent more than the percentage.
 *
 * @example applyClawback(new D(-3000), new D(5000), {kind: 'capped', percent: '20'}, cny) // taken -1000, balance -2000
 */
export function applyClawback(due: Dec, payBefore: Dec, policy: ClawbackPolicy, currency: Currency): Clawback {
  if (!due.isNegative()) return {taken: due, balance: ZERO, forgiven: ZERO, cap: null};
  switch (policy.kind) {
    case 'full':
      return {taken: due, balance: ZERO, forgiven: ZERO, cap: null};
    case 'none':
      return {taken: ZERO, balance: ZERO, forgiven: due, cap: null};
    case 'capped': {
      const percent = planDecimal(policy.percent) ?? ZERO;
      const base = payBefore.isNegative() ? ZERO : payBefore;
      const cap = base.times(percent).dividedBy(100).toDecimalPlaces(currency.precision, Decimal.ROUND_DOWN);
      if (due.negated().lessThanOrEqualTo(cap)) return {taken: due, balance: ZERO, forgiven: ZERO, cap: null};
      const taken = cap.negated();
      return {taken, balance: due.minus(taken), forgiven: ZERO, cap};
    }
  }
}
