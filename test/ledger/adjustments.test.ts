import fc from 'fast-check';
import {runPlan} from '../../src/engine/run';
import type {Facts} from '../../src/facts';
import {groupDigits, sayEach} from '../../src/i18n';
import {
  ADJUSTED_COMPONENTS,
  adjustedPeriods,
  computeAdjustments,
  detailLines,
  parseDetail,
  recomputeClosed,
  type AdjustedComponent,
} from '../../src/ledger/adjustments';
import {applyClawback, parseAdjustmentPolicy, type ClawbackPolicy} from '../../src/ledger/clawback';
import {D} from '../../src/engine/money';
import {LEDGER_KEYS} from '../../src/ledger/fields';
import {messageText} from '../../src/ledger/messages';
import {monthPeriod} from '../../src/period';
import type {PlanDocument} from '../../src/plan';
import {validatePlan} from '../../src/validate';
import type {ParticipantResult} from '../../src/results';
import {customer, makeFacts, order, person, review, workedExamplePlan} from '../support/planFixtures';
import {LedgerSim} from './adjustmentsSim';

interface LateChange {
  kind: 'refund' | 'lateOrder' | 'rating';
  month: number;
  rep: string;
  amount: number;
  rating: number;
}

const MODIFIED = {id: 'fldOrdersModified', name: '最后修改时间'};
const FEB_CLOSE = '2026-03-05T10:00:00.000Z';
const MAR_CLOSE = '2026-04-05T10:00:00.000Z';

/** Four people in two teams, two months of orders, reviews and new customers. */
function facts(): Facts {
  const people = [
    person('recLi', '李娜'),
    person('recWang', '王强', {uplineId: 'recLi'}),
    person('recZhao', '赵敏', {uplineId: 'recLi', tier: '新人'}),
    person('recChen', '陈晨'),
  ];
  const sales: [string, number][] = [
    ['recLi', 60000],
    ['recWang', 40000],
    ['recZhao', 20000],
    ['recChen', 30000],
  ];
  const orders = ['02', '03'].flatMap((month) =>
    sales.map(([rep, amount], i) => order(`O${month}${i}`, rep, amount, `2026-${month}-10`, {[MODIFIED.id]: `2026-${month}-10T08:00:00.000Z`})),
  );
  const reviews = ['02', '03'].flatMap((month) => sales.map(([rep], i) => review(`R${month}${i}`, rep, 5 - i, `2026-${month}-12`)));
  const customers = ['02', '03'].flatMap((month) => sales.flatMap(([rep], i) => Array.from({length: 5 - i}, (_, k) => customer(`C${month}${i}${k}`, rep, `2026-${month}-05`))));
  return makeFacts(people, {orders, reviews, customers});
}

function plan(over: Partial<PlanDocument> = {}): PlanDocument {
  return {...workedExamplePlan(), adjustments: {changedAt: {orders: {field: MODIFIED, kind: 'created'}}}, ...over};
}

const primary = (_source: string, recordId: string) => recordId.replace(/^rec/, '');

const figure = (result: ParticipantResult | undefined, k: AdjustedComponent) => new D(result ? result[k] : '0');

/** now - before per person and component, from two runs of the engine: the expected adjustments. */
function expectedDifferences(before: ParticipantResult[], after: ParticipantResult[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const result of after) {
    const old = before.find((r) => r.participantId === result.participantId);
    for (const k of ADJUSTED_COMPONENTS) {
      const diff = figure(result, k).minus(figure(old, k));
      if (!diff.isZero()) out.set(`${result.participantId}|${k}`, diff.toFixed(2));
    }
  }
  return out;
}

function carriedDifferences(outcome: ReturnType<typeof computeAdjustments>, periodId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const person of outcome.people.values()) {
    for (const d of person.differences) if (d.periodId === periodId) out.set(`${person.participantId}|${d.component}`, d.amount.toFixed(2));
  }
  return out;
}

