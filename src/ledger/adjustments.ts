/**
 * Adjustments (调整): a closed period stays as it was paid; what changed since (a refund, a late
 * order, a corrected rating) is carried into the open period as the difference per person and
 * per component, with a line naming the period, the component and, when it can, the records that
 * caused it. See docs/adjustments.md and /work/shared/ledger-design.md.
 *
 * For the open period O, each closed period C it carries, each person p and component k:
 *
 *     A(O, C, p, k) = now(C, p, k) - paid(C, p, k) - sum of A(P, C, p, k) over closed P, C < P < O
 *
 * - now(C): C recomputed by the engine from today's data with the plan version frozen at C's close;
 * - paid(C): the figures of C's results rows, as read (they never change after close);
 * - A(P, C): what a closed period P already carried for C, re-read from P's rows: the
 *   "adjustment detail" field (调整明细) holds one line per (closed period, component), in a
 *   fixed form that reads back in either language (`detailLines`, `parseDetail`).
 *
 * The formula does not depend on what O's own row held before, so refreshing O again changes
 * nothing; once O is closed its detail is frozen, and the next open period carries only what
 * changed since. The components are the incentive figures of a row: performance pay, bonus, team
 * bonus and champion award. Base salary is not adjusted: it is not computed by the plan, and a
 * raise must not be back-paid into closed months.
 *
 * Pure: the engine's results, the rows and the ledger's state in; amounts, lines and cells out.
 */
import {runPlan} from '../engine/run';
import {D, fixedText, planDecimal, ZERO, type Dec} from '../engine/money';
import type {Facts} from '../facts';
import {groupDigits, t, type Joined, type Message} from '../i18n';
import type {Currency, DecimalString, Lang, Period, PlanDocument, PlanVersion, Text} from '../plan';
import type {ParticipantResult} from '../results';
import {computedRows, withCells, type Carried, type LedgerCellContext} from './cells';
import {applyClawback, type ClawbackPolicy} from './clawback';
import {ledgerFieldName, type LedgerKey} from './fields';
import type {LedgerMessage} from './messages';
import {groupRows, pairKey, type LedgerCells, type ResultRow} from './rows';
import type {PeriodState} from './status';
import type {ComputedRow} from './upsert';

/** The components of a row that are adjusted, in the order of the row and of the lines. */
export const ADJUSTED_COMPONENTS = ['performancePay', 'bonus', 'teamBonus', 'award'] as const;
export type AdjustedComponent = (typeof ADJUSTED_COMPONENTS)[number];

type PeriodRef = Pick<Period, 'id' | 'label' | 'kind' | 'start'>;

/** An ISO time as an instant (a dateTime field may read back in another ISO spelling). */
const instant = (iso: unknown): number => (typeof iso === 'string' ? Date.parse(iso) : typeof iso === 'number' ? iso : NaN);

const byStart = (a: Pick<Period, 'start'>, b: Pick<Period, 'start'>) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/**
 * The closed periods whose adjustments the open period carries, oldest first: among the
 * `lookback` periods of its kind just before it, the closed ones, up to the first that is not
 * closed. A period that is not closed carries the adjustments of the closed ones before it
 * itself, so an adjustment is carried by the first open period after its closed period, and by
 * no other.
 *
 * @example adjustedPeriods([jan, feb, mar, apr], {'2026-01': closed, '2026-02': closed}, apr, 3) // [] (March is open: it carries them)
 * @example adjustedPeriods([jan, feb, mar], {'2026-01': closed, '2026-02': closed}, mar, 3) // [jan, feb]
 */
export function adjustedPeriods<P extends PeriodRef>(
  periods: readonly P[],
  states: Readonly<Record<string, PeriodState | undefined>>,
  open: PeriodRef,
  lookback: number,
): P[] {
  const before = periods.filter((p) => p.kind === open.kind && p.start < open.start).sort(byStart).reverse();
  const carried: P[] = [];
  for (const period of before.slice(0, lookback)) {
    if (states[period.id]?.status !== 'closed') break;
    carried.push(period);
  }
  return carried.reverse();
}

