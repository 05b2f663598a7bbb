/**
 * The ledger's state: per period, its status, who approved and closed it and when, its reopens
 * with their reasons, and the plan version frozen at close. It lives in globalConfig beside the
 * plan and the run log, as ONE key holding a JSON string (one key: the 1,000-key limit is never
 * near, and a save is atomic).
 *
 * Budget: globalConfig holds 150 kB per installation. The plan has 100 kB (src/storage.ts), the
 * run log 20 kB (frontend/state/runLog.ts); the ledger gets 25 kB, leaving 5 kB for the SDK's own
 * bookkeeping. A closed month approved and closed by "财务部 张晓红" takes about 200 bytes, so
 * 25 kB holds some 120 closed periods (ten years of months) before anything is compacted;
 * compacted (reopen history and stamps of the oldest closed periods dropped: the results rows
 * keep the stamps), about 56 bytes a period, some 440 periods. The test in
 * test/ledger/state.test.ts measures both.
 */
import {utf8Bytes} from '../storage';
import type {LedgerMessage} from './messages';
import type {PeriodState, PeriodStatus, Reopen, Stamp} from './status';

export const LEDGER_CONFIG_KEY = 'ledger';
export const LEDGER_FORMAT_VERSION = 1;
export const LEDGER_BYTE_BUDGET = 25_000;
/** Reopens kept per period when the state must shrink; the newest are kept. */
export const REOPENS_KEPT_WHEN_FULL = 3;

export interface LedgerState {
  version: typeof LEDGER_FORMAT_VERSION;
  /** By period id; a period without an entry is open. */
  periods: Record<string, PeriodState>;
}

export const EMPTY_LEDGER: LedgerState = Object.freeze({version: LEDGER_FORMAT_VERSION, periods: Object.freeze({})}) as LedgerState;

/** The stored form: compact JSON, counted in UTF-8 bytes as globalConfig counts it. */
export function serializeLedger(state: LedgerState): string {
  return JSON.stringify(state);
}

/** @example ledgerBytes(EMPTY_LEDGER) // 25 */
export function ledgerBytes(state: LedgerState): number {
  return utf8Bytes(serializeLedger(state));
}

/** The state with one period's entry replaced (an open period with no history is dropped). */
export function withPeriod(state: LedgerState, periodId: string, period: PeriodState): LedgerState {
  const periods = {...state.periods};
  if (period.status === 'open' && !period.reopens?.length) delete periods[periodId];
  else periods[periodId] = period;
  return {version: LEDGER_FORMAT_VERSION, periods};
}

const STATUSES: readonly PeriodStatus[] = ['open', 'approved', 'closed'];

function readStamp(value: unknown): Stamp | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const {by, at} = value as Partial<Stamp>;
  return typeof by === 'string' && typeof at === 'string' ? {by, at} : undefined;
}

function readReopen(value: unknown): Reopen | undefined {
  const stamp = readStamp(value);
  const {from, reason} = (value ?? {}) as Partial<Reopen>;
  if (!stamp || (from !== 'approved' && from !== 'closed') || typeof reason !== 'string') return undefined;
  return {...stamp, from, reason};
}

/** One period's entry, or null when it is not one (then reported, and the period reads open). */
function readPeriod(value: unknown): PeriodState | null {
  if (!value || typeof value !== 'object') return null;
  const entry = value as Record<string, unknown>;
  if (!STATUSES.includes(entry.status as PeriodStatus)) return null;
  const state: PeriodState = {status: entry.status as PeriodStatus};
  const approved = readStamp(entry.approved);
  const closed = readStamp(entry.closed);
  if (approved) state.approved = approved;
  if (closed) state.closed = closed;
  if (typeof entry.frozenVersionId === 'string') state.frozenVersionId = entry.frozenVersionId;
  if (Array.isArray(entry.reopens)) {
    const reopens = entry.reopens.map(readReopen).filter((r): r is Reopen => r !== undefined);
    if (reopens.length > 0) state.reopens = reopens;
  }
  if (state.status === 'closed' && !state.frozenVersionId) return null;
  return state;
}

