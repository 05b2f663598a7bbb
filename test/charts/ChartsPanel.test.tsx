/**
 * @jest-environment jsdom
 *
 * ChartsPanel on a run of the demo base. jsdom has no canvas, so react-chartjs-2's components are
 * replaced by a canvas that records the props they were given: the data and options chart.js
 * would draw from. The tooltips and axis labels are called as chart.js calls them.
 */
// The SDK's UI kit (Box, Heading) looks for the testing interface when first loaded.
import '@airtable/blocks-testing';
import type {ReactElement} from 'react';
import {render, screen} from '@testing-library/react';
import Decimal from 'decimal.js';
import type {ChartData, ChartOptions, TooltipItem} from 'chart.js';
import {t} from '../../src/i18n';
import type {Lang, PlanDocument} from '../../src/plan';
import type {RunResult} from '../../src/results';
import {trendRow} from '../../src/charts';
import {LangProvider} from '../../frontend/state/lang';
import {ChartsPanel} from '../../frontend/charts/ChartsPanel';
import {demoRuns} from './demoRun';

interface Drawn {
  type: string;
  label: string;
  data: ChartData<'bar' | 'line'>;
  options: ChartOptions<'bar' | 'line'>;
}

const drawn: Drawn[] = [];

jest.mock('react-chartjs-2', () => {
  const record = (type: string) =>
    function Recorded({data, options, type: given, ...canvas}: {data: ChartData; options: ChartOptions; type?: string} & Record<string, unknown>) {
      drawn.push({type: given ?? type, label: String(canvas['aria-label'] ?? ''), data: data as Drawn['data'], options: options as Drawn['options']});
      return <canvas {...canvas} />;
    };
  return {Bar: record('bar'), Chart: record('chart'), Line: record('line')};
});

jest.setTimeout(120_000);

let plan: PlanDocument;
let run: RunResult;
let teams: Map<string, string | null>;
let runs: RunResult[];

beforeAll(async () => {
  ({plan, runs, teams} = await demoRuns(['2026-02', '2026-03']));
  run = runs[1];
});

beforeEach(() => {
  drawn.length = 0;
});

function show(lang: Lang, element: ReactElement) {
  return render(<LangProvider initial={lang}>{element}</LangProvider>);
}

/** The chart drawn under a heading. */
function chart(title: string): Drawn {
  const found = drawn.filter((d) => d.label.startsWith(`${title}:`));
  expect(found.length).toBeGreaterThan(0);
  return found[found.length - 1];
}

const tooltip = (d: Drawn) => d.options.plugins!.tooltip!.callbacks! as unknown as Record<string, (item: unknown) => unknown>;
const item = (d: Drawn, datasetIndex: number, dataIndex: number) =>
  ({datasetIndex, dataIndex, dataset: d.data.datasets[datasetIndex], raw: d.data.datasets[datasetIndex].data[dataIndex]}) as unknown as TooltipItem<'bar'>;

/** The exact sum of a field over a team, as a check independent of src/charts. */
function teamSum(team: string, field: 'bonus' | 'totalPay'): string {
  return run.results.filter((r) => teams.get(r.participantId) === team).reduce((sum, r) => sum.plus(r[field]), new Decimal(0)).toFixed(2);
}