/**
 * The plan with only the version frozen at a period's close, in force for every period: the
 * engine then recomputes the period with the rules it was paid under. Null when that version is
 * gone (the plan was replaced by an import).
 */
export function frozenPlan(plan: PlanDocument, versionId: string): PlanDocument | null {
  const version = plan.versions.find((v) => v.id === versionId);
  if (!version) return null;
  return {...plan, versions: [{...version, effectiveFrom: '0000-01-01', effectiveTo: undefined}]};
}

/**
 * Since when a record's change is a cause of what the open period carries for a closed period:
 * the latest close among that period and the closed periods after it, before the open one (what
 * changed earlier was carried by one of them).
 *
 * @example changedSince(periods, {'2026-02': closedOn('03-05'), '2026-03': closedOn('04-05')}, feb, apr) // the close of March
 */
export function changedSince(
  periods: readonly PeriodRef[],
  states: Readonly<Record<string, PeriodState | undefined>>,
  closed: Pick<Period, 'start'>,
  open: Pick<Period, 'start'>,
): string | undefined {
  let latest: string | undefined;
  for (const period of periods) {
    const state = states[period.id];
    if (state?.status !== 'closed' || period.start < closed.start || period.start >= open.start || !state.closed) continue;
    if (latest === undefined || instant(state.closed.at) > instant(latest)) latest = state.closed.at;
  }
  return latest;
}

/** A source record created or modified after a period's close, credited to some people. */
export interface LateRecord {
  /** The source's label, e.g. {zh: '订单', en: 'Orders'}. */
  source: Text;
  /** The record's primary value, as the user sees it. */
  name: string;
  participantIds: readonly string[];
  change: 'created' | 'modified';
  /** The record's amount shown with it (the first metric field of its source), plain decimal. */
  amount: DecimalString | null;
}

/** A closed period recomputed today, ready to be compared with what it paid. */
export interface ClosedRecompute {
  period: Pick<Period, 'id' | 'label'>;
  /** now(C); null when the recomputation failed (then `failure` says why, in both languages). */
  now: readonly ParticipantResult[] | null;
  failure?: Text;
  /**
   * The frozen version's metrics that read source records: a person with no row in C is
   * adjusted only when one of them credited them a record in C (a person added late, whose
   * records were credited to nobody at close), not for every new hire.
   */
  sourceMetricIds: readonly string[];
  /** Records changed after C's close: the causes named in the lines. */
  late: readonly LateRecord[];
}

/**
 * The metric field whose value shows with a late record of `sourceId`: the first metric of the
 * version that reads a field of that source.
 */
function amountFieldOf(version: PlanVersion, sourceId: string): string | null {
  for (const metric of version.metrics) {
    if (metric.source.kind === 'source' && metric.source.sourceId === sourceId && metric.source.field) return metric.source.field.id;
  }
  return null;
}


/**
 * The records of a closed period's facts created or modified after its close, by the change-time
 * fields the plan maps (`adjustments.changedAt`); none when no field is mapped or the close time
 * is unknown. `primary` gives a record's primary value; a record without one is not named.
 */
export function lateRecords(
  plan: PlanDocument,
  version: PlanVersion,
  period: Pick<Period, 'start' | 'end'>,
  facts: Facts,
  closedAt: string | undefined,
  primary: (sourceId: string, recordId: string) => string | undefined,
): LateRecord[] {
  const changedAt = plan.adjustments?.changedAt;
  const close = instant(closedAt);
  if (!changedAt || Number.isNaN(close)) return [];
  const late: LateRecord[] = [];
  for (const source of plan.mapping.sources) {
    const mapped = changedAt[source.id];
    if (!mapped) continue;
    const amountField = amountFieldOf(version, source.id);
    for (const record of facts.sources[source.id] ?? []) {
      if (!(instant(record.values[mapped.field.id]) > close)) continue;
      // Facts read for several periods hold other periods' records: only the period's own are its causes.
      const day = record.date?.slice(0, 10);
      if (source.date && (day === undefined || day < period.start || day > period.end)) continue;
      const name = primary(source.id, record.id);
      if (name === undefined || name === '') continue;
      const raw = amountField === null ? null : record.values[amountField];
      const amount = typeof raw === 'number' || typeof raw === 'string' ? planDecimal(String(raw)) : null;
      late.push({source: source.label, name, participantIds: record.participantIds, change: mapped.kind, amount: amount === null ? null : amount.toString()});
    }
  }
  return late;
}

