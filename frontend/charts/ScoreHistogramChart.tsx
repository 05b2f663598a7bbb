/**
 * Scores as a histogram (总分分布), each bar coloured by the grade band it lies in: one dataset
 * per grade, stacked, so that the legend names the bands.
 */
import {Bar} from 'react-chartjs-2';
import type {ChartOptions} from 'chart.js';
import type {Currency, GradeBand} from '../../src/plan';
import type {ScoreHistogram} from '../../src/charts';
import './register';
import {ChartCard} from './ChartCard';
import {gradeColours, NO_GRADE_COLOUR} from './palette';
import {useChartText} from './useChartText';

export function ScoreHistogramChart({histogram, grades, currency}: {histogram: ScoreHistogram; grades: readonly GradeBand[]; currency: Pick<Currency, 'code' | 'precision'>}) {
  const {t, locale, people, number} = useChartText(currency);
  const colours = gradeColours(grades);
  const bins = histogram.bins;
  const groups: {grade: string | null; label: string; colour: string}[] = [
    ...grades.map((band) => ({grade: band.grade, label: t('charts.grades.grade', {grade: band.grade}), colour: colours.get(band.grade) ?? NO_GRADE_COLOUR})),
    ...(bins.some((bin) => bin.grade === null) ? [{grade: null, label: t('charts.grades.ungraded'), colour: NO_GRADE_COLOUR}] : []),
  ].filter((group) => bins.some((bin) => bin.grade === group.grade));
  const range = (i: number) => t('charts.histogram.bin', {from: number(bins[i].from), to: number(bins[i].to)});
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    locale,
    // Bars that touch, as a histogram's do.
    datasets: {bar: {categoryPercentage: 1, barPercentage: 1, borderColor: '#ffffff', borderWidth: {left: 1, right: 1}}},
    plugins: {
      legend: {position: 'bottom', labels: {boxWidth: 12}},
      tooltip: {
        filter: (item) => item.raw !== null,
        callbacks: {title: (items) => (items.length ? range(items[0].dataIndex) : ''), label: (item) => `${item.dataset.label}: ${people(Number(item.raw))}`},
      },
    },
    scales: {
      x: {stacked: true, grid: {display: false}, title: {display: true, text: t('charts.axis.score')}, ticks: {maxRotation: 0, autoSkipPadding: 8}},
      y: {stacked: true, beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: t('charts.axis.people')}},
    },
  };
  const title = t('charts.histogram.title');
  return (
    <ChartCard title={title} height={230}>
      <Bar
        role="img"
        aria-label={`${title}: ${bins.filter((bin) => bin.count > 0).map((bin) => `${t('charts.histogram.bin', {from: number(bin.from), to: number(bin.to)})} ${people(bin.count)}`).join(', ')}`}
        data={{
          labels: bins.map((bin) => number(bin.from)),
          datasets: groups.map((group) => ({
            label: group.label,
            data: bins.map((bin) => (bin.grade === group.grade ? bin.count : null)),
            backgroundColor: group.colour,
          })),
        }}
        options={options}
      />
    </ChartCard>
  );
}
