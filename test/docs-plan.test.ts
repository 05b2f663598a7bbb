/**
 * docs/plan.md's worked example is recomputed here from the doc's own tables: the facts are read
 * from the doc, the engine runs the fixture plan the doc describes, and every number of the doc's
 * results table, the breakdown block and the totals line must be what the engine writes.
 */
import {runPlan} from '../src/engine';
import type {ScoreRounding} from '../src/plan';
import {review, workedExamplePlan} from './support/planFixtures';
import {docTable, planDoc, workedExampleFacts} from './statement/workedExample';
import {sayEach} from '../src/i18n';

const doc = planDoc;
const table = docTable;

/** The worked example's results row by row, as the results table lists them. */
function resultRows(run: ReturnType<typeof runPlan>): string[][] {
  return run.results.map((r) => [
    r.name,
    ...r.metrics.map((m) => m.value ?? '-'),
    r.totalScore,
    r.grade ?? '',
    String(r.rank),
    r.performancePay,
    r.bonus,
    r.teamBonus,
    r.award,
    r.totalPay,
    r.honours.map((h) => h.zh).join('、'),
  ]);
}

const ROUNDING: Record<string, ScoreRounding> = {
  'rounded once (default) 总分舍入一次': {mode: 'total', places: 2},
  'each line, 2 places 各项舍入后相加': {mode: 'eachWeighted', places: 2},
};

describe('docs/plan.md worked example', () => {
  const plan = workedExamplePlan();
  const run = runPlan(plan, '2026-03', workedExampleFacts());

  it('has the same results under both score roundings (every weighted score there has 2 places or fewer)', () => {
    expect(plan.scoreRounding).toBeUndefined();
    for (const rounding of Object.values(ROUNDING)) {
      expect(resultRows(runPlan({...plan, scoreRounding: rounding}, '2026-03', workedExampleFacts()))).toEqual(table('results'));
    }
  });

  it('compares the two score roundings on the §7 example', () => {
    const facts = workedExampleFacts();
    const wang = facts.participants.find((p) => p.name === '王芳')!;
    // §7's changes: o2 is 16,012.50, and a fourth review for 王芳 rated 3.
    const o2 = facts.sources.orders.find((o) => o.id === 'o2')!;
    o2.values = {...o2.values, fldOrdersAmount: 16012.5};
    facts.sources.reviews.push(review('v8', wang.id, 3, '2026-03-12'));
    const rows = table('rounding');
    expect(rows.map((r) => r[0])).toEqual(Object.keys(ROUNDING));
    for (const [name, lines, total] of rows) {
      const result = runPlan({...plan, scoreRounding: ROUNDING[name]}, '2026-03', facts).results.find((r) => r.name === '王芳')!;
      expect([result.metrics.map((m) => m.weighted).join(' + '), result.totalScore]).toEqual([lines, total]);
      const en = sayEach(result.breakdown, 'en');
      const zh = sayEach(result.breakdown, 'zh');
      const note = (text: string[]) => text.find((l) => l.startsWith('(') || l.startsWith('（'));
      if (ROUNDING[name].mode === 'total') {
        expect(doc.replace(/\s+/g, " ")).toContain(`"${note(en)}" / "${note(zh)}"`);
      } else expect(note(en)).toBeUndefined();
    }
  });

  it('describes the plan the test runs', () => {
    const version = plan.versions[0];
    const rows = table('plan');
    expect(rows.map((r) => r[0].split(' ')[0])).toEqual(version.metrics.map((m) => m.id));
    rows.forEach(([, weight, senior, junior], i) => {
      const metric = version.metrics[i];
      expect(weight).toBe(metric.weight);
      if (metric.target.kind === 'perTier') expect([senior, junior]).toEqual([metric.target.values['资深'], metric.target.values['新人']]);
      if (metric.target.kind === 'fixed') expect([senior, junior]).toEqual([metric.target.value, metric.target.value]);
    });
  });

  it('has the results the engine computes, row by row', () => {
    expect(run.issues).toEqual([]);
    expect(table('results')).toEqual(resultRows(run));
  });

  it('shows the breakdown the engine writes', () => {
    const start = doc.indexOf('<!-- breakdown:王芳 -->');
    const block = doc.slice(start).split('```text\n')[1].split('\n```')[0].split('\n');
    const wang = run.results.find((r) => r.name === '王芳')!;
    expect(block).toEqual([...sayEach(wang.breakdown, 'zh'), ...sayEach(wang.breakdown, 'en')]);
  });

  it('states the run totals and counts', () => {
    const money = (s: string) => Number(s).toLocaleString('en-US', {minimumFractionDigits: 2});
    const t = run.totals;
    expect(doc).toContain(
      `Run totals: performance pay ${money(t.performancePay)}, bonus ${money(t.bonus)}, team bonus ${money(t.teamBonus)}, award ${money(t.award)},\ntotal pay ${money(t.totalPay)}; ${run.stats.recordsRead} records read, ${run.stats.recordsCredited} credited, ${run.stats.recordsOutsidePeriod} outside the period.`,
    );
  });
});
