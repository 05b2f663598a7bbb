import {runPlan} from '../../src/engine';
import {D} from '../../src/engine/money';
import {say, sayEach, type Message} from '../../src/i18n';
import type {ParticipantResult} from '../../src/results';
import {withAdjustments} from '../../src/ledger/adjustments';
import {buildStatement, statementText, type StatementInput} from '../../src/statement/statement';
import {previewStatements} from '../../frontend/statement/statements';
import {PERIOD, workedExamplePlan} from '../support/planFixtures';
import {workedExampleFacts} from './workedExample';

const CNY = {code: 'CNY', precision: 2};
const USD = {code: 'USD', precision: 2};

function run(currency = CNY) {
  const plan = workedExamplePlan();
  return runPlan({...plan, currency: {...plan.currency, ...currency}}, PERIOD.id, workedExampleFacts());
}

const li = (currency = CNY) => run(currency).results.find((r) => r.name === '李雷')!;

const input = (result: ParticipantResult, over: Partial<StatementInput> = {}): StatementInput => ({
  planName: '华东直销 2026 绩效方案',
  period: PERIOD,
  status: 'closed',
  result,
  currency: CNY,
  ...over,
});

/** The lines of one section of a statement's text, without the two-space indent. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThan(0);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    out.push(line.slice(2));
  }
  return out;
}

describe('a statement (绩效单) of docs/plan.md worked example', () => {
  it('prints 李雷 in Chinese with ¥: header, pay lines that add up to the total, every breakdown line and the feedback', () => {
    const result = li();
    const text = statementText(buildStatement(input(result)), 'zh');
    expect(text.split('\n').slice(0, 7)).toEqual([
      '绩效单',
      '方案：华东直销 2026 绩效方案',
      '参与人：李雷',
      '考核周期：2026-03（已关账）',
      '总分 100.50，等级 S，排名第 1',
      '荣誉：最佳新人',
      '',
    ]);
    expect(section(text, '【收入】')).toEqual([
      '基本工资：¥3,000.00',
      '绩效工资：¥3,000.00',
      '奖金：¥720.00',
      '团队奖：¥375.00',
      '冠军奖：¥3,070.97',
      '总收入：¥10,165.97',
    ]);
    expect(section(text, '【绩效明细】')).toEqual(sayEach(result.breakdown, 'zh'));
    expect(section(text, '【绩效明细】').length).toBeGreaterThan(5);
    expect(section(text, '【调整】')).toEqual(['本期无调整。']);
    const feedback = section(text, '【反馈与改进】');
    expect(feedback).toHaveLength(result.feedback.strengths.length + result.feedback.weakest.length);
    expect(feedback[0]).toMatch(/^优势：/);
    // No provisional warning for a closed period, and no English in a Chinese statement.
    expect(text).not.toMatch(/预估|[A-Za-z]{4,}/);
  });

  it('prints the same statement in English with $ for a plan in US dollars', () => {
    const result = li(USD);
    const text = statementText(buildStatement(input(result, {currency: USD, status: 'approved'})), 'en');
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Pay statement',
      'Plan: 华东直销 2026 绩效方案',
      'Participant: 李雷',
      'Period: 2026-03 (Approved)',
      'Total score 100.50, grade S, rank 1',
      'Honours: Best newcomer',
    ]);
    expect(section(text, '[Pay]')).toEqual([
      'Base salary: $3,000.00',
      'Performance pay: $3,000.00',
      'Bonus: $720.00',
      'Team bonus: $375.00',
      'Champion award: $3,070.97',
      'Total pay: $10,165.97',
    ]);
    expect(section(text, '[Breakdown]')).toEqual(sayEach(result.breakdown, 'en'));
    expect(section(text, '[Adjustments]')).toEqual(['No adjustments this period.']);
    expect(section(text, '[Feedback]')[0]).toMatch(/^Strength: /);
    expect(text).not.toContain('¥');
  });

  it('warns that a provisional period may change, leaves the status out when asked, and says when there is no feedback or grade', () => {
    const zhao = run().results.find((r) => r.name === '赵敏')!;
    const provisional = statementText(buildStatement(input(zhao, {status: 'provisional'})), 'zh');
    expect(provisional).toContain('考核周期：2026-03（预估）');
    expect(provisional.split('\n').at(-1)).toBe('本周期尚未结束，以上为预估金额，可能变化。');
    // 赵敏 has no honours and no base salary line is dropped: she is paid 3,000.00 of it.
    expect(provisional).not.toContain('荣誉');
    expect(section(provisional, '【收入】')[0]).toBe('基本工资：¥3,000.00');

    const stored = statementText(buildStatement(input(zhao, {status: null})), 'en');
    expect(stored).toContain('\nPeriod: 2026-03\n');
    expect(stored).not.toMatch(/Open|Approved|Closed|Provisional/);

    const bare = {...zhao, grade: null, honours: [], feedback: {strengths: [], weakest: []}};
    const text = statementText(buildStatement(input(bare, {status: 'open'})), 'en');
    expect(text).toContain('Total score 27.00, no grade, rank 4');
    expect(section(text, '[Feedback]')).toEqual(['No feedback this period.']);
  });

  it('sets the adjustments apart from the breakdown and keeps the base salary exact when total pay includes them', () => {
    const result = li();
    // What src/ledger/adjustments.ts withAdjustments makes of a clawback of 300.00, 50.00 of it carried on.
    const lines: Message[] = [
      {key: 'ledger.adjust.line', params: {period: '2026-02', component: {zh: '奖金', en: 'Bonus'}, amount: '-300.00'}},
      {key: 'ledger.adjust.total', params: {amount: '-250.00'}},
    ];
    const adjusted = {...result, totalPay: new D(result.totalPay).minus('250').toFixed(2), breakdown: [...result.breakdown, ...lines]};
    const statement = buildStatement(input(adjusted, {adjustments: {taken: '-250.00', balance: '-50.00'}}));
    const text = statementText(statement, 'zh');
    expect(section(text, '【收入】')).toEqual([
      '基本工资：¥3,000.00',
      '绩效工资：¥3,000.00',
      '奖金：¥720.00',
      '团队奖：¥375.00',
      '冠军奖：¥3,070.97',
      '调整：-¥250.00',
      '总收入：¥9,915.97',
      '结转余额（下期扣回）：-¥50.00',
    ]);
    expect(section(text, '【调整】')).toEqual(['2026-02 调整：奖金 -300.00', '调整合计 -250.00']);
    expect(section(text, '【绩效明细】')).toEqual(sayEach(result.breakdown, 'zh'));
    // The pay lines add up to total pay, exactly.
    const sum = statement.pay.filter((p) => p.component !== 'totalPay').reduce((s, p) => s.plus(p.amount), new D(0));
    expect(sum.toFixed(2)).toBe(adjusted.totalPay);
  });

  it('adds up for every person of the run, and every line is text in both languages', () => {
    for (const result of run().results) {
      const statement = buildStatement(input(result));
      const sum = statement.pay.filter((p) => p.component !== 'totalPay').reduce((s, p) => s.plus(p.amount), new D(0));
      expect(sum.toFixed(2)).toBe(result.totalPay);
      for (const lang of ['zh', 'en'] as const) {
        const all = [statement.title, ...statement.header, ...statement.sections.flatMap((s) => [s.heading, ...s.lines])];
        for (const line of all) expect(say(line, lang)).not.toMatch(/\{\w+\}|undefined/);
      }
    }
  });
});

describe('the statements of a preview', () => {
  it('takes the adjustments a period carries from the ledger, so the base salary stays what was paid', () => {
    const results = run().results;
    const liResult = results.find((r) => r.name === '李雷')!;
    // A clawback as src/ledger/adjustments.ts computes it for an open period, applied as the preview applies it.
    const person = {
      participantId: liResult.participantId,
      name: liResult.name,
      differences: [],
      raw: new D('-300'),
      broughtForward: new D(0),
      taken: new D('-250'),
      balance: new D('-50'),
      forgiven: new D(0),
      lines: [{key: 'ledger.adjust.total', params: {amount: '-250.00'}} as Message],
    };
    const paid = results.map((r) => withAdjustments(r, r === liResult ? person : undefined, CNY));
    const plan = {...workedExamplePlan(), name: '华东直销 2026'};
    const preview = {periodId: PERIOD.id, run: {...run(), results: paid}, standing: {state: undefined, status: 'open' as const, empty: false, refusal: null}};
    const [li] = previewStatements(plan, preview, [liResult.participantId], {people: new Map([[liResult.participantId, person]])});
    expect(li.name).toBe('李雷');
    expect(li.pay.map((p) => [p.component, p.amount])).toEqual([
      ['baseSalary', '3000.00'],
      ['performancePay', '3000.00'],
      ['bonus', '720.00'],
      ['teamBonus', '375.00'],
      ['award', '3070.97'],
      ['adjustments', '-250.00'],
      ['totalPay', '9915.97'],
    ]);
    expect(li.balance).toBe('-50.00');
    expect(sayEach(li.sections.find((s) => s.name === 'adjustments')!.lines, 'en')).toEqual([
      'Adjustments total -250.00',
      'Total pay after adjustments = 10,165.97 adjustments -250.00 = 9,915.97',
    ]);
    // Everyone, by rank, when no one is chosen.
    expect(previewStatements(plan, preview).map((s) => s.name)).toEqual(paid.map((r) => r.name));
  });
});