/**
 * One closed period recomputed with its frozen version on facts read for it today. A run that
 * returns no result and an error (no version, facts of another period) is a failure: its
 * adjustments are left out this time and carried by a later refresh (the formula loses nothing).
 */
export function recomputeClosed(
  plan: PlanDocument,
  period: Pick<Period, 'id' | 'label' | 'start' | 'end'>,
  state: PeriodState,
  facts: Facts,
  causes: {primary?: (sourceId: string, recordId: string) => string | undefined; since?: string} = {},
): ClosedRecompute {
  const primary = causes.primary ?? (() => undefined);
  const versionId = state.frozenVersionId ?? '';
  const frozen = frozenPlan(plan, versionId);
  if (!frozen) return {period, now: null, failure: sayText('ledger.adjust.noVersion', {version: versionId}), sourceMetricIds: [], late: []};
  const version = frozen.versions[0];
  const run = runPlan(frozen, period.id, facts);
  const error = run.issues.find((issue) => issue.severity === 'error');
  if (run.results.length === 0 && error) return {period, now: null, failure: {zh: error.message.zh, en: error.message.en}, sourceMetricIds: [], late: []};
  return {
    period,
    now: run.results,
    sourceMetricIds: version.metrics.filter((m) => m.source.kind === 'source').map((m) => m.id),
    late: lateRecords(plan, version, period, facts, causes.since ?? state.closed?.at, primary),
  };
}

function sayText(key: Message['key'], params: Message['params']): Text {
  return {zh: t('zh', key, params), en: t('en', key, params)};
}

/** One difference carried: a closed period's component for one person. */
export interface Difference {
  periodId: string;
  periodLabel: string;
  component: AdjustedComponent;
  amount: Dec;
}

/** What the open period does for one person. */
export interface PersonAdjustment {
  participantId: string;
  name: string;
  /** The new differences, A(O, C, p, k) not zero, oldest period first. */
  differences: Difference[];
  /** Their sum. */
  raw: Dec;
  /** The balance the last closed period carried forward (zero or negative). */
  broughtForward: Dec;
  /** Counted in total pay: the results row's "adjustments". */
  taken: Dec;
  /** Carried to the next period: the row's "balance carried forward". */
  balance: Dec;
  /** Not taken and not carried (clawback policy `none`). */
  forgiven: Dec;
  /** The breakdown lines, as data. */
  lines: Message[];
}

export interface AdjustmentInput {
  open: PeriodRef;
  /** The plan's periods: which closed periods lie between C and O. */
  periods: readonly PeriodRef[];
  states: Readonly<Record<string, PeriodState | undefined>>;
  /** The closed periods O carries (`adjustedPeriods`), each recomputed (`recomputeClosed`). */
  closed: readonly ClosedRecompute[];
  /** The results table's rows, every period, as read. */
  rows: readonly ResultRow[];
  /** The keys the results table has a field for: a component without one cannot be compared. */
  keys: readonly LedgerKey[];
  /** O's run: who is in it, and their pay before adjustments (the cap's base). */
  results: readonly ParticipantResult[];
  policy: ClawbackPolicy;
  currency: Currency;
}

