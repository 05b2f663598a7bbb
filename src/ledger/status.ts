/**
 * Period status (周期状态): open (开放) -> approved (已审批) -> closed, i.e. paid (已关账); reopen
 * (重新打开) only explicitly, with a reason, logged. A period that has not ended yet is
 * provisional (预估): its figures can still move, so it can be refreshed but not approved.
 *
 * Transitions are one pure function: the state after the action, or a coded refusal that the
 * screens and the CLI show in either language. Who may act (a user who may write) is the
 * adapter's check; everything else is decided here.
 */
import type {IsoDate, Period} from '../plan';
import type {RowStatus} from './fields';
import type {LedgerMessage} from './messages';

/** The stored status of a period; `provisional` is never stored, it is derived from the date. */
export type PeriodStatus = 'open' | 'approved' | 'closed';

/** Who did something, and when (ISO time). The name is kept as it was: people leave bases. */
export interface Stamp {
  by: string;
  at: string;
}

/** A reopen, kept in the period's history: from which status, by whom, when and why. */
export interface Reopen extends Stamp {
  from: 'approved' | 'closed';
  reason: string;
}

/** What the ledger knows of one period. A period with no entry is open. */
export interface PeriodState {
  status: PeriodStatus;
  approved?: Stamp;
  closed?: Stamp;
  /**
   * The plan version in force when the period was closed: later recomputations of it (issue 13's
   * adjustments) use this version, and the editor refuses to change it.
   */
  frozenVersionId?: string;
  /** Reopens, oldest first. */
  reopens?: Reopen[];
}

export const OPEN: PeriodState = Object.freeze({status: 'open'}) as PeriodState;

/**
 * Whether the period has ended on `today` (the user's local date, ISO). `end` is the period's
 * last day, inclusive: a month ends when its last day is over.
 *
 * @example hasEnded({end: '2026-02-28'}, '2026-02-28') // false
 * @example hasEnded({end: '2026-02-28'}, '2026-03-01') // true
 */
export function hasEnded(period: Pick<Period, 'end'>, today: IsoDate): boolean {
  return today > period.end;
}

/**
 * The status a row of the period carries: the stored status, or provisional for an open period
 * that has not ended.
 *
 * @example rowStatus({status: 'open'}, {end: '2026-12-31'}, '2026-12-05') // 'provisional'
 */
export function rowStatus(state: PeriodState | undefined, period: Pick<Period, 'end'>, today: IsoDate): RowStatus {
  const status = state?.status ?? 'open';
  if (status === 'open' && !hasEnded(period, today)) return 'provisional';
  return status;
}

export type LedgerAction =
  | {kind: 'approve'}
  | {kind: 'close'; versionId: string}
  | {kind: 'reopen'; reason: string};

/** The facts a transition is judged on, besides the period's own state. */
export interface TransitionContext {
  period: Pick<Period, 'id' | 'label' | 'end'>;
  today: IsoDate;
  /** The acting user's name and the time of the action (ISO). */
  by: string;
  at: string;
  /**
   * Every period's state: reopening a closed period is refused while a later period is closed,
   * because that later period's adjustments were computed from what this one paid.
   */
  periods?: readonly {period: Pick<Period, 'id' | 'label' | 'end'>; state: PeriodState | undefined}[];
}

export type TransitionResult = {ok: true; state: PeriodState} | {ok: false; refusal: LedgerMessage};

/** The longest reopen reason kept: globalConfig is small (see state.ts). */
export const MAX_REASON_LENGTH = 200;

function refuse(key: LedgerMessage['key'], context: TransitionContext, extra: Record<string, string | number> = {}): TransitionResult {
  return {ok: false, refusal: {key, params: {period: context.period.label, ...extra}}};
}

/**
 * The period's state after an action, or why the action is refused.
 *
 * @example transition(undefined, {kind: 'approve'}, {period: monthPeriod(2026, 2), today: '2026-03-02', by: '李娜', at: '2026-03-02T09:00:00.000Z'})
 * // {ok: true, state: {status: 'approved', approved: {by: '李娜', at: '2026-03-02T09:00:00.000Z'}}}
 */
export function transition(current: PeriodState | undefined, action: LedgerAction, context: TransitionContext): TransitionResult {
  const state = current ?? OPEN;
  const stamp: Stamp = {by: context.by, at: context.at};
  switch (action.kind) {
    case 'approve':
      if (state.status === 'approved') return refuse('ledger.transition.alreadyApproved', context);
      if (state.status === 'closed') return refuse('ledger.transition.isClosed', context);
      if (!hasEnded(context.period, context.today)) return refuse('ledger.transition.notEnded', context, {end: context.period.end});
      return {ok: true, state: {...state, status: 'approved', approved: stamp}};
    case 'close':
      if (state.status === 'closed') return refuse('ledger.transition.isClosed', context);
      if (state.status !== 'approved') return refuse('ledger.transition.notApproved', context);
      if (!action.versionId) return refuse('ledger.transition.noVersion', context);
      return {ok: true, state: {...state, status: 'closed', closed: stamp, frozenVersionId: action.versionId}};
    case 'reopen': {
      if (state.status === 'open') return refuse('ledger.transition.alreadyOpen', context);
      const reason = action.reason.trim();
      if (reason === '') return refuse('ledger.transition.reasonRequired', context);
      if (state.status === 'closed') {
        const later = (context.periods ?? []).find((p) => p.state?.status === 'closed' && p.period.end > context.period.end);
        if (later) return refuse('ledger.transition.laterClosed', context, {later: later.period.label});
      }
      const reopen: Reopen = {...stamp, from: state.status, reason: reason.slice(0, MAX_REASON_LENGTH)};
      // The figures are no longer approved nor paid as they stand: the stamps go, the history stays.
      return {ok: true, state: {status: 'open', reopens: [...(state.reopens ?? []), reopen]}};
    }
  }
}

/**
 * The period a user most likely wants to work on: the latest one that has ended and is not
 * closed (last month, until it is paid). Before any period has ended, or once all ended ones are
 * closed: the one containing today, else the earliest that is not closed; null when every period
 * is closed.
 *
 * @example defaultPeriod([jan, feb, mar], {'2026-01': {status: 'closed'}}, '2026-03-10')?.id // '2026-02'
 */
export function defaultPeriod<P extends Pick<Period, 'id' | 'start' | 'end'>>(
  periods: readonly P[],
  states: Readonly<Record<string, PeriodState | undefined>>,
  today: IsoDate,
): P | null {
  const notClosed = periods.filter((p) => states[p.id]?.status !== 'closed');
  const ended = notClosed.filter((p) => hasEnded(p, today));
  const latestFirst = (a: P, b: P) => (a.end !== b.end ? (a.end < b.end ? 1 : -1) : a.start < b.start ? 1 : a.start > b.start ? -1 : 0);
  if (ended.length > 0) return [...ended].sort(latestFirst)[0];
  const current = notClosed.find((p) => p.start <= today && today <= p.end);
  if (current) return current;
  return [...notClosed].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0] ?? null;
}
