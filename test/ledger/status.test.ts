import {monthPeriod, quarterPeriod} from '../../src/period';
import {defaultPeriod, hasEnded, rowStatus, transition, type PeriodState, type TransitionContext} from '../../src/ledger/status';
import {messageText} from '../../src/ledger/messages';

const feb = monthPeriod(2026, 2);
const at = '2026-03-02T09:00:00.000Z';
const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({period: feb, today: '2026-03-02', by: '李娜', at, ...over});

describe('provisional: a period that has not ended', () => {
  it('ends when its last day is over', () => {
    expect(hasEnded(feb, '2026-02-27')).toBe(false);
    expect(hasEnded(feb, '2026-02-28')).toBe(false);
    expect(hasEnded(feb, '2026-03-01')).toBe(true);
  });

  it('marks open rows provisional until then, and never an approved or closed one', () => {
    expect(rowStatus(undefined, feb, '2026-02-28')).toBe('provisional');
    expect(rowStatus({status: 'open'}, feb, '2026-03-01')).toBe('open');
    expect(rowStatus({status: 'approved'}, feb, '2026-02-10')).toBe('approved');
    expect(rowStatus({status: 'closed', frozenVersionId: 'v1'}, feb, '2026-02-10')).toBe('closed');
  });
});

describe('period transitions', () => {
  it('goes open -> approved -> closed, stamping who and when, and freezes the plan version at close', () => {
    const approved = transition(undefined, {kind: 'approve'}, ctx());
    expect(approved).toEqual({ok: true, state: {status: 'approved', approved: {by: '李娜', at}}});
    const closedAt = '2026-03-05T10:00:00.000Z';
    const closed = transition(approved.ok ? approved.state : undefined, {kind: 'close', versionId: 'v1'}, ctx({by: 'Amy', at: closedAt}));
    expect(closed).toEqual({
      ok: true,
      state: {status: 'closed', approved: {by: '李娜', at}, closed: {by: 'Amy', at: closedAt}, frozenVersionId: 'v1'},
    });
  });

  it('refuses with a coded reason, in both languages', () => {
    const cases: [PeriodState | undefined, Parameters<typeof transition>[1], Partial<TransitionContext>, string][] = [
      [{status: 'approved', approved: {by: 'a', at}}, {kind: 'approve'}, {}, 'ledger.transition.alreadyApproved'],
      [{status: 'closed', frozenVersionId: 'v1'}, {kind: 'approve'}, {}, 'ledger.transition.isClosed'],
      [undefined, {kind: 'approve'}, {today: '2026-02-28'}, 'ledger.transition.notEnded'],
      [undefined, {kind: 'close', versionId: 'v1'}, {}, 'ledger.transition.notApproved'],
      [{status: 'closed', frozenVersionId: 'v1'}, {kind: 'close', versionId: 'v1'}, {}, 'ledger.transition.isClosed'],
      [{status: 'approved'}, {kind: 'close', versionId: ''}, {}, 'ledger.transition.noVersion'],
      [undefined, {kind: 'reopen', reason: 'refund'}, {}, 'ledger.transition.alreadyOpen'],
      [{status: 'closed', frozenVersionId: 'v1'}, {kind: 'reopen', reason: '   '}, {}, 'ledger.transition.reasonRequired'],
    ];
    for (const [state, action, over, code] of cases) {
      const result = transition(state, action, ctx(over));
      expect(result.ok ? null : result.refusal.key).toBe(code);
      if (!result.ok) {
        const shown = messageText(result.refusal);
        expect(shown.en).toContain('2026-02');
        expect(shown.zh).toContain('2026-02');
      }
    }
    const notEnded = transition(undefined, {kind: 'approve'}, ctx({today: '2026-02-28'}));
    expect(notEnded.ok ? '' : messageText(notEnded.refusal).en).toBe(
      'Period 2026-02 has not ended yet (it runs to 2026-02-28); its results are provisional and cannot be approved',
    );
  });

  it('reopens with a reason: the stamps go, the reopen is logged, the freeze is lifted', () => {
    const closed: PeriodState = {status: 'closed', approved: {by: 'a', at}, closed: {by: 'b', at}, frozenVersionId: 'v1'};
    const result = transition(closed, {kind: 'reopen', reason: '  漏算一笔订单 '}, ctx({by: '王强'}));
    expect(result).toEqual({ok: true, state: {status: 'open', reopens: [{by: '王强', at, from: 'closed', reason: '漏算一笔订单'}]}});
    const again = transition({...closed, reopens: result.ok ? result.state.reopens : []}, {kind: 'reopen', reason: 'x'.repeat(500)}, ctx());
    expect(again.ok && again.state.reopens).toHaveLength(2);
    expect(again.ok && again.state.reopens![1].reason).toHaveLength(200);
  });

  it('refuses to reopen a closed period while a later one is closed', () => {
    const mar = monthPeriod(2026, 3);
    const closed: PeriodState = {status: 'closed', frozenVersionId: 'v1'};
    const periods = [
      {period: feb, state: closed},
      {period: mar, state: closed},
    ];
    const refused = transition(closed, {kind: 'reopen', reason: 'late refund'}, ctx({periods}));
    expect(refused.ok ? null : refused.refusal).toEqual({key: 'ledger.transition.laterClosed', params: {period: '2026-02', later: '2026-03'}});
    // The latest closed one may be reopened; an approved one always.
    expect(transition(closed, {kind: 'reopen', reason: 'late refund'}, ctx({period: mar, periods})).ok).toBe(true);
    expect(transition({status: 'approved'}, {kind: 'reopen', reason: 'typo'}, ctx({periods})).ok).toBe(true);
  });
});

describe('the default period', () => {
  const periods = [monthPeriod(2026, 1), monthPeriod(2026, 2), monthPeriod(2026, 3), quarterPeriod(2026, 1), monthPeriod(2026, 4)];

  it('is the latest ended period that is not closed', () => {
    expect(defaultPeriod(periods, {}, '2026-03-10')?.id).toBe('2026-02');
    expect(defaultPeriod(periods, {'2026-02': {status: 'closed', frozenVersionId: 'v1'}}, '2026-03-10')?.id).toBe('2026-01');
    // The quarter and March end the same day: the later start (March) is the narrower, newer one.
    expect(defaultPeriod(periods, {}, '2026-04-02')?.id).toBe('2026-03');
    expect(defaultPeriod(periods, {'2026-03': {status: 'approved'}}, '2026-04-02')?.id).toBe('2026-03');
  });

  it('falls back to the period containing today, then the earliest not closed, then none', () => {
    expect(defaultPeriod(periods, {}, '2026-01-15')?.id).toBe('2026-01');
    const closed = {status: 'closed', frozenVersionId: 'v1'} as const;
    const allEndedClosed = {'2026-01': closed, '2026-02': closed, '2026-03': closed, '2026-Q1': closed};
    expect(defaultPeriod(periods, allEndedClosed, '2026-04-02')?.id).toBe('2026-04');
    expect(defaultPeriod(periods, allEndedClosed, '2025-12-01')?.id).toBe('2026-04');
    expect(defaultPeriod(periods, {...allEndedClosed, '2026-04': closed}, '2026-05-02')).toBeNull();
  });
});