/**
 * The state read back from globalConfig. Never throws: nothing stored is an empty ledger; an
 * unreadable document or entry is reported. A lost "closed" is not a silent reopen: the rows
 * of a closed period still say closed, and `planUpsert` refuses to write over them.
 */
export function parseLedgerState(stored: unknown): {state: LedgerState; messages: LedgerMessage[]} {
  if (stored === undefined || stored === null) return {state: EMPTY_LEDGER, messages: []};
  let doc: unknown = stored;
  if (typeof stored === 'string') {
    try {
      doc = JSON.parse(stored);
    } catch (error) {
      return {state: EMPTY_LEDGER, messages: [{key: 'ledger.state.unreadable', params: {detail: error instanceof Error ? error.message : String(error)}}]};
    }
  }
  const periods = (doc as Partial<LedgerState> | null)?.periods;
  if (!doc || typeof doc !== 'object' || (doc as Partial<LedgerState>).version !== LEDGER_FORMAT_VERSION || !periods || typeof periods !== 'object') {
    return {state: EMPTY_LEDGER, messages: [{key: 'ledger.state.unreadable', params: {detail: 'format'}}]};
  }
  const state: LedgerState = {version: LEDGER_FORMAT_VERSION, periods: {}};
  const messages: LedgerMessage[] = [];
  for (const [periodId, value] of Object.entries(periods)) {
    const period = readPeriod(value);
    if (period) state.periods[periodId] = period;
    else messages.push({key: 'ledger.state.entryDropped', params: {period: periodId}});
  }
  return {state, messages};
}

/**
 * The state made to fit the budget, losing only what the results rows also keep: first every
 * period's reopen history beyond the newest few, then, oldest closed period first, its reopen
 * history and its approval and close stamps (the period's rows carry "approved by/at" and
 * "closed by/at"; the run log has them too). Statuses and frozen versions are never dropped; if
 * they alone do not fit, `fits` is false and the caller refuses the action.
 *
 * `order` lists period ids oldest first (the plan's periods by start date).
 */
export function fitLedger(state: LedgerState, order: readonly string[], budget = LEDGER_BYTE_BUDGET): {state: LedgerState; fits: boolean; bytes: number} {
  let bytes = ledgerBytes(state);
  if (bytes <= budget) return {state, fits: true, bytes};
  const periods: Record<string, PeriodState> = {};
  for (const [id, period] of Object.entries(state.periods)) {
    periods[id] = period.reopens && period.reopens.length > REOPENS_KEPT_WHEN_FULL ? {...period, reopens: period.reopens.slice(-REOPENS_KEPT_WHEN_FULL)} : period;
  }
  bytes = ledgerBytes({version: LEDGER_FORMAT_VERSION, periods});
  const rank = new Map(order.map((id, index) => [id, index]));
  const oldestFirst = Object.keys(periods)
    .filter((id) => periods[id].status === 'closed')
    .sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
  for (const id of oldestFirst) {
    if (bytes <= budget) break;
    const {frozenVersionId} = periods[id];
    const compact: PeriodState = {status: 'closed', ...(frozenVersionId ? {frozenVersionId} : {})};
    // The entry's own bytes change; the keys and separators around it do not.
    bytes += utf8Bytes(JSON.stringify(compact)) - utf8Bytes(JSON.stringify(periods[id]));
    periods[id] = compact;
  }
  return {state: {version: LEDGER_FORMAT_VERSION, periods}, fits: bytes <= budget, bytes};
}

/** The closed periods whose frozen version is `versionId`: the editor refuses to change it. */
export function periodsFreezing(state: LedgerState, versionId: string): string[] {
  return Object.entries(state.periods)
    .filter(([, period]) => period.status === 'closed' && period.frozenVersionId === versionId)
    .map(([id]) => id);
}