export interface AdjustmentOutcome {
  /** People of O's run with something to carry (a difference or a balance), by participant id. */
  people: Map<string, PersonAdjustment>;
  /** People with differences who are not in O's run (deleted): reported, not carried. */
  unplaced: PersonAdjustment[];
  /** The sum of `taken` over O's people: what adjustments add to O's total pay. */
  total: Dec;
  messages: LedgerMessage[];
}

/** Money as a line shows it: grouped, signed. @example signedMoney(new D(-150), 2) // '-150.00' */
export function signedMoney(amount: Dec, precision: number): string {
  const fixed = groupDigits(fixedText(amount, precision));
  return amount.isPositive() && !amount.isZero() ? `+${fixed}` : fixed;
}

const DETAIL_SEPARATOR = ' · ';

/**
 * The adjustment detail cell: one line per difference, `<period id> · <component> · <amount>`,
 * the component named in the plan's result language. Read back by `parseDetail` in either.
 *
 * @example detailLines([{periodId: '2026-10', component: 'bonus', amount: new D(-150)}], 'zh', 2) // '2026-10 · 奖金 · -150.00'
 */
export function detailLines(differences: readonly Pick<Difference, 'periodId' | 'component' | 'amount'>[], lang: Lang, precision: number): string | null {
  if (differences.length === 0) return null;
  return differences.map((d) => [d.periodId, ledgerFieldName(d.component, lang), fixedText(d.amount, precision)].join(DETAIL_SEPARATOR)).join('\n');
}

const COMPONENT_BY_NAME = new Map<string, AdjustedComponent>(
  ADJUSTED_COMPONENTS.flatMap((component) => (['zh', 'en'] as const).map((lang) => [ledgerFieldName(component, lang).toLowerCase(), component] as const)),
);

/**
 * The differences a detail cell records, and how many of its lines do not read.
 *
 * @example parseDetail('2026-10 · Bonus · -150.00').entries // [{periodId: '2026-10', component: 'bonus', amount: -150}]
 */
export function parseDetail(cell: unknown): {entries: Omit<Difference, 'periodLabel'>[]; unreadable: number} {
  if (typeof cell !== 'string') return {entries: [], unreadable: 0};
  const entries: Omit<Difference, 'periodLabel'>[] = [];
  let unreadable = 0;
  for (const line of cell.split('\n')) {
    if (line.trim() === '') continue;
    const parts = line.split(DETAIL_SEPARATOR);
    const amount = parts.length >= 3 ? planDecimal(parts[parts.length - 1].trim()) : null;
    const component = parts.length >= 3 ? COMPONENT_BY_NAME.get(parts[parts.length - 2].trim().toLowerCase()) : undefined;
    const periodId = parts.slice(0, -2).join(DETAIL_SEPARATOR).trim();
    if (amount === null || component === undefined || periodId === '') unreadable++;
    else entries.push({periodId, component, amount});
  }
  return {entries, unreadable};
}

const cellAmount = (cells: LedgerCells, key: LedgerKey): Dec => {
  const value = cells[key];
  if (typeof value === 'number' && Number.isFinite(value)) return new D(value);
  if (typeof value === 'string') return planDecimal(value) ?? ZERO;
  return ZERO;
};

const zeroFigures = (): Record<AdjustedComponent, Dec> => ({performancePay: ZERO, bonus: ZERO, teamBonus: ZERO, award: ZERO});

function resultFigures(result: ParticipantResult): Record<AdjustedComponent, Dec> {
  return {performancePay: new D(result.performancePay), bonus: new D(result.bonus), teamBonus: new D(result.teamBonus), award: new D(result.award)};
}

/** The component's name in the lines: a version with one bonus names it ("销售奖金"), else "奖金". */
function componentNames(now: readonly ParticipantResult[]): Record<AdjustedComponent, Text> {
  const name = (component: AdjustedComponent): Text => ({zh: ledgerFieldName(component, 'zh'), en: ledgerFieldName(component, 'en')});
  const bonusIds = new Set(now.flatMap((result) => result.bonuses.map((bonus) => bonus.bonusId)));
  const single = bonusIds.size === 1 ? now.find((result) => result.bonuses.length > 0)?.bonuses[0].label : undefined;
  return {performancePay: name('performancePay'), bonus: single ?? name('bonus'), teamBonus: name('teamBonus'), award: name('award')};
}

