/**
 * docs/adjustments.md's worked example (a capped clawback over two periods) run with the engine
 * and the ledger: every number of the doc's table and the lines it shows must be what the ledger
 * writes.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {runPlan} from '../../src/engine/run';
import {groupDigits} from '../../src/i18n';
import {monthPeriod} from '../../src/period';
import {makeFacts, makePlan, order, person, salesMetric} from '../support/planFixtures';
import {LedgerSim} from './adjustmentsSim';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'adjustments.md'), 'utf8');

function table(name: string): string[][] {
  const start = doc.indexOf(`<!-- table:${name} -->`);
  if (start < 0) throw new Error(`docs/adjustments.md has no table ${name}`);
  const rows: string[][] = [];
  for (const line of doc.slice(start).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

function lines(name: string): string[] {
  const start = doc.indexOf(`<!-- lines:${name} -->`);
  if (start < 0) throw new Error(`docs/adjustments.md has no lines ${name}`);
  const block = doc.slice(start).split('```')[1];
  return block.split('\n').filter((line) => line.trim() !== '');
}

const money = (cents: number) => groupDigits((cents / 100).toFixed(2));

describe('docs/adjustments.md worked example', () => {
  const rows = table('capped');
  const plan = makePlan({
    metrics: [salesMetric({weight: '100', target: {kind: 'fixed', value: '50000'}, scoring: {kind: 'attainment', cap: '200'}})],
    incentives: {bonuses: [{id: 'salesBonus', label: {zh: '销售奖金', en: 'Sales bonus'}, metricId: 'sales', tierMode: 'whole', tiers: [{fromAttainment: '0', rate: '0.05'}]}]},
  });
  plan.periods = [2, 3, 4, 5].map((m) => monthPeriod(2026, m));
  plan.adjustments = {clawback: {kind: 'capped', percent: '25'}};
  // The doc's sales per month, the refund of February entered after February's close.
  const facts = makeFacts(
    [person('recLi', '李娜')],
    {orders: rows.map(([period, sales]) => order(`O-${period}`, 'recLi', Number(sales.replace(/,/g, '')), `${period}-10`))},
  );
  const sim = new LedgerSim(plan, facts);
  const breakdowns = new Map<string, string[]>();
  /** Per period, the doc's columns as the ledger computed them (sales, the input, left out). */
  const computed = new Map<string, string[]>();
  rows.forEach(([period], i) => {
    const refresh = sim.refresh(period);
    breakdowns.set(period, String(sim.row('recLi', period)!.cells.breakdown).split('\n'));
    const person = refresh.outcome.people.get('recLi');
    const ran = refresh.run.results[0];
    computed.set(period, [
      money(Math.round(Number(ran.bonus) * 100)),
      money(Math.round(Number(ran.totalPay) * 100)),
      person ? money(person.broughtForward.times(100).toNumber()) : '0.00',
      person ? money(person.raw.times(100).toNumber()) : '0.00',
      money(Math.floor(Number(ran.totalPay) * 25)),
      money(sim.cents('recLi', period, 'adjustments')),
      money(sim.cents('recLi', period, 'balance')),
      money(sim.cents('recLi', period, 'totalPay')),
    ]);
    if (i < rows.length - 1) sim.close(period, `${plan.periods[i + 1].start}T10:00:00.000Z`);
    if (period === '2026-02') facts.sources.orders.push(order('R-1', 'recLi', -60000, '2026-02-20'));
  });

  it('has the figures the ledger writes, period by period', () => {
    expect(rows.map((row) => row[0])).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    for (const row of rows) expect([row[0], ...row.slice(2)]).toEqual([row[0], ...computed.get(row[0])!]);
  });

  it('keeps the invariant: what February paid plus the adjustments and the balance is February today', () => {
    const paid = sim.cents('recLi', '2026-02', 'bonus');
    const taken = ['2026-03', '2026-04', '2026-05'].reduce((sum, p) => sum + sim.cents('recLi', p, 'adjustments'), 0);
    const now = Math.round(Number(runPlan(plan, '2026-02', facts).results[0].bonus) * 100);
    expect(paid + taken + sim.cents('recLi', '2026-05', 'balance')).toBe(now);
    expect(now).toBe(200000);
  });

  it('shows the lines the doc shows', () => {
    for (const period of ['2026-03', '2026-04']) {
      const written = breakdowns.get(period)!;
      expect(written.slice(-lines(period).length)).toEqual(lines(period));
    }
  });
});
