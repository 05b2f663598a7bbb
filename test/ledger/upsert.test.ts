import fc from 'fast-check';
import {LEDGER_KEYS, ledgerFieldName, type LedgerKey} from '../../src/ledger/fields';
import {messageText} from '../../src/ledger/messages';
import {groupRows, readRow, type LedgerCells, type ResultRow} from '../../src/ledger/rows';
import {planStamps, planUpsert, type ComputedRow, type UpsertInput} from '../../src/ledger/upsert';
import {monthPeriod} from '../../src/period';

const feb = monthPeriod(2026, 2);
const mar = monthPeriod(2026, 3);
const TODAY = '2026-03-10';
const TYPES: Partial<Record<LedgerKey, string>> = {
  status: 'singleSelect',
  totalScore: 'number',
  rank: 'number',
  performancePay: 'currency',
  bonus: 'currency',
  totalPay: 'currency',
  calculatedAt: 'dateTime',
  approvedAt: 'dateTime',
  closedAt: 'dateTime',
};

const computed = (id: string, name: string, totalPay: number, calculatedAt = '2026-03-10T08:00:00.000Z'): ComputedRow => ({
  participantId: id,
  name,
  cells: {planVersion: '2026', totalScore: 88.5, grade: 'A', rank: 1, totalPay, bonus: 0, breakdown: 'sales 92%', calculatedAt},
});

/** What the SDK would read back for a row written with `cells` (selects and links in their read formats). */
function sdkRow(recordId: string, cells: LedgerCells, names: Record<string, string>): ResultRow {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cells) as [LedgerKey, unknown][]) {
    if (key === 'participant') raw.participant = [{id: value, name: names[value as string]}];
    else if (key === 'status') raw.status = {id: `sel${String(value)}`, name: {open: '开放', provisional: '预估', approved: '已审批', closed: '已关账'}[value as string], color: 'blueLight2'};
    else raw[key] = value;
  }
  return readRow(recordId, raw, TYPES);
}

const names = {recLi: '李娜', recWang: '王强', recZhao: '赵敏'};
const people = [computed('recLi', '李娜', 8650), computed('recWang', '王强', 5200.5), computed('recZhao', '赵敏', 4000)];

/** Applies a plan to rows the way the adapter and the base would: creates get new ids, updates replace cells. */
function apply(rows: ResultRow[], plan: ReturnType<typeof planUpsert>): ResultRow[] {
  const byId = new Map(rows.map((row) => [row.recordId, row]));
  for (const update of plan.updates) {
    const row = byId.get(update.recordId)!;
    const cells = {...row.cells, ...update.cells};
    byId.set(row.recordId, sdkRow(row.recordId, {...cells, participant: row.participantId}, names));
  }
  let next = byId.size;
  for (const create of plan.creates) {
    const id = `recRow${++next}`;
    byId.set(id, sdkRow(id, create.cells, names));
  }
  return [...byId.values()];
}

const input = (over: Partial<UpsertInput> = {}): UpsertInput => ({
  period: feb,
  state: undefined,
  today: TODAY,
  computed: people,
  rows: [],
  keys: LEDGER_KEYS,
  ...over,
});

describe('reading rows', () => {
  it('keys a row by its one linked participant and its period, and reads the status in either language', () => {
    const row = readRow('rec1', {participant: [{id: 'recLi', name: '李娜'}], period: ' 2026-02 ', status: {id: 's', name: 'Closed'}, totalPay: 8650, grade: null}, TYPES);
    expect(row).toMatchObject({recordId: 'rec1', participantId: 'recLi', participantName: '李娜', periodId: '2026-02', status: 'closed'});
    expect(row.cells).toEqual({participant: 'recLi', period: '2026-02', status: 'closed', totalPay: 8650, grade: null});
  });

  it('reports two rows of one pair by name and period, and rows it cannot key', () => {
    const rows = [
      sdkRow('r1', {participant: 'recLi', period: '2026-02'}, names),
      sdkRow('r2', {participant: 'recLi', period: '2026-02'}, names),
      sdkRow('r3', {participant: 'recLi', period: '2026-03'}, names),
      readRow('r4', {participant: [], period: '2026-02'}, {}),
      readRow('r5', {participant: [{id: 'recLi', name: '李娜'}, {id: 'recWang', name: '王强'}], period: '2026-02'}, {}),
      readRow('r6', {participant: [{id: 'recZhao', name: '赵敏'}], period: ''}, {}),
    ];
    const grouped = groupRows(rows);
    expect(grouped.duplicates).toEqual([{participantId: 'recLi', participantName: '李娜', periodId: '2026-02', recordIds: ['r1', 'r2']}]);
    expect([...grouped.byPair.keys()]).toEqual(['recLi|2026-03']);
    expect(grouped.unkeyed.map((row) => row.recordId)).toEqual(['r4', 'r5', 'r6']);
    expect(grouped.messages.map((m) => messageText(m).zh)).toEqual([
      '周期 2026-02 有一行结果未关联参与人，已跳过',
      '周期 2026-02 有一行结果关联了多名参与人（李娜和王强），已跳过',
      '赵敏 有一行结果未填写考核周期，已跳过',
      '李娜 在周期 2026-02 有 2 行结果，无法确定哪一行有效：均未写入，请删除多余的行',
    ]);
    expect(groupRows(rows, '2026-03').duplicates).toEqual([]);
  });
});

