import {currencySymbol, LEDGER_KEYS, ledgerFieldSpecs, ledgerTableName, matchLedgerFields, parseStatus} from '../../src/ledger/fields';
import {ledgerCells} from '../../src/ledger/cells';
import type {ParticipantResult} from '../../src/results';

describe('the results table fields', () => {
  it('gives every value a field type suited to it, the period first (the primary field)', () => {
    const specs = ledgerFieldSpecs({lang: 'zh', peopleTableId: 'tblReps', currency: {code: 'CNY', precision: 2}});
    expect(specs.map((s) => s.key)).toEqual(LEDGER_KEYS);
    const byKey = Object.fromEntries(specs.map((s) => [s.key, s]));
    expect(byKey.period).toEqual({key: 'period', name: '考核周期', type: 'singleLineText', options: null});
    expect(byKey.participant).toEqual({key: 'participant', name: '参与人', type: 'multipleRecordLinks', options: {linkedTableId: 'tblReps'}});
    expect(byKey.status.type).toBe('singleSelect');
    expect((byKey.status.options as {choices: {name: string}[]}).choices.map((c) => c.name)).toEqual(['开放', '预估', '已审批', '已关账']);
    for (const key of ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'balance', 'totalPay']) {
      expect(byKey[key]).toMatchObject({type: 'currency', options: {precision: 2, symbol: '¥'}});
    }
    expect(byKey.totalScore).toMatchObject({type: 'number', options: {precision: 2}});
    expect(byKey.rank).toMatchObject({type: 'number', options: {precision: 0}});
    expect(byKey.breakdown.type).toBe('multilineText');
    expect(byKey.feedback.type).toBe('multilineText');
    for (const key of ['calculatedAt', 'approvedAt', 'closedAt']) expect(byKey[key].type).toBe('dateTime');
    expect(new Set(specs.map((s) => s.name.toLowerCase())).size).toBe(specs.length);
  });

  it('names the table and fields in the plan result language, with the currency precision Airtable allows', () => {
    const specs = ledgerFieldSpecs({lang: 'en', peopleTableId: 'tblReps', currency: {code: 'USD', precision: 9}});
    expect(ledgerTableName('en')).toBe('Results');
    expect(ledgerTableName('zh')).toBe('绩效结果');
    expect(specs.find((s) => s.key === 'totalPay')).toMatchObject({name: 'Total pay', options: {precision: 7, symbol: '$'}});
    expect(new Set(specs.map((s) => s.name.toLowerCase())).size).toBe(specs.length);
    expect(currencySymbol('XYZ1')).toBe('XYZ1');
  });

  it('recognises a table by field names in either language, and sets apart a field of the wrong type', () => {
    const {fields, mistyped} = matchLedgerFields([
      {id: 'f1', name: 'Period', type: 'singleLineText', isComputed: false},
      {id: 'f2', name: '参与人', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'tblReps'},
      {id: 'f3', name: '总收入', type: 'singleLineText', isComputed: false},
      {id: 'f4', name: 'Status', type: 'singleSelect', isComputed: false},
      {id: 'f5', name: 'Rank', type: 'formula', isComputed: true},
    ], 'tblReps');
    expect(fields).toEqual({period: {id: 'f1', name: 'Period'}, participant: {id: 'f2', name: '参与人'}, status: {id: 'f4', name: 'Status'}});
    expect(mistyped.map((m) => m.key)).toEqual(['rank', 'totalPay']);
    expect(matchLedgerFields([{id: 'f2', name: 'Participant', type: 'multipleRecordLinks', isComputed: false, linkedTableId: 'tblOther'}], 'tblReps').fields).toEqual({});
  });

  it('reads a status in either language', () => {
    expect(['开放', 'provisional', ' 已审批 ', 'CLOSED', 'paid', null].map(parseStatus)).toEqual(['open', 'provisional', 'approved', 'closed', null, null]);
  });
});

describe('a result as the cells of its row', () => {
  const result: ParticipantResult = {
    participantId: 'recLi',
    name: '李娜',
    metrics: [],
    totalScore: '92.50',
    grade: null,
    rank: 3,
    performancePay: '2400.00',
    bonuses: [],
    bonus: '920.10',
    teamBonus: '0.00',
    award: '0.00',
    totalPay: '8320.10',
    honours: [{zh: '销售冠军', en: 'Sales champion'}, {zh: '服务之星', en: 'Service star'}],
    feedback: {strengths: [], weakest: []},
    breakdown: [{key: 'engine.line.baseSalary', params: {amount: '46,000.00'}}],
    inCycle: false,
  };

  it('holds numbers for money and scores, texts in the result language, nulls for what is empty', () => {
    expect(ledgerCells(result, {lang: 'zh', calculatedAt: '2026-03-01T08:00:00.000Z', versionLabel: '2026'})).toEqual({
      planVersion: '2026',
      totalScore: 92.5,
      grade: null,
      rank: 3,
      performancePay: 2400,
      bonus: 920.1,
      teamBonus: 0,
      award: 0,
      adjustments: 0,
      balance: 0,
      totalPay: 8320.1,
      honours: '销售冠军；服务之星',
      promotion: null,
      breakdown: '基本工资 46,000.00',
      feedback: null,
      calculatedAt: '2026-03-01T08:00:00.000Z',
    });
    const en = ledgerCells(result, {lang: 'en', calculatedAt: 't', versionLabel: '2026'}, {adjustments: '-150.00', balance: '35.5'});
    expect(en).toMatchObject({honours: 'Sales champion; Service star', breakdown: 'Base salary 46,000.00', adjustments: -150, balance: 35.5});
  });
});