/** The late records credited to a person, as the causes of one line (at most three named). */
function causesOf(late: readonly LateRecord[], participantId: string, precision: number): Joined | null {
  const mine = late.filter((record) => record.participantIds.includes(participantId));
  if (mine.length === 0) return null;
  const named: Message[] = mine.slice(0, 3).map((record) => ({
    key: record.change === 'created' ? 'ledger.adjust.cause.created' : 'ledger.adjust.cause.modified',
    params: {source: record.source, name: record.name, amount: record.amount === null ? '' : groupDigits(fixedText(new D(record.amount), precision))},
  }));
  if (mine.length > 3) named.push({key: 'ledger.adjust.cause.more', params: {count: mine.length - 3}});
  return {join: named, separator: {zh: '；', en: '; '}};
}

/**
 * A(O, C, p, k) for every closed period O carries, the balance brought forward, and the clawback
 * policy applied: what each person of O's run gets as adjustments, what is carried forward, and
 * the lines that explain it.
 */
export function computeAdjustments(input: AdjustmentInput): AdjustmentOutcome {
  const {open, currency} = input;
  const precision = currency.precision;
  const start = new Map(input.periods.map((p) => [p.id, p.start]));
  start.set(open.id, open.start);
  const isClosedBeforeOpen = (periodId: string) => input.states[periodId]?.status === 'closed' && (start.get(periodId) ?? '\uffff') < open.start;
  const components = ADJUSTED_COMPONENTS.filter((k) => input.keys.includes(k));
  const messages: LedgerMessage[] = [];
  if (input.closed.length > 0 && !input.keys.includes('adjustmentDetail')) {
    // Without the detail, the next open period could not tell what this one carried and would carry it again.
    return {people: new Map(), unplaced: [], total: ZERO, messages: [{key: 'ledger.adjust.noDetailField', params: {}}]};
  }

  // Every row of the table by (person, period); duplicates are left out (reported for C below).
  const all = groupRows(input.rows);
  const rowsOf = new Map<string, ResultRow[]>();
  for (const row of all.byPair.values()) {
    const list = rowsOf.get(row.participantId!);
    if (list) list.push(row);
    else rowsOf.set(row.participantId!, [row]);
  }

  // What closed periods before O already carried, per (person, source period): the sum in the formula.
  const carried = new Map<string, Record<AdjustedComponent, Dec>>();
  for (const row of all.byPair.values()) {
    if (!isClosedBeforeOpen(row.periodId!) || row.cells.adjustmentDetail == null) continue;
    const {entries, unreadable} = parseDetail(row.cells.adjustmentDetail);
    if (unreadable > 0) {
      messages.push({key: 'ledger.adjust.detailUnreadable', params: {name: row.participantName ?? '?', period: row.periodId!, count: unreadable}});
    }
    for (const entry of entries) {
      // Only a period after the source carries for it; anything else was typed by hand.
      if ((start.get(entry.periodId) ?? '\uffff') >= (start.get(row.periodId!) ?? '')) continue;
      const key = pairKey(row.participantId!, entry.periodId);
      const sums = carried.get(key) ?? zeroFigures();
      sums[entry.component] = sums[entry.component].plus(entry.amount);
      carried.set(key, sums);
    }
  }

  const differences = new Map<string, {name: string; list: Difference[]; causes: Map<string, Joined | null>}>();
  const add = (participantId: string, name: string, difference: Difference, cause: Joined | null) => {
    const entry = differences.get(participantId) ?? {name, list: [], causes: new Map<string, Joined | null>()};
    entry.list.push(difference);
    entry.causes.set(difference.periodId, cause);
    differences.set(participantId, entry);
  };
  const namesByPeriod = new Map<string, Record<AdjustedComponent, Text>>();

  for (const closed of input.closed) {
    const {period} = closed;
    if (closed.now === null) {
      messages.push({key: 'ledger.adjust.recomputeFailed', params: {period: period.label, reason: closed.failure ?? {zh: '?', en: '?'}}});
      continue;
    }
    const grouped = groupRows(input.rows, period.id);
    messages.push(...grouped.messages);
    const duplicated = new Set(grouped.duplicates.map((pair) => pair.participantId));
    const now = new Map(closed.now.map((result) => [result.participantId, result]));
    const sourceMetrics = new Set(closed.sourceMetricIds);
    namesByPeriod.set(period.id, componentNames(closed.now));
    const people = new Set<string>([...now.keys(), ...[...grouped.byPair.values()].map((row) => row.participantId!)]);
    for (const participantId of people) {
      if (duplicated.has(participantId)) continue;
      const row = grouped.byPair.get(pairKey(participantId, period.id));
      const result = now.get(participantId);
      if (!row && !(result && result.metrics.some((m) => sourceMetrics.has(m.metricId) && m.sample > 0))) continue;
      const nowFigures = result ? resultFigures(result) : zeroFigures();
      const already = carried.get(pairKey(participantId, period.id)) ?? zeroFigures();
      const name = result?.name ?? row?.participantName ?? participantId;
      const cause = causesOf(closed.late, participantId, precision);
      for (const component of components) {
        const paid = row ? cellAmount(row.cells, component) : ZERO;
        const amount = nowFigures[component].minus(paid).minus(already[component]);
        if (!amount.isZero()) add(participantId, name, {periodId: period.id, periodLabel: period.label, component, amount}, cause);
      }
    }
  }

  // The balance brought forward: the latest closed row of the person, of O's kind, before O.
  const sameKindClosed = input.periods.filter((p) => p.kind === open.kind && isClosedBeforeOpen(p.id)).sort(byStart).reverse();
  const broughtForward = (participantId: string): Dec => {
    const rows = rowsOf.get(participantId) ?? [];
    for (const period of sameKindClosed) {
      const row = rows.find((r) => r.periodId === period.id);
      if (row) return cellAmount(row.cells, 'balance');
    }
    return ZERO;
  };

  const people = new Map<string, PersonAdjustment>();
  let total = ZERO;
  const inRun = new Set<string>();
  for (const result of input.results) {
    inRun.add(result.participantId);
    const found = differences.get(result.participantId);
    const forward = input.keys.includes('balance') ? broughtForward(result.participantId) : ZERO;
    if (!found && forward.isZero()) continue;
    const list = found?.list ?? [];
    const raw = list.reduce((sum, d) => sum.plus(d.amount), ZERO);
    const due = raw.plus(forward);
    const clawback = applyClawback(due, new D(result.totalPay), input.policy, currency);
    const lines: Message[] = list.map((d) => {
      const cause = found?.causes.get(d.periodId) ?? null;
      const params = {period: d.periodLabel, component: namesByPeriod.get(d.periodId)?.[d.component] ?? d.component, amount: signedMoney(d.amount, precision)};
      return cause ? {key: 'ledger.adjust.lineCause', params: {...params, causes: cause}} : {key: 'ledger.adjust.line', params};
    });
    if (!forward.isZero()) lines.push({key: 'ledger.adjust.broughtForward', params: {amount: signedMoney(forward, precision)}});
    if (clawback.cap !== null && input.policy.kind === 'capped') {
      lines.push({
        key: 'ledger.adjust.capped',
        params: {percent: input.policy.percent, pay: groupDigits(fixedText(new D(result.totalPay), precision)), taken: signedMoney(clawback.taken, precision), balance: signedMoney(clawback.balance, precision)},
      });
    }
    if (!clawback.forgiven.isZero()) lines.push({key: 'ledger.adjust.notClawedBack', params: {amount: signedMoney(clawback.forgiven, precision)}});
    lines.push({key: 'ledger.adjust.total', params: {amount: signedMoney(clawback.taken, precision)}});
    people.set(result.participantId, {
      participantId: result.participantId,
      name: result.name,
      differences: list,
      raw,
      broughtForward: forward,
      taken: clawback.taken,
      balance: clawback.balance,
      forgiven: clawback.forgiven,
      lines,
    });
    total = total.plus(clawback.taken);
  }

  const unplaced: PersonAdjustment[] = [];
  for (const [participantId, found] of differences) {
    if (inRun.has(participantId)) continue;
    const raw = found.list.reduce((sum, d) => sum.plus(d.amount), ZERO);
    unplaced.push({participantId, name: found.name, differences: found.list, raw, broughtForward: ZERO, taken: ZERO, balance: ZERO, forgiven: ZERO, lines: []});
    const periods = {list: [...new Set(found.list.map((d) => d.periodLabel))]};
    messages.push({key: 'ledger.adjust.unplaced', params: {name: found.name, period: periods, amount: signedMoney(raw, precision)}});
  }
  return {people, unplaced, total, messages};
}