describe('ChartsPanel', () => {
  it('draws the four charts of the run with zh labels and yuan amounts', () => {
    show('zh', <ChartsPanel run={run} plan={plan} teamOf={teams} />);
    expect(screen.getByRole('heading', {name: '图表'})).toBeInTheDocument();
    for (const key of ['charts.grades.title', 'charts.histogram.title', 'charts.teamPay.title', 'charts.leaderboard.title'] as const) {
      expect(screen.getByRole('heading', {name: t('zh', key)})).toBeInTheDocument();
      expect(screen.getByRole('img', {name: new RegExp(`^${t('zh', key).replace(/[()（）]/g, '.')}:`)})).toBeInTheDocument();
    }

    // Grade distribution: people per grade, in the plan's order.
    const grades = chart('等级分布');
    expect(grades.data.labels).toEqual(['S 级', 'A 级', 'B 级', 'C 级', 'D 级']);
    expect(grades.data.datasets[0].data).toEqual(['S', 'A', 'B', 'C', 'D'].map((g) => run.results.filter((r) => r.grade === g).length));
    const sCount = run.results.filter((r) => r.grade === 'S').length;
    expect(tooltip(grades).label(item(grades, 0, 0))).toBe(`${sCount} 人 (占 ${new Intl.NumberFormat('zh-CN', {style: 'percent', maximumFractionDigits: 1}).format(sCount / run.results.length)})`);

    // Histogram: every participant in a bar of the grade the engine gave them.
    const histogram = chart('总分分布（按等级着色）');
    const bars = histogram.data.datasets.flatMap((set) => (set.data as unknown as {x: number; y: number}[]).map((point) => ({grade: set.label, ...point})));
    expect(bars.reduce((sum, bar) => sum + bar.y, 0)).toBe(run.results.length);
    const top = run.results[0];
    const topBar = bars.find((bar) => Math.abs(bar.x - Number(top.totalScore)) <= 2.5)!;
    expect(topBar.grade).toBe(`${top.grade} 级`);

    // Pay by team: the bonus of the first team, exactly, in yuan; base salary hidden at first.
    const pay = chart('各团队收入构成');
    const team = pay.data.labels![0] as string;
    const bonusSet = pay.data.datasets.findIndex((set) => set.label === '奖金');
    expect(tooltip(pay).label(item(pay, bonusSet, 0))).toBe(`奖金: ${new Intl.NumberFormat('zh-CN', {style: 'currency', currency: 'CNY'}).format(Number(teamSum(team, 'bonus')))}`);
    expect(tooltip(pay).label(item(pay, bonusSet, 0))).toMatch(/^奖金: ¥[\d,]+\.\d\d$/);
    expect(tooltip(pay).footer([item(pay, bonusSet, 0)])).toEqual([`总收入 ¥${new Decimal(teamSum(team, 'totalPay')).toNumber().toLocaleString('zh-CN', {minimumFractionDigits: 2})}`, `${run.results.filter((r) => teams.get(r.participantId) === team).length} 人`]);
    expect(pay.data.datasets.map((set) => [set.label, Boolean(set.hidden)])).toEqual([
      ['基本工资', true],
      ['绩效工资', false],
      ['奖金', false],
      ['团队奖', false],
      ['冠军奖', false],
    ]);
    const payAxis = (pay.options.scales!.x!.ticks as {callback: (value: number) => string}).callback;
    expect(payAxis(200000)).toBe('¥20万');

    // Leaderboard: the first ten in rank order, score and pay.
    const board = chart('排行榜：总分与总收入');
    expect(board.data.labels).toEqual(run.results.slice(0, 10).map((r) => `${r.rank}. ${r.name}`));
    expect(tooltip(board).label(item(board, 1, 0))).toBe(`总收入: ${new Intl.NumberFormat('zh-CN', {style: 'currency', currency: 'CNY'}).format(Number(top.totalPay))}`);
    expect(tooltip(board).label(item(board, 0, 0))).toBe(`总分: ${Number(top.totalScore)} (${top.grade} 级)`);
  });

  it('speaks English and shows dollars for a plan paid in USD', () => {
    const dollars = {...plan, currency: {...plan.currency, code: 'USD'}};
    show('en', <ChartsPanel run={run} plan={dollars} teamOf={teams} leaderboardSize={3} />);
    expect(screen.getByRole('heading', {name: 'Charts'})).toBeInTheDocument();
    const grades = chart('Grade distribution');
    expect(grades.data.labels).toEqual(['Grade S', 'Grade A', 'Grade B', 'Grade C', 'Grade D']);
    const pay = chart('Pay by team and component');
    const team = pay.data.labels![0] as string;
    const bonusSet = pay.data.datasets.findIndex((set) => set.label === 'Bonus');
    expect(tooltip(pay).label(item(pay, bonusSet, 0))).toBe(`Bonus: $${Number(teamSum(team, 'bonus')).toLocaleString('en-US', {minimumFractionDigits: 2})}`);
    expect((pay.options.scales!.x!.ticks as {callback: (value: number) => string}).callback(200000)).toBe('$200K');
    expect((pay.options.scales!.x as {title: {text: string}}).title.text).toBe('Amount ($)');
    const board = chart('Leaderboard: score and pay');
    expect(board.data.labels).toHaveLength(3);
  });

  it("draws a person's trend from their rows, the parts stacked to the total pay", () => {
    const id = run.results[0].participantId;
    const rows = runs.map((r, i) => trendRow(['2026-02', '2026-03'][i], ['2月', '3月'][i], r.results.find((x) => x.participantId === id)!));
    show('zh', <ChartsPanel run={run} plan={plan} teamOf={teams} trend={{name: run.results[0].name, rows}} />);
    const trend = chart(`${run.results[0].name} 的历期趋势`);
    expect(trend.type).toBe('bar');
    expect(trend.data.labels).toEqual(['2月', '3月']);
    expect(trend.data.datasets[0]).toMatchObject({type: 'line', label: '总分', data: rows.map((r) => Number(r.totalScore))});
    const stacked = trend.data.datasets.slice(1);
    rows.forEach((row, i) => expect(stacked.reduce((sum, set) => sum.plus(String(set.data[i])), new Decimal(0)).toFixed(2)).toBe(new Decimal(row.totalPay).toFixed(2)));
    expect(tooltip(trend).footer([item(trend, 1, 1)])).toEqual([`总收入 ${new Intl.NumberFormat('zh-CN', {style: 'currency', currency: 'CNY'}).format(Number(rows[1].totalPay))}`]);
  });

  it('labels uneven bins by their range when a band boundary falls off every nice step', () => {
    const odd = {...plan, versions: plan.versions.map((v) => ({...v, grades: [{grade: 'A', min: '72.3', coefficient: '1'}, {grade: 'B', min: '0', max: '72.3', coefficient: '1'}]}))};
    show('en', <ChartsPanel run={run} plan={odd} teamOf={teams} />);
    const histogram = chart('Scores, coloured by grade band');
    expect(histogram.options.scales!.x!.type).toBe('category');
    expect(histogram.data.labels).toEqual(expect.arrayContaining(['70–72.3', '72.3–75']));
    const grades = Object.fromEntries(histogram.data.datasets.map((set) => [set.label, (set.data as unknown as {bin: number}[]).map((p) => (histogram.data.labels as string[])[p.bin])]));
    expect(grades['Grade B']).toContain('70–72.3');
    expect(grades['Grade A']).toContain('72.3–75');
  });

  it('says there is nothing to chart for a run without results', () => {
    show('en', <ChartsPanel run={{...run, results: []}} plan={plan} teamOf={teams} />);
    expect(screen.getByText('This run has no results: there is nothing to chart.')).toBeInTheDocument();
    expect(drawn).toHaveLength(0);
  });
});