describe('planning the upsert of one period', () => {
  it('creates a row per person with the pair, the figures and the status; a second plan changes nothing', () => {
    const plan = planUpsert(input());
    expect(plan.refusal).toBeNull();
    expect(plan.updates).toEqual([]);
    expect(plan.creates.map((c) => c.cells)).toEqual(
      people.map((p) => ({...p.cells, participant: p.participantId, period: '2026-02', status: 'open'})),
    );
    const rows = apply([], plan);
    const again = planUpsert(input({rows, computed: people.map((p) => computed(p.participantId, p.name, p.cells.totalPay as number, '2026-03-11T08:00:00.000Z'))}));
    expect(again).toMatchObject({creates: [], updates: [], unchanged: 3, refusal: null});
  });

  it('updates only the changed cells, with the calculation time, and never the pair', () => {
    const rows = apply([], planUpsert(input()));
    const changed = [computed('recLi', '李娜', 9000, '2026-03-11T08:00:00.000Z'), ...people.slice(1)];
    const plan = planUpsert(input({rows, computed: changed}));
    expect(plan.creates).toEqual([]);
    expect(plan.unchanged).toBe(2);
    expect(plan.updates).toEqual([
      {
        recordId: rows.find((r) => r.participantId === 'recLi')!.recordId,
        participantId: 'recLi',
        name: '李娜',
        cells: {totalPay: 9000, calculatedAt: '2026-03-11T08:00:00.000Z'},
        changes: [
          {key: 'totalPay', old: 8650, new: 9000},
          {key: 'calculatedAt', old: '2026-03-10T08:00:00.000Z', new: '2026-03-11T08:00:00.000Z'},
        ],
      },
    ]);
  });

  it('keeps each period in its own rows: three periods give three rows per person', () => {
    let rows: ResultRow[] = [];
    for (const period of [monthPeriod(2026, 1), feb, mar]) rows = apply(rows, planUpsert(input({period, rows})));
    expect(rows).toHaveLength(9);
    for (const id of Object.keys(names)) expect(rows.filter((r) => r.participantId === id).map((r) => r.periodId).sort()).toEqual(['2026-01', '2026-02', '2026-03']);
    // March has not ended on the 10th: its rows are provisional.
    expect(new Set(rows.filter((r) => r.periodId === '2026-03').map((r) => r.status))).toEqual(new Set(['provisional']));
  });

  it('writes nothing for a pair with two rows, and says so', () => {
    const rows = [sdkRow('r1', {participant: 'recLi', period: '2026-02'}, names), sdkRow('r2', {participant: 'recLi', period: '2026-02'}, names)];
    const plan = planUpsert(input({rows}));
    expect(plan.creates.map((c) => c.participantId)).toEqual(['recWang', 'recZhao']);
    expect(plan.updates).toEqual([]);
    expect(plan.duplicates.map((d) => d.recordIds)).toEqual([['r1', 'r2']]);
    expect(plan.messages.map((m) => messageText(m).en)).toEqual([
      '李娜 has 2 result rows for period 2026-02; it is unclear which one holds: none was written, delete the extra rows',
    ]);
  });

  it('plans nothing for a closed period, with the reason', () => {
    const rows = apply([], planUpsert(input()));
    const plan = planUpsert(input({rows, state: {status: 'closed', frozenVersionId: 'v1'}, computed: [computed('recLi', '李娜', 1)]}));
    expect(plan).toMatchObject({creates: [], updates: [], refusal: {key: 'ledger.upsert.closed', params: {period: '2026-02'}}});
    expect(messageText(plan.refusal!).zh).toBe('周期 2026-02 已关账（已发放）：其结果行保持发放时的数值，本次未写入任何内容');
  });

  it('refuses to change the figures of an approved period, and only keeps its stamps in step', () => {
    const rows = apply([], planUpsert(input()));
    const state = {status: 'approved' as const, approved: {by: '李娜', at: '2026-03-11T09:00:00.000Z'}};
    const changed = planUpsert(input({rows, state, computed: [computed('recLi', '李娜', 1), ...people.slice(1)]}));
    expect(changed).toMatchObject({creates: [], updates: [], refusal: {key: 'ledger.upsert.approved', params: {count: 1}}});
    const same = planUpsert(input({rows, state}));
    expect(same.refusal).toBeNull();
    expect(same.updates.map((u) => u.cells)).toEqual(people.map(() => ({status: 'approved', approvedBy: '李娜', approvedAt: '2026-03-11T09:00:00.000Z'})));
  });

  it('refuses to write over rows that say closed when the ledger has no reopen after their close', () => {
    const closedAt = '2026-03-12T09:00:00.000Z';
    const rows = apply([], planUpsert(input())).map((row) => sdkRow(row.recordId, {...row.cells, status: 'closed', closedAt}, names));
    expect(planUpsert(input({rows})).refusal).toEqual({key: 'ledger.upsert.rowsSayClosed', params: {period: '2026-02', count: 3}});
    const reopened = {status: 'open' as const, reopens: [{by: 'a', at: '2026-03-13T00:00:00.000Z', from: 'closed' as const, reason: 'r'}]};
    const plan = planUpsert(input({rows, state: reopened}));
    expect(plan.refusal).toBeNull();
    expect(plan.updates.map((u) => u.cells)).toEqual(people.map(() => ({status: 'open', closedAt: null})));
  });

  it('leaves rows of people not in the run alone, and plans nothing without the pair fields', () => {
    const rows = apply([], planUpsert(input()));
    const plan = planUpsert(input({rows, computed: people.slice(0, 2)}));
    expect(plan.leftAlone.map((r) => r.participantId)).toEqual(['recZhao']);
    expect(plan.messages.map((m) => messageText(m).en)).toEqual(['1 result rows of period 2026-02 belong to people not in this run (赵敏); they were left as they are']);
    expect(planUpsert(input({keys: LEDGER_KEYS.filter((k) => k !== 'participant')})).refusal?.key).toBe('ledger.upsert.keyMissing');
  });

  it('names the missing pair fields as the table shows them, in the reader\'s language, never by their keys', () => {
    const one = planUpsert(input({keys: LEDGER_KEYS.filter((k) => k !== 'participant')})).refusal!;
    expect(one.key).toBe('ledger.upsert.keyMissing');
    expect(messageText(one)).toEqual({
      zh: `结果表缺少用于识别行的字段（${ledgerFieldName('participant', 'zh')}），无法写入`,
      en: `The results table lacks the fields that identify a row (${ledgerFieldName('participant', 'en')}); nothing can be written`,
    });
    const both = messageText(planUpsert(input({keys: LEDGER_KEYS.filter((k) => k !== 'participant' && k !== 'period')})).refusal!);
    expect(both).toEqual({
      zh: '结果表缺少用于识别行的字段（参与人和考核周期），无法写入',
      en: 'The results table lacks the fields that identify a row (Participant and Period); nothing can be written',
    });
  });

  it('writes only the keys the table has', () => {
    const keys: LedgerKey[] = ['participant', 'period', 'totalPay'];
    const plan = planUpsert(input({keys}));
    expect(plan.creates[0].cells).toEqual({participant: 'recLi', period: '2026-02', totalPay: 8650});
    // Every key in the table's order, no empty cell: what the create call sends, field by field.
    const all = planUpsert(input());
    const cells = all.creates[0].cells;
    expect(Object.keys(cells)).toEqual(LEDGER_KEYS.filter((key) => key in cells));
    expect(Object.values(cells)).not.toContain(null);
  });

  it('is idempotent for any figures: planning again after applying changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -1e7, max: 1e7}), {minLength: 3, maxLength: 3}), fc.array(fc.integer({min: -1e7, max: 1e7}), {minLength: 3, maxLength: 3}), (first, second) => {
        const run = (pays: number[]) => people.map((p, i) => computed(p.participantId, p.name, pays[i] / 100));
        let rows = apply([], planUpsert(input({computed: run(first)})));
        rows = apply(rows, planUpsert(input({rows, computed: run(second)})));
        const again = planUpsert(input({rows, computed: run(second)}));
        return again.creates.length === 0 && again.updates.length === 0 && rows.length === 3;
      }),
    );
  });
});

describe('planning the stamps of an action', () => {
  it('writes status and stamps of the period, even when closed, and nothing else', () => {
    const rows = apply([], planUpsert(input()));
    const state = {status: 'closed' as const, approved: {by: 'a', at: '2026-03-11T00:00:00.000Z'}, closed: {by: 'b', at: '2026-03-12T00:00:00.000Z'}, frozenVersionId: 'v1'};
    const plan = planStamps({period: feb, state, today: TODAY, rows, keys: LEDGER_KEYS});
    expect(plan.updates).toHaveLength(3);
    expect(plan.updates[0].cells).toEqual({status: 'closed', approvedBy: 'a', approvedAt: '2026-03-11T00:00:00.000Z', closedBy: 'b', closedAt: '2026-03-12T00:00:00.000Z'});
    expect(planStamps({period: feb, state, today: TODAY, rows: apply(rows, plan), keys: LEDGER_KEYS}).updates).toEqual([]);
  });
});