/**
 * The base salary in a result, as the engine paid it: total pay is base salary + performance pay
 * + bonus + team bonus + award (src/results.ts), so it is what remains, exactly.
 *
 * @example paidBaseSalary({totalPay: '8650.00', performancePay: '2400.00', bonus: '1300.00', teamBonus: '0', award: '1950.00'}).toString() // '3000'
 */
export function paidBaseSalary(result: Pick<ParticipantResult, 'totalPay' | 'performancePay' | 'bonus' | 'teamBonus' | 'award'>): Dec {
  return new D(result.totalPay).minus(result.performancePay).minus(result.bonus).minus(result.teamBonus).minus(result.award);
}

/**
 * A result of O with its adjustments: total pay includes what is taken, and the breakdown ends
 * with the adjustment lines. Unchanged without adjustments.
 */
export function withAdjustments(result: ParticipantResult, person: PersonAdjustment | undefined, currency: Pick<Currency, 'precision'>): ParticipantResult {
  if (!person) return result;
  const before = new D(result.totalPay);
  const after = before.plus(person.taken);
  const shown = (amount: Dec) => groupDigits(fixedText(amount, currency.precision));
  // The written total pay is reproduced by a line, like every other written number.
  const total: Message = {key: 'ledger.adjust.totalPay', params: {before: shown(before), amount: signedMoney(person.taken, currency.precision), after: shown(after)}};
  return {...result, totalPay: fixedText(after, currency.precision), breakdown: [...result.breakdown, ...person.lines, total]};
}