describe('adjustments of a closed period carried into the open one', () => {
  it('carries a refund dated in a closed month as the recomputed difference per component, to the cent, and only once', () => {
    const base = facts();
    const sim = new LedgerSim(plan(), base, primary);
    const feb = sim.refresh('2026-02');
    expect(feb.upsert.creates).toHaveLength(4);
    sim.close('2026-02', FEB_CLOSE);
    const febRows = JSON.stringify(sim.rows.filter((r) => r.periodId === '2026-02'));

    // A refund of 10,000 dated in February, entered after February was paid.
    base.sources.orders.push(order('recO123', 'recLi', -10000, '2026-02-20', {[MODIFIED.id]: '2026-03-08T09:00:00.000Z'}));
    const nowFeb = runPlan(sim.plan, '2026-02', base).results;
    const mar = sim.refresh('2026-03');

    expect(carriedDifferences(mar.outcome, '2026-02')).toEqual(expectedDifferences(feb.run.results, nowFeb));
    // 李娜's sales bonus by hand: 60,000 at a 50,000 target paid 2% x 50,000 + 3% x 10,000 = 1,300.00;
    // after the refund 50,000 pays 1,000.00: -300.00.
    expect(mar.outcome.people.get('recLi')!.differences.find((d) => d.component === 'bonus')!.amount.toFixed(2)).toBe('-300.00');
    // The closed rows stay exactly as paid.
    expect(JSON.stringify(sim.rows.filter((r) => r.periodId === '2026-02'))).toBe(febRows);

    // The open row: adjustments counted in total pay, the detail re-readable, the cause named.
    const li = mar.outcome.people.get('recLi')!;
    const liSum = li.differences.reduce((s, d) => s.plus(d.amount), new D(0));
    const liRun = mar.run.results.find((r) => r.participantId === 'recLi')!;
    expect(sim.cents('recLi', '2026-03', 'adjustments')).toBe(liSum.times(100).toNumber());
    expect(sim.cents('recLi', '2026-03', 'totalPay')).toBe(new D(liRun.totalPay).plus(liSum).times(100).toNumber());
    expect(sim.cents('recLi', '2026-03', 'balance')).toBe(0);
    const breakdown = String(sim.row('recLi', '2026-03')!.cells.breakdown).split('\n');
    expect(breakdown).toContain('2026-02 调整：订单 O123 关账后新增 -10,000.00 -> 销售奖金 -300.00');
    expect(breakdown.slice(-2)).toEqual([`调整合计 ${groupDigits(liSum.toFixed(2))}`, `调整后总收入 = ${groupDigits(liRun.totalPay)} 调整 ${groupDigits(liSum.toFixed(2))} = ${groupDigits(new D(liRun.totalPay).plus(liSum).toFixed(2))}`]);
    expect(sayEach(li.lines, 'en')).toContain('2026-02 adjustment: Orders O123 added after close -10,000.00 -> Sales bonus -300.00');
    expect(parseDetail(sim.row('recLi', '2026-03')!.cells.adjustmentDetail).entries.map((e) => [e.periodId, e.component, e.amount.toFixed(2)])).toEqual(
      li.differences.map((d) => [d.periodId, d.component, d.amount.toFixed(2)]),
    );

    // A second refresh adds nothing and writes nothing.
    const again = sim.refresh('2026-03');
    expect(again.upsert.creates).toEqual([]);
    expect(again.upsert.updates).toEqual([]);
    expect(carriedDifferences(again.outcome, '2026-02')).toEqual(carriedDifferences(mar.outcome, '2026-02'));

    // A second late change while March is open: March's adjustments grow by its own difference only.
    base.sources.orders.push(order('recO124', 'recWang', 5000, '2026-02-25', {[MODIFIED.id]: '2026-03-09T09:00:00.000Z'}));
    const nowFeb2 = runPlan(sim.plan, '2026-02', base).results;
    const mar2 = sim.refresh('2026-03');
    expect(carriedDifferences(mar2.outcome, '2026-02')).toEqual(expectedDifferences(feb.run.results, nowFeb2));
    const wangBefore = sim.cents('recWang', '2026-03', 'adjustments');
    expect(wangBefore).toBe(
      Number([...expectedDifferences(feb.run.results, nowFeb2)].filter(([k]) => k.startsWith('recWang|')).reduce((s, [, v]) => s.plus(v), new D(0)).times(100)),
    );

    // March is paid; April carries nothing until something changes again...
    sim.close('2026-03', MAR_CLOSE);
    const apr = sim.refresh('2026-04');
    expect(apr.outcome.people.size).toBe(0);
    expect(apr.outcome.total.isZero()).toBe(true);
    // ...and then exactly that change: a rating of February corrected from 5 to 2.
    base.sources.reviews = base.sources.reviews.map((r) => (r.id === 'R020' ? review('R020', 'recLi', 2, '2026-02-12') : r));
    const nowFeb3 = runPlan(sim.plan, '2026-02', base).results;
    const apr2 = sim.refresh('2026-04');
    expect(carriedDifferences(apr2.outcome, '2026-02')).toEqual(expectedDifferences(nowFeb2, nowFeb3));
    expect(apr2.outcome.people.size).toBeGreaterThan(0);
    // The change time of a review is not mapped: the line names the component alone.
    expect(sayEach(apr2.outcome.people.get('recLi')!.lines, 'zh')[0]).toMatch(/^2026-02 调整：(绩效工资|销售奖金|团队奖|冠军奖) -?[\d,]+\.\d\d$/);
  });

  it('adjusts a person deleted after close by reporting them, and a person credited late by paying them', () => {
    const base = facts();
    const sim = new LedgerSim(plan(), base, primary);
    sim.refresh('2026-02');
    sim.close('2026-02', FEB_CLOSE);
    // 陈晨 leaves the people table; 孙悦 joins with an order of February credited to her late.
    base.participants = base.participants.filter((p) => p.id !== 'recChen');
    base.participants.push(person('recSun', '孙悦'));
    base.participants.push(person('recNew', '周新'));
    base.sources.orders.push(order('recO200', 'recSun', 12000, '2026-02-15'));
    const mar = sim.refresh('2026-03');
    expect(mar.outcome.unplaced.map((p) => p.name)).toEqual(['陈晨']);
    expect(mar.outcome.messages.map((m) => m.key)).toContain('ledger.adjust.unplaced');
    expect(mar.outcome.people.get('recSun')!.raw.isPositive()).toBe(true);
    // A new hire with nothing in February gets no February pay.
    expect(mar.outcome.people.has('recNew')).toBe(false);
  });

  it('computes nothing, and says why, when the results table cannot record what it carries', () => {
    const base = facts();
    const sim = new LedgerSim(plan(), base);
    const feb = sim.refresh('2026-02');
    sim.close('2026-02', FEB_CLOSE);
    base.sources.orders.push(order('recO123', 'recLi', -10000, '2026-02-20'));
    const mar = sim.refresh('2026-03');
    expect(mar.outcome.people.size).toBeGreaterThan(0);
    const closed = [recomputeClosed(sim.plan, sim.period('2026-02'), sim.states['2026-02'], base)];
    const without = computeAdjustments({
      open: sim.period('2026-03'),
      periods: sim.plan.periods,
      states: sim.states,
      closed,
      rows: sim.rows,
      keys: LEDGER_KEYS.filter((key) => key !== 'adjustmentDetail'),
      results: feb.run.results,
      policy: {kind: 'full'},
      currency: sim.plan.currency,
    });
    expect(without.people.size).toBe(0);
    expect(without.messages.map((m) => messageText(m).en)).toEqual([
      'The results table has no "Adjustment detail" field (long text) to record what is carried, so the adjustments of closed periods were not computed: add the field and refresh',
    ]);
  });

  it('is carried by the first open period after the closed ones, within the lookback', () => {
    const months = [1, 2, 3, 4, 5].map((m) => monthPeriod(2026, m));
    const closed = {status: 'closed' as const, frozenVersionId: 'v1'};
    expect(adjustedPeriods(months, {'2026-01': closed, '2026-02': closed}, months[2], 3).map((p) => p.id)).toEqual(['2026-01', '2026-02']);
    expect(adjustedPeriods(months, {'2026-01': closed, '2026-02': closed}, months[3], 3)).toEqual([]);
    expect(adjustedPeriods(months, {'2026-01': closed, '2026-02': closed, '2026-03': closed, '2026-04': closed}, months[4], 3).map((p) => p.id)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
  });

  it('writes and re-reads the adjustment detail in either language, and counts lines it cannot read', () => {
    const differences = [
      {periodId: '2026-10', component: 'bonus' as const, amount: new D('-150')},
      {periodId: '2026-11', component: 'award' as const, amount: new D('1234.5')},
    ];
    const zh = detailLines(differences, 'zh', 2)!;
    expect(zh).toBe('2026-10 · 奖金 · -150.00\n2026-11 · 冠军奖 · 1234.50');
    for (const text of [zh, detailLines(differences, 'en', 2)!]) {
      expect(parseDetail(text).entries.map((e) => [e.periodId, e.component, e.amount.toFixed(2)])).toEqual([
        ['2026-10', 'bonus', '-150.00'],
        ['2026-11', 'award', '1234.50'],
      ]);
    }
    expect(parseDetail(`${zh}\n2026-12 · 未知 · 5\nnonsense`).unreadable).toBe(2);
  });
});

describe('the clawback policy', () => {
  const cny = {code: 'CNY', precision: 2, rounding: 'halfUp' as const};
  it('takes in full, caps at a percentage of pay with the rest as a balance, or forgives', () => {
    const due = new D(-3000);
    const pay = new D(4000);
    expect(applyClawback(due, pay, {kind: 'full'}, cny).taken.toFixed(2)).toBe('-3000.00');
    const capped = applyClawback(due, pay, {kind: 'capped', percent: '25'}, cny);
    expect([capped.taken.toFixed(2), capped.balance.toFixed(2), capped.cap?.toFixed(2)]).toEqual(['-1000.00', '-2000.00', '1000.00']);
    // A third of 1,000.01 is 333.336...: the cap never takes a cent more than the percentage.
    expect(applyClawback(due, new D('1000.01'), {kind: 'capped', percent: '33.3333'}, cny).taken.toFixed(2)).toBe('-333.33');
    const none = applyClawback(due, pay, {kind: 'none'}, cny);
    expect([none.taken.toFixed(2), none.forgiven.toFixed(2), none.balance.toFixed(2)]).toEqual(['0.00', '-3000.00', '0.00']);
    expect(applyClawback(new D(200), pay, {kind: 'none'}, cny).taken.toFixed(2)).toBe('200.00');
  });

  it('is read from the plan with coded zh/en reasons, and its faults make the plan invalid', () => {
    expect(parseAdjustmentPolicy(undefined)).toEqual({policy: {}, issues: []});
    expect(parseAdjustmentPolicy({lookback: 6, clawback: {kind: 'capped', percent: '30'}}).issues).toEqual([]);
    const bad = parseAdjustmentPolicy({lookback: 0, clawback: {kind: 'capped', percent: '130'}, changedAt: {orders: {field: 'x'}}});
    expect(bad.policy).toBeNull();
    expect(bad.issues.map((i) => i.code)).toEqual(['ledger.adjust.policy.lookback', 'ledger.adjust.policy.percent', 'ledger.adjust.policy.changedAt']);
    expect(bad.issues[1].message).toEqual({
      zh: '扣回上限须为 0 到 100 之间的百分数（如 "30"），现为 "130"',
      en: 'The clawback cap must be a percentage from 0 to 100 (such as "30"), not "130"',
    });
    expect(parseAdjustmentPolicy({clawback: {kind: 'half'}}).issues[0].message.en).toBe('The clawback of negative adjustments must be full, capped or none, not "half"');
    expect(validatePlan({...workedExamplePlan(), adjustments: 'yes'}).map((i) => i.code)).toContain('ledger.adjust.policy.invalid');
    expect(validatePlan({...workedExamplePlan(), adjustments: {lookback: 2}}).filter((i) => i.code.startsWith('ledger.'))).toEqual([]);
  });
});

/**
 * The invariant, over random late changes (refunds, late orders, rating corrections) to closed
 * months: what the closed months paid, plus every adjustment taken, plus the balance still
 * carried, equals what they come to recomputed today, per person, to the cent.
 */
describe('the ledger invariant', () => {
  const months = [1, 2, 3, 4, 5].map((m) => monthPeriod(2026, m));
  const change = fc.record({
    kind: fc.constantFrom<LateChange['kind']>('refund', 'lateOrder', 'rating'),
    month: fc.integer({min: 0, max: 3}),
    rep: fc.constantFrom('recLi', 'recWang', 'recZhao', 'recChen'),
    amount: fc.integer({min: 1, max: 4000000}).map((cents) => cents / 100),
    rating: fc.integer({min: 1, max: 5}),
  });

  function monthlyFacts(): Facts {
    const base = facts();
    const mm = (i: number) => String(i + 1).padStart(2, '0');
    const reps = base.participants.map((p) => p.id);
    base.sources.orders = months.flatMap((_, i) => reps.map((rep, r) => order(`O${i}${r}`, rep, 20000 + 10000 * ((i + r) % 4), `2026-${mm(i)}-10`)));
    base.sources.reviews = months.flatMap((_, i) => reps.map((rep, r) => review(`R${i}${r}`, rep, 1 + ((i * 3 + r) % 5), `2026-${mm(i)}-12`)));
    base.sources.customers = months.flatMap((_, i) => reps.flatMap((rep, r) => Array.from({length: 1 + ((i + r) % 5)}, (_, k) => customer(`C${i}${r}${k}`, rep, `2026-${mm(i)}-05`))));
    return base;
  }

  function applyChange(base: Facts, c: LateChange, n: number) {
    const date = `2026-${String(c.month + 1).padStart(2, '0')}-2${n % 8}`;
    if (c.kind === 'refund') base.sources.orders.push(order(`refund${n}`, c.rep, -c.amount, date));
    else if (c.kind === 'lateOrder') base.sources.orders.push(order(`late${n}`, c.rep, c.amount, date));
    else {
      const r = ['recLi', 'recWang', 'recZhao', 'recChen'].indexOf(c.rep);
      base.sources.reviews = base.sources.reviews.map((rv) => (rv.id === `R${c.month}${r}` ? review(rv.id, c.rep, c.rating, rv.date) : rv));
    }
  }

  const incentives = (r: ParticipantResult | undefined) => (r ? ADJUSTED_COMPONENTS.reduce((s, k) => s.plus(r[k]), new D(0)) : new D(0));

  function check(policy: ClawbackPolicy) {
    fc.assert(
      fc.property(fc.array(fc.array(change, {maxLength: 3}), {minLength: 4, maxLength: 4}), (changesAfterClose) => {
        const base = monthlyFacts();
        const plan: PlanDocument = {...workedExamplePlan(), periods: months, adjustments: {lookback: 12, clawback: policy}};
        const sim = new LedgerSim(plan, base);
        let n = 0;
        for (let i = 0; i < 4; i++) {
          sim.refresh(months[i].id);
          sim.close(months[i].id, `2026-0${i + 2}-05T10:00:00.000Z`);
          // Late changes only to months already closed.
          for (const c of changesAfterClose[i]) applyChange(base, {...c, month: Math.min(c.month, i)}, n++);
        }
        const last = sim.refresh(months[4].id);
        for (const p of base.participants) {
          let paidAndCarried = new D(0);
          let recomputed = new D(0);
          for (let i = 0; i < 4; i++) {
            const row = sim.row(p.id, months[i].id)!;
            paidAndCarried = paidAndCarried.plus(ADJUSTED_COMPONENTS.reduce((s, k) => s.plus(row.cells[k] as number), new D(0)));
            recomputed = recomputed.plus(incentives(runPlan(plan, months[i].id, base).results.find((r) => r.participantId === p.id)));
          }
          for (let i = 1; i < 5; i++) paidAndCarried = paidAndCarried.plus(sim.row(p.id, months[i].id)!.cells.adjustments as number);
          const balance = new D((sim.row(p.id, months[4].id)!.cells.balance as number) ?? 0);
          if (policy.kind === 'full') expect(balance.isZero()).toBe(true);
          // Balances are zero or negative; what the person is still owed back is the balance.
          expect(balance.isPositive() && !balance.isZero()).toBe(false);
          expect(paidAndCarried.plus(balance).toFixed(2)).toBe(recomputed.toFixed(2));
          // Per component, with the detail: paid + every difference carried = recomputed.
          for (let i = 0; i < 4; i++) {
            const now = runPlan(plan, months[i].id, base).results.find((r) => r.participantId === p.id);
            for (const k of ADJUSTED_COMPONENTS) {
              let sum = new D(sim.row(p.id, months[i].id)!.cells[k] as number);
              for (let j = i + 1; j < 5; j++) {
                for (const e of parseDetail(sim.row(p.id, months[j].id)!.cells.adjustmentDetail).entries) if (e.periodId === months[i].id && e.component === k) sum = sum.plus(e.amount);
              }
              expect(sum.toFixed(2)).toBe(new D(now ? now[k] : '0').toFixed(2));
            }
          }
        }
        // Refreshing the open month again changes nothing.
        expect(sim.refresh(months[4].id).upsert.updates).toEqual([]);
        expect(last.outcome.total.toFixed(2)).toBe(
          base.participants.reduce((s, p) => s.plus(sim.row(p.id, months[4].id)!.cells.adjustments as number), new D(0)).toFixed(2),
        );
      }),
      {numRuns: 25},
    );
  }

  it('holds with clawback in full', () => check({kind: 'full'}));
  it('holds with a capped clawback, balances included', () => check({kind: 'capped', percent: '10'}));
});

