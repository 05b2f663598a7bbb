import {appendRunLog, parseRunLog, type RunLogEntry} from '../../frontend/state/runLog';
import {utf8Bytes} from '../../src/storage';
import {planRevision} from '../../frontend/state/planRevision';

const entry = (at: string, user = '张经理'): RunLogEntry => ({
  at,
  user,
  periodId: '2026-03',
  periodLabel: '2026-03',
  versionId: 'v1',
  planRevision: 'abcd1234',
  participants: 3,
  changed: 3,
  unchanged: 0,
  failed: 0,
  totals: {totalPay: '17300.00', bonus: '0.00', teamBonus: '0.00', award: '0.00'},
});

describe('the run log', () => {
  it('keeps the newest entries first and drops the oldest past the entry limit', () => {
    let log: RunLogEntry[] = [];
    for (let day = 1; day <= 5; day++) log = appendRunLog(log, entry(`2026-03-0${day}`), {maxEntries: 3, maxBytes: 1e6});
    expect(log.map((e) => e.at)).toEqual(['2026-03-05', '2026-03-04', '2026-03-03']);
  });

  it('stays within its byte budget, counting Chinese text as UTF-8', () => {
    const oneEntryBytes = utf8Bytes(JSON.stringify([entry('2026-03-01', '欧阳'.repeat(20))]));
    let log: RunLogEntry[] = [];
    for (let i = 0; i < 10; i++) log = appendRunLog(log, entry(`t${i}`, '欧阳'.repeat(20)), {maxEntries: 50, maxBytes: oneEntryBytes * 3 + 10});
    expect(utf8Bytes(JSON.stringify(log))).toBeLessThanOrEqual(oneEntryBytes * 3 + 10);
    expect(log.map((e) => e.at)).toEqual(['t9', 't8', 't7']);
  });

  it('reads an unreadable stored value as an empty log instead of failing', () => {
    expect(parseRunLog('not json')).toEqual([]);
    expect(parseRunLog(42)).toEqual([]);
    expect(parseRunLog(JSON.stringify([{at: 'x'}, entry('2026-03-01')])).map((e) => e.at)).toEqual(['2026-03-01']);
  });
});

describe('the plan revision', () => {
  it('is the same for the same stored text and differs when one character changes', () => {
    expect(planRevision('{"weight":"60"}')).toBe(planRevision('{"weight":"60"}'));
    expect(planRevision('{"weight":"60"}')).not.toBe(planRevision('{"weight":"61"}'));
    expect(planRevision('销售')).toMatch(/^[0-9a-f]{8}$/);
  });
});