/**
 * O's computed rows for `planUpsert`: every figure of `computedRows`, with total pay and the
 * breakdown including the adjustments, and the cells issue 13 adds: base salary, adjustments,
 * balance carried forward and the adjustment detail (empty when nothing was carried).
 */
export function adjustedComputedRows(
  results: readonly ParticipantResult[],
  outcome: Pick<AdjustmentOutcome, 'people'>,
  context: LedgerCellContext,
  currency: Pick<Currency, 'precision'>,
): ComputedRow[] {
  const carried = new Map<string, Carried>();
  const adjusted = results.map((result) => {
    const person = outcome.people.get(result.participantId);
    if (person) carried.set(result.participantId, {adjustments: fixedText(person.taken, currency.precision), balance: fixedText(person.balance, currency.precision)});
    return withAdjustments(result, person, currency);
  });
  const rows = computedRows(adjusted, context, carried);
  return rows.map((row, index) => {
    const person = outcome.people.get(row.participantId);
    return {
      ...row,
      // Not a spread: it would make every deferred text (src/ledger/cells.ts DEFERRED_LEDGER_KEYS).
      cells: withCells(row.cells, {
        baseSalary: Number(fixedText(paidBaseSalary(results[index]), currency.precision)),
        adjustmentDetail: detailLines(person?.differences ?? [], context.lang, currency.precision),
      }),
    };
  });
}
