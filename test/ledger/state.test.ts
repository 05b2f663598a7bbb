import {monthPeriod} from '../../src/period';
import {messageText} from '../../src/ledger/messages';
import {EMPTY_LEDGER, fitLedger, LEDGER_BYTE_BUDGET, ledgerBytes, parseLedgerState, periodsFreezing, serializeLedger, withPeriod, type LedgerState} from '../../src/ledger/state';
import {transition, type PeriodState} from '../../src/ledger/status';
import {PLAN_BYTE_BUDGET} from '../../src/storage';
import {DEFAULT_RUN_LOG_LIMITS} from '../../frontend/state/runLog';

/** Airtable's documented limit of globalConfig per installation (platform notes). */
const GLOBAL_CONFIG_LIMIT_BYTES = 150_000;

/** `count` months from 2020-01, each approved and closed by people with Chinese names, as the transitions make them. */
function closedMonths(count: number, reopens = 0): {state: LedgerState; order: string[]} {
  let state: LedgerState = EMPTY_LEDGER;
  const order: string[] = [];
  for (let i = 0; i < count; i++) {
    const period = monthPeriod(2020 + Math.floor(i / 12), (i % 12) + 1);
    order.push(period.id);
    const ctx = (at: string, by: string) => ({period, today: '2099-01-01', by, at});
    let current: PeriodState | undefined;
    const step = (next: ReturnType<typeof transition>) => {
      if (!next.ok) throw new Error(next.refusal.key);
      current = next.state;
    };
    step(transition(current, {kind: 'approve'}, ctx('2026-03-02T09:00:00.000Z', '财务部 张晓红')));
    for (let r = 0; r < reopens; r++) {
      step(transition(current, {kind: 'reopen', reason: '客户退款补录，需重新计算销售奖金'}, ctx('2026-03-03T09:00:00.000Z', '销售总监 李娜')));
      step(transition(current, {kind: 'approve'}, ctx('2026-03-04T09:00:00.000Z', '财务部 张晓红')));
    }
    step(transition(current, {kind: 'close', versionId: 'v2026'}, ctx('2026-03-05T09:00:00.000Z', '财务部 张晓红')));
    state = withPeriod(state, period.id, current!);
  }
  return {state, order};
}

describe('the ledger state in globalConfig', () => {
  it('fits globalConfig beside the plan and the run log', () => {
    expect(PLAN_BYTE_BUDGET + DEFAULT_RUN_LOG_LIMITS.maxBytes + LEDGER_BYTE_BUDGET).toBeLessThan(GLOBAL_CONFIG_LIMIT_BYTES);
  });

  it('holds over ten years of closed months before compacting, and over 400 compacted', () => {
    const {state} = closedMonths(120);
    const perPeriod = ledgerBytes(state) / 120;
    expect(perPeriod).toBeGreaterThan(150);
    expect(perPeriod).toBeLessThan(205);
    expect(fitLedger(state, []).fits).toBe(true);
    const many = closedMonths(430);
    const fitted = fitLedger(many.state, many.order);
    expect(fitted.fits).toBe(true);
    expect(fitted.bytes).toBeLessThanOrEqual(LEDGER_BYTE_BUDGET);
    expect(fitted.bytes).toBe(ledgerBytes(fitted.state));
    // Only the oldest lose their stamps (their rows keep them); statuses and frozen versions stay.
    expect(fitted.state.periods['2020-01']).toEqual({status: 'closed', frozenVersionId: 'v2026'});
    expect(fitted.state.periods['2055-10']).toEqual(many.state.periods['2055-10']);
    expect(Object.keys(fitted.state.periods)).toHaveLength(430);
    const compacted = fitLedger(many.state, many.order, 0).state;
    expect(ledgerBytes(compacted) / 430).toBeLessThan(58);
  });

  it('keeps the newest reopens first when it must shrink, and says when even that is not enough', () => {
    const {state, order} = closedMonths(2, 6);
    expect(state.periods['2020-01'].reopens).toHaveLength(6);
    const small = fitLedger(state, order, ledgerBytes(state) - 1);
    expect(small.fits).toBe(true);
    expect(small.state.periods['2020-02'].reopens).toHaveLength(3);
    expect(fitLedger(state, order, 100).fits).toBe(false);
  });

  it('reads back what it stored, and reports what it cannot read without throwing', () => {
    const {state} = closedMonths(3, 1);
    expect(parseLedgerState(serializeLedger(state))).toEqual({state, messages: []});
    expect(parseLedgerState(undefined)).toEqual({state: EMPTY_LEDGER, messages: []});
    const broken = parseLedgerState('{"version":1,');
    expect(broken.state).toEqual(EMPTY_LEDGER);
    expect(broken.messages.map((m) => m.key)).toEqual(['ledger.state.unreadable']);
    const partly = parseLedgerState(
      JSON.stringify({version: 1, periods: {'2026-01': {status: 'closed'}, '2026-02': {status: 'paid'}, '2026-03': {status: 'approved', approved: {by: 'a', at: 't'}}}}),
    );
    expect(partly.state.periods).toEqual({'2026-03': {status: 'approved', approved: {by: 'a', at: 't'}}});
    expect(partly.messages.map((m) => messageText(m).en)).toEqual([
      'The status record of period 2026-01 could not be read; it reads as open',
      'The status record of period 2026-02 could not be read; it reads as open',
    ]);
  });

  it('drops an open period without history, keeps a reopened one, and names the periods freezing a version', () => {
    const {state} = closedMonths(2);
    expect(periodsFreezing(state, 'v2026')).toEqual(['2020-01', '2020-02']);
    const reopened = withPeriod(state, '2020-02', {status: 'open', reopens: [{by: 'a', at: 't', from: 'closed', reason: 'r'}]});
    expect(periodsFreezing(reopened, 'v2026')).toEqual(['2020-01']);
    expect(Object.keys(withPeriod(state, '2020-03', {status: 'open'}).periods)).toEqual(['2020-01', '2020-02']);
  });
});
