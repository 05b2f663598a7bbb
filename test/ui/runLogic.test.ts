import {monthPeriod, quarterPeriod} from '../../src/period';
import {defaultPeriodId} from '../../frontend/run/periodChoice';
import {refreshBlocker} from '../../frontend/run/refreshBlocker';
import type {Issue} from '../../src/results';

const error: Issue = {code: 'plan.weights.sum', severity: 'error', message: {zh: '权重合计不是 100%', en: 'Weights do not sum to 100%'}};
const warning: Issue = {...error, severity: 'warning'};

describe('the default period', () => {
  const periods = [monthPeriod(2026, 1), monthPeriod(2026, 2), monthPeriod(2026, 3)];

  it('is the latest ended period that is not closed (issue 12), else the one containing today, else the earliest', () => {
    expect(defaultPeriodId(periods, '2026-02-10')).toBe('2026-01');
    expect(defaultPeriodId(periods, '2026-07-01')).toBe('2026-03');
    expect(defaultPeriodId(periods, '2025-12-31')).toBe('2026-01');
    expect(defaultPeriodId(periods, '2026-01-10')).toBe('2026-01');
    expect(defaultPeriodId([], '2026-02-10')).toBeNull();
  });

  it('skips closed periods: once January is paid, February (containing today) is the default', () => {
    const closed = {'2026-01': {status: 'closed' as const, frozenVersionId: 'v1'}};
    expect(defaultPeriodId(periods, '2026-02-10', closed)).toBe('2026-02');
    expect(defaultPeriodId(periods, '2026-04-02', {...closed, '2026-03': {status: 'approved' as const}})).toBe('2026-03');
  });

  it('prefers the month to its quarter when both ended on the same day', () => {
    expect(defaultPeriodId([quarterPeriod(2026, 1), monthPeriod(2026, 3)], '2026-04-10')).toBe('2026-03');
  });
});

describe('why Refresh is disabled', () => {
  const ready = {busy: false, denial: null, problems: [], preview: {revision: 'r1'}, revision: 'r1'};

  it('is enabled with a fresh preview of a valid plan the user may write', () => {
    expect(refreshBlocker(ready)).toBeNull();
    expect(refreshBlocker({...ready, problems: [warning]})).toBeNull();
  });

  it('names, in this order: the permission, the plan error, the run in progress, the missing preview, the stale preview', () => {
    expect(refreshBlocker({...ready, denial: 'Editors only', problems: [error], preview: null})).toEqual({kind: 'denied', reason: 'Editors only'});
    expect(refreshBlocker({...ready, problems: [warning, error], preview: null})).toEqual({kind: 'invalid', issue: error});
    expect(refreshBlocker({...ready, busy: true})).toEqual({kind: 'notice', key: 'run.refresh.busy'});
    expect(refreshBlocker({...ready, preview: null})).toEqual({kind: 'notice', key: 'run.refresh.previewFirst'});
    expect(refreshBlocker({...ready, revision: 'r2'})).toEqual({kind: 'notice', key: 'run.refresh.stale'});
  });
});
