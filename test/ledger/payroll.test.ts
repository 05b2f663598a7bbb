import Papa from 'papaparse';
import {messageText} from '../../src/ledger/messages';
import {BOM, exportPayroll, PAYROLL_COLUMNS, type PayrollInput} from '../../src/ledger/payroll';
import {order, person, workedExamplePlan, makeFacts, review, customer} from '../support/planFixtures';
import {LedgerSim} from './adjustmentsSim';

/** People whose names need quoting, and one that would start a formula in Excel. */
function sim(): LedgerSim {
  const people = [
    person('recLi', '李娜, 华东', {team: '华东一队'}),
    person('recWang', 'Wang "Boss" Qiang', {uplineId: 'recLi', team: '华东一队', baseSalary: 4500.5}),
    person('recZhao', '赵敏\n（新人）', {uplineId: 'recLi', tier: '新人', team: '华东一队'}),
    person('recEq', '=HYPERLINK("x")', {team: 'North, "A"'}),
  ];
  const orders = people.map((p, i) => order(`O${i}`, p.id, 15000 * (i + 1), '2026-02-10'));
  const reviews = people.map((p, i) => review(`R${i}`, p.id, 5 - i, '2026-02-12'));
  const customers = people.map((p, i) => customer(`C${i}`, p.id, '2026-02-05'));
  const s = new LedgerSim(workedExamplePlan(), makeFacts(people, {orders, reviews, customers}));
  s.refresh('2026-02');
  return s;
}

const input = (s: LedgerSim, over: Partial<PayrollInput> = {}): PayrollInput => ({
  period: s.period('2026-02'),
  state: s.states['2026-02'],
  rows: s.rows,
  people: s.facts.participants,
  lang: 'zh',
  currency: s.plan.currency,
  ...over,
});

describe('payroll export', () => {
  it('refuses an open period, with the reason in zh and en', () => {
    const s = sim();
    const result = exportPayroll(input(s));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(messageText(result.refusal)).toEqual({
      zh: '周期 2026-02 尚未审批：只能导出已审批或已关账周期的工资表',
      en: 'Period 2026-02 is not approved yet: only an approved or closed period can be exported for payroll',
    });
  });

  it('writes a closed period as UTF-8 CSV with a BOM that the CSV library reads back as the results', () => {
    const s = sim();
    s.close('2026-02', '2026-03-05T10:00:00.000Z');
    const result = exportPayroll(input(s));
    if (!result.ok) throw new Error(messageText(result.refusal).en);
    expect(result.fileName).toBe('工资表-2026-02.csv');
    expect(result.csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(result.csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const parsed = Papa.parse<string[]>(result.csv.slice(BOM.length), {skipEmptyLines: true});
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['参与人ID', '姓名', '团队', '考核周期', '基本工资', '绩效工资', '奖金', '团队奖', '冠军奖', '调整', '总收入', '状态']);
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((row) => [row[0], Object.fromEntries(PAYROLL_COLUMNS.map((c, i) => [c, row[i]]))]));
    for (const p of s.facts.participants) {
      const line = byId.get(p.id)!;
      const cells = s.row(p.id, '2026-02')!.cells;
      // A name that would start a formula is written as text; every other name comes back as it is.
      expect(line.name).toBe(p.name.startsWith('=') ? `'${p.name}` : p.name);
      expect(line.team).toBe(p.team);
      expect(line.period).toBe('2026-02');
      expect(line.status).toBe('已关账');
      for (const key of ['performancePay', 'bonus', 'teamBonus', 'award', 'adjustments', 'totalPay'] as const) {
        expect(line[key]).toBe((cells[key] as number).toFixed(2));
      }
      expect(line.baseSalary).toBe(Number(p.baseSalary).toFixed(2));
    }
    // Amounts are plain decimals: no grouping, no symbol.
    expect(byId.get('recEq')!.totalPay).toMatch(/^\d+\.\d\d$/);
    expect(Number(byId.get('recEq')!.totalPay)).toBeGreaterThan(1000);
  });

  it('names the columns in the plan result language and derives the base salary when the table has no field for it', () => {
    const s = sim();
    s.close('2026-02', '2026-03-05T10:00:00.000Z');
    const rows = s.rows.map((row) => ({...row, cells: {...row.cells, baseSalary: undefined}}));
    const result = exportPayroll(input(s, {lang: 'en', rows}));
    if (!result.ok) throw new Error(messageText(result.refusal).en);
    expect(result.fileName).toBe('payroll-2026-02.csv');
    const [header, ...data] = Papa.parse<string[]>(result.csv.slice(1), {skipEmptyLines: true}).data;
    expect(header).toEqual(['ID', 'Name', 'Team', 'Period', 'Base salary', 'Performance pay', 'Bonus', 'Team bonus', 'Champion award', 'Adjustments', 'Total pay', 'Status']);
    expect(data.find((row) => row[0] === 'recWang')![4]).toBe('4500.50');
    expect(data.find((row) => row[0] === 'recWang')![11]).toBe('Closed');
  });

  it('exports an approved period with its adjustments, the base salary still what was paid', () => {
    const s = sim();
    s.close('2026-02', '2026-03-05T10:00:00.000Z');
    s.facts.sources.orders.push(order('refund', 'recEq', -10000, '2026-02-20'));
    s.facts.sources.orders.push(order('O-mar', 'recEq', 30000, '2026-03-10'));
    s.refresh('2026-03');
    s.approve('2026-03', '2026-04-02T09:00:00.000Z');
    const rows = s.rows.map((row) => ({...row, cells: {...row.cells, baseSalary: undefined}}));
    const result = exportPayroll(input(s, {period: s.period('2026-03'), state: s.states['2026-03'], rows}));
    if (!result.ok) throw new Error(messageText(result.refusal).en);
    const li = result.lines.find((line) => line.id === 'recEq')!;
    const cells = s.row('recEq', '2026-03')!.cells;
    expect(Number(li.adjustments)).toBeLessThan(0);
    expect(li.adjustments).toBe((cells.adjustments as number).toFixed(2));
    expect(li.totalPay).toBe((cells.totalPay as number).toFixed(2));
    expect(li.baseSalary).toBe('3000.00');
    expect(li.status).toBe('已审批');
  });

  it('refuses a period whose rows cannot all be attributed', () => {
    const s = sim();
    s.close('2026-02', '2026-03-05T10:00:00.000Z');
    const li = s.row('recLi', '2026-02')!;
    const result = exportPayroll(input(s, {rows: [...s.rows, {...li, recordId: 'recCopy'}]}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toEqual({key: 'ledger.payroll.incomplete', params: {period: '2026-02', count: 2}});
    expect(result.messages.map((m) => messageText(m).zh)).toEqual(['李娜, 华东 在周期 2026-02 有 2 行结果，无法确定哪一行有效：均未写入，请删除多余的行']);
  });
});
