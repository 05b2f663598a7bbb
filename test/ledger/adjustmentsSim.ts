/**
 * A results table kept the way the extension keeps it, for the adjustment tests: each refresh
 * runs the real engine on the period, recomputes the closed periods it carries with their frozen
 * version, plans the upsert and applies it to rows that read back in the SDK's formats; a close
 * stamps the rows and freezes the version. Only the base is simulated: every figure is computed.
 */
import type {Facts} from '../../src/facts';
import {runPlan} from '../../src/engine/run';
import {
  adjustedComputedRows,
  adjustedPeriods,
  changedSince,
  computeAdjustments,
  recomputeClosed,
  type AdjustmentOutcome,
} from '../../src/ledger/adjustments';
import {clawbackOf, lookbackOf} from '../../src/ledger/clawback';
import {LEDGER_KEYS, LEDGER_KIND, statusName, type LedgerKey} from '../../src/ledger/fields';
import {readRow, type LedgerCells, type ResultRow} from '../../src/ledger/rows';
import type {PeriodState} from '../../src/ledger/status';
import {planStamps, planUpsert, type UpsertPlan} from '../../src/ledger/upsert';
import type {PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import type {FieldTypeName} from '../../src/schema';

const TODAY = '2027-01-15';

/** The field type each key reads back as: currency for money, a select for the status... */
const TYPES = Object.fromEntries(
  LEDGER_KEYS.map((key) => {
    const kind = LEDGER_KIND[key];
    const type: FieldTypeName = kind === 'money' ? 'currency' : kind === 'score' || kind === 'rank' ? 'number' : kind === 'time' ? 'dateTime' : kind === 'status' ? 'singleSelect' : kind === 'longText' ? 'multilineText' : 'singleLineText';
    return [key, type];
  }),
) as Record<LedgerKey, FieldTypeName>;

export interface Refresh {
  run: RunResult;
  outcome: AdjustmentOutcome;
  upsert: UpsertPlan;
}

export class LedgerSim {
  rows: ResultRow[] = [];
  states: Record<string, PeriodState> = {};
  private next = 0;

  constructor(
    public plan: PlanDocument,
    public facts: Facts,
    /** A record's primary value, for the causes the lines name. */
    public primary: (sourceId: string, recordId: string) => string | undefined = () => undefined,
  ) {}

  private names(): Record<string, string> {
    return Object.fromEntries(this.facts.participants.map((p) => [p.id, p.name]));
  }

  /** What the SDK reads back for a row written with `cells`. */
  private sdkRow(recordId: string, cells: LedgerCells): ResultRow {
    const names = this.names();
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(cells) as [LedgerKey, LedgerCells[LedgerKey]][]) {
      if (value === null || value === undefined) continue;
      if (key === 'participant') raw.participant = [{id: value, name: names[value as string]}];
      else if (key === 'status') raw.status = {id: `sel${String(value)}`, name: statusName(value as never, 'zh'), color: 'blueLight2'};
      else raw[key] = value;
    }
    return readRow(recordId, raw, TYPES);
  }

  private apply(plan: UpsertPlan) {
    const byId = new Map(this.rows.map((row) => [row.recordId, row]));
    for (const update of plan.updates) {
      const row = byId.get(update.recordId)!;
      byId.set(row.recordId, this.sdkRow(row.recordId, {...row.cells, ...update.cells, participant: row.participantId}));
    }
    for (const create of plan.creates) {
      const id = `recRow${++this.next}`;
      byId.set(id, this.sdkRow(id, create.cells));
    }
    this.rows = [...byId.values()];
  }

  period(periodId: string) {
    return this.plan.periods.find((p) => p.id === periodId)!;
  }

  /** A refresh of an open period: its run, its adjustments, its upsert applied. */
  refresh(periodId: string): Refresh {
    const period = this.period(periodId);
    const run = runPlan(this.plan, periodId, this.facts);
    const carried = adjustedPeriods(this.plan.periods, this.states, period, lookbackOf(this.plan.adjustments));
    const closed = carried.map((c) =>
      recomputeClosed(this.plan, c, this.states[c.id], this.facts, {primary: this.primary, since: changedSince(this.plan.periods, this.states, c, period)}),
    );
    const outcome = computeAdjustments({
      open: period,
      periods: this.plan.periods,
      states: this.states,
      closed,
      rows: this.rows,
      keys: LEDGER_KEYS,
      results: run.results,
      policy: clawbackOf(this.plan.adjustments),
      currency: this.plan.currency,
    });
    const computed = adjustedComputedRows(run.results, outcome, {lang: 'zh', calculatedAt: '2027-01-15T08:00:00.000Z', versionLabel: 'v1'}, this.plan.currency);
    const upsert = planUpsert({period, state: this.states[periodId], today: TODAY, computed, rows: this.rows, keys: LEDGER_KEYS});
    this.apply(upsert);
    return {run, outcome, upsert};
  }

  /** Approve (not yet paid); the rows are stamped. */
  approve(periodId: string, at: string) {
    this.states = {...this.states, [periodId]: {status: 'approved', approved: {by: '财务部 张晓红', at}}};
    this.apply(planStamps({period: this.period(periodId), state: this.states[periodId], today: TODAY, rows: this.rows, keys: LEDGER_KEYS}));
  }

  /** Approve and close (paid), freezing the version in force; the rows are stamped. */
  close(periodId: string, at: string) {
    this.states = {
      ...this.states,
      [periodId]: {status: 'closed', approved: {by: '财务部 张晓红', at}, closed: {by: '财务部 张晓红', at}, frozenVersionId: this.plan.versions[0].id},
    };
    this.apply(planStamps({period: this.period(periodId), state: this.states[periodId], today: TODAY, rows: this.rows, keys: LEDGER_KEYS}));
  }

  /** The row of a person in a period, as read. */
  row(participantId: string, periodId: string): ResultRow | undefined {
    return this.rows.find((row) => row.participantId === participantId && row.periodId === periodId);
  }

  /** A money cell of a row, in cents (exact for the amounts of these tests). */
  cents(participantId: string, periodId: string, key: LedgerKey): number {
    const value = this.row(participantId, periodId)?.cells[key];
    return typeof value === 'number' ? Math.round(value * 100) : 0;
  }
}
